import { describe, expect, it } from 'vitest';
import { CustomFieldEntity, CustomFieldType, type CustomFieldDto } from '@kehu/contracts';
import { activeFields, customFieldsBody, displayValue, formValues, validateCustomFields } from './custom-field-values';

let order = 0;
const field = (key: string, type: CustomFieldType, extra: Partial<CustomFieldDto> = {}): CustomFieldDto => ({
  id: key, entityType: CustomFieldEntity.CUSTOMER, key, label: key.toUpperCase(), type, options: ['VIP', 'Normal'], required: false, sortOrder: order++, active: true, version: 1, ...extra,
});

const fields = [
  field('erp_level', CustomFieldType.SINGLE_SELECT, { required: true }),
  field('budget', CustomFieldType.MONEY),
  field('since', CustomFieldType.DATE),
  field('channels', CustomFieldType.MULTI_SELECT),
  field('vip', CustomFieldType.BOOLEAN),
  field('note', CustomFieldType.TEXT),
  field('hidden', CustomFieldType.TEXT, { active: false }),
];

describe('custom field values', () => {
  it('builds blank form values by type, in order, without inactive fields', () => {
    expect(activeFields(fields).map((f) => f.key)).not.toContain('hidden');
    expect(formValues(fields)).toEqual({ erp_level: '', budget: null, since: '', channels: [], vip: false, note: '' });
    expect(formValues(fields, { budget: '12.5', channels: 'VIP', vip: true, hidden: 'x' })).toMatchObject({ budget: 12.5, channels: ['VIP'], vip: true });
  });

  it('checks required, numbers, dates and choices like the server', () => {
    const values = { ...formValues(fields), budget: Number.NaN, since: '2026-13-45x', channels: ['VIP', 'Gold'] };
    expect(validateCustomFields(fields, values)).toEqual({ erp_level: 'required', budget: 'number', since: 'date', channels: 'option' });
    expect(validateCustomFields(fields, { ...formValues(fields), erp_level: 'Gold' })).toEqual({ erp_level: 'option' });
    expect(validateCustomFields(fields, { ...formValues(fields), erp_level: 'VIP', since: '2026-02-01' })).toEqual({});
  });

  it('create: leaves blanks and untouched switches out', () => {
    const values = { ...formValues(fields), erp_level: 'VIP', budget: 1000 };
    expect(customFieldsBody(fields, values, 'create')).toEqual({ erp_level: 'VIP', budget: 1000 });
    expect(customFieldsBody(fields, formValues(fields), 'create')).toBeUndefined();
  });

  it('update: sends changed values, null for a cleared one, nothing for untouched', () => {
    const stored = { erp_level: 'VIP', note: 'old', vip: true };
    const values = { ...formValues(fields, stored), note: '', budget: 5, vip: false };
    expect(customFieldsBody(fields, values, 'update', stored)).toEqual({ note: null, budget: 5, vip: false });
    expect(customFieldsBody(fields, formValues(fields, stored), 'update', stored)).toBeUndefined();
  });

  it('shows stored values for people', () => {
    const labels = { yes: 'Yes', no: 'No' };
    expect(displayValue(fields[4], true, labels)).toBe('Yes');
    expect(displayValue(fields[3], ['VIP', 'Normal'], labels)).toBe('VIP, Normal');
    expect(displayValue(fields[0], null, labels)).toBe('—');
  });
});

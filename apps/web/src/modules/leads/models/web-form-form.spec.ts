import { describe, expect, it } from 'vitest';
import { WebFormOwnerMode } from '@kehu/contracts';
import { emptyWebForm, fieldRows, moveField, webFormBody } from './web-form-form';

describe('web form editor values', () => {
  it('starts with name, company, phone, e-mail and message shown, name required, custom fields offered', () => {
    const values = emptyWebForm(['budget']);
    expect(values.fields.filter((f) => f.shown).map((f) => f.key)).toEqual(['personName', 'companyName', 'phone', 'email', 'notes']);
    expect(values.fields.find((f) => f.key === 'personName')!.required).toBe(true);
    expect(values.fields.map((f) => f.key)).toContain('cf.budget');
  });

  it('sends the shown fields in order, keeps the name required and drops a fixed owner for other modes', () => {
    const values = { ...emptyWebForm(), name: ' 试用 ', ownerMode: WebFormOwnerMode.QUEUE, ownerId: 'u1', fields: fieldRows([{ key: 'email', required: true }, { key: 'personName', required: false }], []) };
    const body = webFormBody(values, false);
    expect(body).toMatchObject({ name: '试用', ownerMode: 'queue', fields: [{ key: 'email', required: true }, { key: 'personName', required: true }] });
    expect(body).not.toHaveProperty('ownerId');
    expect(webFormBody(values, true)).toMatchObject({ ownerId: null, consentText: null, redirectUrl: null });
  });

  it('moves a field within bounds', () => {
    const rows = fieldRows([{ key: 'personName', required: true }, { key: 'email', required: false }], []);
    expect(moveField(rows, 1, -1).slice(0, 2).map((r) => r.key)).toEqual(['email', 'personName']);
    expect(moveField(rows, 0, -1)).toBe(rows);
  });
});

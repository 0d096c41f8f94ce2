import { describe, expect, it } from 'vitest';
import { ConvertLeadDto } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import { conversionLinks, convertRequest, defaultConvertChoice } from './convert-body';

const lead = { personName: '张伟', companyName: '上海云图科技有限公司' };
const customerId = '3f0b0a52-2b1c-4c55-9a53-8d3f6b8f2a10';

describe('the convert dialog body', () => {
  it('creates a new customer with nothing else by default', () => {
    expect(convertRequest(defaultConvertChoice(lead), false)).toEqual({ body: {}, allowDuplicate: false });
  });

  it('links the chosen existing customer (never with allowDuplicate)', () => {
    const choice = { ...defaultConvertChoice(lead), customer: 'link' as const, customerId };
    expect(convertRequest(choice, true)).toEqual({ body: { customerId }, allowDuplicate: false });
  });

  it('ignores a customer picked earlier when switching back to a new one', () => {
    const choice = { ...defaultConvertChoice(lead), customer: 'new' as const, customerId };
    expect(convertRequest(choice, false).body).toEqual({});
  });

  it('creates the new customer anyway once the user saw the duplicates', () => {
    expect(convertRequest(defaultConvertChoice(lead), true).allowDuplicate).toBe(true);
  });

  it('adds the opportunity with a trimmed name and the amount only when given', async () => {
    const choice = { ...defaultConvertChoice(lead), withOpportunity: true, opportunityName: '  年度采购 ' };
    expect(convertRequest(choice, false).body).toEqual({ createOpportunity: { name: '年度采购' } });
    const withAmount = convertRequest({ ...choice, amount: 0 }, false).body;
    expect(withAmount).toEqual({ createOpportunity: { name: '年度采购', amount: 0 } });
    expect(await validateDto(ConvertLeadDto, withAmount)).toEqual({});
  });

  it('is refused by the shared DTO when the opportunity has no name', async () => {
    const body = convertRequest({ ...defaultConvertChoice(lead), withOpportunity: true, opportunityName: ' ' }, false).body;
    expect(Object.keys(await validateDto(ConvertLeadDto, body))).toEqual(['createOpportunity.name']);
  });

  it('defaults the opportunity name to the company, else the person', () => {
    expect(defaultConvertChoice(lead).opportunityName).toBe('上海云图科技有限公司');
    expect(defaultConvertChoice({ personName: '张伟', companyName: null }).opportunityName).toBe('张伟');
  });

  it('turns LEAD_ALREADY_CONVERTED ids into links', () => {
    expect(conversionLinks({ customerId: 'c1', contactId: 'k1', opportunityId: null })).toEqual([{ kind: 'customer', id: 'c1', to: '/sales/customers/c1' }]);
    expect(conversionLinks({ customerId: 'c1', opportunityId: 'o1' }).map((l) => l.to)).toEqual(['/sales/customers/c1', '/sales/opportunities/o1']);
  });
});

import 'reflect-metadata';
import { CreateCustomerDto, CreateLeadDto } from '@kehu/contracts';
import { flattenValidationErrors } from '@kehu/server-core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { compileDtoCheck, validateRow } from './row-validation';

/** The ValidationPipe's answer for the same body. */
const api = (dto: new () => object, input: Record<string, unknown>) => flattenValidationErrors(validateSync(plainToInstance(dto, input), { whitelist: true, forbidNonWhitelisted: true }));

const customers: Record<string, unknown>[] = [
  { name: '杭州云杉有限公司' },
  { name: '杭州云杉有限公司', phone: '13900001111', email: 'Sales@YunShan.cn', province: '浙江', city: '杭州', tags: ['导入', '基准'], externalSource: 'erp', externalId: 'A-1' },
  { name: 'x', kind: 'company', source: 'referral', lifecycleStage: 'customer', grade: 'A', country: 'CN', nextFollowUpOn: '2027-02-28', customFields: { erp_level: 'VIP' } },
  { name: '' },
  { name: '   ' },
  { name: 'n'.repeat(200) },
  { name: 'n'.repeat(201) },
  { phone: '13900001111' },
  { name: 'x', email: 'not-an-email' },
  { name: 'x', email: 'a@b' },
  { name: 'x', country: 'CHN' },
  { name: 'x', kind: 'planet' },
  { name: 'x', grade: 'Z' },
  { name: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
  { name: 'x', tags: ['t'.repeat(31)] },
  { name: 'x', tags: 'not a list' },
  { name: 'x', nextFollowUpOn: '2027-02-30' },
  { name: 'x', nextFollowUpOn: '2027-2-3' },
  { name: 'x', ownerId: 'nobody' },
  { name: 'x', ownerId: '6f1c1a52-8d3e-4a53-9d1b-1b6c7a1e2f30' },
  { name: 'x', customFields: 'VIP' },
  { name: 'x', unknownColumn: 'y' },
  { name: 'x', externalId: 'e'.repeat(101) },
  { name: 5 },
];

const leads: Record<string, unknown>[] = [
  { personName: '赵导入', companyName: '导入仪器', phone: '+86 139-0000-2222', customFields: { campaign_code: 'EXPO' } },
  { personName: '' },
  { personName: '赵', status: 'disqualified', disqualifiedReason: 'spam' },
  { personName: '赵', status: 'sleeping' },
  { personName: '赵', campaignId: 'c-1' },
  { companyName: '导入仪器' },
];

describe('import row validation', () => {
  it.each<[string, new () => object, Record<string, unknown>[]]>([
    ['customer', CreateCustomerDto, customers],
    ['lead', CreateLeadDto, leads],
  ])('accepts exactly the %s rows the API accepts, and fails the others with its errors', (_, dto, inputs) => {
    const check = compileDtoCheck(dto)!;
    expect(check).not.toBeNull();
    const outcomes = new Set<boolean>();
    for (const input of inputs) {
      const expected = api(dto, input);
      const accepted = check(plainToInstance(dto, input) as Record<string, unknown>);
      outcomes.add(accepted);
      expect({ input, accepted }).toEqual({ input, accepted: expected.length === 0 });
      const row = validateRow(dto, input);
      expect({ input, errors: 'errors' in row ? row.errors : [] }).toEqual({ input, errors: expected });
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it('falls back to validateSync for DTOs it cannot follow', () => {
    class Empty {}
    expect(compileDtoCheck(Empty)).toBeNull();
  });
});

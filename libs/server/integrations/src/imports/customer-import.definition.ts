import { CreateCustomerDto } from '@kehu/contracts';
import { completeness, Customer, CustomersRepository, normalizeCustomerInput } from '@kehu/server-customers';
import type { ImportSpec, RecordValues } from './import-spec';
import { customerColumns } from '../columns/customer-columns';
import { EXTERNAL_ID_MATCH, externalIdParams } from './external-id-match';

const extKey = (v: RecordValues) => (v.externalId ? `x:${v.externalSource ?? ''}:${v.externalId}` : null);

/** Customers match by external id (per source), else by company key (字节跳动 = 北京字节跳动科技有限公司). */
export const customerImportSpec = (repo: CustomersRepository): ImportSpec<Customer> => ({
  entity: 'customer',
  table: 'customers',
  columns: customerColumns,
  dto: CreateCustomerDto,
  updatePermission: 'sales.customer.update',
  alias: 'c',
  normalize: (dto, region) => normalizeCustomerInput(dto as CreateCustomerDto, region),
  matchKeys: (v) => [extKey(v), `n:${v.nameKey}`].filter((k): k is string => !!k),
  async findExisting(m, values) {
    const names = values.map((v) => v.nameKey as string);
    const ext = values.filter((v) => v.externalId);
    const rows: { id: string; name_key: string; external_source: string | null; external_id: string | null }[] = await m.query(
      `SELECT id, name_key, external_source, external_id FROM customers
        WHERE id IN (SELECT id FROM customers WHERE deleted_at IS NULL AND name_key = ANY($1) UNION ALL ${EXTERNAL_ID_MATCH('customers')})
        ORDER BY created_at`,
      [names, ...externalIdParams(ext)],
    );
    const out = new Map<string, string>();
    for (const r of rows) {
      if (r.external_id) out.set(`x:${r.external_source ?? ''}:${r.external_id}`, r.id);
      if (!out.has(`n:${r.name_key}`)) out.set(`n:${r.name_key}`, r.id);
    }
    return out;
  },
  scoped: (p, permission, m) => repo.scoped(p, permission, m),
  forCreate(values, owner, createdBy) {
    const record = { kind: 'company', source: 'other', lifecycleStage: 'prospect', tags: [], ...values, ownerId: owner.id, departmentId: owner.departmentId, developerId: owner.id, claimedAt: new Date().toISOString(), createdBy };
    return { ...record, completeness: completeness(record) };
  },
  forUpdate(before, values) {
    const merged = { ...before, ...values } as Record<string, unknown>;
    return { ...merged, completeness: completeness(merged) };
  },
  sqlTypes: {
    kind: 'text', name: 'text', nameKey: 'text', shortName: 'text', industry: 'text', country: 'text', province: 'text', city: 'text', address: 'text', website: 'text',
    phone: 'text', email: 'text', source: 'text', lifecycleStage: 'text', grade: 'text', tags: 'text[]', externalId: 'text', externalSource: 'text', nextFollowUpOn: 'date',
    customFields: 'jsonb', ownerId: 'uuid', departmentId: 'uuid', developerId: 'uuid', claimedAt: 'timestamptz', createdBy: 'uuid', completeness: 'smallint',
  },
  createdPayload: (v) => ({ ownerId: v.ownerId, source: v.source, channel: 'import' }),
});

import { CreateLeadDto, LeadStatus } from '@kehu/contracts';
import { checkLeadStatus, Lead, LeadsRepository, normalizeLeadInput } from '@kehu/server-sales';
import type { ImportSpec } from './import-spec';
import { leadColumns } from '../columns/lead-columns';
import { EXTERNAL_ID_MATCH, externalIdParams } from './external-id-match';

/** Leads match by external id (per source), else phone, else e-mail. */
export const leadImportSpec = (repo: LeadsRepository): ImportSpec<Lead> => ({
  entity: 'lead',
  table: 'leads',
  columns: leadColumns,
  dto: CreateLeadDto,
  updatePermission: 'sales.lead.update',
  alias: 'l',
  normalize(dto, region) {
    const values = normalizeLeadInput(dto as CreateLeadDto, region);
    checkLeadStatus((values.status as LeadStatus) ?? LeadStatus.NEW, values.disqualifiedReason);
    return values;
  },
  matchKeys: (v) => [v.externalId ? `x:${v.externalSource ?? ''}:${v.externalId}` : null, v.phone ? `p:${v.phone}` : null, v.email ? `e:${v.email}` : null].filter((k): k is string => !!k),
  async findExisting(m, values) {
    const phones = values.filter((v) => v.phone).map((v) => v.phone as string);
    const emails = values.filter((v) => v.email).map((v) => v.email as string);
    const ext = values.filter((v) => v.externalId);
    const rows: { id: string; phone: string | null; email: string | null; external_source: string | null; external_id: string | null }[] = await m.query(
      `SELECT id, phone, email, external_source, external_id FROM leads
        WHERE id IN (SELECT id FROM leads WHERE deleted_at IS NULL AND phone = ANY($1) UNION ALL SELECT id FROM leads WHERE deleted_at IS NULL AND email = ANY($2)
                     UNION ALL ${EXTERNAL_ID_MATCH('leads', 3)})
        ORDER BY created_at`,
      [phones, emails, ...externalIdParams(ext)],
    );
    const out = new Map<string, string>();
    for (const r of rows) {
      if (r.external_id) out.set(`x:${r.external_source ?? ''}:${r.external_id}`, r.id);
      if (r.phone && !out.has(`p:${r.phone}`)) out.set(`p:${r.phone}`, r.id);
      if (r.email && !out.has(`e:${r.email}`)) out.set(`e:${r.email}`, r.id);
    }
    return out;
  },
  scoped: (p, permission, m) => repo.scoped(p, permission, m),
  forCreate: (values, owner, createdBy) => ({ status: LeadStatus.NEW, source: 'other', ...values, ownerId: owner.id, departmentId: owner.departmentId, assignedAt: new Date().toISOString(), createdBy }),
  forUpdate: (before, values) => ({ ...before, ...values }),
  refuseUpdate: (before) => (before.status === LeadStatus.CONVERTED ? 'matches a converted lead, which cannot change' : null),
  sqlTypes: {
    personName: 'text', companyName: 'text', title: 'text', phone: 'text', email: 'text', wechatId: 'text', country: 'text', province: 'text', city: 'text', industry: 'text',
    source: 'text', status: 'text', disqualifiedReason: 'text', notes: 'text', externalId: 'text', externalSource: 'text', customFields: 'jsonb', ownerId: 'uuid', departmentId: 'uuid',
    assignedAt: 'timestamptz', createdBy: 'uuid',
  },
  createdPayload: (v) => ({ ownerId: v.ownerId, source: v.source, channel: 'import' }),
});

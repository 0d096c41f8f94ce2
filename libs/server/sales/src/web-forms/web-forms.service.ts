import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CustomerSource, WebFormOwnerMode, type CreateWebFormDto, type ListWebFormsQuery, type Page, type UpdateWebFormDto, type WebFormDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, OutboxService, paginate, parseSort, restoreRow, softDeleteRow, TransactionService, updateVersioned, type Principal, likePattern } from '@kehu/server-core';
import { CustomFieldsService } from '@kehu/server-customers';
import { DataSource, type EntityManager } from 'typeorm';
import { WebForm } from './web-form.entity';
import { toWebFormDto } from './web-form.mapper';
import { checkWebForm, newPublicKey } from './web-form-rules';

const sorts = {
  createdAt: { expression: 'f.created_at', key: 'createdAt' },
  name: { expression: 'f.name', key: 'name' },
};
/** What the audit diff compares: the DTO minus bookkeeping and the public key (a credential of a kind). */
const audited = (d: WebFormDto) => ({ ...d, publicKey: undefined, version: undefined, updatedAt: undefined, submissionCount: undefined, createdAt: undefined });

/** Web forms (Web 表单): company-wide configuration managed with sales.webform.manage; no data scope. */
@Injectable()
export class WebFormsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly customFields: CustomFieldsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(q: ListWebFormsQuery): Promise<Page<WebFormDto>> {
    const qb = this.ds.getRepository(WebForm).createQueryBuilder('f');
    if (q.deleted) qb.withDeleted().andWhere('f.deleted_at IS NOT NULL');
    if (q.q) qb.andWhere('f.name ILIKE :q', { q: likePattern(q.q.trim()) });
    if (q.enabled !== undefined) qb.andWhere('f.enabled = :enabled', { enabled: q.enabled });
    const sort = parseSort(q.sort, sorts, '-createdAt', { expression: 'f.id', key: 'id' });
    const page = await paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count });
    const counts = await this.submissionCounts(this.ds.manager, page.data.map((f) => f.id));
    return { ...page, data: page.data.map((f) => toWebFormDto(f, counts.get(f.id) ?? 0)) };
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<WebFormDto> {
    const form = await m.findOne(WebForm, { where: { id } });
    if (!form) throw DomainException.notFound('Web form');
    return toWebFormDto(form, (await this.submissionCounts(m, [id])).get(id) ?? 0);
  }

  create(principal: Principal, dto: CreateWebFormDto): Promise<WebFormDto> {
    return this.tx.run(async (m) => {
      const record = {
        name: dto.name,
        enabled: dto.enabled ?? true,
        fields: dto.fields.map((f) => ({ key: f.key, required: f.required, ...(f.label ? { label: f.label } : {}) })),
        source: dto.source ?? CustomerSource.WEB_FORM,
        campaignId: dto.campaignId ?? null,
        ownerMode: dto.ownerMode ?? WebFormOwnerMode.RULES,
        ownerId: dto.ownerMode === WebFormOwnerMode.FIXED ? (dto.ownerId ?? null) : null,
        consentText: dto.consentText || null,
        consentChannels: dto.consentChannels ?? [],
        allowedOrigins: (dto.allowedOrigins ?? []).map((o) => o.toLowerCase()),
        successMessage: dto.successMessage || null,
        redirectUrl: dto.redirectUrl || null,
      };
      await checkWebForm(m, record, await this.customFields.definitions('lead', m));
      const id = (await m.insert(WebForm, { ...record, publicKey: newPublicKey(), createdBy: principal.actorId })).identifiers[0].id as string;
      const out = await this.get(id, m);
      await this.audit.record(m, { action: 'create', entityType: 'web_form', entityId: id, changes: diff({}, audited(out) as never) });
      await this.outbox.publish(m, { type: 'web-form.created', aggregateType: 'web_form', aggregateId: id, payload: { name: out.name, enabled: out.enabled } });
      return out;
    });
  }

  /** Needs If-Match; the whole form is re-checked after the change. */
  update(id: string, version: number, dto: UpdateWebFormDto): Promise<WebFormDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(id, m);
      const changes: Partial<WebForm> = {};
      for (const f of ['name', 'enabled', 'source', 'consentChannels'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      for (const f of ['campaignId', 'ownerId', 'consentText', 'successMessage', 'redirectUrl'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f] || null;
      if (dto.fields) changes.fields = dto.fields.map((f) => ({ key: f.key, required: f.required, ...(f.label ? { label: f.label } : {}) }));
      if (dto.allowedOrigins) changes.allowedOrigins = dto.allowedOrigins.map((o) => o.toLowerCase());
      if (dto.ownerMode !== undefined) changes.ownerMode = dto.ownerMode;
      const next = { ...before, ...changes } as WebFormDto;
      if (next.ownerMode !== WebFormOwnerMode.FIXED) changes.ownerId = next.ownerId = null;
      await checkWebForm(m, next, await this.customFields.definitions('lead', m));
      await updateVersioned(m, WebForm, id, version, changes as Record<string, unknown>, 'Web form');
      const after = await this.get(id, m);
      const changed = diff(audited(before) as never, audited(after) as never);
      await this.audit.record(m, { action: 'update', entityType: 'web_form', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'web-form.updated', aggregateType: 'web_form', aggregateId: id, payload: { fields: Object.keys(changed) } });
      return after;
    });
  }

  /** A new public key: embeds with the old one answer 404 from now on. Needs If-Match. */
  regenerateKey(id: string, version: number): Promise<WebFormDto> {
    return this.tx.run(async (m) => {
      await this.get(id, m);
      await updateVersioned(m, WebForm, id, version, { publicKey: newPublicKey() }, 'Web form');
      await this.audit.record(m, { action: 'regenerate-key', entityType: 'web_form', entityId: id });
      await this.outbox.publish(m, { type: 'web-form.key-regenerated', aggregateType: 'web_form', aggregateId: id });
      return this.get(id, m);
    });
  }

  /** To the recycle bin: its public URL answers 404; the leads it captured keep the link. */
  remove(id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await softDeleteRow(m, WebForm, id, 'Web form');
      await this.audit.record(m, { action: 'delete', entityType: 'web_form', entityId: id });
      await this.outbox.publish(m, { type: 'web-form.deleted', aggregateType: 'web_form', aggregateId: id });
    });
  }

  restore(id: string): Promise<WebFormDto> {
    return this.tx.run(async (m) => {
      await restoreRow(m, WebForm, id, 'Web form');
      await this.audit.record(m, { action: 'restore', entityType: 'web_form', entityId: id });
      await this.outbox.publish(m, { type: 'web-form.restored', aggregateType: 'web_form', aggregateId: id });
      return this.get(id, m);
    });
  }

  /** Live leads per form (leads_web_form_keyset_idx). */
  private async submissionCounts(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = (await m.query(`SELECT web_form_id AS id, count(*)::int AS n FROM leads WHERE web_form_id = ANY($1) AND deleted_at IS NULL GROUP BY web_form_id`, [ids])) as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateWebhookDto, ListWebhooksQuery, Page, UpdateWebhookDto, WebhookDeliveryDto, WebhookDto, WebhookWithSecretDto } from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, paginate, parseSort, softDeleteRow, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { ActiveWebhookPatterns } from './active-webhook-patterns';
import { WebhookDelivery, type WebhookEnvelope } from './webhook-delivery.entity';
import { toDeliveryDto, toWebhookDto } from './webhook.mapper';
import { newWebhookSecret } from './webhook-signature';
import { WebhookSubscription } from './webhook-subscription.entity';

const sort = parseSort(undefined, { createdAt: { expression: 's.created_at', key: 'createdAt' } }, '-createdAt', { expression: 's.id', key: 'id' });

/** What the audit log may see of a subscription: everything but the secret. */
const audited = (s: Partial<WebhookSubscription>) => ({ name: s.name, url: s.url, events: s.events, active: s.active, description: s.description });

/** The URL's host must parse: the DTO's pattern only checks the scheme and shape. */
function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fieldError('url', 'url', 'url must be an http or https URL');
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || !parsed.hostname) throw fieldError('url', 'url', 'url must be an http or https URL');
  if (parsed.username || parsed.password) throw fieldError('url', 'noCredentials', 'url must not carry a user name or password');
}

/**
 * Webhook subscriptions: company-wide configuration behind integrations.webhook.manage. Every
 * write commits with its audit row (never the secret), then reloads this replica's active
 * patterns before answering, so an event published right after a create is not missed here.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly patterns: ActiveWebhookPatterns,
    private readonly clock: Clock,
  ) {}

  async list(query: ListWebhooksQuery): Promise<Page<WebhookDto>> {
    const qb = this.ds.getRepository(WebhookSubscription).createQueryBuilder('s');
    const page = await paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count }, (s) => s);
    const last = await this.lastDeliveries(page.data.map((s) => s.id), this.ds.manager);
    return { ...page, data: page.data.map((s) => toWebhookDto(s, last.get(s.id) ?? null)) };
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<WebhookDto> {
    const s = await this.find(id, m);
    return toWebhookDto(s, (await this.lastDeliveries([id], m)).get(id) ?? null);
  }

  /** The newest delivery of each subscription: one statement for a page, on the (subscription, seq) index. */
  private async lastDeliveries(ids: string[], m: EntityManager): Promise<Map<string, WebhookDeliveryDto>> {
    if (!ids.length) return new Map();
    const rows = await m
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .distinctOn(['d.subscription_id'])
      .where('d.subscription_id = ANY(:ids)', { ids })
      .orderBy('d.subscription_id')
      .addOrderBy('d.seq', 'DESC')
      .getMany();
    return new Map(rows.map((d) => [d.subscriptionId, toDeliveryDto(d)]));
  }

  async create(principal: Principal, dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    checkUrl(dto.url);
    const secret = newWebhookSecret();
    const out = await this.tx.run(async (m) => {
      const record = { name: dto.name, url: dto.url, events: dto.events, active: dto.active ?? true, description: dto.description?.trim() || null };
      const result = await m.insert(WebhookSubscription, { ...record, secret, createdBy: principal.actorId });
      const id = result.identifiers[0].id as string;
      await this.audit.record(m, { action: 'create', entityType: 'webhook', entityId: id, changes: diff({}, audited(record)) });
      return { ...(await this.get(id, m)), secret };
    });
    await this.patterns.refresh();
    return out;
  }

  /** Needs If-Match. Activating (again) clears the pause and the failure count. */
  async update(id: string, version: number, dto: UpdateWebhookDto): Promise<WebhookDto> {
    checkUrl(dto.url);
    const out = await this.tx.run(async (m) => {
      const before = await this.find(id, m);
      const changes: Partial<WebhookSubscription> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.url !== undefined) changes.url = dto.url;
      if (dto.events !== undefined) changes.events = dto.events;
      if (dto.description !== undefined) changes.description = dto.description?.trim() || null;
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.active === true && !before.active) Object.assign(changes, { pausedReason: null, consecutiveFailures: 0 });
      await updateVersioned(m, WebhookSubscription, id, version, changes, 'Webhook');
      await this.audit.record(m, { action: 'update', entityType: 'webhook', entityId: id, changes: diff(audited(before), audited({ ...before, ...changes })) });
      return this.get(id, m);
    });
    await this.patterns.refresh();
    return out;
  }

  /** To the recycle bin: nothing more is sent to it, pending deliveries included. */
  async remove(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      await softDeleteRow(m, WebhookSubscription, id, 'Webhook');
      await this.audit.record(m, { action: 'delete', entityType: 'webhook', entityId: id, changes: {} });
    });
    await this.patterns.refresh();
  }

  /** Needs If-Match. Deliveries not yet sent are signed with the new secret; one in flight keeps the old. */
  rotateSecret(id: string, version: number): Promise<WebhookWithSecretDto> {
    const secret = newWebhookSecret();
    return this.tx.run(async (m) => {
      await updateVersioned(m, WebhookSubscription, id, version, { secret }, 'Webhook');
      await this.audit.record(m, { action: 'rotate_secret', entityType: 'webhook', entityId: id, changes: {} });
      return { ...(await this.get(id, m)), secret };
    });
  }

  /** Queues a `webhook.ping` for this subscription only (sent while it is active). */
  ping(principal: Principal, id: string): Promise<WebhookDeliveryDto> {
    return this.tx.run(async (m) => {
      const s = await this.find(id, m);
      const deliveryId = randomUUID();
      const payload: WebhookEnvelope = {
        id: deliveryId,
        type: 'webhook.ping',
        occurredAt: this.clock.now().toISOString(),
        aggregateType: 'webhook',
        aggregateId: s.id,
        data: { webhookId: s.id, name: s.name, events: s.events },
        actorId: principal.actorId,
      };
      await m.insert(WebhookDelivery, { id: deliveryId, subscriptionId: s.id, eventId: null, eventType: payload.type, payload: payload as never });
      await this.audit.record(m, { action: 'ping', entityType: 'webhook', entityId: s.id, changes: { deliveryId: { before: null, after: deliveryId } } });
      return toDeliveryDto(await m.findOneByOrFail(WebhookDelivery, { id: deliveryId }));
    });
  }

  private async find(id: string, m: EntityManager): Promise<WebhookSubscription> {
    const s = await m.findOneBy(WebhookSubscription, { id });
    if (!s) throw DomainException.notFound('Webhook');
    return s;
  }
}

import { Injectable } from '@nestjs/common';
import type { SetContactConsentDto } from '@kehu/contracts';
import { OutboxService, type Principal } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { normalizeText } from '../data-quality/normalize';
import { ContactConsent } from './contact-consent.entity';

export type ConsentChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * Writes channel consents (one row per contact and channel) and reports what changed,
 * as `{ "consents.email": { before: { status, source }, after: { status, source } } }`.
 * A channel sent with the status and source it already has is left alone.
 */
@Injectable()
export class ContactConsentsService {
  constructor(private readonly outbox: OutboxService) {}

  async apply(m: EntityManager, principal: Principal, contactId: string, items: SetContactConsentDto[]): Promise<ConsentChanges> {
    const current = new Map((await m.find(ContactConsent, { where: { contactId } })).map((r) => [r.channel, r]));
    const changes: ConsentChanges = {};
    const rows: Partial<ContactConsent>[] = [];
    for (const item of items) {
      const source = item.source ? normalizeText(item.source) || null : null;
      const before = current.get(item.channel);
      if (before && before.status === item.status && before.source === source) continue;
      changes[`consents.${item.channel}`] = { before: before ? { status: before.status, source: before.source } : null, after: { status: item.status, source } };
      rows.push({ contactId, channel: item.channel, status: item.status, source, changedAt: new Date(), changedBy: principal.actorId });
    }
    if (rows.length) await m.upsert(ContactConsent, rows as ContactConsent[], ['contactId', 'channel']);
    return changes;
  }

  /** The `contact.consent-changed` event for what `apply` changed (nothing when nothing did); the caller audits. */
  async publish(m: EntityManager, contactId: string, changes: ConsentChanges): Promise<void> {
    const channels = Object.keys(changes).map((k) => k.slice('consents.'.length));
    if (!channels.length) return;
    const status = (ch: string) => (changes[`consents.${ch}`].after as { status: string }).status;
    await this.outbox.publish(m, { type: 'contact.consent-changed', aggregateType: 'contact', aggregateId: contactId, payload: { consents: Object.fromEntries(channels.map((ch) => [ch, status(ch)])) } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ListWebhookDeliveriesQuery, type Page, type WebhookDeliveryDetailDto, type WebhookDeliveryDto } from '@kehu/contracts';
import { AuditService, DomainException, paginate, parseSort, TransactionService } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';
import { toDeliveryDetailDto, toDeliveryDto } from './webhook.mapper';
import { WebhookSubscription } from './webhook-subscription.entity';

// Newest first in the order they were written: a fan-out writes a batch's deliveries at one created_at.
const sort = parseSort(undefined, { seq: { expression: 'd.seq', key: 'seq' } }, '-seq', { expression: 'd.id', key: 'id' });

/** A subscription's deliveries: the log an integrator reads when a receiver missed something, and redelivery. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; `status` narrows (each backed by an index led by the subscription). */
  async list(webhookId: string, query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryDto>> {
    if (!(await this.ds.getRepository(WebhookSubscription).existsBy({ id: webhookId }))) throw DomainException.notFound('Webhook');
    const qb = this.ds.getRepository(WebhookDelivery).createQueryBuilder('d').where('d.subscription_id = :webhookId', { webhookId });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    return paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count }, toDeliveryDto);
  }

  async get(id: string): Promise<WebhookDeliveryDetailDto> {
    return toDeliveryDetailDto(await this.find(id));
  }

  /**
   * A delivered or failed delivery goes out again now, with the same body and a fresh retry
   * schedule (signed with the subscription's current secret). A pending one is already on its way: 409.
   */
  redeliver(id: string): Promise<WebhookDeliveryDetailDto> {
    return this.tx.run(async (m) => {
      const d = await this.find(id, m);
      const [rows] = (await m.query(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), failed_attempts = 0, delivered_at = NULL
         WHERE id = $1 AND status IN ('delivered', 'failed') RETURNING id`,
        [id],
      )) as [unknown[], number];
      if (!rows.length) throw new DomainException(ErrorCode.CONFLICT, 'The delivery is still pending: it is sent (or retried) without being asked.');
      await this.audit.record(m, { action: 'redeliver', entityType: 'webhook', entityId: d.subscriptionId, changes: { deliveryId: { before: null, after: id } } });
      return toDeliveryDetailDto(await this.find(id, m));
    });
  }

  private async find(id: string, m = this.ds.manager): Promise<WebhookDelivery> {
    // A deleted subscription's deliveries go with it.
    const d = await m.getRepository(WebhookDelivery).createQueryBuilder('d').innerJoin('d.subscription', 's').where('d.id = :id', { id }).getOne();
    if (!d) throw DomainException.notFound('Webhook delivery');
    return d;
  }
}

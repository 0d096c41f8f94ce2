import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListNotificationsQuery, NotificationDto, Page } from '@kehu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { paginate } from '../pagination/keyset';
import { parseSort } from '../pagination/sort';
import { Notification } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Same user + key again is ignored (idempotent reminders). */
  dedupeKey?: string | null;
}

const sort = parseSort(undefined, { createdAt: { expression: 'n.created_at', key: 'createdAt' } }, '-createdAt', { expression: 'n.id', key: 'id' });

/** Writes and reads users' in-app notifications; writers pass their transaction's manager. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Inserts in the caller's transaction; returns how many were new (duplicates by dedupe key are skipped). */
  async notify(m: EntityManager, items: NewNotification[]): Promise<number> {
    if (!items.length) return 0;
    const rows = await m
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(items.map((i) => ({ body: null, link: null, entityType: null, entityId: null, dedupeKey: null, ...i })))
      .orIgnore()
      .returning('id')
      .execute();
    return rows.raw.length;
  }

  list(userId: string, query: ListNotificationsQuery): Promise<Page<NotificationDto>> {
    const qb = this.ds.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    return paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count }, toNotificationDto);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }

  /** Marks one of the caller's notifications read; false when it is not theirs. */
  async markRead(userId: string, id: string): Promise<NotificationDto | null> {
    const rows: Notification[] = await this.ds
      .getRepository(Notification)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'coalesce(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .returning('*')
      .execute()
      .then((r) => r.raw);
    if (!rows.length) return null;
    return toNotificationDto(this.ds.getRepository(Notification).create(mapRaw(rows[0] as unknown as Record<string, unknown>)));
  }

  async markAllRead(userId: string): Promise<number> {
    const r = await this.ds.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return r[1] ?? 0;
  }
}

function mapRaw(r: Record<string, unknown>): Partial<Notification> {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    kind: r.kind as string,
    title: r.title as string,
    body: r.body as string | null,
    link: r.link as string | null,
    entityType: r.entity_type as string | null,
    entityId: r.entity_id as string | null,
    createdAt: r.created_at as Date,
    readAt: r.read_at as Date | null,
  };
}

export function toNotificationDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    entityType: n.entityType,
    entityId: n.entityId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

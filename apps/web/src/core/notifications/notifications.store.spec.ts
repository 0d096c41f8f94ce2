import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { fakeApi, json } from '@/test/fake-api';
import { useNotificationsStore } from './notifications.store';

const item = (id: string, readAt: string | null = null) => ({ id, kind: 'pool.return_soon', title: `n ${id}`, body: null, link: null, entityType: null, entityId: null, createdAt: '2026-11-25T08:00:00Z', readAt });

describe('notifications store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads the inbox with the unread count and marks one read without refetching', async () => {
    const api = fakeApi({
      'GET /api/v1/notifications': () => json(200, { data: [item('a'), item('b', '2026-11-25T09:00:00Z')], nextCursor: null }),
      'GET /api/v1/notifications/unread-count': () => json(200, { unread: 1 }),
      'POST /api/v1/notifications/a/read': () => json(200, item('a', '2026-11-25T10:00:00Z')),
    });
    const store = useNotificationsStore();
    await store.load();
    expect(store.unread).toBe(1);
    await store.markRead(store.items[0]);
    expect(store.unread).toBe(0);
    expect(store.items[0].readAt).toBe('2026-11-25T10:00:00Z');
    // Already read: no request.
    await store.markRead(store.items[1]);
    expect(api.calls('POST /api/v1/notifications/b/read')).toHaveLength(0);
    expect(api.calls('GET /api/v1/notifications')).toHaveLength(1);
  });

  it('marks everything read', async () => {
    fakeApi({
      'GET /api/v1/notifications': () => json(200, { data: [item('a'), item('c')], nextCursor: null }),
      'GET /api/v1/notifications/unread-count': () => json(200, { unread: 2 }),
      'POST /api/v1/notifications/read-all': () => json(200, { unread: 0 }),
    });
    const store = useNotificationsStore();
    await store.load();
    await store.markAllRead();
    expect(store.unread).toBe(0);
    expect(store.items.every((n) => n.readAt)).toBe(true);
  });
});

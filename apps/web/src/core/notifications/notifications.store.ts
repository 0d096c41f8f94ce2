import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NotificationDto } from '@kehu/contracts';
import { notificationsApi } from './notifications.api';

/**
 * The bell's state. The badge count is polled (cheap indexed count); the list is fetched only
 * when the panel opens, so an idle tab costs one tiny query a minute.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  const items = ref<NotificationDto[]>([]);
  const loading = ref(false);

  async function refreshCount(): Promise<void> {
    unread.value = (await notificationsApi.unreadCount()).unread;
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await notificationsApi.list()).data;
      await refreshCount();
    } finally {
      loading.value = false;
    }
  }

  async function markRead(item: NotificationDto): Promise<void> {
    if (item.readAt) return;
    const updated = await notificationsApi.markRead(item.id);
    items.value = items.value.map((n) => (n.id === item.id ? updated : n));
    unread.value = Math.max(0, unread.value - 1);
  }

  async function markAllRead(): Promise<void> {
    await notificationsApi.markAllRead();
    const now = new Date().toISOString();
    items.value = items.value.map((n) => (n.readAt ? n : { ...n, readAt: now }));
    unread.value = 0;
  }

  return { unread, items, loading, refreshCount, load, markRead, markAllRead };
});

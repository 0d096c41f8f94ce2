import type { NotificationDto, Page, UnreadCountDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { body } from '@/core/api-http';

/** The signed-in user's own inbox. */
export const notificationsApi = {
  list: (unread = false) => body<Page<NotificationDto>>(api.GET('/api/v1/notifications', { params: { query: { limit: 20, ...(unread ? { unread: true } : {}) } } })),
  unreadCount: () => body<UnreadCountDto>(api.GET('/api/v1/notifications/unread-count')),
  markRead: (id: string) => body<NotificationDto>(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: () => body<UnreadCountDto>(api.POST('/api/v1/notifications/read-all')),
};

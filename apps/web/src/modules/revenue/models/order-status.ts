import { ORDER_TRANSITIONS, OrderStatus } from '@kehu/contracts';

/** Element Plus tag colour per status. */
export const statusTag: Record<OrderStatus, 'primary' | 'success' | 'warning' | 'info' | 'danger'> = {
  [OrderStatus.PLACED]: 'info',
  [OrderStatus.CONFIRMED]: 'primary',
  [OrderStatus.PAID]: 'success',
  [OrderStatus.SHIPPED]: 'warning',
  [OrderStatus.DELIVERED]: 'success',
  [OrderStatus.RETURNED]: 'danger',
  [OrderStatus.CANCELLED]: 'info',
};

/** The buttons an order offers: the moves the API allows from its status (the same table). */
export const nextStatuses = (status: OrderStatus): OrderStatus[] => ORDER_TRANSITIONS[status] ?? [];

/** Lines can be changed while the order is placed or confirmed; after that they are fixed (the API answers 409). */
export const linesEditable = (status: OrderStatus): boolean => status === OrderStatus.PLACED || status === OrderStatus.CONFIRMED;

import { ElMessage } from 'element-plus';

/** An error toast; its own module so the entry can load Element Plus lazily (see error-toasts). */
export function toastError(message: string): void {
  ElMessage.error({ message, grouping: true });
}

import { ElMessageBox } from 'element-plus';
import { i18n } from '@/i18n';

/** Asks before a destructive action; resolves false when the user cancels or closes. */
export async function confirmAction(message: string, title: string, confirmText?: string): Promise<boolean> {
  const t = i18n.global.t;
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText ?? t('common.confirm'),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    });
    return true;
  } catch {
    return false;
  }
}

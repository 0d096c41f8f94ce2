import { ElMessage } from 'element-plus';
import { isApiProblemError } from '@kehu/api-client';
import { i18n } from '@/i18n';

/** `If-Match` for a versioned record: its ETag is the version in quotes (`"3"`). */
export const ifMatch = (version: number): { 'If-Match': string } => ({ 'If-Match': `"${version}"` });

/** The record changed since it was read (412): the user's edit was based on an old copy. */
export const isStale = (error: unknown): boolean => isApiProblemError(error) && error.status === 412;

export interface SaveVersionedOptions {
  /** Reads the record again, so the user sees (and edits) the current version. */
  reload: () => Promise<unknown>;
  /** Tells the user; defaults to a warning toast. */
  notify?: (message: string) => void;
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false; stale: true };

/**
 * Runs an update sent with `If-Match`. On 412 someone else saved first: say so, reload,
 * and resolve `{ ok: false }` so the caller keeps its dialog open on the fresh data.
 * Every other error is rethrown for the caller (or the global toast) to handle.
 */
export async function saveVersioned<T>(save: () => Promise<T>, options: SaveVersionedOptions): Promise<SaveResult<T>> {
  try {
    return { ok: true, value: await save() };
  } catch (error) {
    if (!isStale(error)) throw error;
    const notify = options.notify ?? ((message: string) => ElMessage.warning({ message, grouping: true }));
    notify(i18n.global.t('errors.staleReloaded'));
    await options.reload();
    return { ok: false, stale: true };
  }
}

import { reactive, ref, watch } from 'vue';
import type { WebhookDeliveryDto, WebhookDto, WebhookWithSecretDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { webhooksApi } from '../api/webhooks.api';

/** A secret to show once: right after create, or after a rotation. */
export interface ShownSecret {
  webhook: WebhookWithSecretDto;
  rotated: boolean;
}

/** The webhooks list and its row actions; versioned changes (pause, rotate) go with If-Match. */
export function useWebhooks() {
  const list = useKeysetList((page) => webhooksApi.list(page));
  const secret = ref<ShownSecret | null>(null);
  const busy = ref<string | null>(null);
  /** Each shown webhook's newest delivery (null: none yet). */
  const latest = reactive(new Map<string, WebhookDeliveryDto | null>());

  // Each row brings its newest delivery; a ping or a look at the log updates it without reloading the list.
  watch(list.rows, (rows) => rows.forEach((row) => latest.set(row.id, row.lastDelivery)), { immediate: true });
  async function loadLatest(id: string): Promise<void> {
    try {
      latest.set(id, (await webhooksApi.deliveries(id, { limit: 1 })).data[0] ?? null);
    } catch {
      latest.delete(id);
    }
  }

  const replaceRow = (next: WebhookDto) => list.replace((row) => row.id === next.id, next);

  async function run<T>(webhook: WebhookDto, action: () => Promise<T>): Promise<T> {
    busy.value = webhook.id;
    try {
      return await action();
    } finally {
      busy.value = null;
    }
  }

  /** Pauses or resumes; resuming also clears a pause after failures. False when someone else changed it first (reloaded). */
  const setActive = (webhook: WebhookDto, active: boolean) =>
    run(webhook, async () => {
      const result = await saveVersioned(() => webhooksApi.update(webhook.id, webhook.version, { active }), { reload: list.reload });
      if (result.ok) replaceRow(result.value);
      return result.ok;
    });

  const rotateSecret = (webhook: WebhookDto) =>
    run(webhook, async () => {
      const result = await saveVersioned(() => webhooksApi.rotateSecret(webhook.id, webhook.version), { reload: list.reload });
      if (!result.ok) return false;
      replaceRow(result.value);
      secret.value = { webhook: result.value, rotated: true };
      return true;
    });

  const ping = (webhook: WebhookDto) =>
    run(webhook, async () => {
      const queued = await webhooksApi.ping(webhook.id);
      latest.set(webhook.id, queued);
      return queued;
    });

  const remove = (webhook: WebhookDto) =>
    run(webhook, async () => {
      await webhooksApi.remove(webhook.id);
      await list.reload();
    });

  /** After the dialog saved: a new webhook brings its secret; an edit replaces its row. */
  async function saved(webhook: WebhookDto | WebhookWithSecretDto): Promise<void> {
    if ('secret' in webhook) {
      secret.value = { webhook, rotated: false };
      await list.reload();
    } else replaceRow(webhook);
  }

  return { ...list, secret, busy, latest, refreshLatest: loadLatest, setActive, rotateSecret, ping, remove, saved };
}

import { reactive, ref, shallowRef } from 'vue';
import type { WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookDeliveryStatus, WebhookDto } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { webhooksApi } from '../api/webhooks.api';

/** One webhook's delivery log (newest first, by status), each row's detail read when opened, and redelivery. */
export function useWebhookDeliveries() {
  const webhook = shallowRef<WebhookDto | null>(null);
  const status = ref<WebhookDeliveryStatus | ''>('');
  const list = useKeysetList((page) => (webhook.value ? webhooksApi.deliveries(webhook.value.id, { ...page, status: status.value || undefined }) : Promise.resolve({ data: [], nextCursor: null })), {
    pageSize: 25,
    watch: [status],
    debounceMs: 0,
  });
  const details = reactive(new Map<string, WebhookDeliveryDetailDto>());

  async function show(next: WebhookDto): Promise<void> {
    webhook.value = next;
    status.value = '';
    await refresh();
  }

  /** Reads the list again; opened rows are read again too, as their attempts move on. */
  async function refresh(): Promise<void> {
    const opened = [...details.keys()];
    details.clear();
    await list.reload();
    const shown = new Set(list.rows.value.map((row) => row.id));
    await Promise.all(opened.filter((id) => shown.has(id)).map(async (id) => details.set(id, await webhooksApi.delivery(id))));
  }

  async function detail(delivery: WebhookDeliveryDto): Promise<void> {
    if (!details.has(delivery.id)) details.set(delivery.id, await webhooksApi.delivery(delivery.id));
  }

  async function redeliver(delivery: WebhookDeliveryDto): Promise<void> {
    const next = await webhooksApi.redeliver(delivery.id);
    details.set(next.id, next);
    list.replace((row) => row.id === next.id, next);
  }

  return { ...list, webhook, status, details, show, refresh, detail, redeliver, close: () => (webhook.value = null) };
}

import { computed, reactive, ref } from 'vue';
import { CreateWebhookDto, UpdateWebhookDto, type WebhookDto, type WebhookWithSecretDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { webhooksApi } from '../api/webhooks.api';
import { blankWebhook, createWebhookBody, updateWebhookBody, webhookValues } from '../models/webhook-form';

const fields = ['name', 'url', 'events', 'description', 'active'] as const;
export type WebhookField = (typeof fields)[number];

/** The create / edit dialog: checked with the DTO's rules, edits sent with If-Match (a 412 reloads the webhook into the form). */
export function useWebhookForm() {
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<WebhookDto | null>(null);
  const values = reactive(blankWebhook());
  const createForm = useDtoForm<WebhookField>(CreateWebhookDto, fields);
  const updateForm = useDtoForm<WebhookField>(UpdateWebhookDto, fields);
  createForm.track(values);
  updateForm.track(values);
  const form = computed(() => (editing.value ? updateForm : createForm));

  function fill(webhook: WebhookDto | null): void {
    editing.value = webhook;
    Object.assign(values, webhook ? webhookValues(webhook) : blankWebhook());
  }

  function openCreate(): void {
    fill(null);
    createForm.clear();
    open.value = true;
  }

  function openEdit(webhook: WebhookDto): void {
    fill(webhook);
    updateForm.clear();
    open.value = true;
  }

  /** The saved webhook (with its secret when created), or null while the dialog stays open. */
  async function submit(): Promise<WebhookDto | WebhookWithSecretDto | null> {
    const before = editing.value;
    const body = before ? updateWebhookBody(values, before) : createWebhookBody(values);
    if (!(await form.value.check(body))) return null;
    saving.value = true;
    try {
      if (!before) return await webhooksApi.create(body as CreateWebhookDto);
      const result = await saveVersioned(() => webhooksApi.update(before.id, before.version, body), { reload: async () => fill(await webhooksApi.get(before.id)) });
      return result.ok ? result.value : null;
    } catch (error) {
      if (form.value.applyServer(error)) return null;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, editing, values, errors: computed(() => form.value.errors), openCreate, openEdit, submit };
}

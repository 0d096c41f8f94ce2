import { reactive, ref } from 'vue';
import { CreateApiKeyDto, type ApiKeyDto, type CreatedApiKeyDto } from '@kehu/contracts';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { apiKeysApi } from '../api/api-keys.api';

const fields = ['name', 'scopes', 'expiresAt', 'rateLimitPerMinute'] as const;

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export function apiKeyStatus(key: ApiKeyDto, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

/** API keys: list, create (the secret is shown once, then forgotten), revoke. */
export function useApiKeys() {
  const list = useKeysetList((page) => apiKeysApi.list(page));

  const open = ref(false);
  const saving = ref(false);
  const values = reactive({ name: '', scopes: [] as string[], expiresAt: null as Date | null, rateLimitPerMinute: 600 as number | undefined });
  const form = useDtoForm(CreateApiKeyDto, fields);
  /** The key just created, with its secret; cleared when its dialog closes. */
  const created = ref<CreatedApiKeyDto | null>(null);

  function openCreate(): void {
    Object.assign(values, { name: '', scopes: [], expiresAt: null, rateLimitPerMinute: 600 });
    form.clear();
    open.value = true;
  }

  async function submit(): Promise<boolean> {
    const body: CreateApiKeyDto = {
      name: values.name,
      scopes: [...values.scopes],
      ...(values.expiresAt ? { expiresAt: values.expiresAt.toISOString() } : {}),
      ...(values.rateLimitPerMinute ? { rateLimitPerMinute: values.rateLimitPerMinute } : {}),
    };
    if (!(await form.check(body))) return false;
    saving.value = true;
    try {
      created.value = await apiKeysApi.create(body);
      open.value = false;
      await list.reload();
      return true;
    } catch (error) {
      if (form.applyServer(error)) return false;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  async function revoke(key: ApiKeyDto): Promise<void> {
    await apiKeysApi.revoke(key.id);
    await list.reload();
  }

  return { ...list, open, saving, values, errors: form.errors, created, openCreate, submit, revoke };
}

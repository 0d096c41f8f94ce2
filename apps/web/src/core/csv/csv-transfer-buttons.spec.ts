import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth.store';
import { adminMe, fakeApi } from '@/test/fake-api';
import CsvTransferButtons from './csv-transfer-buttons.vue';

function mountButtons(permissions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().me = { ...adminMe, permissions } as never;
  const query = { status: 'open', amountMin: 1000, q: '扩容', stageId: undefined };
  return mount(CsvTransferButtons, { props: { entity: 'opportunities', query, exportPermission: 'sales.opportunity.export' }, global: { plugins: [pinia, i18n] }, attachTo: document.body });
}

describe('CSV buttons of the opportunities list (export only)', () => {
  beforeEach(() => {
    setLocale('zh-CN');
    // jsdom has no object URLs: the download hands the blob to one.
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('downloads the list filters as CSV in the UI language, and offers no import', async () => {
    const api = fakeApi({
      'GET /api/v1/opportunities/export.csv': () => new Response('\uFEFF编号\r\n', { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="opportunities-2026-11-26.csv"' } }),
    });
    const wrapper = mountButtons(['sales.opportunity.read', 'sales.opportunity.export']);
    expect(wrapper.find('[data-test=import-opportunities]').exists()).toBe(false);
    await wrapper.find('[data-test=export-opportunities]').trigger('click');
    await flushPromises();
    const [[request]] = api.calls('GET /api/v1/opportunities/export.csv');
    const params = new URL(request.url).searchParams;
    expect(Object.fromEntries(params)).toEqual({ status: 'open', amountMin: '1000', q: '扩容' });
    expect(request.headers.get('Accept-Language')).toBe('zh-CN');
  });

  it('shows no export button without sales.opportunity.export', () => {
    const wrapper = mountButtons(['sales.opportunity.read']);
    expect(wrapper.find('[data-test=export-opportunities]').exists()).toBe(false);
  });
});

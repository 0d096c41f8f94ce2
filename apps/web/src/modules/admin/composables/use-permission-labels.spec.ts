import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import { PERMISSIONS } from '@kehu/contracts';
import { i18n, setLocale, type AppLocale } from '@/i18n';
import { usePermissionLabels } from './use-permission-labels';

function labels() {
  let out!: ReturnType<typeof usePermissionLabels>;
  mount(defineComponent({ setup: () => void (out = usePermissionLabels()), render: () => null }), { global: { plugins: [i18n] } });
  return out;
}

describe('usePermissionLabels', () => {
  it.each<AppLocale>(['zh-CN', 'en'])('names every permission of the contracts in %s (no raw keys)', (locale) => {
    setLocale(locale);
    const { permissionLabel } = labels();
    for (const permission of PERMISSIONS) {
      const parts = permission.split('.');
      const shown = permissionLabel(permission).split(' · ');
      expect(shown).toHaveLength(3);
      // A part shown as its key (or the key with _ for -) means a missing text.
      parts.forEach((part, i) => expect({ permission, shown: shown[i] }).not.toEqual({ permission, shown: part }));
      parts.forEach((part, i) => expect({ permission, shown: shown[i] }).not.toEqual({ permission, shown: part.replace(/-/g, '_') }));
    }
  });

  it('names a resource key two modules share by its module', () => {
    setLocale('zh-CN');
    const { permissionLabel, resourceLabel } = labels();
    expect(permissionLabel('sales.contract.approve')).toBe('销售 · 销售合同 · 审批');
    expect(permissionLabel('service.contract.read')).toBe('服务 · 服务合同 · 查看');
    expect(resourceLabel('contract')).toBe('合同');
    setLocale('en');
    expect(permissionLabel('integrations.webhook.manage')).toBe('Integrations · Webhooks · Manage');
    expect(permissionLabel('service.contract.manage')).toBe('Service · Service contracts · Manage');
  });
});

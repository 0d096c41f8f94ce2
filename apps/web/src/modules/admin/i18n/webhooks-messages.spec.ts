import { describe, expect, it } from 'vitest';
import { WebhookDeliveryStatus } from '@kehu/contracts';
import { i18n, setLocale } from '@/i18n';
import { adminSections } from '../admin-sections';
import { webhooksEn, webhooksHelpEn } from './webhooks.en';
import { webhooksHelpZhCN, webhooksZhCN } from './webhooks.zh-CN';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('webhook texts', () => {
  it('have the same keys in both languages', () => {
    expect(keys(webhooksZhCN)).toEqual(keys(webhooksEn));
    expect(keys(webhooksHelpZhCN)).toEqual(keys(webhooksHelpEn));
    expect(webhooksHelpZhCN.adminWebhooks.steps).toHaveLength(webhooksHelpEn.adminWebhooks.steps.length);
  });

  it('name every delivery status (the filter) and the section, its card and guide', () => {
    for (const status of Object.values(WebhookDeliveryStatus)) expect(webhooksEn.deliveryStatus).toHaveProperty(status);
    const section = adminSections.find((s) => s.key === 'webhooks')!;
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(i18n.global.te(`admin.sections.${section.key}`, locale)).toBe(true);
      expect(i18n.global.te(`admin.overview.${section.key}`, locale)).toBe(true);
      expect(i18n.global.te(`help.${section.help}.title`, locale)).toBe(true);
    }
  });

  it('are registered with the admin texts and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('admin.webhooks.failuresInRow', { n: 3 })).toBe('连续失败 3 次');
    expect(i18n.global.t('help.adminWebhooks.title')).toBe('Webhook');
    setLocale('en');
    const params = { n: 2, name: 'ERP' };
    for (const key of keys(webhooksEn).map((k) => `admin.webhooks.${k}`)) {
      expect(() => i18n.global.t(key, params)).not.toThrow();
      expect(i18n.global.t(key, params)).not.toBe(key);
    }
    expect(i18n.global.t('admin.webhooks.secret.verify')).toContain('X-Kehu-Signature: t=…,v1=…');
  });
});

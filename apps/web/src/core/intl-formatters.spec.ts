import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/i18n';
import { formatDate, formatDateTime } from './format';
import { dateTimeFormat, numberFormat } from './intl-formatters';

describe('Intl formatters', () => {
  afterEach(() => setLocale('zh-CN'));

  it('reuses one formatter per locale and options, and follows a language switch', () => {
    setLocale('en');
    const a = dateTimeFormat({ dateStyle: 'medium' });
    expect(dateTimeFormat({ dateStyle: 'medium' })).toBe(a);
    expect(dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' })).not.toBe(a);
    expect(formatDate('2026-03-05T08:00:00Z')).toBe('Mar 5, 2026');
    setLocale('zh-CN');
    expect(dateTimeFormat({ dateStyle: 'medium' })).not.toBe(a);
    expect(formatDate('2026-03-05T08:00:00Z')).toBe('2026年3月5日');
    expect(formatDateTime(null)).toBe('—');
  });

  it('caches nothing for options Intl refuses', () => {
    expect(() => numberFormat({ style: 'currency', currency: 'not a currency' })).toThrow(RangeError);
    expect(() => numberFormat({ style: 'currency', currency: 'not a currency' })).toThrow(RangeError);
    expect(numberFormat({ style: 'currency', currency: 'CNY' }).format(1200)).toContain('1,200');
  });
});

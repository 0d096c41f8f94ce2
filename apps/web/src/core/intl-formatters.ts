import { currentLocale } from '@/i18n';

// One Intl formatter per locale and options: building one costs far more than formatting
// with it, and a list page formats a few values per row (profiled: ~20 ms of a list's first paint).
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = currentLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make(locale); // may throw (an unknown currency): nothing is cached then
    cache.set(key, f);
  }
  return f;
}

export const dateTimeFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => cached('d', options, (l) => new Intl.DateTimeFormat(l, options));
export const numberFormat = (options: Intl.NumberFormatOptions): Intl.NumberFormat => cached('n', options, (l) => new Intl.NumberFormat(l, options));

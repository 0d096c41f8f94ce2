/** A column an import understands, as GET …/import-columns lists it. */
export interface ImportColumnLabels {
  key: string;
  en: string;
  'zh-CN': string;
}

/** A header as people type it: no BOM, trimmed, lower-case, full-width brackets and spaces folded. */
export const headerKey = (header: string): string =>
  header.replace(/^\uFEFF/, '').replace(/\u3000/g, ' ').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The column a CSV header names — by key (`name`, `cf.level`), English or Chinese header —
 * or '' when none. The API maps an upload with it and the import dialog shows the same guess.
 * A column claimed by an earlier header is not given twice.
 */
export function detectMapping(headers: string[], columns: ImportColumnLabels[]): Record<string, string> {
  const lookup = new Map<string, string>();
  for (const c of columns) {
    for (const name of [c.key, c.en, c['zh-CN'], c.key.startsWith('cf.') ? c.key.slice(3) : c.key]) if (!lookup.has(headerKey(name))) lookup.set(headerKey(name), c.key);
  }
  const taken = new Set<string>();
  const out: Record<string, string> = {};
  for (const h of headers) {
    const key = lookup.get(headerKey(h)) ?? '';
    out[h] = key && !taken.has(key) ? key : '';
    if (key) taken.add(key);
  }
  return out;
}

import { CustomFieldType, detectMapping, ErrorCode, headerKey, type ImportColumnLabels } from '@kehu/contracts';
import type { CustomFieldDefinition } from '@kehu/server-customers';
import { DomainException } from '@kehu/server-core';
import { customFieldColumnKey, splitList, type EntityColumn } from './import-column';

/** Where one CSV column goes: a DTO field, a custom field, or nowhere (null). */
export type ColumnTarget = { field: string; kind: 'text' | 'list' } | { customField: CustomFieldDefinition } | null;

export interface HeaderMapping {
  targets: ColumnTarget[];
  /** header → target key ('' = ignored), as stored in the job's options and shown in the dialog. */
  used: Record<string, string>;
}

const mappingError = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field: 'mapping', rule: 'mapping', message }] });

/** The importable columns of an entity with its active custom fields, in the shape GET …/import-columns lists. */
export function importColumns(columns: EntityColumn[], defs: CustomFieldDefinition[]): (ImportColumnLabels & { required: boolean })[] {
  return [
    ...columns.filter((c) => c.field).map((c) => ({ key: c.key, en: c.en, 'zh-CN': c.zh, required: !!c.required })),
    ...defs.filter((d) => d.active).map((d) => ({ key: customFieldColumnKey(d), en: d.label, 'zh-CN': d.label, required: d.required })),
  ];
}

/**
 * Header names → fields: an explicit `mapping` wins; else `detectMapping` (key, English or
 * Chinese header, custom-field key or label — the same guess the import dialog shows). A file
 * without the required column (name / personName) is refused before anything is stored.
 */
export function mapHeaders(headers: string[], columns: EntityColumn[], defs: CustomFieldDefinition[], explicit: Record<string, string> = {}): HeaderMapping {
  const byKey = new Map<string, ColumnTarget & object>();
  for (const c of columns.filter((x) => x.field)) byKey.set(c.key, { field: c.field!, kind: c.kind ?? 'text' });
  for (const d of defs.filter((x) => x.active)) byKey.set(customFieldColumnKey(d), { customField: d });
  const explicitByHeader = new Map(Object.entries(explicit).map(([h, k]) => [headerKey(h), k]));
  for (const k of explicitByHeader.values()) if (k !== '' && !byKey.has(k)) throw mappingError(`mapping names ${k}, which is not a column you can import`);
  const detected = detectMapping(headers, importColumns(columns, defs));
  const used: Record<string, string> = {};
  const taken = new Set<string>();
  const targets = headers.map((h) => {
    const hk = headerKey(h);
    const key = explicitByHeader.has(hk) ? explicitByHeader.get(hk)! : detected[h];
    // The first column naming a field wins; a repeated one is ignored.
    if (!key || taken.has(key)) {
      used[h] = '';
      return null;
    }
    taken.add(key);
    used[h] = key;
    return byKey.get(key)!;
  });
  const missing = columns.filter((c) => c.required && !taken.has(c.key));
  if (missing.length) {
    const names = missing.map((c) => `${c.key} (${c.zh} / ${c.en})`).join(', ');
    throw new DomainException(ErrorCode.VALIDATION_FAILED, `The file has no column for ${names}.`, { errors: missing.map((c) => ({ field: 'file', rule: 'requiredColumn', message: `no column for ${c.key} (${c.zh} / ${c.en})` })) });
  }
  return { targets, used };
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', 'x', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不']);

/** A custom-field cell typed for its definition; what cannot be typed stays text, so validation names it. */
function customFieldValue(def: CustomFieldDefinition, cell: string): unknown {
  switch (def.type as CustomFieldType) {
    case CustomFieldType.NUMBER:
    case CustomFieldType.MONEY: {
      const n = Number(cell.replace(/[,，\s¥￥$]/g, ''));
      return Number.isFinite(n) ? n : cell;
    }
    case CustomFieldType.BOOLEAN: {
      const v = cell.toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
    }
    case CustomFieldType.MULTI_SELECT:
      return splitList(cell);
    default:
      return cell;
  }
}

/** One CSV record → the create DTO's plain shape (empty cells left out), custom fields typed. */
export function recordToInput(cells: string[], targets: ColumnTarget[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  targets.forEach((t, i) => {
    const raw = cells[i];
    if (!t || raw === undefined) return;
    const cell = raw.trim();
    if (cell === '') return;
    if ('customField' in t) custom[t.customField.key] = customFieldValue(t.customField, cell);
    else input[t.field] = t.kind === 'list' ? splitList(cell) : cell;
  });
  if (Object.keys(custom).length) input.customFields = custom;
  return input;
}

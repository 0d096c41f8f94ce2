import type { CustomFieldDefinition } from '@kehu/server-customers';

/** How a cell becomes a DTO value. */
export type CellKind = 'text' | 'list';

/** One column of an entity's CSV: its key, headers in both languages, how it is read and written. */
export interface EntityColumn {
  key: string;
  en: string;
  zh: string;
  /** SQL expression read by the export (table alias `t`); absent = not exported. */
  sql?: string;
  /** DTO field the import fills; absent = export only. */
  field?: string;
  kind?: CellKind;
  required?: boolean;
}

export const customFieldColumnKey = (def: Pick<CustomFieldDefinition, 'key'>): string => `cf.${def.key}`;

/** Splits a list cell (tags, multi-select) on the separators people use: , ; | 、 and their full-width forms. */
export const splitList = (cell: string): string[] => cell.split(/[,;|，；、]/).map((s) => s.trim()).filter(Boolean);

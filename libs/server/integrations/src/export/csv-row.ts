import type { CustomFieldDefinition } from '@kehu/server-customers';
import { csvField } from '@kehu/server-core';

/**
 * The CSV line (without its line break) of an array row: its first `cells` values, then one
 * column per custom-field definition read from the jsonb object right after them. The export's
 * hot loop: the cells go into one reused array joined once, so a row costs one new string.
 */
export function csvRowFormatter(cells: number, defs: CustomFieldDefinition[]): (row: unknown[]) => string {
  const parts: string[] = new Array(cells + defs.length);
  return (row) => {
    for (let i = 0; i < cells; i++) parts[i] = csvField(row[i]);
    if (defs.length) {
      const cf = (row[cells] ?? {}) as Record<string, unknown>;
      for (let k = 0; k < defs.length; k++) parts[cells + k] = csvField(cf[defs[k].key]);
    }
    return parts.join(',');
  };
}

import { CustomFieldType } from '@kehu/contracts';
import type { CustomFieldDefinition } from './custom-field.entity';

export const NUMERIC_MISSING = -1e15;

const isNumeric = (def: Pick<CustomFieldDefinition, 'type'>) => def.type === CustomFieldType.NUMBER || def.type === CustomFieldType.MONEY;

/**
 * The sort expression of a custom field, shared by the list query and the expression
 * index built for it, so the planner can use the index: numbers numerically, the rest
 * as text, missing values first.
 */
export function customFieldSortExpression(def: Pick<CustomFieldDefinition, 'type' | 'key'>, column = 'custom_fields'): string {
  return isNumeric(def) ? `coalesce((${column}->>'${def.key}')::numeric, ${NUMERIC_MISSING})` : `coalesce(${column}->>'${def.key}', '')`;
}

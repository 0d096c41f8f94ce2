import { EnumField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { CubeDimension, CubeMeasure } from './value.enums';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Revenue (paid, shipped, delivered orders; by the month paid, China time) pivoted by two dimensions. */
export class RevenueCubeQueryDto {
  @EnumField(CubeDimension, 'CubeDimension', { description: 'Row dimension.' }) rows: CubeDimension;
  @EnumField(CubeDimension, 'CubeDimension', { optional: true, description: 'Column dimension; omitted = a single total column.' }) columns?: CubeDimension;
  @EnumField(CubeMeasure, 'CubeMeasure', { optional: true, description: 'Default revenue.' }) measure?: CubeMeasure;
  @StringField({ maxLength: 7, pattern: MONTH, example: '2026-01', description: 'First month, YYYY-MM.' }) from: string;
  @StringField({ maxLength: 7, pattern: MONTH, example: '2026-12', description: 'Last month, YYYY-MM (at most 120 months after from).' }) to: string;
  @StringField({ optional: true, maxLength: 50, description: 'Only this province.' }) province?: string;
  @UuidField({ optional: true, description: 'Only this department (and within your scope).' }) departmentId?: string;
  @UuidField({ optional: true, description: 'Only this owner.' }) ownerId?: string;
}

/** A member of a dimension: its key and what to show. */
export class CubeMemberDto {
  @ResponseField({ description: "The key: '2026-03', '2026-Q1', '2026', a province, or an id; '' = none given." }) key: string;
  @ResponseField() label: string;
}

export class RevenueCubeDto {
  @ResponseField({ enum: CubeMeasure, enumName: 'CubeMeasure' }) measure: CubeMeasure;
  @ResponseField({ type: [CubeMemberDto], description: 'Sorted by their total, largest first (time dimensions in time order).' }) rows: CubeMemberDto[];
  @ResponseField({ type: [CubeMemberDto], description: 'Time dimensions list every period of the range, also empty ones.' }) columns: CubeMemberDto[];
  @ResponseField({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'values[row][column]; 0 where nothing was sold.' }) values: number[][];
  @ResponseField({ type: [Number] }) rowTotals: number[];
  @ResponseField({ type: [Number] }) columnTotals: number[];
  @ResponseField({ type: 'number' }) total: number;
}

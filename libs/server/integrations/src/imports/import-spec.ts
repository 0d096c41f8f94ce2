import type { ObjectLiteral, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@kehu/server-core';
import type { EntityColumn } from '../columns/import-column';

/** A validated, normalised row on its way to the table (entity property names). */
export type RecordValues = Record<string, unknown>;

/**
 * What the generic batch writer needs to know about one importable entity: its DTO,
 * normalisation, how rows match existing records, and its table's columns.
 */
export interface ImportSpec<E extends ObjectLiteral> {
  entity: 'customer' | 'lead';
  table: string;
  columns: EntityColumn[];
  dto: new () => object;
  updatePermission: string;
  /** The create DTO → entity values; throws a DomainException naming the field. */
  normalize(dto: object, defaultPhoneRegion: string): RecordValues;
  /** Keys identifying the record, strongest first (`x:erp:123`, `n:字节跳动`). */
  matchKeys(values: RecordValues): string[];
  /** Existing live records for these keys: key → id. */
  findExisting(m: EntityManager, values: RecordValues[]): Promise<Map<string, string>>;
  scoped(principal: Principal, permission: string, m: EntityManager): SelectQueryBuilder<E>;
  alias: string;
  /** Server-owned values of a new record (defaults, owner, completeness). */
  forCreate(values: RecordValues, owner: { id: string; departmentId: string | null }, createdBy: string): RecordValues;
  /** Values after an update merged `values` into the existing record. */
  forUpdate(before: E, values: RecordValues): RecordValues;
  /** Why an existing record may not be updated by an import (null = it may). */
  refuseUpdate?(before: E): string | null;
  /** Writable columns: entity property → PostgreSQL type (for jsonb_to_recordset). */
  sqlTypes: Record<string, string>;
  /** Payload of the `<entity>.created` event. */
  createdPayload(values: RecordValues): Record<string, unknown>;
}

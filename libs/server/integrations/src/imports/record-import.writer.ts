import { ImportDuplicateMode } from '@kehu/contracts';
import { diff, timeOrderedUuid, type AuditService, type FieldError, type OutboxService, type Principal } from '@kehu/server-core';
import { applyCustomFields, type CustomFieldDefinition } from '@kehu/server-customers';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { recordToInput, type ColumnTarget } from '../columns/column-mapping';
import type { ImportSpec, RecordValues } from './import-spec';
import { rowErrors, validateRow } from './row-validation';

export interface CsvRow {
  /** Spreadsheet row number (the header is row 1). */
  rowNumber: number;
  cells: string[];
}

export interface BatchContext {
  importId: string;
  principal: Principal;
  owner: { id: string; departmentId: string | null };
  duplicates: ImportDuplicateMode;
  targets: ColumnTarget[];
  defs: CustomFieldDefinition[];
  defaultPhoneRegion: string;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  skipped: number;
  errors: { row: CsvRow; errors: FieldError[] }[];
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Writes one batch of CSV rows inside the caller's transaction, set-based: every row is
 * validated with the API's DTO, normalised with the API's function and its custom fields
 * checked against the definitions; rows that fail are returned with field errors and never
 * stop the batch. New records go in with one multi-row INSERT, updates with one UPDATE …
 * FROM, and their audit rows and outbox events with one statement each.
 */
export interface PreparedBatch {
  rows: number;
  valid: { row: CsvRow; values: RecordValues; customFields?: Record<string, unknown> }[];
  errors: { row: CsvRow; errors: FieldError[] }[];
}

/** Rows prepared between two turns of the event loop. */
const PREPARE_SLICE = 200;

/**
 * The CPU half of a batch, without the database: the API's DTO validation, normalisation and
 * custom-field type checks. The runner prepares the next batch while the previous one is
 * being written, so Node and PostgreSQL work at the same time; it yields to the event loop
 * every few hundred rows, or the write in flight could not send its next statement until the
 * whole batch was prepared (measured: PostgreSQL idle ~50 ms of every batch).
 */
export async function prepareImportBatch(spec: ImportSpec<ObjectLiteral>, ctx: BatchContext, rows: CsvRow[]): Promise<PreparedBatch> {
  const valid: PreparedBatch['valid'] = [];
  const errors: PreparedBatch['errors'] = [];
  const fail = (row: CsvRow, e: FieldError[]) => errors.push({ row, errors: e });
  for (let i = 0; i < rows.length; i++) {
    if (i && i % PREPARE_SLICE === 0) await new Promise((r) => setImmediate(r));
    const row = rows[i];
    const input = recordToInput(row.cells, ctx.targets);
    const checked = validateRow(spec.dto, input);
    if ('errors' in checked) {
      fail(row, checked.errors);
      continue;
    }
    try {
      const values = spec.normalize(checked.value, ctx.defaultPhoneRegion);
      const customFields = input.customFields as Record<string, unknown> | undefined;
      // Types and options now, so a bad row is reported even when it would be skipped as a duplicate; required fields once we know it is new.
      applyCustomFields(ctx.defs, {}, customFields, 'update');
      valid.push({ row, values, customFields });
    } catch (err) {
      fail(row, rowErrors(err));
    }
  }
  return { rows: rows.length, valid, errors };
}

/**
 * Match keys (external id, company key…) → record id, of the rows a batch created or updated.
 * The batch written before this one may not have committed yet (the runner overlaps two), so
 * its keys come from here rather than from the database: a row matching one is "the same
 * record twice", as inside one batch.
 */
export type BatchKeys = Map<string, string>;

export interface BatchOverlap {
  /** The keys of the batch written just before, once it has sorted its rows. */
  earlier: Promise<BatchKeys>;
  /** Called with this batch's keys as soon as its rows are sorted, before any write. */
  sorted(keys: BatchKeys): void;
}

/** The database half: match, insert, update, audit and outbox, in the caller's transaction. */
export async function writeImportBatch<E extends ObjectLiteral>(
  m: EntityManager,
  spec: ImportSpec<E>,
  ctx: BatchContext,
  prepared: PreparedBatch,
  audit: AuditService,
  outbox: OutboxService,
  overlap?: BatchOverlap,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, skipped: 0, errors: [...prepared.errors] };
  const fail = (row: CsvRow, errors: FieldError[]) => out.errors.push({ row, errors });
  const { valid } = prepared;

  const existing = valid.length ? await spec.findExisting(m, valid.map((v) => v.values)) : new Map<string, string>();
  const matchOf = (keys: string[], map: Map<string, string>) => keys.map((k) => map.get(k)).find((id) => id !== undefined);
  const updatable = new Map<string, E>();
  if (ctx.duplicates === ImportDuplicateMode.UPDATE && existing.size) {
    const ids = [...new Set(existing.values())];
    const found = await spec.scoped(ctx.principal, spec.updatePermission, m).andWhere(`${spec.alias}.id = ANY(:importIds)`, { importIds: ids }).getMany();
    for (const e of found) updatable.set(e.id, e);
  }

  const creates: RecordValues[] = [];
  const updates: { before: E; after: RecordValues }[] = [];
  const inBatch: BatchKeys = new Map(); // match key → id of a record created or updated earlier in this batch
  const previous: BatchKeys = (await overlap?.earlier) ?? new Map(); // … or by the batch before, maybe not committed yet
  // Records the batch before wrote: never written twice at once (each would wait on the other's commit).
  const touched = new Set(previous.values());
  for (const v of valid) {
    const keys = spec.matchKeys(v.values);
    const match = matchOf(keys, existing);
    const earlier = matchOf(keys, inBatch) ?? matchOf(keys, previous) ?? (match !== undefined && touched.has(match) ? match : undefined);
    try {
      if (keys[0].startsWith('x:') && (existing.has(keys[0]) || inBatch.has(keys[0]) || previous.has(keys[0])) && ctx.duplicates === ImportDuplicateMode.CREATE) {
        // External ids are unique per source, even when creating anyway.
        fail(v.row, [{ field: 'externalId', rule: 'unique', message: `externalId ${v.values.externalId} is already used by another ${spec.entity}` }]);
        continue;
      }
      if (earlier !== undefined && ctx.duplicates !== ImportDuplicateMode.CREATE) {
        out.skipped++; // the same record twice in one batch: the first row wins
        continue;
      }
      if (match !== undefined && ctx.duplicates === ImportDuplicateMode.SKIP) {
        out.skipped++;
        continue;
      }
      if (match !== undefined && ctx.duplicates === ImportDuplicateMode.UPDATE) {
        const before = updatable.get(match);
        if (!before) {
          fail(v.row, [{ field: 'row', rule: 'duplicateOutOfScope', message: `matches an existing ${spec.entity} you may not change` }]);
          continue;
        }
        const refused = spec.refuseUpdate?.(before);
        if (refused) {
          fail(v.row, [{ field: 'row', rule: 'duplicateLocked', message: refused }]);
          continue;
        }
        const customFields = v.customFields ? applyCustomFields(ctx.defs, before.customFields as Record<string, unknown>, v.customFields, 'update') : before.customFields;
        const after = spec.forUpdate(before, { ...v.values, customFields });
        updates.push({ before, after });
        updatable.delete(match); // a second row for it in this batch would overwrite: skip it instead
        for (const k of keys) inBatch.set(k, match);
        continue;
      }
      const customFields = applyCustomFields(ctx.defs, {}, v.customFields, 'create');
      const id = timeOrderedUuid();
      creates.push({ id, ...spec.forCreate({ ...v.values, customFields }, ctx.owner, ctx.principal.actorId) });
      for (const k of keys) inBatch.set(k, id);
    } catch (err) {
      fail(v.row, rowErrors(err));
    }
  }

  overlap?.sorted(inBatch);

  const types = { id: 'uuid', ...spec.sqlTypes };
  const columns = Object.keys(types);
  const recordset = `jsonb_to_recordset($1::jsonb) AS x(${columns.map((c) => `"${snake(c)}" ${types[c as keyof typeof types]}`).join(', ')})`;
  // Column names once per batch, not per row (the regex per row and column was ~10 µs a row).
  const names = columns.map((c) => [c, snake(c)] as const);
  const pick = (r: RecordValues) => {
    const row: Record<string, unknown> = {};
    for (const [c, name] of names) row[name] = r[c] ?? null;
    return row;
  };
  if (creates.length) {
    await m.query(`INSERT INTO "${spec.table}" (${columns.map((c) => `"${snake(c)}"`).join(', ')}) SELECT ${columns.map((c) => `x."${snake(c)}"`).join(', ')} FROM ${recordset}`, [JSON.stringify(creates.map(pick))]);
    await audit.recordMany(m, 'create', spec.entity, creates.map((c) => ({ entityId: c.id as string, changes: { importId: { before: null, after: ctx.importId } } })), ctx.principal.actorId);
    await outbox.publishMany(m, `${spec.entity}.created`, spec.entity, creates.map((c) => ({ aggregateId: c.id as string, payload: spec.createdPayload(c) })), ctx.principal.actorId);
    out.created = creates.length;
  }
  if (updates.length) {
    const set = columns.filter((c) => !['id', 'ownerId', 'departmentId', 'developerId', 'claimedAt', 'createdBy', 'assignedAt'].includes(c));
    await m.query(
      `UPDATE "${spec.table}" t SET ${set.map((c) => `"${snake(c)}" = x."${snake(c)}"`).join(', ')}, version = t.version + 1, updated_at = now() FROM ${recordset} WHERE t.id = x.id`,
      [JSON.stringify(updates.map((u) => pick({ ...u.after, id: u.before.id })))],
    );
    const changed = updates.map((u) => {
      const before = Object.fromEntries(set.map((c) => [c, (u.before as RecordValues)[c] ?? null]));
      const after = Object.fromEntries(set.map((c) => [c, u.after[c] ?? null]));
      return { entityId: u.before.id as string, changes: { ...diff(before, after), importId: { before: null, after: ctx.importId } } };
    });
    await audit.recordMany(m, 'update', spec.entity, changed, ctx.principal.actorId);
    await outbox.publishMany(m, `${spec.entity}.updated`, spec.entity, changed.map((c) => ({ aggregateId: c.entityId, payload: { fields: Object.keys(c.changes).filter((k) => k !== 'importId'), channel: 'import' } })), ctx.principal.actorId);
    out.updated = updates.length;
  }
  return out;
}

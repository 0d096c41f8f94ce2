import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataScope, ErrorCode, ImportDuplicateMode, ImportEntity, ImportLimits, ImportStatus, type ImportColumnsDto, type ImportJobDto, type StartImportQuery } from '@kehu/contracts';
import { APP_CONFIG, type AppConfig, AuditService, csvLine, DomainException, drained, fieldError, JobsService, mediaTypeOf, type Principal, type RawHttp, TransactionService, UTF8_BOM } from '@kehu/server-core';
import { CustomFieldsService } from '@kehu/server-customers';
import { User } from '@kehu/server-identity';
import type { IncomingMessage } from 'node:http';
import { DataSource, type EntityManager } from 'typeorm';
import { importColumns, mapHeaders } from '../columns/column-mapping';
import { customerColumns } from '../columns/customer-columns';
import { leadColumns } from '../columns/lead-columns';
import { ImportChunk, ImportJob, ImportRowError } from './import-job.entity';
import { toImportJobDto } from './import-job.mapper';
import { IMPORT_JOB, ImportRunner } from './import-runner';
import { readUpload } from './import-upload';

const ACCEPTED_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/octet-stream', 'application/vnd.ms-excel'];

export const importPermissions = {
  [ImportEntity.CUSTOMER]: { import: 'sales.customer.import', assign: 'sales.customer.assign' },
  [ImportEntity.LEAD]: { import: 'sales.lead.import', assign: 'sales.lead.assign' },
} as const;

const columnsOf = (entity: ImportEntity) => (entity === ImportEntity.CUSTOMER ? customerColumns : leadColumns);

/** Starting an import (the upload), its progress and its failed rows. The rows are written by ImportRunner. */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly customFields: CustomFieldsService,
    private readonly jobs: JobsService,
    private readonly runner: ImportRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The columns an import understands, for the dialog's mapping. */
  async columns(entity: ImportEntity): Promise<ImportColumnsDto> {
    return { columns: importColumns(columnsOf(entity), await this.customFields.definitions(entity)) };
  }

  /**
   * Stores the CSV (checked, sliced, in one transaction with the job row), then queues the
   * job. A malformed file is refused here, before anything is kept.
   */
  async start(p: Principal, entity: ImportEntity, q: StartImportQuery, req: IncomingMessage): Promise<ImportJobDto> {
    const type = mediaTypeOf(req);
    if (!ACCEPTED_TYPES.includes(type)) throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the CSV file as the request body with Content-Type text/csv.');
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > ImportLimits.maxBytes) throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${ImportLimits.maxBytes / 1024 / 1024} MB.`);
    const explicit = parseMapping(q.mapping);
    const duplicates = q.duplicates ?? ImportDuplicateMode.SKIP;
    const defs = await this.customFields.definitions(entity);
    const job = await this.tx.run(async (m) => {
      const owner = await this.ownerFor(m, p, entity, q.ownerId);
      const job = await m.save(
        ImportJob,
        m.create(ImportJob, {
          entity,
          status: ImportStatus.QUEUED,
          options: { duplicates, ownerId: owner.id },
          runAs: { userId: p.userId, actorId: p.actorId, permissions: p.permissions, departmentId: p.departmentId, departmentSubtreeIds: p.departmentSubtreeIds, teamMemberIds: p.teamMemberIds },
          createdBy: p.userId,
        }),
      );
      let mapping: Record<string, string> = {};
      let header: string[] = [];
      const summary = await readUpload(
        req,
        ImportLimits.maxBytes,
        (h) => {
          header = h;
          mapping = mapHeaders(h, columnsOf(entity), defs, explicit).used;
        },
        (seq, data) => m.insert(ImportChunk, { importId: job.id, seq, data }).then(() => undefined),
      );
      job.total = summary.rows;
      job.bytes = String(summary.bytes);
      // jsonb keeps no key order: the header goes along as a list, for errors.csv.
      job.options = { duplicates, ownerId: owner.id, ownerDepartmentId: owner.departmentId, mapping, header };
      await m.update(ImportJob, { id: job.id }, { total: job.total, bytes: job.bytes, options: job.options as never });
      await this.audit.record(m, { action: 'import', entityType: entity, entityId: null, changes: { importId: { before: null, after: job.id }, rows: { before: null, after: summary.rows }, duplicates: { before: null, after: duplicates } } });
      return job;
    });
    await this.queue(job.id);
    return toImportJobDto(await this.ds.getRepository(ImportJob).findOneByOrFail({ id: job.id }));
  }

  /** The import if the caller started it (or may import that entity company-wide); else 404. */
  async get(p: Principal, id: string): Promise<ImportJob> {
    const job = await this.ds.getRepository(ImportJob).findOneBy({ id });
    const entity = job?.entity as ImportEntity | undefined;
    const visible = job && (job.createdBy === p.userId || (entity && p.permissions[importPermissions[entity].import] === DataScope.ALL));
    if (!visible) throw DomainException.notFound('Import');
    return job;
  }

  /** The failed rows as CSV: row number, reasons, then the row's own cells under its own header. */
  async writeErrors(p: Principal, id: string, http: RawHttp): Promise<void> {
    const job = await this.get(p, id);
    const header = (job.options.header ?? []) as string[];
    const res = http.takeResponse();
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-errors.csv"`);
    res.write(UTF8_BOM + csvLine(['row', 'errors', ...header]));
    let after = 0;
    for (;;) {
      const rows = await this.ds.getRepository(ImportRowError).createQueryBuilder('e').where('e.import_id = :id AND e.row_number > :after', { id, after }).orderBy('e.row_number').limit(2000).getMany();
      if (!rows.length) break;
      let chunk = '';
      for (const r of rows) chunk += csvLine([r.rowNumber, r.errors.map((e) => e.message).join('; '), ...r.cells]);
      res.write(chunk);
      // Also returns when the client has gone: then stop reading instead of waiting forever.
      await drained(res);
      if (res.destroyed) return;
      after = rows[rows.length - 1].rowNumber;
    }
    res.end();
  }

  /** pg-boss when the job runner is on; otherwise (JOBS_ENABLED=false) in this process, so an import still completes. */
  private async queue(id: string): Promise<void> {
    const queued = await this.jobs.send(IMPORT_JOB, { importId: id });
    if (queued) return;
    setImmediate(() => this.runner.run(id).catch((err) => this.logger.error({ err }, `import ${id} failed`)));
  }

  /** Default owner: the caller; someone else needs the assign permission and must be an active user within the caller's import scope. */
  private async ownerFor(m: EntityManager, p: Principal, entity: ImportEntity, ownerId: string | undefined): Promise<{ id: string; departmentId: string | null }> {
    if (!ownerId || ownerId === p.userId) return { id: p.userId, departmentId: p.departmentId };
    const perms = importPermissions[entity];
    if (!p.permissions[perms.assign]) throw new DomainException(ErrorCode.FORBIDDEN, `Importing for someone else needs ${perms.assign}.`);
    const user = await m.findOne(User, { where: { id: ownerId, active: true } });
    if (!user) throw fieldError('ownerId', 'exists', 'ownerId does not name an active user');
    const scope = p.permissions[perms.import];
    const inScope =
      scope === DataScope.ALL ||
      (scope === DataScope.DEPARTMENT && user.departmentId !== null && p.departmentSubtreeIds.includes(user.departmentId)) ||
      (scope === DataScope.TEAM && p.teamMemberIds.includes(user.id));
    if (!inScope) throw fieldError('ownerId', 'inScope', 'ownerId is outside your data scope');
    return { id: user.id, departmentId: user.departmentId };
  }
}

function parseMapping(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw fieldError('mapping', 'isJson', 'mapping must be a JSON object from CSV header to field key');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw fieldError('mapping', 'isJson', 'mapping must be a JSON object from CSV header to field key');
  }
  return value as Record<string, string>;
}

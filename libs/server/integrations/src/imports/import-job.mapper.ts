import type { ImportDuplicateMode, ImportEntity, ImportJobDto, ImportStatus } from '@kehu/contracts';
import type { ImportJob } from './import-job.entity';

export const toImportJobDto = (j: ImportJob): ImportJobDto => ({
  id: j.id,
  entity: j.entity as ImportEntity,
  status: j.status as ImportStatus,
  total: j.total,
  processed: j.processed,
  created: j.created,
  updated: j.updated,
  skipped: j.skipped,
  failed: j.failed,
  options: j.options as { duplicates: ImportDuplicateMode },
  error: j.error,
  createdBy: j.createdBy,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

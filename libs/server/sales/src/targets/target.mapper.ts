import type { TargetDto, TargetLevel, TargetMetric } from '@kehu/contracts';
import type { SalesTarget } from './target.entity';

export function toTargetDto(t: SalesTarget): TargetDto {
  return {
    id: t.id,
    period: t.period,
    level: t.level as TargetLevel,
    subjectId: t.subjectId,
    metric: t.metric as TargetMetric,
    value: t.value,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    createdBy: t.createdBy,
    version: t.version,
  };
}

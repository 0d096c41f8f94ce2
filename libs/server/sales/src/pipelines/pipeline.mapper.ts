import type { PipelineDto, PipelineStageDto, StageKind } from '@kehu/contracts';
import type { Pipeline, PipelineStage } from './pipeline.entity';

export function toStageDto(s: PipelineStage): PipelineStageDto {
  return { id: s.id, name: s.name, probability: s.probability, kind: s.kind as StageKind, position: s.position };
}

/** `stages`: the live stages of the pipeline (any order; sorted here). */
export function toPipelineDto(p: Pipeline, stages: PipelineStage[]): PipelineDto {
  return {
    id: p.id,
    name: p.name,
    isDefault: p.isDefault,
    active: p.active,
    stages: [...stages].sort((a, b) => a.position - b.position).map(toStageDto),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

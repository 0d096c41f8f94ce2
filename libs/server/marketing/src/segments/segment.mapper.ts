import type { SegmentDto } from '@kehu/contracts';
import type { Segment } from './segment.entity';

export function toSegmentDto(s: Segment): SegmentDto {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    targetType: s.targetType,
    rules: s.rules,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

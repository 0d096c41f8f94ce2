import type { PoolDto } from '@kehu/contracts';
import type { Pool } from './pool.entity';

export function toPoolDto(p: Pool, customerCount: number): PoolDto {
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    isDefault: p.isDefault,
    departmentId: p.departmentId,
    adminIds: p.adminIds,
    memberUserIds: p.memberUserIds,
    memberDepartmentIds: p.memberDepartmentIds,
    rules: p.rules ?? {},
    customerCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainException } from '../errors/domain.exception';

/**
 * Soft delete and restore for versioned records. Both bump the version so a client
 * holding an old ETag cannot overwrite the change. The caller has already checked scope.
 */
export async function softDeleteRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, id: string, entityLabel: string): Promise<void> {
  await setDeleted(manager, target, id, true, entityLabel);
}

export async function restoreRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, id: string, entityLabel: string): Promise<void> {
  await setDeleted(manager, target, id, false, entityLabel);
}

async function setDeleted<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, id: string, deleted: boolean, entityLabel: string): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ deletedAt: () => (deleted ? 'now()' : 'NULL'), version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where(`id = :id AND deleted_at IS ${deleted ? '' : 'NOT '}NULL`, { id })
    .execute();
  if (result.affected !== 1) throw DomainException.notFound(entityLabel);
}

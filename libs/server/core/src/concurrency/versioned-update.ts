import { ErrorCode } from '@kehu/contracts';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainException } from '../errors/domain.exception';

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :v` and require
 * exactly one row; TypeORM's save() does not check the version, so this is the only
 * way writes are made. When nothing matched, tells 404 (gone or out of scope) from 412.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  entityLabel: string,
): Promise<void> {
  // Soft-deleted rows cannot be edited; tables without soft delete have no such column.
  const live = manager.connection.getMetadata(target).deleteDateColumn ? ' AND deleted_at IS NULL' : '';
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where(`id = :id AND version = :version${live}`, { id, version: expectedVersion })
    .execute();
  if (result.affected === 1) return;
  const exists = await manager.getRepository(target).createQueryBuilder('t').where('t.id = :id', { id }).getExists();
  if (!exists) throw DomainException.notFound(entityLabel);
  throw new DomainException(ErrorCode.PRECONDITION_FAILED, `${entityLabel} was changed by someone else; reload and try again.`);
}

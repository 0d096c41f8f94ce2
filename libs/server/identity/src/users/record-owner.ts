import { DataScope, ErrorCode } from '@kehu/contracts';
import { DomainException, fieldError, type Principal } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

/** Who a new or re-assigned record belongs to; its department follows the owner. */
export interface RecordOwner {
  id: string;
  departmentId: string | null;
}

/**
 * The owner a caller may give a record: themselves by default; anyone else needs the
 * permission with team (a member of the caller's teams), department (a user of the caller's
 * departments) or all scope — else 403 — and must be an active user in that scope (400
 * naming `field`, ownerId unless the record calls its person otherwise, e.g. technicianId).
 * One rule for opportunities, contracts, cases and the rest.
 */
export async function resolveRecordOwner(m: EntityManager, principal: Principal, ownerId: string | undefined, permission: string, what: string, field = 'ownerId'): Promise<RecordOwner> {
  if (!ownerId || ownerId === principal.userId) return { id: principal.userId, departmentId: principal.departmentId };
  const scope = principal.permissions[permission];
  if (scope !== DataScope.TEAM && scope !== DataScope.DEPARTMENT && scope !== DataScope.ALL) {
    throw new DomainException(ErrorCode.FORBIDDEN, `Giving ${what} to someone else needs ${permission} with team, department or all scope.`);
  }
  const user = await m.findOne(User, { where: { id: ownerId, active: true } });
  if (!user) throw fieldError(field, 'exists', `${field} does not name an active user`);
  const inScope =
    scope === DataScope.ALL ||
    (scope === DataScope.TEAM ? principal.teamMemberIds.includes(user.id) : !!user.departmentId && principal.departmentSubtreeIds.includes(user.departmentId));
  if (!inScope) throw fieldError(field, 'inScope', `${field} must be a user in your ${permission} scope`);
  return { id: user.id, departmentId: user.departmentId };
}

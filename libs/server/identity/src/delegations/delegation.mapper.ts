import type { DelegationDto } from '@kehu/contracts';
import type { Delegation } from './delegation.entity';

export const toDelegationDto = (d: Delegation): DelegationDto => ({
  id: d.id,
  clerkId: d.clerkId,
  repId: d.repId,
  endsAt: d.endsAt.toISOString(),
  revokedAt: d.revokedAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  createdBy: d.createdBy ?? null,
});

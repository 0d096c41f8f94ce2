import type { CustomerDto, CustomerGrade, CustomerKind, CustomerSource, LifecycleStage } from '@kehu/contracts';
import type { Customer } from './customer.entity';

export function toCustomerDto(c: Customer): CustomerDto {
  return {
    id: c.id,
    kind: c.kind as CustomerKind,
    name: c.name,
    shortName: c.shortName,
    industry: c.industry,
    country: c.country,
    province: c.province,
    city: c.city,
    address: c.address,
    website: c.website,
    phone: c.phone,
    email: c.email,
    source: c.source as CustomerSource,
    lifecycleStage: c.lifecycleStage as LifecycleStage,
    grade: c.grade as CustomerGrade | null,
    tags: c.tags,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    developerId: c.developerId,
    poolId: c.poolId,
    claimedAt: c.claimedAt?.toISOString() ?? null,
    lockedAt: c.lockedAt?.toISOString() ?? null,
    referredByCustomerId: c.referredByCustomerId,
    externalId: c.externalId,
    externalSource: c.externalSource,
    lastFollowUpAt: c.lastFollowUpAt?.toISOString() ?? null,
    nextFollowUpOn: c.nextFollowUpOn,
    customFields: c.customFields,
    completeness: c.completeness,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

import { isoTimestampSql as iso, jsonObjectSql } from '@kehu/server-core';

/** The CustomerDto of customer `alias`, built by PostgreSQL: field for field toCustomerDto (a parity test holds them together). */
export function customerJson(alias: string): string {
  const c = (column: string) => `${alias}.${column}`;
  return jsonObjectSql([
    ['id', c('id')],
    ['kind', c('kind')],
    ['name', c('name')],
    ['shortName', c('short_name')],
    ['industry', c('industry')],
    ['country', c('country')],
    ['province', c('province')],
    ['city', c('city')],
    ['address', c('address')],
    ['website', c('website')],
    ['phone', c('phone')],
    ['email', c('email')],
    ['source', c('source')],
    ['lifecycleStage', c('lifecycle_stage')],
    ['grade', c('grade')],
    ['gradeLockedAt', iso(c('grade_locked_at'))],
    ['gradeReason', c('grade_reason')],
    ['tags', c('tags')],
    ['ownerId', c('owner_id')],
    ['departmentId', c('department_id')],
    ['developerId', c('developer_id')],
    ['poolId', c('pool_id')],
    ['claimedAt', iso(c('claimed_at'))],
    ['lockedAt', iso(c('locked_at'))],
    ['referredByCustomerId', c('referred_by_customer_id')],
    ['externalId', c('external_id')],
    ['externalSource', c('external_source')],
    ['lastFollowUpAt', iso(c('last_follow_up_at'))],
    ['nextFollowUpOn', c('next_follow_up_on')],
    ['customFields', c('custom_fields')],
    ['completeness', c('completeness')],
    ['createdAt', iso(c('created_at'))],
    ['updatedAt', iso(c('updated_at'))],
    ['version', c('version')],
  ]);
}

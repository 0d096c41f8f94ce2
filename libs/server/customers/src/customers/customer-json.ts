import { columnsJsonSql } from '@kehu/server-core';

// In CustomerDto's order; every field is its column in camelCase.
const COLUMNS = [
  'id', 'kind', 'name', 'short_name', 'industry', 'country', 'province', 'city', 'address', 'website', 'phone', 'email', 'source', 'lifecycle_stage',
  'grade', 'grade_locked_at', 'grade_reason', 'tags', 'owner_id', 'department_id', 'developer_id', 'pool_id', 'claimed_at', 'locked_at',
  'referred_by_customer_id', 'external_id', 'external_source', 'last_follow_up_at', 'next_follow_up_on', 'custom_fields', 'completeness',
  'created_at', 'updated_at', 'version',
] as const;
const TIMESTAMPS = ['grade_locked_at', 'claimed_at', 'locked_at', 'last_follow_up_at', 'created_at', 'updated_at'];

/** The CustomerDto of customer `alias`, built by PostgreSQL: field for field toCustomerDto (a parity test holds them together). */
export const customerJson = (alias: string): string => columnsJsonSql(alias, COLUMNS, TIMESTAMPS);

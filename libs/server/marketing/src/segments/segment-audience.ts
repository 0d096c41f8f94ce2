import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListSegmentMembersQuery, Page, SegmentMemberDto, SegmentRulesDto, SegmentTargetType } from '@kehu/contracts';
import { applyScope, Clock, jsonObjectSql, newestFirst, paginateJson, parseSort, type KeysetOrder, type Principal } from '@kehu/server-core';
import { Contact, Customer } from '@kehu/server-customers';
import { User } from '@kehu/server-identity';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { compileSegmentRules } from './segment-sql';

export const SEGMENT_READ = 'marketing.segment.read';
export const SEGMENT_EXPORT = 'marketing.segment.export';

// Members of a contact segment are contacts, of a customer segment customers: the row alias differs, the rest is the customer's.
const ROW = { contact: 'ct', customer: 'c' } as const;

/** Each SegmentMemberDto field and its SQL: the members' page and the CSV export read the same. */
const memberFields = (target: SegmentTargetType): [keyof SegmentMemberDto, string][] => {
  const contact = target === 'contact';
  return [
    ['id', contact ? 'ct.id' : 'c.id'],
    ['kind', `'${target}'::text`],
    ['name', contact ? 'ct.name' : 'c.name'],
    ['customerId', 'c.id'],
    ['customerName', 'c.name'],
    ['province', 'c.province'],
    ['city', 'c.city'],
    ['grade', 'c.grade'],
    ['ownerId', 'c.owner_id'],
    ['ownerName', 'u.name'],
    ['email', contact ? 'ct.emails[1]' : 'c.email'],
    ['phone', contact ? 'ct.phones[1]' : 'c.phone'],
    ['rfmSegment', "coalesce(cv.rfm_segment, 'no_orders')"],
  ];
};
const memberJson = (target: SegmentTargetType) => jsonObjectSql(memberFields(target));

/**
 * The order an export walks, each backed by an index: contacts by name as the members' page
 * shows them (contacts_name_keyset_idx); customers newest first, as the customer export
 * (customers have no name index: a name order would sort the whole segment for every batch).
 */
const EXPORT_ORDER: Record<SegmentTargetType, KeysetOrder> = {
  contact: { direction: 'ASC', columns: [{ sql: 'ct.name', type: 'text' }, { sql: 'ct.id', type: 'uuid' }] },
  customer: newestFirst('c'),
};

/** What a streamed export of the members reads: the query, the SQL of the asked fields, its keyset order. */
export interface SegmentMembersExport {
  qb: SelectQueryBuilder<ObjectLiteral>;
  cells: string[];
  order: KeysetOrder;
}

/**
 * Who is in a segment, as the caller may see them: the rules compiled to one statement over
 * customers (and contacts), narrowed by the data scope of marketing.segment.read on the
 * customer's owner and department. Counting stays in PostgreSQL (count(*) of one query), so a
 * contact segment of millions never comes into Node.
 */
@Injectable()
export class SegmentAudience {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async count(principal: Principal, target: SegmentTargetType, rules: SegmentRulesDto): Promise<number> {
    const row = await this.query(principal, target, rules, false).select('count(*)::int', 'n').getRawOne<{ n: number }>();
    return row?.n ?? 0;
  }

  members(principal: Principal, target: SegmentTargetType, rules: SegmentRulesDto, q: ListSegmentMembersQuery): Promise<Page<SegmentMemberDto>> {
    const qb = this.query(principal, target, rules, true);
    const r = ROW[target];
    const sorts = { name: { expression: `${r}.name`, key: 'name' }, createdAt: { expression: `${r}.created_at`, key: 'createdAt' } };
    const sort = parseSort(q.sort, sorts, 'name', { expression: `${r}.id`, key: 'id' });
    return paginateJson<ObjectLiteral, SegmentMemberDto>(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, memberJson(target));
  }

  /**
   * The members for a streamed export (see KeysetReader): in the scope of both
   * marketing.segment.read and marketing.segment.export, with the SQL of `fields` in order.
   */
  membersExport(principal: Principal, target: SegmentTargetType, rules: SegmentRulesDto, fields: (keyof SegmentMemberDto)[]): SegmentMembersExport {
    const qb = applyScope(this.query(principal, target, rules, true), principal, SEGMENT_EXPORT, { owner: 'c.owner_id', department: 'c.department_id' });
    const sql = new Map(memberFields(target));
    return { qb, cells: fields.map((f) => sql.get(f)!), order: EXPORT_ORDER[target] };
  }

  private query(principal: Principal, target: SegmentTargetType, rules: SegmentRulesDto, forMembers: boolean): SelectQueryBuilder<ObjectLiteral> {
    const compiled = compileSegmentRules(rules, this.clock.now());
    // withDeleted: the live-row conditions are written out below, on both tables, once.
    const qb: SelectQueryBuilder<ObjectLiteral> =
      target === 'contact'
        ? (this.ds.createQueryBuilder().from(Contact, 'ct').withDeleted().innerJoin(Customer, 'c', 'c.id = ct.customer_id').where('ct.deleted_at IS NULL').andWhere('c.deleted_at IS NULL') as SelectQueryBuilder<ObjectLiteral>)
        : (this.ds.createQueryBuilder().from(Customer, 'c').withDeleted().where('c.deleted_at IS NULL') as SelectQueryBuilder<ObjectLiteral>);
    if (compiled.usesValues || forMembers) qb.leftJoin('customer_values', 'cv', 'cv.customer_id = c.id');
    if (forMembers) qb.leftJoin(User, 'u', 'u.id = c.owner_id');
    qb.andWhere(compiled.where, compiled.params);
    return applyScope(qb, principal, SEGMENT_READ, { owner: 'c.owner_id', department: 'c.department_id' });
  }
}

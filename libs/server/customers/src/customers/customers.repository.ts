import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CustomerDto, ListCustomersQuery, Page } from '@kehu/contracts';
import { CustomFieldType, ErrorCode } from '@kehu/contracts';
import { applyScope, DomainException, fieldError, getRawPrepared, likePattern, paginateJson, parseSort, scopeSql, type Principal, type SortWhitelist } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { customFieldSortExpression } from '../custom-fields/custom-field-sql';
import type { CustomFieldDefinition } from '../custom-fields/custom-field.entity';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { normalizePhone } from '../data-quality/normalize';
import { Customer } from './customer.entity';
import { customerJson } from './customer-json';
import { customerTextMatch } from './customer-search-text';

const sorts = {
  createdAt: { expression: 'c.created_at', key: 'createdAt' },
  updatedAt: { expression: 'c.updated_at', key: 'updatedAt' },
  name: { expression: 'c.name', key: 'name' },
  // Never-followed-up customers sort as the oldest.
  lastFollowUpAt: { expression: "coalesce(c.last_follow_up_at, '-infinity'::timestamptz)", key: 'lastFollowUpAt' },
};

/** Every customer query; the data scope (owner / team / department / all) is applied here, once. */
@Injectable()
export class CustomersRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly customFields: CustomFieldsService,
  ) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<Customer> {
    return applyScope(manager.getRepository(Customer).createQueryBuilder('c'), principal, permission, { owner: 'c.owner_id', department: 'c.department_id' });
  }

  async get(principal: Principal, id: string, permission = 'sales.customer.read', manager?: EntityManager): Promise<Customer> {
    const c = await this.scoped(principal, permission, manager).andWhere('c.id = :id', { id }).getOne();
    if (!c) throw DomainException.notFound('Customer');
    return c;
  }

  /**
   * A customer another record is about to name (`customerId` of an opportunity, order, case …):
   * it must be in the caller's scope of the permission; anything else is 400 naming customerId.
   */
  async linkable(principal: Principal, customerId: string, manager?: EntityManager, permission = 'sales.customer.read'): Promise<Customer> {
    const c = await this.scoped(principal, permission, manager).andWhere('c.id = :id', { id: customerId }).getOne();
    if (!c) throw fieldError('customerId', 'exists', 'customerId does not name a customer you can see');
    return c;
  }

  /**
   * For hand-written SQL that reads other records of one customer (the 360): a condition true
   * when the customer `idSql` names is live and in the caller's scope of the permission, so the
   * check rides in the same statement instead of a round trip of its own.
   */
  visibleSql(principal: Principal, idSql: string, bind: (value: unknown) => string, permission = 'sales.customer.read'): string {
    const scope = scopeSql(principal, permission, { owner: 'vc.owner_id', department: 'vc.department_id' }, bind);
    return `EXISTS (SELECT 1 FROM customers vc WHERE vc.id = ${idSql} AND vc.deleted_at IS NULL AND ${scope})`;
  }

  /** One customer as the API shows it, built by PostgreSQL (see customerJson); 404 outside the scope. */
  async getDto(principal: Principal, id: string): Promise<CustomerDto> {
    const [row] = await getRawPrepared<{ dto: CustomerDto }>(this.scoped(principal, 'sales.customer.read').select(customerJson('c'), 'dto').andWhere('c.id = :id', { id }));
    if (!row) throw DomainException.notFound('Customer');
    return row.dto;
  }

  async list(principal: Principal, q: ListCustomersQuery, defaultRegion: string): Promise<Page<CustomerDto>> {
    const { qb, defs } = await this.filtered(principal, q, defaultRegion);
    const sort = parseSort(q.sort, { ...sorts, ...customFieldSorts(defs) }, '-createdAt', { expression: 'c.id', key: 'id' });
    return paginateJson<Customer, CustomerDto>(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, customerJson('c'));
  }

  /**
   * The list's scope and filters without sort or paging (alias `c`): the list and the CSV
   * export read the same rows. `defs` are the custom-field definitions it loaded, if any;
   * `alsoScopedBy` narrows to a second permission's scope as well.
   */
  async filtered(principal: Principal, q: ListCustomersQuery, defaultRegion: string, alsoScopedBy?: string): Promise<{ qb: SelectQueryBuilder<Customer>; defs: CustomFieldDefinition[] }> {
    const permission = q.deleted ? 'sales.customer.delete' : 'sales.customer.read';
    const qb = this.scoped(principal, permission);
    // e.g. the export: rows must be in the scope of both the read and the export permission.
    if (alsoScopedBy) applyScope(qb, principal, alsoScopedBy, { owner: 'c.owner_id', department: 'c.department_id' });
    if (q.deleted) qb.withDeleted().andWhere('c.deleted_at IS NOT NULL AND c.merged_into_id IS NULL');
    if (q.q) {
      // A query that looks like a phone number also matches the stored E.164 form.
      const phone = /^[\d\s+()-]{5,}$/.test(q.q) ? normalizePhone(q.q, defaultRegion) : undefined;
      const text = q.q.trim();
      const exact = ['email = lower(:raw)', phone && 'phone = :phone'];
      qb.andWhere(customerTextMatch(text, 'q', 'raw', { exact, deleted: q.deleted }), { q: likePattern(text), raw: text, phone });
    }
    if (q.ownerId) qb.andWhere('c.owner_id = :owner', { owner: q.ownerId });
    if (q.unowned) qb.andWhere('c.owner_id IS NULL');
    if (q.departmentId) {
      qb.andWhere(`c.department_id IN (SELECT d.id FROM departments d WHERE d.path LIKE (SELECT p.path FROM departments p WHERE p.id = :dept) || '%')`, { dept: q.departmentId });
    }
    if (q.lifecycleStage) qb.andWhere('c.lifecycle_stage = :stage', { stage: q.lifecycleStage });
    if (q.grade) qb.andWhere('c.grade = :grade', { grade: q.grade });
    if (q.industry) qb.andWhere('c.industry = :industry', { industry: q.industry });
    if (q.province) qb.andWhere('c.province = :province', { province: q.province });
    if (q.city) qb.andWhere('c.city = :city', { city: q.city });
    if (q.tag) qb.andWhere(':tag = ANY(c.tags)', { tag: q.tag });
    if (q.source) qb.andWhere('c.source = :source', { source: q.source });
    if (q.createdFrom) qb.andWhere('c.created_at >= :cf', { cf: q.createdFrom });
    if (q.createdTo) qb.andWhere('c.created_at < :ct', { ct: q.createdTo });
    if (q.noFollowUpDays) qb.andWhere(`coalesce(c.last_follow_up_at, c.created_at) < now() - make_interval(days => :nfd)`, { nfd: q.noFollowUpDays });
    const defs = q.customField?.length || q.sort?.includes('cf.') ? await this.customFields.definitions('customer') : [];
    (q.customField ?? []).forEach((filter, i) => qb.andWhere(`c.custom_fields @> :cf${i}::jsonb`, { [`cf${i}`]: JSON.stringify(customFieldFilter(defs, filter)) }));
    return { qb, defs };
  }
}

/** `key:value` → a jsonb containment probe typed by the definition (served by the GIN index). */
function customFieldFilter(defs: CustomFieldDefinition[], filter: string): Record<string, unknown> {
  const at = filter.indexOf(':');
  const key = filter.slice(0, at);
  const raw = filter.slice(at + 1);
  const def = defs.find((d) => d.key === key);
  if (!def) throw new DomainException(ErrorCode.VALIDATION_FAILED, `No custom field ${key}.`, { errors: [{ field: 'customField', rule: 'customField', message: `customField ${key} is not defined` }] });
  switch (def.type) {
    case CustomFieldType.NUMBER:
    case CustomFieldType.MONEY:
      return { [key]: Number(raw) };
    case CustomFieldType.BOOLEAN:
      return { [key]: raw === 'true' };
    case CustomFieldType.MULTI_SELECT:
      return { [key]: [raw] };
    default:
      return { [key]: raw };
  }
}

/** `cf.<key>` sorts, on the same expressions as the fields' indexes. */
function customFieldSorts(defs: CustomFieldDefinition[]): SortWhitelist {
  return Object.fromEntries(
    defs
      .filter((d) => d.type !== CustomFieldType.MULTI_SELECT)
      .map((d) => [
        `cf.${d.key}`,
        { expression: customFieldSortExpression(d, 'c.custom_fields'), key: `cf.${d.key}` },
      ]),
  );
}

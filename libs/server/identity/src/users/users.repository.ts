import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ListUsersQuery, type Page, type UserDirectoryEntryDto, type UserDirectoryQuery, type UserDto } from '@kehu/contracts';
import { applyScope, DomainException, paginate, parseSort, type Principal, likePattern } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { toUserDto } from './user.mapper';
import { User } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sorts = {
  name: { expression: 'u.name', key: 'name' },
  email: { expression: 'u.email', key: 'email' },
  createdAt: { expression: 'u.created_at', key: 'createdAt' },
};

/** All user queries; the data scope (department subtree / own) is applied here, once. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<User> {
    return applyScope(manager.getRepository(User).createQueryBuilder('u'), principal, permission, { owner: 'u.id', department: 'u.department_id' });
  }

  async list(principal: Principal, query: ListUsersQuery): Promise<Page<UserDto>> {
    const qb = this.scoped(principal, 'admin.user.read');
    if (query.q) qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: likePattern(query.q) });
    if (query.departmentId) {
      qb.andWhere(`u.department_id IN (SELECT d.id FROM departments d WHERE d.path LIKE (SELECT p.path FROM departments p WHERE p.id = :dept) || '%')`, { dept: query.departmentId });
    }
    if (query.role) qb.andWhere('EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.key = :role)', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    const sort = parseSort(query.sort, sorts, 'name', { expression: 'u.id', key: 'id' });
    const page = await paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count });
    const extras = await this.rolesAndTeams(page.data.map((u) => u.id));
    return { ...page, data: page.data.map((u) => toUserDto(u, extras.roles.get(u.id) ?? [], extras.teams.get(u.id) ?? [])) };
  }

  /** Active colleagues by name or ids: names only, for every signed-in user (owner columns, pickers). */
  async directory(q: UserDirectoryQuery): Promise<UserDirectoryEntryDto[]> {
    const qb = this.ds.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.name', 'u.departmentId']).where('u.active');
    const ids = (q.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.some((id) => !UUID.test(id))) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'ids must be uuids', { errors: [{ field: 'ids', rule: 'isUuid', message: 'ids must be comma-separated uuids' }] });
    if (ids.length) qb.andWhere('u.id = ANY(:ids)', { ids: ids.slice(0, 200) });
    if (q.q) qb.andWhere('u.name ILIKE :q', { q: likePattern(q.q) });
    const rows = await qb.orderBy('u.name').addOrderBy('u.id').limit(q.limit ?? 50).getMany();
    return rows.map((u) => ({ id: u.id, name: u.name, departmentId: u.departmentId }));
  }

  async get(principal: Principal, id: string, permission = 'admin.user.read', manager?: EntityManager): Promise<User> {
    const user = await this.scoped(principal, permission, manager).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw DomainException.notFound('User');
    return user;
  }

  async toDto(user: User, manager: EntityManager = this.ds.manager): Promise<UserDto> {
    const extras = await this.rolesAndTeams([user.id], manager);
    return toUserDto(user, extras.roles.get(user.id) ?? [], extras.teams.get(user.id) ?? []);
  }

  /** Role keys and team ids for a page of users: two queries, whatever the page size. */
  async rolesAndTeams(ids: string[], manager: EntityManager = this.ds.manager): Promise<{ roles: Map<string, string[]>; teams: Map<string, string[]> }> {
    const roles = new Map<string, string[]>();
    const teams = new Map<string, string[]>();
    if (!ids.length) return { roles, teams };
    const roleRows: { user_id: string; key: string }[] = await manager.query(
      `SELECT ur.user_id, r.key FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ANY($1) ORDER BY r.key`,
      [ids],
    );
    const teamRows: { user_id: string; team_id: string }[] = await manager.query(
      `SELECT tm.user_id, tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id AND t.deleted_at IS NULL WHERE tm.user_id = ANY($1)`,
      [ids],
    );
    for (const r of roleRows) roles.set(r.user_id, [...(roles.get(r.user_id) ?? []), r.key]);
    for (const t of teamRows) teams.set(t.user_id, [...(teams.get(t.user_id) ?? []), t.team_id]);
    return { roles, teams };
  }
}

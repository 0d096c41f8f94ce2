import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, PERMISSIONS, type CreateRoleDto, type PermissionDto, type RoleDto, type UpdateRoleDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, OutboxService, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { Role } from './role.entity';
import { UserRole } from './user-role.entity';

const builtInRefused = (key: string) => new DomainException(ErrorCode.ROLE_BUILT_IN, `${key} is a built-in role: copy it into a custom role to change it.`);

@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  listPermissions(): PermissionDto[] {
    return PERMISSIONS.map((name) => {
      const [module, resource, action] = name.split('.');
      return { name, module, resource, action };
    });
  }

  /** Built-in roles first, then custom ones by name; few enough for one page. */
  async list(): Promise<RoleDto[]> {
    const rows = await this.query(this.ds.manager).orderBy('r.built_in', 'DESC').addOrderBy('r.name', 'ASC').getRawAndEntities();
    return rows.entities.map((r, i) => toRoleDto(r, Number(rows.raw[i].user_count)));
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<RoleDto> {
    const rows = await this.query(m).andWhere('r.id = :id', { id }).getRawAndEntities();
    if (!rows.entities.length) throw DomainException.notFound('Role');
    return toRoleDto(rows.entities[0], Number(rows.raw[0].user_count));
  }

  async create(_principal: Principal, dto: CreateRoleDto): Promise<RoleDto> {
    return this.tx.run(async (m) => {
      if (await m.exists(Role, { where: { key: dto.key } })) {
        throw new DomainException(ErrorCode.ALREADY_EXISTS, `A role with key ${dto.key} exists.`, { errors: [{ field: 'key', rule: 'unique', message: 'key is already used' }] });
      }
      const role = await m.save(Role, m.create(Role, { key: dto.key, name: dto.name, builtIn: false, permissions: dto.permissions as never }));
      await this.audit.record(m, { action: 'create', entityType: 'role', entityId: role.id, changes: diff({}, { key: dto.key, name: dto.name, permissions: dto.permissions }) });
      await this.outbox.publish(m, { type: 'role.created', aggregateType: 'role', aggregateId: role.id });
      return this.get(role.id, m);
    });
  }

  async update(_principal: Principal, id: string, version: number, dto: UpdateRoleDto): Promise<RoleDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(id, m);
      if (before.builtIn) throw builtInRefused(before.key);
      const changes: Partial<Role> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.permissions !== undefined) changes.permissions = dto.permissions as never;
      await updateVersioned(m, Role, id, version, changes, 'Role');
      await this.audit.record(m, { action: dto.permissions ? 'update.permissions' : 'update', entityType: 'role', entityId: id, changes: diff(before as never, changes as never) });
      await this.outbox.publish(m, { type: 'role.updated', aggregateType: 'role', aggregateId: id });
      return this.get(id, m);
    });
  }

  async remove(_principal: Principal, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const role = await this.get(id, m);
      if (role.builtIn) throw builtInRefused(role.key);
      if (role.userCount) throw new DomainException(ErrorCode.ROLE_IN_USE, `${role.userCount} users still hold ${role.name}; give them another role first.`);
      await m.delete(Role, id);
      await this.audit.record(m, { action: 'delete', entityType: 'role', entityId: id, changes: { key: { before: role.key, after: null } } });
      await this.outbox.publish(m, { type: 'role.deleted', aggregateType: 'role', aggregateId: id });
    });
  }

  private query(m: EntityManager) {
    return m
      .getRepository(Role)
      .createQueryBuilder('r')
      .addSelect((sub) => sub.select('count(*)').from(UserRole, 'ur').innerJoin('users', 'u', 'u.id = ur.user_id AND u.deleted_at IS NULL').where('ur.role_id = r.id'), 'user_count');
  }
}

function toRoleDto(r: Role, userCount: number): RoleDto {
  return { id: r.id, key: r.key, name: r.name, builtIn: r.builtIn, permissions: r.permissions, userCount, version: r.version };
}

import { Injectable } from '@nestjs/common';
import { ErrorCode, type CreateUserDto, type ResetPasswordDto, type UpdateUserDto, type UserDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { In, IsNull, type EntityManager } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Department } from '../departments/department.entity';
import { Role } from '../roles/role.entity';
import { UserRole } from '../roles/user-role.entity';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async create(principal: Principal, dto: CreateUserDto): Promise<UserDto> {
    this.passwords.assertPolicy(dto.password, dto.email, 'password');
    const passwordHash = await this.passwords.hash(dto.password);
    try {
      return await this.tx.run(async (m) => {
        await this.assertDepartment(m, dto.departmentId ?? null);
        const roles = await this.rolesByKey(m, dto.roles);
        const user = await m.save(User, m.create(User, { email: dto.email, name: dto.name, phone: dto.phone ?? null, locale: dto.locale ?? 'zh-CN', departmentId: dto.departmentId ?? null, passwordHash, createdBy: principal.actorId }));
        await m.insert(UserRole, roles.map((r) => ({ userId: user.id, roleId: r.id })));
        await this.audit.record(m, { action: 'create', entityType: 'user', entityId: user.id, changes: diff({}, { email: user.email, name: user.name, departmentId: user.departmentId, roles: dto.roles }) });
        await this.outbox.publish(m, { type: 'user.created', aggregateType: 'user', aggregateId: user.id, payload: { departmentId: user.departmentId } });
        return this.users.toDto(user, m);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
  }

  async update(principal: Principal, id: string, version: number, dto: UpdateUserDto): Promise<UserDto> {
    return this.tx.run(async (m) => {
      const before = await this.users.get(principal, id, 'admin.user.manage', m);
      const beforeDto = await this.users.toDto(before, m);
      if (dto.active === false && id === principal.actorId) throw selfLockout('active');
      const changes: Partial<User> = {};
      for (const key of ['name', 'phone', 'locale', 'departmentId', 'active'] as const) if (dto[key] !== undefined) (changes as Record<string, unknown>)[key] = dto[key];
      if (dto.departmentId !== undefined) await this.assertDepartment(m, dto.departmentId);
      await updateVersioned(m, User, id, version, changes, 'User');
      if (dto.roles) {
        if (id === principal.actorId && beforeDto.roles.includes('admin') && !dto.roles.includes('admin')) throw selfLockout('roles');
        const roles = await this.rolesByKey(m, dto.roles);
        await m.delete(UserRole, { userId: id });
        await m.insert(UserRole, roles.map((r) => ({ userId: id, roleId: r.id })));
      }
      // A disabled user's sessions end now, not when their access token expires.
      if (dto.active === false) await this.revokeSessions(m, id);
      const after = await this.users.toDto(await m.findOneByOrFail(User, { id }), m);
      const changed = diff(beforeDto as never, { ...changes, ...(dto.roles ? { roles: after.roles } : {}) });
      await this.audit.record(m, { action: dto.roles ? 'update.permissions' : 'update', entityType: 'user', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'user.updated', aggregateType: 'user', aggregateId: id, payload: { fields: Object.keys(changed) } });
      return after;
    });
  }

  async resetPassword(principal: Principal, id: string, dto: ResetPasswordDto): Promise<void> {
    const user = await this.users.get(principal, id, 'admin.user.manage');
    this.passwords.assertPolicy(dto.newPassword, user.email);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.tx.run(async (m) => {
      await m.update(User, id, { passwordHash });
      await this.revokeSessions(m, id);
      await this.audit.record(m, { action: 'password.reset', entityType: 'user', entityId: id });
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    if (id === principal.actorId) throw selfLockout('id');
    await this.tx.run(async (m) => {
      await this.users.get(principal, id, 'admin.user.manage', m);
      await m.update(User, id, { active: false });
      await softDeleteRow(m, User, id, 'User');
      await this.revokeSessions(m, id);
      await this.audit.record(m, { action: 'delete', entityType: 'user', entityId: id });
      await this.outbox.publish(m, { type: 'user.deleted', aggregateType: 'user', aggregateId: id });
    });
  }

  private async revokeSessions(m: EntityManager, userId: string): Promise<void> {
    await m.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async rolesByKey(m: EntityManager, keys: string[]): Promise<Role[]> {
    const unique = [...new Set(keys)];
    if (!unique.length) throw fieldError('roles', 'arrayMinSize', 'roles must name at least one role');
    const roles = await m.find(Role, { where: { key: In(unique) } });
    const missing = unique.filter((k) => !roles.some((r) => r.key === k));
    if (missing.length) throw fieldError('roles', 'exists', `unknown roles: ${missing.join(', ')}`);
    return roles;
  }

  private async assertDepartment(m: EntityManager, id: string | null): Promise<void> {
    if (id && !(await m.exists(Department, { where: { id } }))) throw fieldError('departmentId', 'exists', 'departmentId does not name a department');
  }
}

const emailTaken = () =>
  new DomainException(ErrorCode.ALREADY_EXISTS, 'A user with this e-mail exists.', { errors: [{ field: 'email', rule: 'unique', message: 'email is already used by another user' }] });

const selfLockout = (field: string) =>
  new DomainException(ErrorCode.CONFLICT, 'You cannot disable, delete or remove admin from your own account.', { errors: [{ field, rule: 'notSelf', message: `${field}: not allowed on your own account` }] });

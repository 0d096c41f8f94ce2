import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, type CreateDepartmentDto, type DepartmentDto, type UpdateDepartmentDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { Department } from './department.entity';
import { DepartmentsRepository } from './departments.repository';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: DepartmentsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  create(principal: Principal, dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.tx.run(async (m) => {
      const parent = dto.parentId ? await this.parentOrFail(m, dto.parentId) : null;
      if (dto.managerId) await this.assertUser(m, dto.managerId);
      const id = randomUUID();
      await m.insert(Department, {
        id,
        name: dto.name,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        managerId: dto.managerId ?? null,
        createdBy: principal.actorId,
        // A new sub-department starts with its parent's modules switched on.
        ...(parent ? { modules: parent.modules } : {}),
      });
      await this.audit.record(m, { action: 'create', entityType: 'department', entityId: id, changes: diff({}, { name: dto.name, parentId: parent?.id ?? null }) });
      await this.outbox.publish(m, { type: 'department.created', aggregateType: 'department', aggregateId: id });
      return this.repo.get(id, m);
    });
  }

  /** Rename, set the manager, or move the department (with its whole subtree) under another. */
  update(principal: Principal, id: string, version: number, dto: UpdateDepartmentDto): Promise<DepartmentDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.entity(id, m);
      const changes: Partial<Department> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.managerId !== undefined) {
        if (dto.managerId) await this.assertUser(m, dto.managerId);
        changes.managerId = dto.managerId;
      }
      let newPath: string | undefined;
      if (dto.parentId !== undefined && dto.parentId !== before.parentId) {
        const parent = dto.parentId ? await this.parentOrFail(m, dto.parentId) : null;
        if (parent && parent.path.startsWith(before.path)) throw fieldError('parentId', 'noCycle', 'parentId cannot be the department itself or one of its sub-departments');
        changes.parentId = parent?.id ?? null;
        newPath = `${parent?.path ?? '/'}${id}/`;
      }
      await updateVersioned(m, Department, id, version, changes, 'Department');
      if (newPath) {
        // One statement re-roots the whole subtree.
        await m.query(`UPDATE departments SET path = $1 || substr(path, length($2) + 1) WHERE path LIKE $2 || '%'`, [newPath, before.path]);
      }
      await this.audit.record(m, { action: newPath ? 'move' : 'update', entityType: 'department', entityId: id, changes: diff(before as never, changes as never) });
      await this.outbox.publish(m, { type: 'department.updated', aggregateType: 'department', aggregateId: id });
      return this.repo.get(id, m);
    });
  }

  /** Only an empty department can go: no members, no sub-departments, no teams. */
  remove(_principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const dept = await this.repo.entity(id, m);
      const [members, children, teams] = await Promise.all([
        m.count(User, { where: { departmentId: id } }),
        m.count(Department, { where: { parentId: id } }),
        m.count(Team, { where: { departmentId: id } }),
      ]);
      if (members || children || teams) {
        throw new DomainException(ErrorCode.DEPARTMENT_NOT_EMPTY, `${dept.name} still has ${members} members, ${children} sub-departments and ${teams} teams; move them first.`, {
          extensions: { members, children, teams },
        });
      }
      await softDeleteRow(m, Department, id, 'Department');
      await this.audit.record(m, { action: 'delete', entityType: 'department', entityId: id });
      await this.outbox.publish(m, { type: 'department.deleted', aggregateType: 'department', aggregateId: id });
    });
  }

  private async parentOrFail(m: EntityManager, id: string): Promise<Department> {
    const parent = await m.findOne(Department, { where: { id } });
    if (!parent) throw fieldError('parentId', 'exists', 'parentId does not name a department');
    return parent;
  }

  private async assertUser(m: EntityManager, id: string): Promise<void> {
    if (!(await m.exists(User, { where: { id } }))) throw fieldError('managerId', 'exists', 'managerId does not name a user');
  }
}

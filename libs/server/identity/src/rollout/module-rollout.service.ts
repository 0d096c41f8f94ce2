import { Injectable } from '@nestjs/common';
import type { AppModuleName, ModuleRolloutDto } from '@kehu/contracts';
import { AuditService, OutboxService, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { DepartmentsRepository } from '../departments/departments.repository';
import { Department } from '../departments/department.entity';

@Injectable()
export class ModuleRolloutService {
  constructor(
    private readonly tx: TransactionService,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(): Promise<ModuleRolloutDto[]> {
    return (await this.departments.all()).map((d) => ({ departmentId: d.id, departmentName: d.name, parentId: d.parentId, modules: d.modules, version: d.version }));
  }

  update(_principal: Principal, departmentId: string, version: number, modules: AppModuleName[]): Promise<ModuleRolloutDto> {
    return this.tx.run(async (m) => {
      const before = await this.departments.entity(departmentId, m);
      const next = [...new Set(modules)].sort();
      await updateVersioned(m, Department, departmentId, version, { modules: next }, 'Department');
      await this.audit.record(m, { action: 'update.rollout', entityType: 'department', entityId: departmentId, changes: { modules: { before: before.modules, after: next } } });
      await this.outbox.publish(m, { type: 'department.modules-changed', aggregateType: 'department', aggregateId: departmentId, payload: { modules: next } });
      const d = await this.departments.get(departmentId, m);
      return { departmentId: d.id, departmentName: d.name, parentId: d.parentId, modules: d.modules, version: d.version };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppModuleName, DepartmentDto } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { Department } from './department.entity';

type Row = Department & { memberCount: number };

/** The org tree is small (hundreds of rows): it is read whole, ordered by path, with member counts in one query. */
@Injectable()
export class DepartmentsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async all(manager: EntityManager = this.ds.manager): Promise<DepartmentDto[]> {
    const rows = await this.query(manager).orderBy('d.path', 'ASC').getRawAndEntities();
    return rows.entities.map((d, i) => toDepartmentDto({ ...d, memberCount: Number(rows.raw[i].member_count) }));
  }

  async get(id: string, manager: EntityManager = this.ds.manager): Promise<DepartmentDto> {
    const rows = await this.query(manager).andWhere('d.id = :id', { id }).getRawAndEntities();
    if (!rows.entities.length) throw DomainException.notFound('Department');
    return toDepartmentDto({ ...rows.entities[0], memberCount: Number(rows.raw[0].member_count) });
  }

  async entity(id: string, manager: EntityManager = this.ds.manager): Promise<Department> {
    const d = await manager.findOne(Department, { where: { id } });
    if (!d) throw DomainException.notFound('Department');
    return d;
  }

  private query(manager: EntityManager) {
    return manager
      .getRepository(Department)
      .createQueryBuilder('d')
      .addSelect('(SELECT count(*) FROM users u WHERE u.department_id = d.id AND u.deleted_at IS NULL AND u.active)', 'member_count');
  }
}

export function toDepartmentDto(d: Row): DepartmentDto {
  return {
    id: d.id,
    name: d.name,
    parentId: d.parentId,
    managerId: d.managerId,
    modules: d.modules as AppModuleName[],
    memberCount: d.memberCount,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

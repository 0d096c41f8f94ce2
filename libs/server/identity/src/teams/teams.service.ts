import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateTeamDto, ListTeamsQuery, Page, TeamDto, UpdateTeamDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, paginate, parseSort, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Department } from '../departments/department.entity';
import { User } from '../users/user.entity';
import { TeamMember } from './team-member.entity';
import { Team } from './team.entity';

const sort = parseSort(undefined, { name: { expression: 't.name', key: 'name' } }, 'name', { expression: 't.id', key: 'id' });

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(query: ListTeamsQuery): Promise<Page<TeamDto>> {
    const qb = this.ds.getRepository(Team).createQueryBuilder('t');
    if (query.departmentId) qb.andWhere('t.department_id = :d', { d: query.departmentId });
    const page = await paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count });
    const members = await this.members(this.ds.manager, page.data.map((t) => t.id));
    return { ...page, data: page.data.map((t) => toTeamDto(t, members.get(t.id) ?? [])) };
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<TeamDto> {
    const team = await m.findOne(Team, { where: { id } });
    if (!team) throw DomainException.notFound('Team');
    return toTeamDto(team, (await this.members(m, [id])).get(id) ?? []);
  }

  create(_principal: Principal, dto: CreateTeamDto): Promise<TeamDto> {
    return this.tx.run(async (m) => {
      if (!(await m.exists(Department, { where: { id: dto.departmentId } }))) throw fieldError('departmentId', 'exists', 'departmentId does not name a department');
      await this.assertUsers(m, [...(dto.memberIds ?? []), ...(dto.managerId ? [dto.managerId] : [])]);
      const team = await m.save(Team, m.create(Team, { name: dto.name, departmentId: dto.departmentId, managerId: dto.managerId ?? null }));
      await this.setMembers(m, team.id, dto.memberIds ?? []);
      await this.audit.record(m, { action: 'create', entityType: 'team', entityId: team.id, changes: diff({}, { name: dto.name, departmentId: dto.departmentId, memberIds: dto.memberIds ?? [] }) });
      await this.outbox.publish(m, { type: 'team.created', aggregateType: 'team', aggregateId: team.id });
      return this.get(team.id, m);
    });
  }

  update(_principal: Principal, id: string, version: number, dto: UpdateTeamDto): Promise<TeamDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(id, m);
      const changes: Partial<Team> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.managerId !== undefined) changes.managerId = dto.managerId;
      await this.assertUsers(m, [...(dto.memberIds ?? []), ...(dto.managerId ? [dto.managerId] : [])]);
      await updateVersioned(m, Team, id, version, changes, 'Team');
      if (dto.memberIds) await this.setMembers(m, id, dto.memberIds);
      const after = await this.get(id, m);
      // Membership decides team scope, so it is audited like a permission change.
      await this.audit.record(m, { action: dto.memberIds ? 'update.permissions' : 'update', entityType: 'team', entityId: id, changes: diff(before as never, { ...changes, ...(dto.memberIds ? { memberIds: after.memberIds } : {}) }) });
      await this.outbox.publish(m, { type: 'team.updated', aggregateType: 'team', aggregateId: id });
      return after;
    });
  }

  remove(_principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await this.get(id, m);
      await softDeleteRow(m, Team, id, 'Team');
      await m.delete(TeamMember, { teamId: id });
      await this.audit.record(m, { action: 'delete', entityType: 'team', entityId: id });
      await this.outbox.publish(m, { type: 'team.deleted', aggregateType: 'team', aggregateId: id });
    });
  }

  private async setMembers(m: EntityManager, teamId: string, userIds: string[]): Promise<void> {
    await m.delete(TeamMember, { teamId });
    const unique = [...new Set(userIds)];
    if (unique.length) await m.insert(TeamMember, unique.map((userId) => ({ teamId, userId })));
  }

  private async members(m: EntityManager, teamIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!teamIds.length) return out;
    const rows = await m.find(TeamMember, { where: { teamId: In(teamIds) }, order: { userId: 'ASC' } });
    for (const r of rows) out.set(r.teamId, [...(out.get(r.teamId) ?? []), r.userId]);
    return out;
  }

  private async assertUsers(m: EntityManager, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = await m.count(User, { where: { id: In(unique) } });
    if (found !== unique.length) throw fieldError('memberIds', 'exists', 'memberIds and managerId must name existing users');
  }
}

function toTeamDto(t: Team, memberIds: string[]): TeamDto {
  return { id: t.id, name: t.name, departmentId: t.departmentId, managerId: t.managerId, memberIds, createdAt: t.createdAt.toISOString(), version: t.version };
}

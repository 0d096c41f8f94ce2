import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CreateSavedViewDto, type SavedViewDto, type UpdateSavedViewDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, softDeleteRow, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { SavedView } from './saved-view.entity';

/**
 * Saved list views: private to their owner, or shared read-only with one team the owner
 * belongs to. Filters are stored as sent; the list endpoints validate them when used,
 * so a view never widens what its user may see.
 */
@Injectable()
export class SavedViewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, entityType: string): Promise<SavedViewDto[]> {
    const rows = await this.ds
      .getRepository(SavedView)
      .createQueryBuilder('v')
      .where('v.entity_type = :entityType', { entityType })
      .andWhere('(v.owner_id = :me OR v.shared_with_team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = :me))', { me: principal.userId })
      .orderBy('v.name')
      .addOrderBy('v.id')
      .getMany();
    return rows.map((v) => toDto(v, principal));
  }

  create(principal: Principal, dto: CreateSavedViewDto): Promise<SavedViewDto> {
    return this.tx.run(async (m) => {
      if (dto.sharedWithTeamId) await this.assertMember(m, principal, dto.sharedWithTeamId);
      const view = await m.save(SavedView, m.create(SavedView, { ...dto, sharedWithTeamId: dto.sharedWithTeamId ?? null, ownerId: principal.userId, createdBy: principal.actorId }));
      await this.audit.record(m, { action: 'create', entityType: 'saved_view', entityId: view.id, changes: diff({}, { name: dto.name, sharedWithTeamId: view.sharedWithTeamId }) });
      return toDto(view, principal);
    });
  }

  update(principal: Principal, id: string, version: number, dto: UpdateSavedViewDto): Promise<SavedViewDto> {
    return this.tx.run(async (m) => {
      const before = await this.own(m, principal, id);
      if (dto.sharedWithTeamId) await this.assertMember(m, principal, dto.sharedWithTeamId);
      await updateVersioned(m, SavedView, id, version, { ...dto }, 'Saved view');
      await this.audit.record(m, { action: 'update', entityType: 'saved_view', entityId: id, changes: diff(before as never, dto as never) });
      return toDto(await m.findOneByOrFail(SavedView, { id }), principal);
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await this.own(m, principal, id);
      await softDeleteRow(m, SavedView, id, 'Saved view');
      await this.audit.record(m, { action: 'delete', entityType: 'saved_view', entityId: id });
    });
  }

  /** Only the owner changes a view; a shared one is read-only for the team (404 for others). */
  private async own(m: EntityManager, principal: Principal, id: string): Promise<SavedView> {
    const view = await m.findOne(SavedView, { where: { id, ownerId: principal.userId } });
    if (!view) throw DomainException.notFound('Saved view');
    return view;
  }

  private async assertMember(m: EntityManager, principal: Principal, teamId: string): Promise<void> {
    const [row] = await m.query(`SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2`, [teamId, principal.userId]);
    if (!row) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'You can share a view only with a team you belong to.', { errors: [{ field: 'sharedWithTeamId', rule: 'memberOf', message: 'sharedWithTeamId must be one of your teams' }] });
  }
}

function toDto(v: SavedView, principal: Principal): SavedViewDto {
  return { id: v.id, entityType: v.entityType as SavedViewDto['entityType'], name: v.name, filters: v.filters, columns: v.columns, ownerId: v.ownerId, sharedWithTeamId: v.sharedWithTeamId, mine: v.ownerId === principal.userId, version: v.version };
}

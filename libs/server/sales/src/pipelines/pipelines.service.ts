import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  StageKind,
  type CreatePipelineDto,
  type ListPipelinesQuery,
  type Page,
  type PipelineDto,
  type PipelineStageInputDto,
  type UpdatePipelineDto,
} from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, OutboxService, type Principal, TransactionService, updateVersioned } from '@kehu/server-core';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Pipeline, PipelineStage } from './pipeline.entity';
import { toPipelineDto } from './pipeline.mapper';

/** Every pipeline write takes this transaction-level lock: "exactly one default" and stage edits stay serial. */
const lockPipelines = (m: EntityManager) => m.query(`SELECT pg_advisory_xact_lock(hashtext('kehu.pipelines'))`);

/** Pipelines (销售漏斗): company-wide configuration, no data scope. */
@Injectable()
export class PipelinesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** All pipelines, the default first, then by name (a handful: one page). */
  async list(q: ListPipelinesQuery): Promise<Page<PipelineDto>> {
    const pipelines = await this.ds.getRepository(Pipeline).find({ where: q.active === undefined ? {} : { active: q.active }, order: { isDefault: 'DESC', name: 'ASC', id: 'ASC' } });
    const stages = pipelines.length ? await this.ds.getRepository(PipelineStage).find({ where: { pipelineId: In(pipelines.map((p) => p.id)) } }) : [];
    return { data: pipelines.map((p) => toPipelineDto(p, stages.filter((s) => s.pipelineId === p.id))), nextCursor: null };
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<PipelineDto> {
    const p = await m.findOne(Pipeline, { where: { id } });
    if (!p) throw DomainException.notFound('Pipeline');
    return toPipelineDto(p, await m.find(PipelineStage, { where: { pipelineId: id } }));
  }

  /** The pipeline an opportunity lands in when it names none. */
  async getDefault(m: EntityManager = this.ds.manager): Promise<PipelineDto> {
    const p = await m.findOne(Pipeline, { where: { isDefault: true } });
    if (!p) throw new DomainException(ErrorCode.CONFLICT, 'There is no default pipeline.');
    return this.get(p.id, m);
  }

  create(principal: Principal, dto: CreatePipelineDto): Promise<PipelineDto> {
    checkStages(dto.stages);
    dto.stages.forEach((s, i) => {
      if (s.id) throw fieldError(`stages.${i}.id`, 'newStage', `stages.${i}.id must be omitted for a new pipeline`);
    });
    if (dto.isDefault && dto.active === false) throw fieldError('active', 'defaultIsActive', 'the default pipeline must be active');
    return this.tx.run(async (m) => {
      await lockPipelines(m);
      if (dto.isDefault) await this.clearDefault(m);
      const saved = await m.save(Pipeline, m.create(Pipeline, { name: dto.name, isDefault: dto.isDefault ?? false, active: dto.active ?? true, createdBy: principal.actorId }));
      await m.save(
        PipelineStage,
        dto.stages.map((s, position) => m.create(PipelineStage, { pipelineId: saved.id, name: s.name, probability: s.probability, kind: s.kind, position })),
      );
      const out = await this.get(saved.id, m);
      await this.audit.record(m, { action: 'create', entityType: 'pipeline', entityId: saved.id, changes: diff({}, { name: out.name, isDefault: out.isDefault, active: out.active, stages: out.stages.map(stageSummary) }) });
      await this.outbox.publish(m, { type: 'pipeline.created', aggregateType: 'pipeline', aggregateId: saved.id, payload: { isDefault: out.isDefault } });
      return out;
    });
  }

  /**
   * Needs If-Match. `stages` replaces the list: sent ids are kept, new entries created,
   * missing ones archived — refused with 409 STAGE_IN_USE while opportunities (also
   * deleted ones) sit in them; nor may such a stage change its kind (their status would).
   */
  update(_principal: Principal, id: string, version: number, dto: UpdatePipelineDto): Promise<PipelineDto> {
    if (dto.stages) checkStages(dto.stages);
    return this.tx.run(async (m) => {
      await lockPipelines(m);
      const before = await this.get(id, m);
      const active = dto.active ?? before.active;
      const isDefault = dto.isDefault ?? before.isDefault;
      if (before.isDefault && dto.isDefault === false) throw new DomainException(ErrorCode.CONFLICT, 'There must be exactly one default pipeline: make another pipeline the default instead.', { errors: [{ field: 'isDefault', rule: 'exactlyOneDefault', message: 'make another pipeline the default instead' }] });
      if (isDefault && !active) throw new DomainException(ErrorCode.CONFLICT, 'The default pipeline must stay active.', { errors: [{ field: 'active', rule: 'defaultIsActive', message: 'the default pipeline must be active' }] });
      if (dto.stages) await this.replaceStages(m, before, dto.stages);
      if (dto.isDefault && !before.isDefault) await this.clearDefault(m);
      const changes: Partial<Pipeline> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.isDefault !== undefined) changes.isDefault = dto.isDefault;
      await updateVersioned(m, Pipeline, id, version, changes, 'Pipeline');
      const after = await this.get(id, m);
      const summary = (p: PipelineDto) => ({ name: p.name, isDefault: p.isDefault, active: p.active, stages: p.stages.map(stageSummary) });
      const changed = diff(summary(before), summary(after));
      await this.audit.record(m, { action: 'update', entityType: 'pipeline', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'pipeline.updated', aggregateType: 'pipeline', aggregateId: id, payload: { fields: Object.keys(changed) } });
      return after;
    });
  }

  /** Other pipelines stop being the default (the partial unique index allows one). */
  private async clearDefault(m: EntityManager): Promise<void> {
    await m.query(`UPDATE pipelines SET is_default = false, version = version + 1, updated_at = now() WHERE is_default`);
  }

  private async replaceStages(m: EntityManager, before: PipelineDto, input: PipelineStageInputDto[]): Promise<void> {
    const existing = new Map(before.stages.map((s) => [s.id, s]));
    input.forEach((s, i) => {
      if (s.id && !existing.has(s.id)) throw fieldError(`stages.${i}.id`, 'stageOfPipeline', `stages.${i}.id is not a stage of this pipeline`);
    });
    const keptIds = new Set(input.flatMap((s) => (s.id ? [s.id] : [])));
    if (keptIds.size !== input.filter((s) => s.id).length) throw fieldError('stages', 'uniqueIds', 'stages must not repeat a stage id');
    const removed = before.stages.filter((s) => !keptIds.has(s.id));
    const kindChanged = input.filter((s) => s.id && existing.get(s.id)?.kind !== s.kind).map((s) => existing.get(s.id as string)!);
    const touched = [...removed, ...kindChanged];
    if (touched.length) {
      // Deleted opportunities count too: a restore must land in a live stage.
      const held: { stage_id: string; n: number }[] = await m.query(`SELECT stage_id, count(*)::int AS n FROM opportunities WHERE stage_id = ANY($1) GROUP BY stage_id`, [touched.map((s) => s.id)]);
      if (held.length) {
        const names = held.map((h) => `${touched.find((s) => s.id === h.stage_id)?.name} (${h.n})`).join(', ');
        throw new DomainException(ErrorCode.STAGE_IN_USE, `Stages holding opportunities cannot be removed or change kind: ${names}. Move the opportunities first.`, {
          errors: held.map((h) => ({ field: 'stages', rule: 'stageInUse', message: `stage ${h.stage_id} holds ${h.n} opportunities` })),
        });
      }
    }
    if (removed.length) await m.query(`UPDATE pipeline_stages SET deleted_at = now(), updated_at = now() WHERE id = ANY($1)`, [removed.map((s) => s.id)]);
    for (const [position, s] of input.entries()) {
      if (s.id) await m.update(PipelineStage, { id: s.id }, { name: s.name, probability: s.probability, kind: s.kind, position });
      else await m.insert(PipelineStage, { pipelineId: before.id, name: s.name, probability: s.probability, kind: s.kind, position });
    }
  }
}

const stageSummary = (s: { name: string; probability: number; kind: string }) => `${s.name} ${s.probability}% ${s.kind}`;

/** At least one won and one lost stage; names unique within the pipeline. */
function checkStages(stages: PipelineStageInputDto[]): void {
  if (!stages.some((s) => s.kind === StageKind.WON)) throw fieldError('stages', 'wonStage', 'stages need at least one won stage');
  if (!stages.some((s) => s.kind === StageKind.LOST)) throw fieldError('stages', 'lostStage', 'stages need at least one lost stage');
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    const key = s.name.trim().toLowerCase();
    if (seen.has(key)) throw fieldError(`stages.${i}.name`, 'unique', `stages.${i}.name repeats another stage's name`);
    seen.add(key);
  });
}

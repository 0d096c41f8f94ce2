import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateSegmentDto, ListSegmentMembersQuery, ListSegmentsQuery, Page, PreviewSegmentDto, SegmentDto, SegmentMemberDto, UpdateSegmentDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, likePattern, paginate, parseSort, softDeleteRow, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { SegmentAudience } from './segment-audience';
import { Segment } from './segment.entity';
import { toSegmentDto } from './segment.mapper';
import { checkRulesFor, rulesJson } from './segment-rules-check';

const id = { expression: 's.id', key: 'id' };
const sorts = {
  name: { expression: 's.name', key: 'name' },
  createdAt: { expression: 's.created_at', key: 'createdAt' },
  updatedAt: { expression: 's.updated_at', key: 'updatedAt' },
};

/** Segment definitions (company-wide, audited) and their members in the caller's scope. */
@Injectable()
export class SegmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly audience: SegmentAudience,
  ) {}

  list(q: ListSegmentsQuery): Promise<Page<SegmentDto>> {
    const qb = this.ds.getRepository(Segment).createQueryBuilder('s');
    if (q.q) qb.andWhere('s.name ILIKE :q', { q: likePattern(q.q) });
    if (q.targetType) qb.andWhere('s.target_type = :targetType', { targetType: q.targetType });
    const sort = parseSort(q.sort, sorts, '-updatedAt', id);
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, toSegmentDto);
  }

  /** A live segment, else 404 (deleted ones are gone for everyone). */
  async find(segmentId: string, m: EntityManager = this.ds.manager): Promise<Segment> {
    const s = await m.findOneBy(Segment, { id: segmentId });
    if (!s) throw DomainException.notFound('Segment');
    return s;
  }

  async get(segmentId: string): Promise<SegmentDto> {
    return toSegmentDto(await this.find(segmentId));
  }

  create(principal: Principal, dto: CreateSegmentDto): Promise<SegmentDto> {
    checkRulesFor(dto.targetType, dto.rules);
    return this.tx.run(async (m) => {
      const saved = await m.save(Segment, m.create(Segment, { name: dto.name, description: dto.description ?? null, targetType: dto.targetType, rules: rulesJson(dto.rules), createdBy: principal.actorId }));
      const out = toSegmentDto(saved);
      await this.audit.record(m, { action: 'create', entityType: 'segment', entityId: saved.id, changes: diff({}, { name: out.name, description: out.description, targetType: out.targetType, rules: out.rules }) });
      return out;
    });
  }

  update(segmentId: string, version: number, dto: UpdateSegmentDto): Promise<SegmentDto> {
    return this.tx.run(async (m) => {
      const before = await this.find(segmentId, m);
      const targetType = dto.targetType ?? before.targetType;
      const rules = dto.rules ? rulesJson(dto.rules) : before.rules;
      if (dto.targetType !== undefined || dto.rules !== undefined) checkRulesFor(targetType, rules);
      const changes: Partial<Segment> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.targetType !== undefined) changes.targetType = dto.targetType;
      if (dto.rules !== undefined) changes.rules = rules;
      await updateVersioned(m, Segment, segmentId, version, changes as Record<string, unknown>, 'Segment');
      const after = await this.find(segmentId, m);
      const pick = (s: Segment) => ({ name: s.name, description: s.description, targetType: s.targetType, rules: s.rules });
      await this.audit.record(m, { action: 'update', entityType: 'segment', entityId: segmentId, changes: diff(pick(before), pick(after)) });
      return toSegmentDto(after);
    });
  }

  remove(segmentId: string): Promise<void> {
    return this.tx.run(async (m) => {
      const s = await this.find(segmentId, m);
      await softDeleteRow(m, Segment, segmentId, 'Segment');
      await this.audit.record(m, { action: 'delete', entityType: 'segment', entityId: segmentId, changes: { name: { before: s.name, after: null } } });
    });
  }

  preview(principal: Principal, dto: PreviewSegmentDto): Promise<number> {
    checkRulesFor(dto.targetType, dto.rules);
    return this.audience.count(principal, dto.targetType, rulesJson(dto.rules));
  }

  async count(principal: Principal, segmentId: string): Promise<number> {
    const s = await this.find(segmentId);
    return this.audience.count(principal, s.targetType, s.rules);
  }

  async members(principal: Principal, segmentId: string, q: ListSegmentMembersQuery): Promise<Page<SegmentMemberDto>> {
    const s = await this.find(segmentId);
    return this.audience.members(principal, s.targetType, s.rules, q);
  }
}

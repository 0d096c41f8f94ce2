import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CustomFieldType, ErrorCode, type CreateCustomFieldDto, type CustomFieldDto, type CustomFieldEntity, type UpdateCustomFieldDto } from '@kehu/contracts';
import { AuditService, ChangeSignals, diff, DomainException, SignalledCache, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { customFieldSortExpression } from './custom-field-sql';
import { CustomFieldDefinition } from './custom-field.entity';

const selectTypes = [CustomFieldType.SINGLE_SELECT, CustomFieldType.MULTI_SELECT] as string[];

/** Tables holding a `custom_fields` jsonb column, per entity type; a module adds its table when it lands. */
export const customFieldTables: Partial<Record<CustomFieldEntity, string>> = { customer: 'customers', opportunity: 'opportunities', lead: 'leads' };

/** How long definitions are kept at most; any change to them drops them at once (ChangeSignals). */
const DEFINITIONS_TTL_MS = 5 * 60_000;

@Injectable()
export class CustomFieldsService implements OnModuleInit {
  private readonly logger = new Logger(CustomFieldsService.name);
  private readonly cache: SignalledCache<readonly CustomFieldDefinition[]>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly signals: ChangeSignals,
  ) {
    this.cache = new SignalledCache(signals, DEFINITIONS_TTL_MS, 16);
  }

  onModuleInit(): void {
    this.signals.subscribe('custom_fields', () => this.cache.invalidate());
  }

  /**
   * Definitions of one entity type, in display order, kept in memory (read by every write of a
   * record with custom fields; read-only for callers). A change is heard by every replica: at once
   * on the writer's connection (NOTICE), after its commit on the others (NOTIFY). A miss reads
   * through the caller's transaction `m`: a second pooled connection per request could exhaust the
   * pool under load. No transaction both changes definitions and reads them.
   */
  async definitions(entityType: string, m: EntityManager = this.ds.manager): Promise<CustomFieldDefinition[]> {
    const load = () => m.find(CustomFieldDefinition, { where: { entityType }, order: { sortOrder: 'ASC', key: 'ASC' } });
    return (await this.cache.get(entityType, load)) as CustomFieldDefinition[];
  }

  async list(entityType?: string): Promise<CustomFieldDto[]> {
    const rows = await this.ds.getRepository(CustomFieldDefinition).find({ where: entityType ? { entityType } : {}, order: { entityType: 'ASC', sortOrder: 'ASC', key: 'ASC' } });
    return rows.map(toDto);
  }

  async create(_principal: Principal, dto: CreateCustomFieldDto): Promise<CustomFieldDto> {
    const options = this.options(dto.type, dto.options);
    const def = await this.tx.run(async (m) => {
      if (await m.exists(CustomFieldDefinition, { where: { entityType: dto.entityType, key: dto.key } })) {
        throw new DomainException(ErrorCode.ALREADY_EXISTS, `${dto.entityType} already has a field ${dto.key}.`, { errors: [{ field: 'key', rule: 'unique', message: 'key is already used' }] });
      }
      const saved = await m.save(CustomFieldDefinition, m.create(CustomFieldDefinition, { ...dto, options, required: dto.required ?? false, sortOrder: dto.sortOrder ?? 0 }));
      await this.audit.record(m, { action: 'create', entityType: 'custom_field', entityId: saved.id, changes: diff({}, { ...dto }) });
      return saved;
    });
    await this.ensureIndex(def);
    return toDto(def);
  }

  async update(_principal: Principal, id: string, version: number, dto: UpdateCustomFieldDto): Promise<CustomFieldDto> {
    return this.tx.run(async (m) => {
      const before = await m.findOne(CustomFieldDefinition, { where: { id } });
      if (!before) throw DomainException.notFound('Custom field');
      const changes: Partial<CustomFieldDefinition> = { ...dto };
      if (dto.options !== undefined) changes.options = this.options(before.type, dto.options);
      await updateVersioned(m, CustomFieldDefinition, id, version, changes, 'Custom field');
      await this.audit.record(m, { action: 'update', entityType: 'custom_field', entityId: id, changes: diff(before as never, changes as never) });
      return toDto(await m.findOneByOrFail(CustomFieldDefinition, { id }));
    });
  }

  private options(type: string, options: string[] | undefined): string[] {
    const unique = [...new Set((options ?? []).map((o) => o.trim()).filter(Boolean))];
    if (selectTypes.includes(type) && !unique.length) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'A select field needs options.', { errors: [{ field: 'options', rule: 'arrayMinSize', message: 'options must list at least one choice' }] });
    if (!selectTypes.includes(type) && unique.length) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'Only select fields have options.', { errors: [{ field: 'options', rule: 'notAllowed', message: `options are not used by ${type} fields` }] });
    return unique;
  }

  /**
   * An expression index so sorting by the field stays fast on large tables. Built
   * CONCURRENTLY (outside any transaction, without blocking writes); filters use the
   * table's jsonb GIN index.
   */
  private async ensureIndex(def: CustomFieldDefinition): Promise<void> {
    const table = customFieldTables[def.entityType as CustomFieldEntity];
    if (!table) return;
    if (def.type === CustomFieldType.MULTI_SELECT) return; // not sortable; filters use the GIN index
    try {
      await this.ds.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "cf_${table}_${def.key}_idx" ON ${table} ((${customFieldSortExpression(def)})) WHERE deleted_at IS NULL`);
    } catch (err) {
      // The field works without it; a failed build is logged for ops to retry.
      this.logger.error({ err }, `index for custom field ${def.key} not built`);
    }
  }
}

function toDto(d: CustomFieldDefinition): CustomFieldDto {
  return { id: d.id, entityType: d.entityType as CustomFieldEntity, key: d.key, label: d.label, type: d.type as CustomFieldType, options: d.options, required: d.required, sortOrder: d.sortOrder, active: d.active, version: d.version };
}

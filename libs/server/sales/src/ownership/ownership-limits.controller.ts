import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OwnershipLimitDto, ProblemDto, UpsertOwnershipLimitDto } from '@kehu/contracts';
import { AuditService, DomainException, fieldError, RequireModule, RequirePermission, TransactionService } from '@kehu/server-core';
import { Department, User } from '@kehu/server-identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OwnershipLimit } from './ownership-limit.entity';

const toDto = (l: OwnershipLimit): OwnershipLimitDto => ({ id: l.id, userId: l.userId, departmentId: l.departmentId, maxOwned: l.maxOwned, countWon: l.countWon, maxLocked: l.maxLocked, version: l.version });

/** Owner capacity (客户保有量上限): per user, or per user of a department; a user's own row wins. */
@ApiTags('pools')
@RequireModule('sales')
@Controller('ownership-limits')
export class OwnershipLimitsController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission('sales.pool.manage')
  @ApiOkResponse({ type: [OwnershipLimitDto] })
  async listOwnershipLimits(): Promise<OwnershipLimitDto[]> {
    return (await this.ds.getRepository(OwnershipLimit).find({ order: { departmentId: 'ASC', userId: 'ASC' } })).map(toDto);
  }

  /** Creates or replaces the limit of one user or one department. */
  @Put()
  @RequirePermission('sales.pool.manage')
  @ApiOkResponse({ type: OwnershipLimitDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: not exactly one of userId and departmentId, or it names nothing.' })
  upsertOwnershipLimit(@Body() dto: UpsertOwnershipLimitDto): Promise<OwnershipLimitDto> {
    return this.tx.run(async (m) => {
      if (!!dto.userId === !!dto.departmentId) throw fieldError('userId', 'exactlyOne', 'send exactly one of userId and departmentId');
      if (dto.userId && !(await m.exists(User, { where: { id: dto.userId } }))) throw fieldError('userId', 'exists', 'userId does not name a user');
      if (dto.departmentId && !(await m.exists(Department, { where: { id: dto.departmentId } }))) throw fieldError('departmentId', 'exists', 'departmentId does not name a department');
      const where = dto.userId ? { userId: dto.userId } : { departmentId: dto.departmentId };
      const before = await m.findOne(OwnershipLimit, { where });
      const values = { maxOwned: dto.maxOwned ?? null, countWon: dto.countWon ?? true, maxLocked: dto.maxLocked ?? null };
      const saved = await m.save(OwnershipLimit, before ? Object.assign(before, values) : m.create(OwnershipLimit, { userId: dto.userId ?? null, departmentId: dto.departmentId ?? null, ...values }));
      await this.audit.record(m, { action: before ? 'update' : 'create', entityType: 'ownership_limit', entityId: saved.id, changes: { maxOwned: { before: null, after: values.maxOwned }, maxLocked: { before: null, after: values.maxLocked }, countWon: { before: null, after: values.countWon } } });
      return toDto(saved);
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.pool.manage')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  deleteOwnershipLimit(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const r = await m.delete(OwnershipLimit, { id });
      if (!r.affected) throw DomainException.notFound('Ownership limit');
      await this.audit.record(m, { action: 'delete', entityType: 'ownership_limit', entityId: id });
    });
  }
}

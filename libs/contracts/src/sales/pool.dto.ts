import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanField, EnumField, NestedField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CustomerGrade } from '../customers/customer.enums';

/** Limits of a public pool (公海), shared by the API and the SPA. */
export const PoolLimits = {
  nameMaxLength: 100,
  membersMax: 500,
  daysMax: 3650,
  claimLimitMax: 10_000,
  capacityMax: 1_000_000,
  batchMax: 200,
  importMax: 1000,
  reasonMaxLength: 500,
} as const;

/** What makes an owned customer go back to its pool. */
export enum PoolReturnRuleKind {
  /** X days from the later of the last follow-up and the claim. */
  NO_FOLLOW_UP = 'noFollowUp',
  /** X days since the claim and no opportunity created since then. */
  NO_NEW_OPPORTUNITY = 'noNewOpportunity',
  /** X days since the claim and no opportunity won since then. */
  NOT_WON = 'notWon',
}

/** A row of a customer's ownership history: how the owner changed. */
export enum OwnershipChangeKind {
  CREATED = 'created',
  CLAIMED = 'claimed',
  RELEASED = 'released',
  ASSIGNED = 'assigned',
  RETURNED = 'returned',
  MOVED = 'moved',
  IMPORTED = 'imported',
}

/** Days per customer grade, overriding the rule's days for customers of that grade. */
export class PoolGradeDaysDto {
  @NumberField({ optional: true, int: true, min: 1, max: PoolLimits.daysMax }) A?: number;
  @NumberField({ optional: true, int: true, min: 1, max: PoolLimits.daysMax }) B?: number;
  @NumberField({ optional: true, int: true, min: 1, max: PoolLimits.daysMax }) C?: number;
  @NumberField({ optional: true, int: true, min: 1, max: PoolLimits.daysMax }) D?: number;
}

export class PoolReturnRuleDto {
  @EnumField(PoolReturnRuleKind, 'PoolReturnRuleKind') kind: PoolReturnRuleKind;
  @NumberField({ int: true, min: 1, max: PoolLimits.daysMax, example: 30 }) days: number;
  @NestedField(() => PoolGradeDaysDto, { optional: true, description: 'Other days for customers of these grades.' }) gradeDays?: PoolGradeDaysDto;
  @BooleanField({ optional: true, description: 'Won customers (any won opportunity) also return. Default false.' }) includeWon?: boolean;
  @BooleanField({ optional: true, description: 'Customers with an open opportunity also return. Default false.' }) includeOpenOpportunities?: boolean;
}

function GradeList(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(4)(target, key);
    IsEnum(CustomerGrade, { each: true })(target, key);
    ApiPropertyOptional({ enum: CustomerGrade, enumName: 'CustomerGrade', isArray: true, description: 'Customers of these grades never return (key accounts).' })(target, key);
  };
}

function UuidList(description: string): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(PoolLimits.membersMax)(target, key);
    IsUUID('all', { each: true })(target, key);
    ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: PoolLimits.membersMax, description })(target, key);
  };
}

/** A pool's rules, stored as JSON. Every limit is optional: missing = no limit. */
export class PoolRulesDto {
  @NestedField(() => PoolReturnRuleDto, { optional: true, each: true, maxSize: 3 }) returnRules?: PoolReturnRuleDto[];
  @GradeList() exemptGrades?: CustomerGrade[];
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: 365, description: 'Remind the owner this many days before a customer returns.' }) reminderDays?: number | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: PoolLimits.claimLimitMax, description: 'K: claims per rep per pool per day (Asia/Shanghai calendar day).' }) dailyClaimLimit?: number | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: PoolLimits.daysMax, description: 'Z: a former owner may not reclaim within this many days of losing it.' }) reclaimCooldownDays?: number | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: PoolLimits.daysMax, description: 'W: a customer that entered the pool waits this many days before anyone claims it.' }) claimWaitDays?: number | null;
}

export class PoolDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '华东公海' }) name: string;
  @ResponseField() enabled: boolean;
  /** Customers without a pool and outside every department pool return here. */
  @ResponseField() isDefault: boolean;
  /** Customers of this department (owner's department) return here unless their own pool says otherwise. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: [String], format: 'uuid' }) adminIds: string[];
  @ResponseField({ type: [String], format: 'uuid' }) memberUserIds: string[];
  @ResponseField({ type: [String], format: 'uuid' }) memberDepartmentIds: string[];
  @ResponseField({ type: PoolRulesDto }) rules: PoolRulesDto;
  /** Ownerless customers in the pool now. */
  @ResponseField() customerCount: number;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreatePoolDto {
  @StringField({ maxLength: PoolLimits.nameMaxLength, minLength: 1 }) name: string;
  @BooleanField({ optional: true, description: 'Default true.' }) enabled?: boolean;
  @BooleanField({ optional: true, description: 'Make this the default pool (the previous default stops being it).' }) isDefault?: boolean;
  @UuidField({ optional: true, nullable: true }) departmentId?: string | null;
  @UuidList('Pool admins: users who manage this pool.') adminIds?: string[];
  @UuidList('Users who may see and claim.') memberUserIds?: string[];
  @UuidList('Departments (with sub-departments) whose users may see and claim.') memberDepartmentIds?: string[];
  @NestedField(() => PoolRulesDto, { optional: true }) rules?: PoolRulesDto;
}

/** Needs If-Match. rules replaces the whole rule set. */
export class UpdatePoolDto {
  @StringField({ optional: true, maxLength: PoolLimits.nameMaxLength, minLength: 1 }) name?: string;
  @BooleanField({ optional: true }) enabled?: boolean;
  @BooleanField({ optional: true }) isDefault?: boolean;
  @UuidField({ optional: true, nullable: true }) departmentId?: string | null;
  @UuidList('Pool admins.') adminIds?: string[];
  @UuidList('Users who may see and claim.') memberUserIds?: string[];
  @UuidList('Departments whose users may see and claim.') memberDepartmentIds?: string[];
  @NestedField(() => PoolRulesDto, { optional: true }) rules?: PoolRulesDto;
}

/** A reason in words, stored as a code with parameters and rendered in both languages. */
export class OwnershipReasonDto {
  @ResponseField({ example: 'rule.noFollowUp' }) code: string;
  @ResponseField({ type: 'object', additionalProperties: true, example: { days: 30 } }) params: Record<string, unknown>;
  @ResponseField({ example: '超过30天无新建跟进记录自动进入公海' }) zh: string;
  @ResponseField({ example: 'no follow-up for 30 days' }) en: string;
}

export class ListPoolCustomersQuery extends PageQueryDto {
  @StringField({ optional: true, maxLength: 100, description: 'Name contains.' }) q?: string;
  @EnumField(CustomerGrade, 'CustomerGrade', { optional: true }) grade?: CustomerGrade;
  @StringField({ optional: true, maxLength: 100 }) industry?: string;
  @StringField({ optional: true, maxLength: 50 }) province?: string;
  /** Default -poolEnteredAt (newest in the pool first); also name, poolEnteredAt, lastFollowUpAt. */
  @StringField({ optional: true, maxLength: 40 }) sort?: string;
}

/** An ownerless customer waiting in a pool. */
export class PoolCustomerDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, nullable: true }) grade: string | null;
  @ResponseField({ type: String, nullable: true }) industry: string | null;
  @ResponseField({ type: String, nullable: true }) province: string | null;
  @ResponseField({ type: String, nullable: true }) city: string | null;
  @ResponseField() lifecycleStage: string;
  @ResponseField({ format: 'uuid' }) poolId: string;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) poolEnteredAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastFollowUpAt: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) developerId: string | null;
  /** Who owned it last (null: never owned). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) previousOwnerId: string | null;
  @ResponseField({ type: OwnershipReasonDto, nullable: true }) reason: OwnershipReasonDto | null;
  /** Whole days since it entered the pool. */
  @ResponseField({ type: 'integer', nullable: true }) daysInPool: number | null;
  /** The waiting period W ends here; null or past = claimable now. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) claimableFrom: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
}

/** One period of ownership: who owned the customer from when to when, and why it changed. */
export class OwnershipHistoryEntryDto {
  @ResponseField() id: string;
  @ResponseField({ enum: OwnershipChangeKind, enumName: 'OwnershipChangeKind' }) kind: OwnershipChangeKind;
  /** The owner from `from` on; null = in the pool. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) previousOwnerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) poolId: string | null;
  @ResponseField({ format: 'date-time' }) from: string;
  /** When the next change happened; null = still so. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) to: string | null;
  @ResponseField({ type: OwnershipReasonDto }) reason: OwnershipReasonDto;
  /** The user who did it; null = the return job. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) byId: string | null;
}

export class RecentFollowUpDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() type: string;
  @ResponseField() subject: string;
  @ResponseField({ type: String, nullable: true }) outcome: string | null;
  @ResponseField({ format: 'date-time' }) occurredAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
}

/** What a rep sees before claiming: the customer, who had it and what was done. */
export class PoolCustomerDetailDto {
  @ResponseField({ type: PoolCustomerDto }) customer: PoolCustomerDto;
  @ResponseField({ type: [OwnershipHistoryEntryDto] }) ownershipHistory: OwnershipHistoryEntryDto[];
  /** The last 20 follow-ups, newest first. */
  @ResponseField({ type: [RecentFollowUpDto] }) recentFollowUps: RecentFollowUpDto[];
  @ResponseField() opportunityCount: number;
  @ResponseField() wonOpportunityCount: number;
}

export class ClaimResultDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ format: 'date-time' }) claimedAt: string;
}

export class BatchClaimDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PoolLimits.batchMax) @IsUUID('all', { each: true })
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: PoolLimits.batchMax })
  customerIds: string[];
}

/** Per-row outcome of a batch claim: each row is claimed or refused on its own. */
export class BatchClaimRowDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField() claimed: boolean;
  /** The refusal's error code (CLAIM_DAILY_LIMIT, OWNER_CAPACITY_REACHED, RECLAIM_COOLDOWN, CLAIM_WAITING_PERIOD, NOT_IN_POOL, NOT_FOUND). */
  @ResponseField({ type: String, nullable: true }) code: string | null;
  @ResponseField({ type: String, nullable: true }) detail: string | null;
}

export class BatchClaimResultDto {
  @ResponseField() claimed: number;
  @ResponseField() refused: number;
  @ResponseField({ type: [BatchClaimRowDto] }) results: BatchClaimRowDto[];
}

export class ReleaseCustomerDto {
  @StringField({ maxLength: PoolLimits.reasonMaxLength, minLength: 1, example: '客户已无采购计划' }) reason: string;
  @UuidField({ optional: true, description: "Default: the customer's return pool (its pool, the owner department's pool, the default pool)." }) poolId?: string;
}

export class AssignCustomerDto {
  @UuidField() ownerId: string;
  @StringField({ optional: true, maxLength: PoolLimits.reasonMaxLength }) note?: string;
}

export class MoveCustomerPoolDto {
  @UuidField() poolId: string;
}

export class ImportPoolCustomerDto {
  @StringField({ maxLength: 200, minLength: 1 }) name: string;
  @StringField({ optional: true, maxLength: 40 }) phone?: string;
  @StringField({ optional: true, maxLength: 254 }) email?: string;
  @StringField({ optional: true, maxLength: 100 }) industry?: string;
  @StringField({ optional: true, maxLength: 50 }) province?: string;
  @StringField({ optional: true, maxLength: 50 }) city?: string;
  @EnumField(CustomerGrade, 'CustomerGrade', { optional: true }) grade?: CustomerGrade;
  @StringField({ optional: true, maxLength: 100 }) externalId?: string;
  @StringField({ optional: true, maxLength: 40 }) externalSource?: string;
}

export class ImportPoolCustomersDto {
  @NestedField(() => ImportPoolCustomerDto, { each: true, minSize: 1, maxSize: PoolLimits.importMax }) customers: ImportPoolCustomerDto[];
}

export class ImportPoolCustomersResultDto {
  @ResponseField() created: number;
  @ResponseField({ type: [String], format: 'uuid' }) ids: string[];
}

/** The caller's standing in a pool: today's claims against the limit, owned and locked against capacity. */
export class PoolQuotaDto {
  @ResponseField({ format: 'uuid' }) poolId: string;
  @ResponseField() claimedToday: number;
  @ResponseField({ type: 'integer', nullable: true }) dailyClaimLimit: number | null;
  @ResponseField() owned: number;
  @ResponseField({ type: 'integer', nullable: true }) maxOwned: number | null;
  @ResponseField() locked: number;
  @ResponseField({ type: 'integer', nullable: true }) maxLocked: number | null;
}

export class PoolReturnRunResultDto {
  @ResponseField() returned: number;
  @ResponseField() batches: number;
  @ResponseField() maxBatchMs: number;
  @ResponseField() reminded: number;
}

export class ReturningSoonQuery {
  @NumberField({ optional: true, int: true, min: 1, max: 365, description: 'Default: each pool reminderDays, else 7.' }) days?: number;
}

export class ReturningSoonDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField() customerName: string;
  @ResponseField({ format: 'uuid' }) poolId: string;
  @ResponseField({ enum: PoolReturnRuleKind, enumName: 'PoolReturnRuleKind' }) rule: PoolReturnRuleKind;
  @ResponseField({ format: 'date-time' }) dueAt: string;
  /** Whole days left, 0 = returns at the next run. */
  @ResponseField() daysLeft: number;
  @ResponseField({ type: OwnershipReasonDto }) reason: OwnershipReasonDto;
}

/** Owner capacity for one user, or for each user of one department (a user's own row wins). */
export class OwnershipLimitDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: 'integer', nullable: true }) maxOwned: number | null;
  /** false: customers with a won opportunity do not count toward maxOwned. */
  @ResponseField() countWon: boolean;
  @ResponseField({ type: 'integer', nullable: true }) maxLocked: number | null;
  @ResponseField() version: number;
}

export class UpsertOwnershipLimitDto {
  @UuidField({ optional: true, description: 'Exactly one of userId and departmentId.' }) userId?: string;
  @UuidField({ optional: true }) departmentId?: string;
  @NumberField({ optional: true, nullable: true, int: true, min: 0, max: PoolLimits.capacityMax }) maxOwned?: number | null;
  @BooleanField({ optional: true, description: 'Default true.' }) countWon?: boolean;
  @NumberField({ optional: true, nullable: true, int: true, min: 0, max: PoolLimits.capacityMax }) maxLocked?: number | null;
}

import { DateTimeField, EnumField, NumberField, ResponseField, StringField, UuidField, BooleanField, QueryBooleanField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CaseChannel, CaseEventKind, CasePriority, CaseStatus, CaseType, SlaClockState } from './case.enums';

/** Limits of a case, shared by the API and the SPA. */
export const CaseLimits = {
  subjectMaxLength: 200,
  descriptionMaxLength: 10_000,
  replyMaxLength: 10_000,
  resolutionMaxLength: 5_000,
  reasonMaxLength: 500,
  commentMaxLength: 1_000,
  searchMaxLength: 100,
  /** A clock is "at risk" in its last fifth of the target (at least 30 minutes). */
  atRiskShare: 0.2,
} as const;

/** One SLA clock of a case: due time, when it stopped, and its state now. */
export class SlaClockDto {
  /** null when the policy sets no target for the priority. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  /** First reply (response clock) or resolution (resolution clock). */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) stoppedAt: string | null;
  @ResponseField({ enum: SlaClockState, enumName: 'SlaClockState', nullable: true }) state: SlaClockState | null;
}

export class CaseDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'CS-20261126-00042' }) number: string;
  @ResponseField({ example: '打印机卡纸，无法打印' }) subject: string;
  @ResponseField({ type: String, nullable: true }) description: string | null;
  @ResponseField({ enum: CaseType, enumName: 'CaseType' }) type: CaseType;
  @ResponseField({ enum: CasePriority, enumName: 'CasePriority' }) priority: CasePriority;
  @ResponseField({ enum: CaseStatus, enumName: 'CaseStatus' }) status: CaseStatus;
  @ResponseField({ enum: CaseChannel, enumName: 'CaseChannel' }) channel: CaseChannel;
  @ResponseField({ format: 'uuid' }) customerId: string;
  /** Only in lists and reads, for display. */
  @ResponseField({ type: String, nullable: true }) customerName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  /** The customer's service contract in force when the case was raised: its SLA targets apply. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) serviceContractId: string | null;
  /** The agent handling it. */
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, nullable: true }) ownerName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: SlaClockDto }) response: SlaClockDto;
  @ResponseField({ type: SlaClockDto }) resolution: SlaClockDto;
  @ResponseField({ type: String, nullable: true }) resolutionNote: string | null;
  /** The knowledge article that solved it. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) knowledgeArticleId: string | null;
  @ResponseField({ type: 'integer' }) replyCount: number;
  @ResponseField({ type: 'integer' }) reopenCount: number;
  /** Resolved with at most one reply and never reopened. */
  @ResponseField() firstContactResolution: boolean;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  /** Customer satisfaction 1–5, once resolved. */
  @ResponseField({ type: 'integer', nullable: true }) satisfaction: number | null;
  @ResponseField({ type: String, nullable: true }) satisfactionComment: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateCaseDto {
  @StringField({ maxLength: CaseLimits.subjectMaxLength, minLength: 1, example: '打印机卡纸，无法打印' }) subject: string;
  @StringField({ optional: true, maxLength: CaseLimits.descriptionMaxLength }) description?: string;
  /** A customer you can see (sales.customer.read). */
  @UuidField() customerId: string;
  /** A contact of that customer. */
  @UuidField({ optional: true }) contactId?: string;
  /** Default request. */
  @EnumField(CaseType, 'CaseType', { optional: true }) type?: CaseType;
  /** Default normal; sets the SLA targets. */
  @EnumField(CasePriority, 'CasePriority', { optional: true }) priority?: CasePriority;
  /** Default phone. */
  @EnumField(CaseChannel, 'CaseChannel', { optional: true }) channel?: CaseChannel;
  /** Default you; another agent needs service.case.assign (in its scope). */
  @UuidField({ optional: true }) ownerId?: string;
}

/** Needs If-Match. A priority change recomputes the clocks from the time the case was raised. */
export class UpdateCaseDto {
  @StringField({ optional: true, maxLength: CaseLimits.subjectMaxLength, minLength: 1 }) subject?: string;
  @StringField({ optional: true, nullable: true, maxLength: CaseLimits.descriptionMaxLength }) description?: string | null;
  @EnumField(CaseType, 'CaseType', { optional: true }) type?: CaseType;
  @EnumField(CasePriority, 'CasePriority', { optional: true }) priority?: CasePriority;
  @EnumField(CaseChannel, 'CaseChannel', { optional: true }) channel?: CaseChannel;
  @UuidField({ optional: true, nullable: true }) contactId?: string | null;
}

export class AssignCaseDto {
  /** An active user in your service.case.assign scope. */
  @UuidField() ownerId: string;
  @StringField({ optional: true, maxLength: CaseLimits.reasonMaxLength }) comment?: string;
}

export class CaseReplyDto {
  @StringField({ maxLength: CaseLimits.replyMaxLength, minLength: 1, example: '您好，已安排工程师明早上门。' }) body: string;
  /** true: an internal note (stops no clock, not counted as a reply). */
  @BooleanField({ optional: true }) internal?: boolean;
}

export class CaseStatusDto {
  /** open or pending (resolve, close and reopen have their own actions). */
  @EnumField(CaseStatus, 'CaseStatus') status: CaseStatus;
  @StringField({ optional: true, maxLength: CaseLimits.reasonMaxLength }) comment?: string;
}

export class ResolveCaseDto {
  @StringField({ maxLength: CaseLimits.resolutionMaxLength, minLength: 1, example: '更换搓纸轮后恢复正常' }) resolution: string;
  /** A published knowledge article that solved it. */
  @UuidField({ optional: true }) knowledgeArticleId?: string;
}

export class ReopenCaseDto {
  @StringField({ maxLength: CaseLimits.reasonMaxLength, minLength: 1, example: '客户反馈问题再次出现' }) reason: string;
}

export class CloseCaseDto {
  @StringField({ optional: true, maxLength: CaseLimits.reasonMaxLength }) comment?: string;
}

export class CaseSatisfactionDto {
  @NumberField({ int: true, min: 1, max: 5, example: 5 }) score: number;
  @StringField({ optional: true, maxLength: CaseLimits.commentMaxLength }) comment?: string;
}

export class CaseEventDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: CaseEventKind, enumName: 'CaseEventKind' }) kind: CaseEventKind;
  @ResponseField({ type: String, nullable: true }) body: string | null;
  /** Status before / after, owner before / after and similar details of the step. */
  @ResponseField({ type: 'object', additionalProperties: true, nullable: true }) data: Record<string, unknown> | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ResponseField({ type: String, nullable: true }) actorName: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
}

export class ListCasesQuery extends PageQueryDto {
  @EnumField(CaseStatus, 'CaseStatus', { optional: true }) status?: CaseStatus;
  /** Only cases not yet resolved or closed (new, open, pending). */
  @QueryBooleanField({ description: 'Only cases not yet resolved or closed.' }) active?: boolean;
  @EnumField(CasePriority, 'CasePriority', { optional: true }) priority?: CasePriority;
  @EnumField(CaseType, 'CaseType', { optional: true }) type?: CaseType;
  @UuidField({ optional: true }) customerId?: string;
  /** Cases raised under this service contract. */
  @UuidField({ optional: true }) serviceContractId?: string;
  @UuidField({ optional: true }) ownerId?: string;
  /** Only cases with a breached response or resolution clock. */
  @QueryBooleanField({ description: 'Only cases with a breached SLA clock.' }) breached?: boolean;
  /** Active cases whose resolution is due before this time. */
  @DateTimeField({ optional: true }) dueBefore?: string;
  /** Part of the number or subject. */
  @StringField({ optional: true, maxLength: CaseLimits.searchMaxLength }) q?: string;
  /** createdAt, resolutionDueAt, priority, number; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

import { ActivityChannel, ActivityType, TaskWindow } from './activity.enums';
import { DateTimeField, EnumField, NestedField, NumberField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';

/** Limits of a follow-up, shared by the API and the SPA. */
export const ActivityLimits = {
  subjectMaxLength: 200,
  /** Quick entry: the first line of the text, cut here, becomes the subject. */
  quickSubjectMaxLength: 100,
  bodyMaxLength: 10_000,
  outcomeMaxLength: 500,
  participantsMax: 20,
  participantNameMaxLength: 100,
  durationMinutesMax: 1440,
} as const;

/** Someone who took part: a user of Kehu (userId) or anyone else by name — one of the two. */
export class ActivityParticipantDto {
  @UuidField({ optional: true, nullable: true }) userId?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: ActivityLimits.participantNameMaxLength, minLength: 1, example: '王经理' }) name?: string | null;
}

export class ActivityDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: ActivityType, enumName: 'ActivityType' }) type: ActivityType;
  @ResponseField({ enum: ActivityChannel, enumName: 'ActivityChannel' }) channel: ActivityChannel;
  @ResponseField({ example: '电话沟通报价' }) subject: string;
  @ResponseField({ type: String, nullable: true }) body: string | null;
  @ResponseField({ type: String, nullable: true }) outcome: string | null;
  @ResponseField({ format: 'date-time' }) occurredAt: string;
  @ResponseField({ type: 'integer', nullable: true }) durationMinutes: number | null;
  @ResponseField({ type: [ActivityParticipantDto] }) participants: ActivityParticipantDto[];
  /** null while the follow-up sits on a lead that is not converted yet. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) customerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  /** The lead it was logged on (kept after conversion moved it to the customer). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) leadId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  /** The rep the follow-up belongs to (the caller, or the rep a clerk enters for). */
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  /** Tasks only. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  /** Tasks only. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) reminderAt: string | null;
  /** Tasks only; always false for other types. */
  @ResponseField() done: boolean;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) doneAt: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  /** Who typed it in (a clerk entering for a rep differs from ownerId). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateActivityDto {
  @EnumField(ActivityType, 'ActivityType') type: ActivityType;
  /** Default from the type: call → phone, visit → visit, email → email, else other. */
  @EnumField(ActivityChannel, 'ActivityChannel', { optional: true }) channel?: ActivityChannel;
  @StringField({ maxLength: ActivityLimits.subjectMaxLength, minLength: 1 }) subject: string;
  @StringField({ optional: true, maxLength: ActivityLimits.bodyMaxLength }) body?: string;
  @StringField({ optional: true, maxLength: ActivityLimits.outcomeMaxLength }) outcome?: string;
  /** Default now; may not lie in the future (a future date would keep the customer out of the public pool). */
  @DateTimeField({ optional: true }) occurredAt?: string;
  @NumberField({ optional: true, int: true, min: 0, max: ActivityLimits.durationMinutesMax }) durationMinutes?: number;
  @NestedField(() => ActivityParticipantDto, { optional: true, each: true, maxSize: ActivityLimits.participantsMax }) participants?: ActivityParticipantDto[];
  /** A customer you can see (sales.customer.read scope). Exactly one of customerId and leadId. */
  @UuidField({ optional: true }) customerId?: string;
  /** A contact of that customer (not with leadId). */
  @UuidField({ optional: true }) contactId?: string;
  /** An unconverted lead you can see (sales.lead.read scope), instead of customerId; tasks are planned on customers. */
  @UuidField({ optional: true }) leadId?: string;
  @UuidField({ optional: true }) opportunityId?: string;
  /** Tasks only. */
  @DateTimeField({ optional: true }) dueAt?: string;
  /** Tasks only; not after dueAt. */
  @DateTimeField({ optional: true }) reminderAt?: string;
}

/** The keyboard-first entry: three fields, everything else defaulted. */
export class QuickCreateActivityDto {
  /** Exactly one of customerId and leadId. */
  @UuidField({ optional: true }) customerId?: string;
  /** An unconverted lead you can see, instead of customerId. */
  @UuidField({ optional: true }) leadId?: string;
  @EnumField(ActivityType, 'ActivityType') type: ActivityType;
  /** First line (cut at 100 characters) becomes the subject, the rest the body. */
  @StringField({ maxLength: ActivityLimits.bodyMaxLength, minLength: 1, example: '电话沟通报价\n客户希望下周给出正式报价' }) text: string;
}

/** The customer is fixed (it is the table's distribution key); a task stays a task. */
export class UpdateActivityDto {
  /** Between non-task types only. */
  @EnumField(ActivityType, 'ActivityType', { optional: true }) type?: ActivityType;
  @EnumField(ActivityChannel, 'ActivityChannel', { optional: true }) channel?: ActivityChannel;
  @StringField({ optional: true, maxLength: ActivityLimits.subjectMaxLength, minLength: 1 }) subject?: string;
  @StringField({ optional: true, nullable: true, maxLength: ActivityLimits.bodyMaxLength }) body?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: ActivityLimits.outcomeMaxLength }) outcome?: string | null;
  @DateTimeField({ optional: true }) occurredAt?: string;
  @NumberField({ optional: true, nullable: true, int: true, min: 0, max: ActivityLimits.durationMinutesMax }) durationMinutes?: number | null;
  @NestedField(() => ActivityParticipantDto, { optional: true, each: true, maxSize: ActivityLimits.participantsMax }) participants?: ActivityParticipantDto[];
  @UuidField({ optional: true, nullable: true }) contactId?: string | null;
  @UuidField({ optional: true, nullable: true }) leadId?: string | null;
  @UuidField({ optional: true, nullable: true }) opportunityId?: string | null;
  @DateTimeField({ optional: true, nullable: true }) dueAt?: string | null;
  @DateTimeField({ optional: true, nullable: true }) reminderAt?: string | null;
}

export class ListActivitiesQuery extends PageQueryDto {
  /** The customer timeline. */
  @UuidField({ optional: true }) customerId?: string;
  @UuidField({ optional: true }) contactId?: string;
  @UuidField({ optional: true }) ownerId?: string;
  @EnumField(ActivityType, 'ActivityType', { optional: true }) type?: ActivityType;
  /** Tasks done / open (other types are never done). */
  @QueryBooleanField() done?: boolean;
  /** occurredAt ≥ from. */
  @DateTimeField({ optional: true }) from?: string;
  /** occurredAt < to. */
  @DateTimeField({ optional: true }) to?: string;
  /** occurredAt, dueAt; prefix - for descending. Default -occurredAt (newest first). */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

export class ListMyTasksQuery extends PageQueryDto {
  /** Default: all open tasks. */
  @EnumField(TaskWindow, 'TaskWindow', { optional: true }) when?: TaskWindow;
  /** IANA time zone that defines "today". Default Asia/Shanghai. */
  @StringField({ optional: true, maxLength: 64, pattern: /^[A-Za-z0-9_+\-/]+$/, example: 'Asia/Shanghai' }) tz?: string;
}

/** A follow-up on a lead (POST /leads/{id}/activities): the lead comes from the path. */
export class CreateLeadActivityDto {
  @EnumField(ActivityType, 'ActivityType') type: ActivityType;
  @EnumField(ActivityChannel, 'ActivityChannel', { optional: true }) channel?: ActivityChannel;
  @StringField({ maxLength: ActivityLimits.subjectMaxLength, minLength: 1 }) subject: string;
  @StringField({ optional: true, maxLength: ActivityLimits.bodyMaxLength }) body?: string;
  @StringField({ optional: true, maxLength: ActivityLimits.outcomeMaxLength }) outcome?: string;
  /** Default now; may not lie in the future. */
  @DateTimeField({ optional: true }) occurredAt?: string;
  @NumberField({ optional: true, int: true, min: 0, max: ActivityLimits.durationMinutesMax }) durationMinutes?: number;
  @NestedField(() => ActivityParticipantDto, { optional: true, each: true, maxSize: ActivityLimits.participantsMax }) participants?: ActivityParticipantDto[];
}

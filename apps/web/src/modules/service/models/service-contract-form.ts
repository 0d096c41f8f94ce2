import {
  CasePriority,
  ServiceContractStatus,
  type ContractSlaTargetDto,
  type CreateServiceContractDto,
  type ServiceContractDto,
  type SlaTargetDto,
  type UpdateServiceContractDto,
} from '@kehu/contracts';
import { casePriorities } from './case-status';
import { fromDuration, toDuration, type TargetValues } from './sla-policy-form';

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export const serviceContractStatusTag: Record<ServiceContractStatus, TagType> = {
  [ServiceContractStatus.UPCOMING]: 'primary',
  [ServiceContractStatus.ACTIVE]: 'success',
  [ServiceContractStatus.EXPIRED]: 'info',
  [ServiceContractStatus.TERMINATED]: 'danger',
};

export type ServiceContractAction = 'edit' | 'terminate' | 'delete';

/** What a manager may do with a contract: a terminated one no longer changes (409 CASE_STATUS_TRANSITION), but may still be deleted. */
export function serviceContractActions(status: ServiceContractStatus, canManage: boolean): ServiceContractAction[] {
  if (!canManage) return [];
  return status === ServiceContractStatus.TERMINATED ? ['delete'] : ['edit', 'terminate', 'delete'];
}

/** A priority's targets in the form: `override` off keeps the company SLA policy's targets for it. */
export interface ContractTargetValues extends TargetValues {
  override: boolean;
}

export interface ServiceContractFormValues {
  customerId: string;
  customerName: string;
  name: string;
  level: string;
  startDate: string;
  endDate: string;
  /** null: not limited. */
  visitsIncluded: number | null;
  notes: string;
  ownerId: string;
  /** One per priority, highest first. */
  targets: ContractTargetValues[];
}

const targetValues = (priority: CasePriority, t: Omit<ContractSlaTargetDto, 'priority'> | undefined, override: boolean): ContractTargetValues => ({
  priority,
  override,
  firstResponse: toDuration(t?.firstResponseMinutes ?? null),
  resolution: toDuration(t?.resolutionMinutes ?? null),
  businessHours: t?.businessHours ?? true,
});

/**
 * The form's targets: the contract's own where it has them (override on), the policy's otherwise,
 * so switching an override on starts from what applies today.
 */
export function formTargets(own: readonly ContractSlaTargetDto[], policy: readonly SlaTargetDto[]): ContractTargetValues[] {
  return casePriorities.map((priority) => {
    const mine = own.find((t) => t.priority === priority);
    return targetValues(priority, mine ?? policy.find((t) => t.priority === priority), !!mine);
  });
}

export const emptyServiceContractForm = (policy: readonly SlaTargetDto[] = [], preset: Partial<ServiceContractFormValues> = {}): ServiceContractFormValues => ({
  customerId: '',
  customerName: '',
  name: '',
  level: '',
  startDate: '',
  endDate: '',
  visitsIncluded: null,
  notes: '',
  ownerId: '',
  targets: formTargets([], policy),
  ...preset,
});

export const formFromServiceContract = (c: ServiceContractDto, policy: readonly SlaTargetDto[] = []): ServiceContractFormValues => ({
  customerId: c.customerId,
  customerName: c.customerName ?? '',
  name: c.name,
  level: c.level ?? '',
  startDate: c.startDate,
  endDate: c.endDate,
  visitsIncluded: c.visitsIncluded,
  notes: c.notes ?? '',
  ownerId: c.ownerId,
  targets: formTargets(c.slaTargets, policy),
});

/** The overridden priorities as the API takes them (the others keep the policy), highest priority first. */
export function contractTargetsBody(targets: readonly ContractTargetValues[]): ContractSlaTargetDto[] {
  return targets
    .filter((t) => t.override)
    .map((t) => ({ priority: t.priority, firstResponseMinutes: fromDuration(t.firstResponse), resolutionMinutes: fromDuration(t.resolution), businessHours: t.businessHours }));
}

export function createServiceContractBody(v: ServiceContractFormValues): CreateServiceContractDto {
  const slaTargets = contractTargetsBody(v.targets);
  return {
    customerId: v.customerId,
    name: v.name.trim(),
    level: v.level.trim() || undefined,
    startDate: v.startDate,
    endDate: v.endDate,
    slaTargets: slaTargets.length ? slaTargets : undefined,
    visitsIncluded: v.visitsIncluded ?? undefined,
    notes: v.notes.trim() || undefined,
    ownerId: v.ownerId || undefined,
  };
}

/** Targets in one order with defaults filled, to tell whether they changed. */
const targetsKey = (targets: readonly ContractSlaTargetDto[]) =>
  JSON.stringify(
    [...targets]
      .sort((a, b) => casePriorities.indexOf(a.priority) - casePriorities.indexOf(b.priority))
      .map((t) => [t.priority, t.firstResponseMinutes ?? null, t.resolutionMinutes ?? null, t.businessHours ?? true]),
  );

/** Only what changed (sent with If-Match). */
export function updateServiceContractBody(v: ServiceContractFormValues, before: ServiceContractDto): UpdateServiceContractDto {
  const out: UpdateServiceContractDto = {};
  if (v.name.trim() !== before.name) out.name = v.name.trim();
  if ((v.level.trim() || null) !== before.level) out.level = v.level.trim() || null;
  if (v.startDate !== before.startDate) out.startDate = v.startDate;
  if (v.endDate !== before.endDate) out.endDate = v.endDate;
  if (v.visitsIncluded !== before.visitsIncluded) out.visitsIncluded = v.visitsIncluded;
  if ((v.notes.trim() || null) !== before.notes) out.notes = v.notes.trim() || null;
  if (v.ownerId && v.ownerId !== before.ownerId) out.ownerId = v.ownerId;
  const slaTargets = contractTargetsBody(v.targets);
  if (targetsKey(slaTargets) !== targetsKey(before.slaTargets)) out.slaTargets = slaTargets;
  return out;
}

/** The server's rule on the term: the end on or after the start. */
export const termProblem = (v: Pick<ServiceContractFormValues, 'startDate' | 'endDate'>): 'endBeforeStart' | null =>
  v.startDate && v.endDate && v.endDate < v.startDate ? 'endBeforeStart' : null;

/** The server's rule on an overridden target: resolution not shorter than the first response. */
export function targetProblem(t: ContractTargetValues): 'resolutionBeforeResponse' | null {
  if (!t.override) return null;
  const response = fromDuration(t.firstResponse);
  const resolution = fromDuration(t.resolution);
  return response !== null && resolution !== null && resolution < response ? 'resolutionBeforeResponse' : null;
}

/** The fields of the sent targets an API error may name (`slaTargets.1.resolutionMinutes`). */
export const targetErrorFields = [0, 1, 2, 3].flatMap((i) => (['priority', 'firstResponseMinutes', 'resolutionMinutes', 'businessHours'] as const).map((f) => `slaTargets.${i}.${f}` as const));
export type TargetErrorField = (typeof targetErrorFields)[number];

/** Errors of `slaTargets.<i>.<field>` moved to the priority the i-th sent target had. */
export function targetErrorsByPriority(errors: Partial<Record<string, string>>, sent: readonly ContractSlaTargetDto[]): Partial<Record<CasePriority, string>> {
  const out: Partial<Record<CasePriority, string>> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^slaTargets\.(\d+)\./.exec(field);
    const priority = match ? sent[Number(match[1])]?.priority : undefined;
    if (priority && message && !out[priority]) out[priority] = message;
  }
  return out;
}

export interface ServiceLevelRow {
  priority: CasePriority;
  /** The contract's own targets for it, if it overrides the policy. */
  contract: ContractSlaTargetDto | null;
  /** The company policy's targets (what applies without an override). */
  policy: SlaTargetDto | null;
}

/** Per priority, highest first: the contract's targets beside the policy's. */
export function serviceLevelRows(own: readonly ContractSlaTargetDto[], policy: readonly SlaTargetDto[]): ServiceLevelRow[] {
  return casePriorities.map((priority) => ({
    priority,
    contract: own.find((t) => t.priority === priority) ?? null,
    policy: policy.find((t) => t.priority === priority) ?? null,
  }));
}

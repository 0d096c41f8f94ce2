import { CasePriority, CaseStatus } from '@kehu/contracts';

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export const caseStatusTag: Record<CaseStatus, TagType> = {
  [CaseStatus.NEW]: 'primary',
  [CaseStatus.OPEN]: 'warning',
  [CaseStatus.PENDING]: 'info',
  [CaseStatus.RESOLVED]: 'success',
  [CaseStatus.CLOSED]: 'info',
};

export const casePriorityTag: Record<CasePriority, TagType> = {
  [CasePriority.LOW]: 'info',
  [CasePriority.NORMAL]: 'primary',
  [CasePriority.HIGH]: 'warning',
  [CasePriority.URGENT]: 'danger',
};

/** Highest first, as the selects list them. */
export const casePriorities: CasePriority[] = [CasePriority.URGENT, CasePriority.HIGH, CasePriority.NORMAL, CasePriority.LOW];

export const isActiveCase = (status: CaseStatus) => status === CaseStatus.NEW || status === CaseStatus.OPEN || status === CaseStatus.PENDING;

export type CaseAction = 'reply' | 'note' | 'takeUp' | 'pend' | 'resolve' | 'reopen' | 'close' | 'assign' | 'rate' | 'edit';

export interface CaseActionRights {
  update: boolean;
  assign: boolean;
  /** The case already has a satisfaction score (it is rated once: 409 ALREADY_RATED). */
  rated: boolean;
}

/**
 * The actions a case offers in its status (the server's state machine, 409 CASE_STATUS_TRANSITION
 * otherwise): replies while it is active, "take up" from new or pending, pending from new or open,
 * resolve while active, reopen once resolved or closed, close once resolved, a rating once resolved.
 * Internal notes are always possible.
 */
export function caseActions(status: CaseStatus, rights: CaseActionRights): CaseAction[] {
  if (!rights.update) return [];
  const active = isActiveCase(status);
  const out: CaseAction[] = [];
  if (active) out.push('reply');
  out.push('note');
  if (status === CaseStatus.NEW || status === CaseStatus.PENDING) out.push('takeUp');
  if (status === CaseStatus.NEW || status === CaseStatus.OPEN) out.push('pend');
  if (active) out.push('resolve');
  if (status === CaseStatus.RESOLVED || status === CaseStatus.CLOSED) out.push('reopen');
  if (status === CaseStatus.RESOLVED) out.push('close');
  if (active && rights.assign) out.push('assign');
  if ((status === CaseStatus.RESOLVED || status === CaseStatus.CLOSED) && !rights.rated) out.push('rate');
  if (status !== CaseStatus.CLOSED) out.push('edit');
  return out;
}

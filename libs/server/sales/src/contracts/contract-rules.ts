import { ErrorCode, SalesContractStatus } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';

export const currencies = new Set(Intl.supportedValuesOf('currency'));

/** Terms (amount, dates, customer-side links) change only before approval. */
export const EDITABLE_TERMS: string[] = [SalesContractStatus.DRAFT, SalesContractStatus.REJECTED];
/** Contracts money may be received against. */
export const RECEIVING: string[] = [SalesContractStatus.APPROVED, SalesContractStatus.ACTIVE, SalesContractStatus.EXPIRED];

/** 409 CONTRACT_STATUS_TRANSITION naming the current status and what the action needs. */
export function transitionError(status: string, action: string, allowed: string[]): DomainException {
  return new DomainException(ErrorCode.CONTRACT_STATUS_TRANSITION, `Cannot ${action} a ${status} contract (only ${allowed.join(' / ')}).`, { extensions: { currentStatus: status, allowed } });
}

/** Where an approved contract stands on `today`: not started yet, running, or over. */
export function approvedStatusOn(today: string, startDate: string, endDate: string): SalesContractStatus {
  if (today < startDate) return SalesContractStatus.APPROVED;
  if (today > endDate) return SalesContractStatus.EXPIRED;
  return SalesContractStatus.ACTIVE;
}

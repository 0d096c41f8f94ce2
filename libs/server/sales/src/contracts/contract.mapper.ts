import type { ContractApprovalDecision, ContractApprovalDto, SalesContractDto, SalesContractStatus, SalesContractTotalsDto } from '@kehu/contracts';
import type { SalesContract, SalesContractApproval } from './sales-contract.entity';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toSalesContractDto(c: SalesContract, totals: SalesContractTotalsDto | null = null): SalesContractDto {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    customerId: c.customerId,
    opportunityId: c.opportunityId,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    amount: c.amount,
    currency: c.currency,
    startDate: c.startDate,
    endDate: c.endDate,
    signedDate: c.signedDate,
    status: c.status as SalesContractStatus,
    submittedBy: c.submittedBy,
    submittedAt: iso(c.submittedAt),
    decidedBy: c.decidedBy,
    decidedAt: iso(c.decidedAt),
    statusReason: c.statusReason,
    renewalOpportunityId: c.renewalOpportunityId,
    totals,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    createdBy: c.createdBy,
    version: c.version,
  };
}

export function toApprovalDto(a: SalesContractApproval): ContractApprovalDto {
  return { id: a.id, decision: a.decision as ContractApprovalDecision, actorId: a.actorId, comment: a.comment, createdAt: a.createdAt.toISOString() };
}

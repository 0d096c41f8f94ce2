/**
 * A sales contract's (销售合同) life: draft → pending_approval → approved / rejected;
 * approved becomes active on its start date and expired after its end date (daily job,
 * or at approval time when those days have passed); approved/active may be terminated.
 */
export enum SalesContractStatus {
  DRAFT = 'draft',
  PENDING_APPROVAL = 'pending_approval',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  ACTIVE = 'active',
  EXPIRED = 'expired',
  TERMINATED = 'terminated',
}

/** One step of the approval history. */
export enum ContractApprovalDecision {
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  WITHDRAWN = 'withdrawn',
  TERMINATED = 'terminated',
}

/** An instalment's (回款计划) status, computed from its payments and the due date (by the server's clock). */
export enum ReceivableStatus {
  PENDING = 'pending',
  PARTIAL = 'partial',
  PAID = 'paid',
  OVERDUE = 'overdue',
}

export enum PaymentMethod {
  BANK_TRANSFER = 'bank_transfer',
  CASH = 'cash',
  CHEQUE = 'cheque',
  CARD = 'card',
  ALIPAY = 'alipay',
  WECHAT = 'wechat',
  OTHER = 'other',
}

export enum TargetLevel {
  COMPANY = 'company',
  DEPARTMENT = 'department',
  USER = 'user',
}

/** won_amount: won opportunities (by won date); received_amount: payments (by received date); new_customers: customers created, credited to the developer. */
export enum TargetMetric {
  WON_AMOUNT = 'won_amount',
  RECEIVED_AMOUNT = 'received_amount',
  NEW_CUSTOMERS = 'new_customers',
}

import { ReceivableStatus, type PaymentDto, type PaymentMethod, type ReceivableDto } from '@kehu/contracts';
import type { Payment, ReceivableInstalment } from './receivable.entity';

const cents = (n: number) => Math.round(n * 100) / 100;

/** paid when fully received; overdue when the due day has passed without that; partial / pending otherwise. */
export function receivableStatus(i: Pick<ReceivableInstalment, 'amount' | 'received' | 'dueDate'>, today: string): ReceivableStatus {
  if (i.received >= i.amount) return ReceivableStatus.PAID;
  if (i.dueDate < today) return ReceivableStatus.OVERDUE;
  return i.received > 0 ? ReceivableStatus.PARTIAL : ReceivableStatus.PENDING;
}

export function toPaymentDto(p: Payment): PaymentDto {
  return {
    id: p.id,
    instalmentId: p.instalmentId,
    contractId: p.contractId,
    amount: p.amount,
    receivedOn: p.receivedOn,
    method: p.method as PaymentMethod,
    reference: p.reference,
    note: p.note,
    ownerId: p.ownerId,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}

/** `i.contract` must be loaded (number, customer, owner). */
export function toReceivableDto(i: ReceivableInstalment, today: string, payments: Payment[] = []): ReceivableDto {
  return {
    id: i.id,
    contractId: i.contractId,
    contractNumber: i.contract?.number ?? '',
    customerId: i.contract?.customerId ?? '',
    ownerId: i.contract?.ownerId ?? '',
    dueDate: i.dueDate,
    amount: i.amount,
    received: i.received,
    outstanding: cents(i.amount - i.received),
    status: receivableStatus(i, today),
    note: i.note,
    payments: payments.map(toPaymentDto),
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

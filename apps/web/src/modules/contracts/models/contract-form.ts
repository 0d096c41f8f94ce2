import type { CreateSalesContractDto, SalesContractDto, UpdateSalesContractDto } from '@kehu/contracts';

export interface ContractFormValues {
  number: string;
  title: string;
  customerId: string;
  customerName: string;
  ownerId: string;
  amount: number | null;
  currency: string;
  term: [string, string] | null;
  signedDate: string | null;
}

export const emptyContractForm = (preset: Partial<ContractFormValues> = {}): ContractFormValues => ({
  number: '',
  title: '',
  customerId: '',
  customerName: '',
  ownerId: '',
  amount: null,
  currency: 'CNY',
  term: null,
  signedDate: null,
  ...preset,
});

export const formFromContract = (c: SalesContractDto, customerName: string): ContractFormValues => ({
  number: c.number,
  title: c.title,
  customerId: c.customerId,
  customerName,
  ownerId: c.ownerId,
  amount: c.amount,
  currency: c.currency,
  term: [c.startDate, c.endDate],
  signedDate: c.signedDate,
});

/** The create body: blank optional fields left out (the number is then generated). */
export function createContractBody(v: ContractFormValues): CreateSalesContractDto {
  return {
    number: v.number.trim() || undefined,
    title: v.title.trim(),
    customerId: v.customerId,
    ownerId: v.ownerId || undefined,
    amount: v.amount as number,
    currency: v.currency || undefined,
    startDate: v.term?.[0] as string,
    endDate: v.term?.[1] as string,
    signedDate: v.signedDate || undefined,
  };
}

/** Only what changed, so a contract past approval can still change its owner or signed date. */
export function updateContractBody(v: ContractFormValues, before: SalesContractDto): UpdateSalesContractDto {
  const out: UpdateSalesContractDto = {};
  if (v.number.trim() && v.number.trim() !== before.number) out.number = v.number.trim();
  if (v.title.trim() !== before.title) out.title = v.title.trim();
  if (v.ownerId && v.ownerId !== before.ownerId) out.ownerId = v.ownerId;
  if (v.amount !== null && v.amount !== before.amount) out.amount = v.amount;
  if (v.currency && v.currency !== before.currency) out.currency = v.currency;
  if (v.term && v.term[0] !== before.startDate) out.startDate = v.term[0];
  if (v.term && v.term[1] !== before.endDate) out.endDate = v.term[1];
  if ((v.signedDate || null) !== before.signedDate) out.signedDate = v.signedDate || null;
  return out;
}

import { MERGEABLE_CUSTOMER_FIELDS, type CustomerDto, type MergeCustomersDto } from '@kehu/contracts';

export type MergeableField = (typeof MERGEABLE_CUSTOMER_FIELDS)[number];
/** Field → id of the record whose value to keep. */
export type MergeChoices = Partial<Record<MergeableField, string>>;

const blank = (value: unknown) => value === null || value === undefined || value === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields on which the records disagree: the ones the user has to decide. */
export function differingFields(records: readonly CustomerDto[]): MergeableField[] {
  return MERGEABLE_CUSTOMER_FIELDS.filter((field) => records.some((r) => !same(r[field], records[0]?.[field])));
}

/**
 * The starting choice per differing field: the winner's value, unless the winner has none and
 * a duplicate does (merging should not lose a phone number nobody chose to drop).
 */
export function defaultChoices(winner: CustomerDto, losers: readonly CustomerDto[]): MergeChoices {
  const choices: MergeChoices = {};
  for (const field of differingFields([winner, ...losers])) {
    const donor = blank(winner[field]) ? losers.find((l) => !blank(l[field])) : undefined;
    choices[field] = (donor ?? winner).id;
  }
  return choices;
}

/** The merge body: the losers, and only the fields taken from one of them (the rest keep the winner's). */
export function mergeBody(winnerId: string, loserIds: readonly string[], choices: MergeChoices): MergeCustomersDto {
  const losers = new Set(loserIds);
  const fields = Object.fromEntries(
    Object.entries(choices).filter(([field, id]) => (MERGEABLE_CUSTOMER_FIELDS as readonly string[]).includes(field) && id && losers.has(id)),
  ) as MergeChoices;
  return Object.keys(fields).length ? { loserIds: [...loserIds], fields } : { loserIds: [...loserIds] };
}

/** How the merged customer will look, for the preview. */
export function mergedPreview(records: readonly CustomerDto[], winnerId: string, choices: MergeChoices): Partial<CustomerDto> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const winner = byId.get(winnerId);
  if (!winner) return {};
  const out: Partial<CustomerDto> = { ...winner };
  for (const [field, id] of Object.entries(choices) as [MergeableField, string][]) {
    const source = byId.get(id);
    if (source) (out as Record<string, unknown>)[field] = source[field];
  }
  return out;
}

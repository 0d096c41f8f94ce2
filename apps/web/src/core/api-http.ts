import type { operations } from '@kehu/api-client';

// Helpers for the typed calls in each module's *.api.ts files. Paths, parameters and bodies are
// checked against the generated contract (libs/api-client); answers are handed to the pages as
// the DTO classes of @kehu/contracts, which the contract is generated from.

/** Query parameters of an operation of the contract (`QueryOf<'listUsers'>`). */
export type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

/** Leaves blank filters out of the query string rather than sending `q=`. */
export function clean<Query extends object>(query: Query): Query {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== '' && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as Query;
}

/** The body of a successful call as a contracts DTO (failures are thrown by the client). */
export async function body<T>(call: Promise<{ data?: unknown }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** Awaits a call that answers 204. */
export async function done(call: Promise<unknown>): Promise<void> {
  await call;
}

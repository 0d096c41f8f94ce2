import type { CustomerDto, Page } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, type QueryOf } from '@/core/api-http';
import { prefetch, prefetchKey, takePrefetched } from '@/core/lists/prefetch';

// Kept out of customers.api.ts on purpose: the routes (entry chunk) import this file, and
// customers.api.ts brings Element Plus along (through concurrency.ts).
type ListCustomersParams = QueryOf<'listCustomers'>;
const PATH = '/api/v1/customers';

/** What a cold open of the customer list asks first: no filters, newest first, the first 50 (checked against the page's own query in a test). */
export const FIRST_PAGE: ListCustomersParams = { sort: '-createdAt', limit: 50 };

const list = (query: ListCustomersParams) => body<Page<CustomerDto>>(api.GET(PATH, { params: { query: clean(query) } }));

/** Started by the route while the list page's code loads. */
export const prefetchCustomerList = (): void => prefetch(prefetchKey(PATH, FIRST_PAGE), () => list(FIRST_PAGE));

/** A page of customers: the prefetched answer when it is this very query, else a new request. */
export const listCustomers = (query: ListCustomersParams): Promise<Page<CustomerDto>> => takePrefetched<Page<CustomerDto>>(prefetchKey(PATH, query)) ?? list(query);

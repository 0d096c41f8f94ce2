import { describe, expect, it } from 'vitest';
import { clean } from '@/core/api-http';
import { defaultSort, emptyFilters, toListQuery } from '../models/customer-filters';
import { FIRST_PAGE } from './customer-list-prefetch';

describe('customer list prefetch', () => {
  it("asks what the list page's first request asks with no filters (else the prefetch is never used)", () => {
    const page = { ...clean({ ...toListQuery(emptyFilters(), defaultSort, 'me-id', []), deleted: undefined }), limit: 50 };
    expect(page).toEqual(FIRST_PAGE);
  });
});

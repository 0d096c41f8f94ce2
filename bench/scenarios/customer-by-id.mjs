// One customer by id, as the rep (team scope): the detail page's first request.
export default {
  name: 'customer-by-id',
  title: 'Customer by id (team scope)',
  target: 'p99 ≤ 10 ms at c=1; ≥ 3,500 req/s at c=32; api_vs_bare (vs node:http + pg) ≥ 0.5',
  met: (r) => r.c1.p99 <= 10 && r.c32.rps >= 3500 && (r.api_vs_bare ?? 0) >= 0.5,
  mix: true,
  bareById: true,
  async setup({ fx }) {
    const ids = fx.customerIds;
    return {
      request: (i) => ({ path: `/api/v1/customers/${ids[i % ids.length]}`, headers: fx.rep.headers }),
      bareRequest: (i) => ({ path: `/customers/${ids[i % ids.length]}` }),
      sql: (c, i) => c.query({ name: 'by-id', text: 'SELECT c.* FROM customers c WHERE c.owner_id = ANY($1) AND c.id = $2 AND c.deleted_at IS NULL', values: [fx.rep.team, ids[i % ids.length]] }),
    };
  },
};

// Customer 360: the 360 overview endpoint is not built yet, so this measures what the
// customer page loads today: the customer and the first timeline page, requested together.
const LIMIT = 20;
export default {
  name: 'customer-360',
  title: 'Customer 360 (not built yet: customer detail + first activities page, in parallel)',
  target: 'p99 ≤ 20 ms at c=1; ≥ 1,500 req/s at c=32',
  met: (r) => r.c1.p99 <= 20 && r.c32.rps >= 1500,
  mix: true,
  async setup({ fx, call, api }) {
    const ids = fx.customerIds;
    const get = (path) => call(api.url, { path, headers: fx.rep.headers }).then((r) => {
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      return r.bytes;
    });
    return {
      note: `timeline page of ${LIMIT}`,
      flow: async (i) => {
        const id = ids[i % ids.length];
        const [a, b] = await Promise.all([get(`/api/v1/customers/${id}`), get(`/api/v1/activities?customerId=${id}&limit=${LIMIT}`)]);
        return a + b;
      },
      mixRequests: [(i) => ({ path: `/api/v1/customers/${ids[i % ids.length]}`, headers: fx.rep.headers }), (i) => ({ path: `/api/v1/activities?customerId=${ids[i % ids.length]}&limit=${LIMIT}`, headers: fx.rep.headers })],
      sql: async (c, i) => {
        const id = ids[i % ids.length];
        await c.query({ name: '360-customer', text: 'SELECT c.* FROM customers c WHERE c.owner_id = ANY($1) AND c.id = $2 AND c.deleted_at IS NULL', values: [fx.rep.team, id] });
        await c.query({ name: '360-timeline', text: `SELECT a.*, (a.occurred_at)::text AS keyset_0, (a.id)::text AS keyset_1 FROM activities a WHERE a.customer_id = $1 AND a.deleted_at IS NULL ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${LIMIT + 1}`, values: [id] });
      },
    };
  },
};

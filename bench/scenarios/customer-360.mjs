// Customer 360 as a rep opens it (team scope): the overview (pipeline, revenue, follow-ups —
// the rep's role reads no service cases or values) and the first timeline page, requested
// together as the customer page does. The overview checks the customer's scope in its own
// statement (a customer outside it answers 404).
const LIMIT = 20;
const overviewSql = `SELECT
  (SELECT json_build_object('open', count(*) FILTER (WHERE o.status = 'open'), 'amount', coalesce(sum(o.amount) FILTER (WHERE o.status = 'open'), 0),
          'won', count(*) FILTER (WHERE o.status = 'won' AND o.won_at >= now() - interval '12 months'))
     FROM opportunities o WHERE o.customer_id = $1 AND o.deleted_at IS NULL AND o.owner_id = ANY($2)) AS opportunities,
  (SELECT json_build_object('revenue', coalesce(sum(r.total) FILTER (WHERE r.status IN ('paid', 'shipped', 'delivered') AND r.placed_at >= now() - interval '12 months'), 0), 'last', max(r.placed_at))
     FROM orders r WHERE r.customer_id = $1 AND r.deleted_at IS NULL AND r.owner_id = ANY($2)) AS orders,
  (SELECT json_build_object('last', max(a.occurred_at) FILTER (WHERE a.type <> 'task' OR a.done), 'n90', count(*) FILTER (WHERE a.occurred_at >= now() - interval '90 days'))
     FROM activities a WHERE a.customer_id = $1 AND a.deleted_at IS NULL AND a.owner_id = ANY($2)) AS activity,
  (SELECT json_build_object('dueAt', a.due_at, 'subject', a.subject) FROM activities a
    WHERE a.customer_id = $1 AND a.type = 'task' AND NOT a.done AND a.deleted_at IS NULL AND a.owner_id = ANY($2) ORDER BY a.due_at NULLS LAST, a.id LIMIT 1) AS next_task
  WHERE EXISTS (SELECT 1 FROM customers vc WHERE vc.id = $1 AND vc.deleted_at IS NULL AND vc.owner_id = ANY($2))`;

export default {
  name: 'customer-360',
  title: 'Customer 360: overview + first timeline page, in parallel (team scope)',
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
        const [a, b] = await Promise.all([get(`/api/v1/customers/${id}/overview`), get(`/api/v1/activities?customerId=${id}&limit=${LIMIT}`)]);
        return a + b;
      },
      mixRequests: [(i) => ({ path: `/api/v1/customers/${ids[i % ids.length]}/overview`, headers: fx.rep.headers }), (i) => ({ path: `/api/v1/activities?customerId=${ids[i % ids.length]}&limit=${LIMIT}`, headers: fx.rep.headers })],
      sql: async (c, i) => {
        const id = ids[i % ids.length];
        await c.query({ name: '360-overview', text: overviewSql, values: [id, fx.rep.team] });
        await c.query({ name: '360-timeline', text: `SELECT a.*, (a.occurred_at)::text AS keyset_0, (a.id)::text AS keyset_1 FROM activities a WHERE a.customer_id = $1 AND a.deleted_at IS NULL ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${LIMIT + 1}`, values: [id] });
      },
    };
  },
};

// The service queue as an agent sees it (department scope): the department's active cases,
// soonest resolution due first — the page agents keep open all day — and one case by id.
const LIMIT = 50;
const queueSql = `SELECT c.*, (coalesce(c.resolution_due_at, 'infinity'::timestamptz))::text AS keyset_0, (c.id)::text AS keyset_1 FROM service_cases c
  WHERE c.department_id = ANY($1) AND c.status IN ('new', 'open', 'pending') AND c.deleted_at IS NULL
  ORDER BY coalesce(c.resolution_due_at, 'infinity'::timestamptz), c.id LIMIT ${LIMIT + 1}`;

export const queue = {
  name: 'case-queue',
  title: 'Case queue, department scope, active, soonest due first',
  target: 'p99 ≤ 20 ms at c=1; ≥ 1,000 req/s at c=32',
  met: (r) => r.c1.p99 <= 20 && r.c32.rps >= 1000,
  mix: true,
  async setup({ fx }) {
    return {
      request: () => ({ path: `/api/v1/cases?active=true&sort=resolutionDueAt&limit=${LIMIT}`, headers: fx.agent.headers }),
      // Unnamed, as the API runs it: a named statement's generic plan (after five runs) walks the
      // whole due-date index filtering departments — 385 ms where the custom plan takes 3 ms.
      sql: (c) => c.query(queueSql, [[fx.agent.departmentId]]),
    };
  },
};

export const byId = {
  name: 'case-by-id',
  title: 'Case by id (department scope)',
  target: 'p99 ≤ 10 ms at c=1; ≥ 3,500 req/s at c=32',
  met: (r) => r.c1.p99 <= 10 && r.c32.rps >= 3500,
  mix: true,
  async setup({ fx }) {
    const ids = fx.caseIds;
    return {
      request: (i) => ({ path: `/api/v1/cases/${ids[i % ids.length]}`, headers: fx.agent.headers }),
      sql: (c, i) => c.query({ name: 'case-by-id', text: 'SELECT c.* FROM service_cases c WHERE c.department_id = ANY($1) AND c.id = $2 AND c.deleted_at IS NULL', values: [[fx.agent.departmentId], ids[i % ids.length]] }),
    };
  },
};

export default [queue, byId];

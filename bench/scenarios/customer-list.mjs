// Customer list as a rep sees it (team scope), filtered by grade + province, newest first:
// the first page and a deep page reached through the cursors.
const LIMIT = 50;
const sql = (extra = '') =>
  `SELECT c.*, (c.created_at)::text AS keyset_0, (c.id)::text AS keyset_1 FROM customers c
    WHERE c.owner_id = ANY($1) AND c.grade = $2 AND c.province = $3 AND c.deleted_at IS NULL ${extra}
    ORDER BY c.created_at DESC, c.id DESC LIMIT ${LIMIT + 1}`;

const path = (fx, cursor) => `/api/v1/customers?grade=${fx.list.grade}&province=${encodeURIComponent(fx.list.province)}&sort=-createdAt&limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

const target = 'p99 ≤ 20 ms at c=1; ≥ 1,000 req/s at c=32';
const met = (r) => r.c1.p99 <= 20 && r.c32.rps >= 1000;

export const first = {
  name: 'customer-list-first',
  title: 'Customer list, team scope, grade + province, -createdAt, first page',
  target,
  met,
  mix: true,
  async setup({ fx }) {
    return {
      request: () => ({ path: path(fx), headers: fx.rep.headers }),
      sql: (c) => c.query({ name: 'list-first', text: sql(), values: [fx.rep.team, fx.list.grade, fx.list.province] }),
    };
  },
};

export const deep = {
  name: 'customer-list-deep',
  title: 'Customer list, same filter, deep cursor page',
  target,
  met,
  mix: true,
  async setup({ fx, call, api, log }) {
    // Follow nextCursor up to page 10 (fewer when the scale has fewer rows).
    let cursor;
    let page = 1;
    let last;
    for (; page <= 10; page++) {
      const res = JSON.parse((await call(api.url, { path: path(fx, cursor), headers: fx.rep.headers })).body);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
      last = res.data[res.data.length - 1];
    }
    log(`  deep page: ${page} (cursor after ${last ? last.id : 'nothing'})`);
    const { rows } = last ? await this.keyset(fx, last.id) : { rows: [] };
    return {
      note: `page ${page}`,
      request: () => ({ path: path(fx, cursor), headers: fx.rep.headers }),
      sql: (c) => (rows.length ? c.query({ name: 'list-deep', text: sql('AND (c.created_at, c.id) < ($4::timestamptz, $5::uuid)'), values: [fx.rep.team, fx.list.grade, fx.list.province, rows[0].created_at, rows[0].id] }) : c.query({ name: 'list-first', text: sql(), values: [fx.rep.team, fx.list.grade, fx.list.province] })),
    };
  },
  keyset(fx, id) {
    return fx.pool.query('SELECT created_at::text AS created_at, id FROM customers WHERE id = $1', [id]);
  },
};

export default [first, deep];

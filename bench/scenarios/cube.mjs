// The revenue cube as the manager of department 0 (department scope): revenue by province ×
// month over the data set's last 12 months, from the rollup the order triggers keep.
// The SQL comparison is the same aggregate written by hand over revenue_rollup.
export default {
  name: 'cube',
  title: 'Cube: revenue by province × month (department scope)',
  target: 'p95 ≤ 100 ms',
  met: (r) => r.c1.p95 <= 100,
  async setup({ fx }) {
    const q = 'rows=province&columns=month&from=2025-12&to=2026-11';
    return {
      request: () => ({ path: `/api/v1/analytics/revenue-cube?${q}`, headers: fx.manager.headers }),
      sql: (c) =>
        c.query({
          name: 'cube',
          text: `SELECT r.province, to_char(r.month, 'YYYY-MM') AS m, sum(r.revenue) FROM revenue_rollup r
                  WHERE r.month BETWEEN '2025-12-01' AND '2026-11-01' AND r.department_id = ANY($1) GROUP BY 1, 2`,
          values: [fx.manager.departments],
        }),
    };
  },
};

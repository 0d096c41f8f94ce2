// Streamed CSV export of every customer (1M at scale 1) through GET /api/v1/customers/export.csv:
// rows/s from the first byte asked to the last byte read, and the API's RSS (flat: keyset
// batches of 5,000 written with back-pressure). The caller is manager0 with an extra role
// granting sales.customer.export at `all` scope for the run (the seeded managers see one
// department); the role goes away in teardown, as do the run's audit rows.
import { performance } from 'node:perf_hooks';
import { transaction } from '../lib/db.mjs';

const ROLE = 'bench_export_all';

let state;

export default {
  name: 'export-stream',
  title: 'Streamed export of 1M customers (CSV)',
  target: '≥ 80,000 rows/s, RSS ≤ 300 MB',
  met: (r) => r.job.rowsPerSecond >= 80_000 && r.rssMb <= 300,
  async setup({ fx, api, log }) {
    const q = async (sql, params) => (await fx.pool.query(sql, params)).rows;
    await q(`INSERT INTO roles (key, name, built_in, permissions) VALUES ($1, 'Bench: export everything', false, '{"sales.customer.export":"all","sales.customer.read":"all"}') ON CONFLICT (key) DO NOTHING`, [ROLE]);
    await q(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE key = $2 ON CONFLICT DO NOTHING`, [fx.manager.id, ROLE]);
    const [{ audit }] = await q(`SELECT coalesce(max(id), 0) AS audit FROM audit_events`);
    state = { audit };
    return {
      job: async () => {
        const t = performance.now();
        const res = await fetch(`${api.url}/api/v1/customers/export.csv?headers=keys`, { headers: fx.manager.headers });
        if (!res.ok) throw new Error(`export answered ${res.status}: ${await res.text()}`);
        let lines = 0;
        let bytes = 0;
        for await (const chunk of res.body) {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        }
        const seconds = Math.round((performance.now() - t) / 10) / 100;
        const rows = lines - 1;
        const rowsPerSecond = Math.round(rows / Math.max(seconds, 0.01));
        log(`  ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds} s: ${rowsPerSecond} rows/s`);
        return { seconds, rows, rowsPerSecond, mb: Math.round(bytes / 1024 / 1024) };
      },
    };
  },
  async teardown({ fx }) {
    if (!state) return;
    const { audit } = state;
    state = undefined;
    await transaction(fx.pool, async (c) => {
      await c.query(`DELETE FROM user_roles WHERE role_id = (SELECT id FROM roles WHERE key = $1)`, [ROLE]);
      await c.query(`DELETE FROM roles WHERE key = $1`, [ROLE]);
      await c.query("SET LOCAL session_replication_role = 'replica'");
      await c.query(`DELETE FROM audit_events WHERE id > $1 AND action = 'export'`, [audit]);
    });
  },
};

// CSV import of 1M customers (scale 1) through POST /api/v1/customers/imports, with every
// index in place: the file is generated on disk, streamed to the API, and the job (pg-boss in
// the API process, batches of 2,000 rows, one multi-row INSERT each) is polled until done.
// rows/s counts from the first byte sent to the job's finish; RSS is the API's. The rows carry
// externalSource 'bench-import', so teardown deletes exactly them (in chunks of 10k) with their
// audit and outbox rows (append-only audit: triggers off on the bench's scratch database).
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { deleteCustomers, transaction } from '../lib/db.mjs';

const ROWS = 1_000_000;
const SOURCE = 'bench-import';

let state;

async function writeCsv(file, n, run) {
  const out = createWriteStream(file);
  out.write('\uFEFF客户名称,电话,邮箱,省份,城市,标签,外部系统,外部编号\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += `基准导入${run}客户${i}号有限公司,139${String(i).padStart(8, '0')},c${i}@import-${run}.bench,浙江,杭州,导入;基准,${SOURCE},${run}-${i}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

export default {
  name: 'import-csv',
  title: 'Import 1M customer rows from CSV (all indexes in place)',
  target: '≥ 20,000 rows/s, RSS ≤ 400 MB',
  met: (r) => r.job.rowsPerSecond >= 20_000 && r.rssMb <= 400,
  async setup({ fx, api, scale, log }) {
    const n = Math.max(10, Math.round(ROWS * scale));
    const run = Date.now().toString(36);
    const file = join(tmpdir(), `kehu-bench-import-${run}.csv`);
    await writeCsv(file, n, run);
    log(`  ${n} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB in ${file}`);
    const [{ audit, outbox }] = (await fx.pool.query(`SELECT (SELECT coalesce(max(id), 0) FROM audit_events) AS audit, (SELECT coalesce(max(id), 0) FROM outbox_events) AS outbox`)).rows;
    state = { file, audit, outbox };
    return {
      note: `${n} rows`,
      job: async () => {
        const t = performance.now();
        const res = await fetch(`${api.url}/api/v1/customers/imports?duplicates=skip`, {
          method: 'POST',
          headers: { ...fx.manager.headers, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
          body: Readable.toWeb(createReadStream(file)),
          duplex: 'half',
        });
        if (res.status !== 202) throw new Error(`import answered ${res.status}: ${await res.text()}`);
        const { id } = await res.json();
        state.importId = id;
        const uploaded = Math.round(performance.now() - t);
        let job;
        for (;;) {
          await new Promise((r) => setTimeout(r, 250));
          job = await (await fetch(`${api.url}/api/v1/imports/${id}`, { headers: fx.manager.headers })).json();
          if (job.status === 'done' || job.status === 'failed') break;
        }
        const seconds = Math.round((performance.now() - t) / 10) / 100;
        if (job.status !== 'done') throw new Error(`import ${job.status}: ${job.error}`);
        const rowsPerSecond = Math.round(job.created / Math.max(seconds, 0.01));
        log(`  created ${job.created}, failed ${job.failed}, skipped ${job.skipped} in ${seconds} s (upload ${uploaded} ms): ${rowsPerSecond} rows/s`);
        return { seconds, rows: job.created, rowsPerSecond, failed: job.failed, uploadMs: uploaded };
      },
    };
  },
  async teardown({ fx, log }) {
    if (!state) return;
    const { file, audit, outbox, importId } = state;
    state = undefined;
    rmSync(file, { force: true });
    const t = performance.now();
    let deleted = 0;
    // The imported customers have no children; without replica mode each deleted row's
    // foreign-key checks would scan all 10M activities (their customer_id indexes are partial).
    // Replica mode also skips the search terms' ON DELETE CASCADE, so the rows the insert
    // triggers added (search terms, ownership history) go explicitly: left behind, every run
    // added 1M orphans to the search-terms GIN indexes, slowing later imports and searches.
    for (;;) {
      const n = await transaction(fx.pool, (c) => deleteCustomers(c, 'id IN (SELECT id FROM customers WHERE external_source = $1 LIMIT 10000)', [SOURCE]));
      deleted += n;
      if (!n) break;
    }
    await transaction(fx.pool, async (c) => {
      await c.query("SET LOCAL session_replication_role = 'replica'");
      await c.query(`DELETE FROM audit_events WHERE id > $1 AND action IN ('create', 'import')`, [audit]);
      await c.query(`DELETE FROM outbox_events WHERE id > $1 AND type = 'customer.created'`, [outbox]);
      if (importId) await c.query(`DELETE FROM import_errors WHERE import_id = $1`, [importId]);
      if (importId) await c.query(`DELETE FROM imports WHERE id = $1`, [importId]);
    });
    // Dead rows of 1M customers, their search terms, history, audit and outbox rows (and the
    // outbox's dispatched versions): the next scenarios must not pay for them, and autovacuum
    // may be off (CI-configured servers) or still busy.
    for (const table of ['customers', 'customer_search_terms', 'ownership_history', 'audit_events', 'outbox_events']) await fx.pool.query(`VACUUM (ANALYZE) ${table}`);
    log(`  removed ${deleted} imported customers and vacuumed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  },
};

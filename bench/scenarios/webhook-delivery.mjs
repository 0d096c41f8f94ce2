// Webhooks end to end in the running API: a burst of N events lands in the outbox (as a bulk
// write leaves them) while one subscription to `customer.*` points at a receiver in this process
// answering 200 — how fast the API's dispatcher fans them out and its worker delivers them
// (signed POSTs; one subscription's deliveries go one at a time, in order). Not a target of
// issue 6: it tells what a burst costs an integration, and guards the worker's drain loop (it
// once sent one event per second per subscription).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const EVENTS_AT_SCALE_1 = 20_000;
const TIMEOUT_MS = 300_000;
let state;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export default {
  name: 'webhook-delivery',
  title: 'Webhooks: an outbox burst fanned out and delivered to one subscription',
  target: '(ours) fan-out ≥ 2,000 events/s; delivery ≥ 200 events/s',
  met: (r) => r.job.fanOutPerSecond >= 2000 && r.job.deliveredPerSecond >= 200,
  async setup({ fx, scale, log }) {
    const n = Math.max(200, Math.round(EVENTS_AT_SCALE_1 * scale));
    const receiver = { count: 0 };
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        receiver.count++;
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const q = async (sql, params) => (await fx.pool.query(sql, params)).rows;
    const [{ max }] = await q('SELECT coalesce(max(id), 0)::text AS max FROM outbox_events');
    const [{ id }] = await q(`INSERT INTO webhook_subscriptions (name, url, events, secret) VALUES ('bench', $1, ARRAY['customer.*'], 'bench-secret') RETURNING id`, [
      `http://127.0.0.1:${server.address().port}/hook`,
    ]);
    state = { server, id, max };
    // The API learns of the subscription through a change signal; give it a moment.
    await sleep(1500);
    return {
      note: `${n} events`,
      job: async () => {
        const t0 = performance.now();
        await q(
          `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload)
           SELECT 'customer.updated', 'customer', 'bench-' || g, jsonb_build_object('n', g) FROM generate_series(1, $1::int) g`,
          [n],
        );
        let fanOutSeconds;
        while (performance.now() - t0 < TIMEOUT_MS) {
          if (fanOutSeconds === undefined) {
            const [{ pending }] = await q('SELECT count(*)::int AS pending FROM outbox_events WHERE id > $1::bigint AND dispatched_at IS NULL', [max]);
            if (!pending) fanOutSeconds = (performance.now() - t0) / 1000;
          }
          if (fanOutSeconds !== undefined && receiver.count >= n) break;
          await sleep(100);
        }
        const seconds = Math.round((performance.now() - t0) / 10) / 100;
        const [{ delivered }] = await q(`SELECT count(*)::int AS delivered FROM webhook_deliveries WHERE subscription_id = $1 AND status = 'delivered'`, [id]);
        const out = {
          seconds,
          rows: receiver.count,
          fanOutSeconds: fanOutSeconds === undefined ? null : Math.round(fanOutSeconds * 100) / 100,
          fanOutPerSecond: fanOutSeconds ? Math.round(n / fanOutSeconds) : 0,
          deliveredPerSecond: Math.round(receiver.count / seconds),
          deliveredInDatabase: delivered,
        };
        log(`  ${n} events: fanned out in ${out.fanOutSeconds} s (${out.fanOutPerSecond}/s); ${receiver.count} received in ${seconds} s (${out.deliveredPerSecond}/s), ${delivered} marked delivered`);
        return out;
      },
    };
  },
  async teardown({ fx }) {
    if (!state) return;
    const { server, id, max } = state;
    state = undefined;
    // Stop the API sending first (a deleted subscription is never claimed), then remove the rows.
    await fx.pool.query('UPDATE webhook_subscriptions SET deleted_at = now(), active = false WHERE id = $1', [id]);
    server.close();
    await fx.pool.query('DELETE FROM webhook_deliveries WHERE subscription_id = $1', [id]);
    await fx.pool.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
    await fx.pool.query(`DELETE FROM outbox_events WHERE id > $1::bigint AND aggregate_id LIKE 'bench-%'`, [max]);
  },
};

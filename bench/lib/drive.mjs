// Load drivers: autocannon for one-request scenarios, a small keep-alive loop for
// scenarios made of several requests (the 360 page), and a timer for hand-written SQL.
// Every driver returns the same shape: { p50, p95, p99, rps, n, errors, bytes }.
import http from 'node:http';
import autocannon from 'autocannon';

export function summarise(latencies, seconds, errors = 0, bytes = 0) {
  const s = Float64Array.from(latencies).sort();
  const at = (q) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : null);
  const r = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return { p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), rps: Math.round(s.length / seconds), n: s.length, errors, bytes: s.length ? Math.round(bytes / s.length) : 0 };
}

/**
 * autocannon against `baseUrl`; `request(i)` gives { method, path, headers, body } for
 * the i-th request so every call can take another id.
 */
export async function cannon({ baseUrl, request, connections, seconds, warmup = 0 }) {
  const once = (duration, record) =>
    new Promise((resolve, reject) => {
      let i = 0;
      const latencies = [];
      let bytes = 0;
      let errors = 0;
      const inst = autocannon(
        {
          url: baseUrl,
          connections,
          duration,
          timeout: 30,
          requests: [
            {
              setupRequest: (req) => {
                const r = request(i++);
                return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body };
              },
            },
          ],
        },
        (err, result) => (err ? reject(err) : resolve({ result, latencies, bytes, errors })),
      );
      inst.on('response', (_client, status, resBytes, ms) => {
        if (!record) return;
        if (status >= 400) errors++;
        else {
          latencies.push(ms);
          bytes += resBytes;
        }
      });
      inst.on('reqError', () => record && errors++);
    });
  if (warmup > 0) await once(warmup, false);
  const { result, latencies, bytes, errors } = await once(seconds, true);
  return { ...summarise(latencies, seconds, errors + (result.errors ?? 0) + (result.timeouts ?? 0), bytes), non2xx: result.non2xx };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request on the shared keep-alive agent; resolves { status, body, bytes }. */
export function call(baseUrl, { method = 'GET', path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, bytes: buf.length, body: buf.toString('utf8') });
      });
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

/**
 * `concurrency` workers each running `flow(i)` (an async function doing one or more
 * requests, resolving the bytes it received) back to back for `seconds`.
 */
export async function loop({ flow, concurrency, seconds, warmup = 0 }) {
  const run = async (duration, record) => {
    const latencies = [];
    let errors = 0;
    let bytes = 0;
    let i = 0;
    const until = performance.now() + duration * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          try {
            const b = await flow(i++);
            if (record) {
              latencies.push(performance.now() - t);
              bytes += b ?? 0;
            }
          } catch {
            errors++;
          }
        }
      }),
    );
    return summarise(latencies, duration, errors, bytes);
  };
  if (warmup > 0) await run(warmup, false);
  return run(seconds, true);
}

/** Hand-written SQL through `pg`, one caller at a time: `step(client, i)` runs the statement(s). */
export async function timeSql(pool, step, seconds) {
  const c = await pool.connect();
  try {
    for (let i = 0; i < 20; i++) await step(c, i); // warm the plan cache and buffers
    const latencies = [];
    const until = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < until; i++) {
      const t = performance.now();
      await step(c, i);
      latencies.push(performance.now() - t);
    }
    return summarise(latencies, seconds);
  } finally {
    c.release();
  }
}

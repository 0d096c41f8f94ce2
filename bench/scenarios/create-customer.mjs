// Create a customer through the duplicate check (no allowDuplicate): a fresh name, phone
// and e-mail each time, so every call passes the check and writes (row + audit + outbox).
// The created rows are removed afterwards so the seeded database stays reusable.
import { randomBytes } from 'node:crypto';

const TAG = `BENCH${randomBytes(3).toString('hex')}`;
let seq = 0; // across warm-up and both concurrencies: every phone and e-mail is new
export default {
  name: 'create-customer',
  title: 'Create customer with duplicate check',
  target: 'p99 ≤ 30 ms; ≥ 800 req/s',
  met: (r) => r.c1.p99 <= 30 && r.c32.rps >= 800,
  async setup({ fx }) {
    const headers = { ...fx.rep.headers, 'content-type': 'application/json' };
    return {
      request: () => {
        const i = seq++;
        return {
        method: 'POST',
        path: '/api/v1/customers',
        headers,
        body: JSON.stringify({ name: `${TAG}${i}${randomBytes(4).toString('hex')}科技有限公司`, province: '广东', city: '深圳', grade: 'B', phone: `+861370${String(i % 10_000_000).padStart(7, '0')}`, email: `${TAG.toLowerCase()}${i}@new.example.com` }),
        };
      },
    };
  },
  async teardown({ fx }) {
    await fx.pool.query(`DELETE FROM customers WHERE name LIKE 'BENCH%' AND created_by = $1`, [fx.rep.id]);
  },
};

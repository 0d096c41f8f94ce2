// Create a customer through the duplicate check (no allowDuplicate): a random name, phone
// and e-mail each time, so every call passes the check and writes (row + audit + outbox).
// The names share no prefix: company keys alike enough (pg_trgm similarity ≥ 0.5) would
// be reported as duplicates (409). The rows are removed afterwards so the seeded
// database stays reusable.
import { randomBytes, randomInt } from 'node:crypto';
import { deleteCustomers, transaction } from '../lib/db.mjs';

const MARK = ' Bench科技有限公司';
export default {
  name: 'create-customer',
  title: 'Create customer with duplicate check',
  target: 'p99 ≤ 30 ms; ≥ 800 req/s',
  met: (r) => r.c1.p99 <= 30 && r.c32.rps >= 800,
  async setup({ fx }) {
    const headers = { ...fx.rep.headers, 'content-type': 'application/json' };
    return {
      request: () => {
        const key = randomBytes(6).toString('hex');
        return {
          method: 'POST',
          path: '/api/v1/customers',
          headers,
          body: JSON.stringify({ name: `${key}${MARK}`, province: '广东', city: '深圳', grade: 'B', phone: `+86137${String(randomInt(1e8)).padStart(8, '0')}`, email: `${key}@new.example.com` }),
        };
      },
    };
  },
  async teardown({ fx }) {
    // The new rows have no follow-ups or deals, so the foreign-key checks are skipped: each
    // would scan all 10M activities (their customer_id indexes are partial, on live rows).
    await transaction(fx.pool, (c) => deleteCustomers(c, 'name LIKE $1', [`%${MARK}`]));
  },
};

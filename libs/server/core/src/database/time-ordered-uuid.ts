import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let next = pool.length;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made
 * together sort together, so a bulk insert appends to the right edge of every index led by
 * the id (primary key, `customer_id` of history rows, audit and outbox aggregate ids) instead
 * of touching a random page of each per row, with a full-page image in the WAL after every
 * checkpoint. It is still an ordinary `uuid` to PostgreSQL and to clients.
 */
export function timeOrderedUuid(now = Date.now()): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const b = pool.subarray(next, (next += 16));
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

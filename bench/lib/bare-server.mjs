// The yardstick servers, in a process of their own: plain `node:http` answering
// /json/<bytes> with a constant JSON body of that size, and /customers/<id> with one
// customers row fetched through `pg` (pool of DB_POOL_SIZE, like the API).
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const bodies = new Map();
const constant = (size) => {
  if (!bodies.has(size)) {
    const base = JSON.stringify({ data: '' });
    bodies.set(size, Buffer.from(JSON.stringify({ data: 'x'.repeat(Math.max(0, size - base.length)) })));
  }
  return bodies.get(size);
};

const server = http.createServer(async (req, res) => {
  const [, kind, arg] = req.url.split('/');
  try {
    if (kind === 'json') {
      const body = constant(Number(arg));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      return res.end(body);
    }
    if (kind === 'customers') {
      const { rows } = await pool.query({ name: 'by-id', text: 'SELECT * FROM customers WHERE id = $1 AND deleted_at IS NULL', values: [arg] });
      if (!rows.length) {
        res.writeHead(404);
        return res.end();
      }
      const body = Buffer.from(JSON.stringify(rows[0]));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      return res.end(body);
    }
    res.writeHead(404);
    res.end();
  } catch (err) {
    res.writeHead(500);
    res.end(String(err));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));

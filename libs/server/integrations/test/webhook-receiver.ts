import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP endpoint that records every request and answers with `status` (settable between steps). */
export async function startWebhookReceiver() {
  const received: ReceivedRequest[] = [];
  const state = { status: 200, answer: 'ok', delayMs: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = () => res.writeHead(state.status, { 'Content-Type': 'text/plain' }).end(state.answer);
      if (state.delayMs) setTimeout(reply, state.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/kehu`,
    received,
    answer(status: number, body = status < 300 ? 'ok' : 'receiver error', delayMs = 0) {
      state.status = status;
      state.answer = body;
      state.delayMs = delayMs;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

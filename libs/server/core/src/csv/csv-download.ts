import { acceptsGzip, appendVary } from '../http/raw-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, type Writable } from 'node:stream';
import { constants, createGzip } from 'node:zlib';

/**
 * Starts a streamed CSV download and returns where its text goes: gzip at the fastest level
 * when the client takes gzip, else the response itself. The export compresses by itself rather
 * than through the app-wide middleware (level 6, or brotli): on a 200 MB file level 6 costs
 * twice the CPU of level 1 for files only ~10% smaller, and the CPU is what limits the export.
 */
export function startCsvDownload(req: IncomingMessage, res: ServerResponse, fileName: string, asciiFileName?: string): Writable {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', attachmentDisposition(fileName, asciiFileName));
  // no-transform: the compression middleware leaves the body to us (and proxies leave it alone).
  res.setHeader('Cache-Control', 'no-store, no-transform');
  appendVary(res, 'Accept-Encoding');
  if (!acceptsGzip(req)) return res;
  res.setHeader('Content-Encoding', 'gzip');
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  // A client that goes away destroys the gzip stream too (the writer then sees it closed).
  pipeline(gzip, res, () => undefined);
  return gzip;
}

// What a quoted filename may hold as it is: printable ASCII but the quote and backslash.
const PLAIN_NAME = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * `attachment; filename="…"`: as it is for a plain ASCII name; any other name (a segment called
 * 华南客户) goes in `filename*` (RFC 6266 / 8187, UTF-8 percent-encoded) after an ASCII fallback,
 * since a header value may not carry it raw (Node refuses such a header outright).
 */
export function attachmentDisposition(fileName: string, asciiFileName = 'download.csv'): string {
  if (PLAIN_NAME.test(fileName)) return `attachment; filename="${fileName}"`;
  const fallback = PLAIN_NAME.test(asciiFileName) ? asciiFileName : 'download.csv';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Waits until what was written has drained (or the client is gone): memory stays flat. */
export async function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });
}

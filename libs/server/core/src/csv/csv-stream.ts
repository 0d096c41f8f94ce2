import type { RawHttp } from '../http/raw-http';
import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { drained, startCsvDownload } from './csv-download';
import { csvLine, UTF8_BOM } from './csv-writer';

/** Lines per write: a piece of text stays far below V8's large-object size (128 KB), so it dies young. */
const LINES_PER_WRITE = 128;

export interface CsvStreamPlan {
  fileName: string;
  /** The name for clients that cannot read a non-ASCII `fileName` (see attachmentDisposition). */
  asciiFileName?: string;
  header: string[];
  /** A KeysetReader: `read` streams the next batch's rows; fewer than `batchSize` means it was the last. */
  reader: { batchSize: number; read(onRow: (row: unknown[]) => void): Promise<number> };
  toLine: (row: unknown[]) => string;
  /** Runs before the last byte goes out (and when the download is cut short), with the rows written. */
  beforeEnd: (count: number) => Promise<void>;
}

/**
 * Streams a reader's rows as a CSV download with BOM. Rows are formatted as they arrive and
 * written in small pieces; PostgreSQL sends the next batch while the last one drains, so at
 * most two batches are buffered. The first batch is held until its query has succeeded: a bad
 * filter is still a problem+json, not a 200 cut short.
 */
export async function streamCsv(http: RawHttp, plan: CsvStreamPlan): Promise<void> {
  let res: ServerResponse | undefined;
  let out: Writable | undefined;
  const held: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (!lines.length) return;
    lines.push(''); // CRLF after the last line too
    const text = lines.join('\r\n');
    lines = [];
    if (!out) held.push(text);
    else if (!out.destroyed) out.write(text);
  };
  const take = (row: unknown[]) => lines.push(plan.toLine(row)) === LINES_PER_WRITE && flush();
  let count = 0;
  let pending: Promise<number> | undefined;
  try {
    let n = await plan.reader.read(take);
    flush();
    res = http.takeResponse();
    out = startCsvDownload(http.req, res, plan.fileName, plan.asciiFileName);
    out.write(UTF8_BOM + csvLine(plan.header));
    for (const text of held.splice(0)) out.write(text);
    for (;;) {
      count += n;
      pending = n === plan.reader.batchSize && !res.destroyed ? plan.reader.read(take) : undefined;
      await drained(out);
      if (!pending) break;
      n = await pending;
      pending = undefined;
      flush();
    }
    await plan.beforeEnd(count);
    out.end();
  } catch (err) {
    if (!out || !res) throw err;
    // Headers are gone: all we can do is cut the download short, so the client sees it failed.
    await plan.beforeEnd(count).catch(() => undefined);
    res.destroy(err as Error);
  } finally {
    await pending?.catch(() => undefined);
  }
}

import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';
import type { Readable } from 'node:stream';
import { CsvFormatError, CsvReader, isBlankRecord } from '@kehu/contracts';

/** Slice size of the stored file. */
const CHUNK_BYTES = 1024 * 1024;

const badFile = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field: 'file', rule: 'csv', message }] });

export interface UploadSummary {
  header: string[];
  rows: number;
  bytes: number;
}

/**
 * Reads an upload as it arrives: checks it is UTF-8 CSV text with a header row (400
 * otherwise), counts its data rows, and hands ~1 MB byte slices to `store` — so a large
 * file never sits in memory whole. `onHeader` sees the header before any slice is stored.
 */
export async function readUpload(body: Readable, maxBytes: number, onHeader: (header: string[]) => void, store: (seq: number, data: Buffer) => Promise<void>): Promise<UploadSummary> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = new CsvReader();
  let header: string[] | undefined;
  let rows = 0;
  let bytes = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const take = (records: string[][]) => {
    for (const r of records) {
      if (isBlankRecord(r)) continue;
      if (!header) {
        header = r.map((h) => h.trim());
        onHeader(header);
      } else rows++;
    }
  };
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw badFile('The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.');
    }
  };
  const flush = async () => {
    if (!pendingBytes) return;
    await store(seq++, Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      if (chunk.includes(0)) throw badFile('The file is not CSV text (it holds binary data; an .xlsx must be saved as CSV first).');
      take(reader.push(decode(chunk)));
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    take(reader.push(decode()));
    take(reader.end());
  } catch (err) {
    if (err instanceof CsvFormatError) throw badFile(`The file is not valid CSV: ${err.message}.`);
    throw err;
  }
  if (!header || header.every((h) => h === '')) throw badFile('The file is empty or has no header row.');
  await flush();
  return { header, rows, bytes };
}

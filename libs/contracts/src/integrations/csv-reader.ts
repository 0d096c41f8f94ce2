/**
 * A streaming RFC 4180 reader: text goes in as it arrives (any chunking, even inside a
 * quoted field or between \r and \n), complete records come out. Quoted fields may hold
 * commas, quotes ("") and line breaks; a leading UTF-8 BOM is dropped. Memory is bounded
 * by the longest record, so a 1M-row file streams through in constant space.
 */
export class CsvReader {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** Inside quotes, the previous character was a quote (end of quotes or an escaped one). */
  private quotePending = false;
  private afterCr = false;
  private started = false;
  /** Records completed so far. */
  count = 0;

  /** Feeds text; returns the records it completed. */
  push(text: string): string[][] {
    const out: string[][] = [];
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = text.length;
    while (i < n) {
      const c = text[i];
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false; // closing quote; fall through to handle c unquoted
        } else {
          // Copy the run up to the next quote in one go.
          const q = text.indexOf('"', i);
          if (q === -1) {
            this.field += text.slice(i);
            return out;
          }
          this.field += text.slice(i, q);
          this.quotePending = true;
          i = q + 1;
          continue;
        }
      }
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      if (c === ',') {
        this.record.push(this.field);
        this.field = '';
      } else if (c === '\n' || c === '\r') {
        this.afterCr = c === '\r';
        out.push(this.finishRecord());
      } else if (c === '"' && this.field === '') {
        this.quoted = true;
      } else {
        // Copy the run of plain characters in one go.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 44 || d === 10 || d === 13) break;
          j++;
        }
        this.field += text.slice(i, j);
        i = j;
        continue;
      }
      i++;
    }
    return out;
  }

  /** End of input: the last record when the file does not end with a line break. */
  end(): string[][] {
    if (this.quoted && !this.quotePending) throw new CsvFormatError(`a quoted field opened in record ${this.count + 1} is never closed`);
    this.quoted = false;
    this.quotePending = false;
    if (this.field !== '' || this.record.length) return [this.finishRecord()];
    return [];
  }

  private finishRecord(): string[] {
    this.record.push(this.field);
    const r = this.record;
    this.record = [];
    this.field = '';
    this.count++;
    return r;
  }
}

export class CsvFormatError extends Error {}

/** A record with nothing in it (a blank line, or only commas). */
export const isBlankRecord = (r: string[]): boolean => r.every((v) => v.trim() === '');

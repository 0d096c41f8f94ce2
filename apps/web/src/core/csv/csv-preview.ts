import { CsvReader, isBlankRecord } from '@kehu/contracts';

export interface CsvPreview {
  header: string[];
  rows: string[][];
}

/** The header and first rows of a CSV file, read as the API will read it (only the first 256 KB are loaded). */
export async function previewCsv(file: Blob, rows = 5): Promise<CsvPreview> {
  const text = await file.slice(0, 256 * 1024).text();
  const reader = new CsvReader();
  const records = reader.push(text).filter((r) => !isBlankRecord(r));
  const [header = [], ...rest] = records;
  return { header: header.map((h) => h.trim()), rows: rest.slice(0, rows) };
}

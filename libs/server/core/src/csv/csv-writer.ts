/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 (and Chinese correctly) only with it. */
export const UTF8_BOM = '\uFEFF';

// Spreadsheet formula injection: a cell starting with = @ or + / - followed by a letter or
// parenthesis would run as a formula in Excel. Phone numbers (+86…) and negatives stay as they are.
const FORMULA = /^(?:[=@\t\r]|[+-][^\d\s.])/;
const QUOTED = /[",\r\n]/;

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
  // = @ + - tab CR: only a cell starting with one of these can be a formula (an export runs this 20M times).
  const c = s.charCodeAt(0);
  if ((c === 61 || c === 64 || c === 43 || c === 45 || c === 9 || c === 13) && FORMULA.test(s)) s = `'${s}`;
  return QUOTED.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, CRLF-terminated as RFC 4180 has it. */
export const csvLine = (values: unknown[]): string => values.map(csvField).join(',') + '\r\n';

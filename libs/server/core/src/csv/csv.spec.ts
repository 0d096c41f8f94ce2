import { CsvFormatError, CsvReader } from '@kehu/contracts';
import { csvLine } from './csv-writer';

const readAll = (chunks: string[]) => {
  const r = new CsvReader();
  const out = chunks.flatMap((c) => r.push(c));
  return [...out, ...r.end()];
};

describe('CSV reader and writer', () => {
  it('reads quoted commas, quotes and line breaks, dropping the BOM, across any chunking', () => {
    const text = '\uFEFF名称,备注\r\n"北京,字节","他说""好""\n第二行"\r\nplain,x\n';
    const expected = [['名称', '备注'], ['北京,字节', '他说"好"\n第二行'], ['plain', 'x']];
    expect(readAll([text])).toEqual(expected);
    // Every split point, one character at a time included.
    for (let i = 1; i < text.length; i++) expect(readAll([text.slice(0, i), text.slice(i)])).toEqual(expected);
    expect(readAll(text.split(''))).toEqual(expected);
  });

  it('keeps the last record without a trailing line break and refuses an unclosed quote', () => {
    expect(readAll(['a,b\r\n1,'])).toEqual([['a', 'b'], ['1', '']]);
    expect(() => readAll(['a,b\n"1,2\n'])).toThrow(CsvFormatError);
  });

  it('writes what it reads back, defusing spreadsheet formulas but not phone numbers', () => {
    const row = ['上海云图, 有限公司', 'say "hi"', 'two\nlines', '+8613812345678', '=HYPERLINK("x")', null, ['VIP', '重点']];
    const line = csvLine(row);
    expect(readAll([line])).toEqual([['上海云图, 有限公司', 'say "hi"', 'two\nlines', '+8613812345678', `'=HYPERLINK("x")`, '', 'VIP, 重点']]);
  });
});

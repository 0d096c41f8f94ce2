import { describe, expect, it } from 'vitest';
import { detectMapping } from '@kehu/contracts';
import { previewCsv } from './csv-preview';

describe('the import preview', () => {
  it('reads the header and the first rows as the API will, BOM, quoted line breaks and blank lines included', async () => {
    const file = new Blob(['\uFEFF客户名称,电话,备注\r\n', '"上海云图, 有限公司",138 0013 8000,"两行\n备注"\r\n\r\n', '杭州青山,,\r\n', 'a,b,c\r\n'.repeat(10)], { type: 'text/csv' });
    const preview = await previewCsv(file, 3);
    expect(preview.header).toEqual(['客户名称', '电话', '备注']);
    expect(preview.rows).toEqual([
      ['上海云图, 有限公司', '138 0013 8000', '两行\n备注'],
      ['杭州青山', '', ''],
      ['a', 'b', 'c'],
    ]);
  });

  it('guesses each column from Chinese or English headers, keys and custom-field labels, each field once', () => {
    const columns = [
      { key: 'name', en: 'Name', 'zh-CN': '客户名称' },
      { key: 'phone', en: 'Phone', 'zh-CN': '电话' },
      { key: 'cf.erp_level', en: 'ERP等级', 'zh-CN': 'ERP等级' },
    ];
    expect(detectMapping(['客户名称', ' PHONE ', 'erp_level', '电话', '备注'], columns)).toEqual({ 客户名称: 'name', ' PHONE ': 'phone', erp_level: 'cf.erp_level', 电话: '', 备注: '' });
  });
});

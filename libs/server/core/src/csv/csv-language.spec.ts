import { csvLanguage } from './csv-language';

describe('csvLanguage', () => {
  it('answers Chinese when the first language is zh of any region, else English', () => {
    expect(csvLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(csvLanguage('zh-TW')).toBe('zh-CN');
    expect(csvLanguage('en-US,zh;q=0.5')).toBe('en');
    expect(csvLanguage(undefined)).toBe('en');
  });
});

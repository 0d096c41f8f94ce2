import { attachmentDisposition } from './csv-download';

describe('attachmentDisposition', () => {
  it('keeps a plain ASCII name as it was', () => {
    expect(attachmentDisposition('customers-2026-01-05.csv')).toBe('attachment; filename="customers-2026-01-05.csv"');
  });

  it('puts any other name in filename* (UTF-8, percent-encoded) after an ASCII fallback', () => {
    expect(attachmentDisposition('华南客户 (A)-2026-01-05.csv', 'segment-2026-01-05.csv')).toBe(
      `attachment; filename="segment-2026-01-05.csv"; filename*=UTF-8''%E5%8D%8E%E5%8D%97%E5%AE%A2%E6%88%B7%20%28A%29-2026-01-05.csv`,
    );
    expect(decodeURIComponent(attachmentDisposition('say "hi".csv').split("''")[1])).toBe('say "hi".csv');
    expect(attachmentDisposition('名单.csv', '坏.csv')).toMatch(/^attachment; filename="download.csv"; filename\*=/);
  });
});

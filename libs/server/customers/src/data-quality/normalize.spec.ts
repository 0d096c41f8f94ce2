import { companyKey } from './company-key';
import { completeness } from './completeness';
import { normalizeEmail, normalizePhone, normalizeText, toHalfWidth } from './normalize';

describe('normalisation', () => {
  it('turns full-width characters into half-width', () => {
    expect(toHalfWidth('ＡＢＣ　１２３（北京）')).toBe('ABC 123(北京)');
    expect(normalizeText('  字节跳动　 科技  ')).toBe('字节跳动 科技');
    expect(normalizeEmail(' Li.Lei＠Example.COM ')).toBe('li.lei@example.com');
  });

  it.each([
    ['138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['008613812345678', '+8613812345678'],
    ['8613812345678', '+8613812345678'],
    ['１３８１２３４５６７８', '+8613812345678'],
    ['010-12345678', '+861012345678'],
    ['(0755) 8765 4321', '+8675587654321'],
    ['+1 (415) 555-0132', '+14155550132'],
    ['010-12345678 转 123', '+861012345678'],
  ])('normalises phone %s → %s', (raw, e164) => {
    expect(normalizePhone(raw, 'CN')).toBe(e164);
  });

  it('refuses what cannot be a phone number', () => {
    expect(normalizePhone('12345')).toBeUndefined();
    expect(normalizePhone('not a phone')).toBeUndefined();
    expect(normalizePhone('2345678901234567890')).toBeUndefined();
    expect(normalizePhone('11111111111')).toBeUndefined();
  });

  it('uses the default region for national numbers', () => {
    expect(normalizePhone('(415) 555-0132', 'US')).toBe('+14155550132');
  });

  it('reduces company names that name the same company to the same key', () => {
    expect(companyKey('北京字节跳动科技有限公司')).toBe(companyKey('字节跳动(北京)'));
    expect(companyKey('北京字节跳动科技有限公司')).toBe('字节跳动');
    expect(companyKey('阿里巴巴集团控股有限公司')).toBe(companyKey('阿里巴巴（中国）有限公司'));
    expect(companyKey('ACME Co., Ltd.')).toBe(companyKey('Acme Inc'));
    expect(companyKey('Huawei Technologies Co., Ltd.')).toBe('huaweitechnologies');
    expect(companyKey('腾讯科技（深圳）有限公司')).toBe('腾讯');
  });

  it('keeps different companies apart', () => {
    expect(companyKey('北京字节跳动科技有限公司')).not.toBe(companyKey('北京百度网讯科技有限公司'));
    expect(companyKey('北京科技有限公司')).toBe('北京科技');
  });

  it('scores completeness by weighted filled fields', () => {
    expect(completeness({ name: 'x' })).toBe(20);
    expect(completeness({ name: 'x', phone: '+86', email: 'a@b.cn', industry: 'IT', province: 'BJ', city: 'BJ', address: 'a', website: 'w', source: 's', ownerId: 'o' })).toBe(100);
  });
});

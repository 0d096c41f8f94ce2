/**
 * Normalisation on write (seed 000: poor data quality is a top cause of CRM failure):
 * full-width → half-width, trimmed and collapsed white space, e-mails lower-cased,
 * phone numbers in E.164.
 */

/** Full-width ASCII (ＡＢＣ１２３（）) and the ideographic space → their half-width forms. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function normalizeText(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, ' ').trim();
}

export function normalizeEmail(value: string): string {
  return toHalfWidth(value).trim().toLowerCase();
}

const callingCodes: Record<string, string> = { CN: '86', HK: '852', MO: '853', TW: '886', SG: '65', JP: '81', KR: '82', US: '1', CA: '1', GB: '44', DE: '49', FR: '33', AU: '61' };

/**
 * Any common way of writing a phone number → E.164 (`+8613812345678`), or undefined
 * when it cannot be a phone number. National numbers take the default region's code;
 * a leading trunk 0 (010-…, 0755-…) is dropped, as E.164 requires.
 */
export function normalizePhone(raw: string, defaultRegion = 'CN'): string | undefined {
  let s = toHalfWidth(raw).trim();
  s = s.replace(/(?:ext\.?|x|转|分机)\s*\d+$/i, ''); // extensions are not part of the number
  const digits = s.replace(/\D/g, '');
  let e164: string;
  if (s.startsWith('+')) e164 = digits;
  else if (s.startsWith('00')) e164 = digits.slice(2);
  else {
    const code = callingCodes[defaultRegion.toUpperCase()];
    if (!code) return undefined;
    // A national number that already starts with the country code (8613812345678).
    if (defaultRegion === 'CN' && digits.length === 13 && digits.startsWith('861')) e164 = digits;
    else e164 = code + digits.replace(/^0+/, '');
  }
  if (!/^[1-9]\d{7,14}$/.test(e164)) return undefined;
  if (e164.startsWith('86')) {
    const national = e164.slice(2);
    // Chinese mobiles are 11 digits starting with 1; landlines are area code + 7–8 digits.
    const mobile = /^1[3-9]\d{9}$/.test(national);
    const landline = /^(10|2\d|[3-9]\d{2})\d{7,8}$/.test(national);
    if (!mobile && !landline) return undefined;
  }
  return `+${e164}`;
}

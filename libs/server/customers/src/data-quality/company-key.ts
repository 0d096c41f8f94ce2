import { toHalfWidth } from './normalize';

// Longest first, so 股份有限公司 goes before 有限公司.
const legalSuffixes = [
  '股份有限公司', '有限责任公司', '集团有限公司', '集团股份有限公司', '有限公司', '分公司', '控股', '集团', '公司', '工作室', '事务所', '合作社',
  'co., ltd.', 'co.,ltd.', 'co. ltd.', 'co ltd', 'company limited', 'limited', 'corporation', 'corp.', 'corp', 'inc.', 'inc', 'llc', 'ltd.', 'ltd', 'gmbh', 'co.', 'plc', 'pte',
].sort((a, b) => b.length - a.length);

// Words that say what a company does or where it is, not who it is. 北京字节跳动科技有限公司
// and 字节跳动(北京) are the same company: both reduce to 字节跳动.
const genericWords = [
  '信息技术', '网络技术', '科技', '技术', '信息', '网络', '电子商务', '电子', '软件', '贸易', '实业', '发展', '控股', '投资', '咨询', '服务', '管理', '国际', '中国',
].sort((a, b) => b.length - a.length);

const places = [
  '北京', '上海', '天津', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
  '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '厦门', '青岛', '宁波', '大连', '沈阳', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '无锡', '佛山', '东莞',
].sort((a, b) => b.length - a.length);

/**
 * A comparison key for company names: half-width, lower-case, without legal suffixes,
 * bracketed parts, punctuation, places and generic trade words. Used for exact duplicate
 * matching; fuzzy matching runs on it too (pg_trgm). Falls back to the plain key when
 * stripping would leave too little to tell companies apart.
 */
export function companyKey(name: string): string {
  let s = toHalfWidth(name).toLowerCase().trim();
  s = s.replace(/[(（][^)）]*[)）]/g, (m) => (places.some((p) => m.includes(p)) ? '' : m)); // (北京) is a place; (中国) too
  // The checks below skip work that would change nothing (an import keys every row: 9.4 → 2.5 µs a name, same keys).
  for (let changed = true; changed; ) {
    changed = false;
    let trimmed = s.trimEnd();
    for (const suffix of legalSuffixes) {
      if (trimmed.endsWith(suffix) && trimmed.length > suffix.length) {
        s = trimmed.slice(0, -suffix.length);
        trimmed = s.trimEnd();
        changed = true;
      }
    }
  }
  const plain = s.replace(/[\s\p{P}\p{S}]+/gu, '');
  let core = plain;
  for (const p of places) if (core.includes(p)) core = core.split(p).join('');
  for (const w of genericWords) if (core.includes(w)) core = core.split(w).join('');
  // "北京科技有限公司" would reduce to nothing: keep the plain key then.
  return core.length >= 2 ? core : plain;
}

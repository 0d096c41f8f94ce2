// Set-based seeding (INSERT … SELECT generate_series): no row goes through the API.
// Every id is a pure function of a row number (bench.uuid('c' || i): md5 shaped as a v4 UUID), so tables are
// filled on two connections at once without joins between them, and activities'
// times are chosen so that customers.last_follow_up_at equals their newest follow-up.
//
// Secondary indexes and keys of the big tables are dropped before the load and rebuilt
// after it (a sort per index beats 10M random B-tree inserts), then ANALYZE.
import argon2 from 'argon2';
import pg from 'pg';

export const BENCH_PASSWORD = 'Bench-pass-2026';
/** Bumped when the seeder fills something new: a database seeded by an older one is seeded again. */
export const SEED_VERSION = 4; // 2: orders; 3: referrals and contact consents (value scoring, segments); 4: service cases
export const REPS = 180;
export const DEPARTMENTS = 20;
const REPS_PER_DEPT = REPS / DEPARTMENTS; // 9: team A = reps 0-4, team B = reps 5-8; the manager leads both
/** Fixed "now" of the data set, so that a reused database means the same thing. */
export const DATA_NOW = '2026-11-20T00:00:00Z';

// md5 with the version and variant bits of a v4 UUID (the API validates ids as UUIDs).
const uuid = (text) => `bench.uuid(${text})`;
export const ids = {
  customer: (i) => uuid(`'c' || ${i}`),
  // The same md5 ids, looked up in constant arrays (see helpersSql): the big tables name a rep
  // and a department on every row, and three md5s per follow-up were a third of its SELECT.
  rep: (r) => `bench.rep_uuid((${r})::int)`,
  manager: (d) => `bench.mgr_uuid((${d})::int)`,
  dept: (d) => `bench.dept_uuid((${d})::int)`,
};

// Brand characters that form no place name and no generic trade word of companyKey, so
// the company key of "<city><brand><trade word><legal suffix>" is exactly <brand>.
const BRAND = '瑞泰恒鑫宏源丰嘉博创星辰宇航金银翔龙凤锦绣明光辉远弘昌茂富贵祥顺康乐美佳优卓越诚智慧达盛兴旺隆腾飞跃升华威力通联合众益友朋义仁礼德雅清正方圆晨曦阳春秋夏冬雪云雨虹霞峰岭川林森松柏竹梅兰菊桂杨柳禾谷麦稻'.split('');
const TRADE_ZH = ['科技', '贸易', '实业', '信息技术', '网络技术', '电子', '软件', '投资', '咨询', '服务'];
const SUFFIX_ZH = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '有限公司'];
const LATIN_A = ['Nova', 'Apex', 'Blue', 'Sun', 'Peak', 'Delta', 'Orion', 'Silver', 'Green', 'Red', 'Star', 'Golden', 'Prime', 'Zen', 'Pacific', 'Atlas', 'Vertex', 'Lotus', 'Jade', 'Crown', 'Summit', 'Harbor', 'River', 'Maple', 'Cedar', 'Falcon', 'Tiger', 'Dragon', 'Phoenix', 'Polar', 'Coral', 'Amber', 'Ivory', 'Onyx', 'Ruby', 'Sapphire', 'Titan', 'Vector', 'Unity', 'Fusion'];
const LATIN_B = ['tech', 'soft', 'mark', 'line', 'works', 'ware', 'field', 'point', 'gate', 'bridge', 'stone', 'wave', 'core', 'link', 'path', 'view', 'land', 'port', 'way', 'craft', 'forge', 'hub', 'nest', 'grove', 'crest'];
const TRADE_EN = ['Trading', 'Industrial', 'Foods', 'Logistics', 'Systems', 'Textiles', 'Machinery', 'Pharma', 'Energy', 'Media', 'Robotics', 'Chemicals', 'Apparel', 'Electronics', 'Materials', 'Medical'];
// [province, city, weight]: the coastal provinces hold more customers.
const PROVINCES = [
  ['广东', '广州', 12], ['江苏', '南京', 9], ['浙江', '杭州', 9], ['北京', '北京', 8], ['上海', '上海', 8], ['山东', '济南', 6], ['四川', '成都', 5], ['湖北', '武汉', 4], ['福建', '福州', 4], ['河南', '郑州', 4],
  ['湖南', '长沙', 3], ['安徽', '合肥', 3], ['河北', '石家庄', 3], ['天津', '天津', 2], ['重庆', '重庆', 2], ['陕西', '西安', 2], ['辽宁', '沈阳', 2], ['江西', '南昌', 2], ['云南', '昆明', 1], ['广西', '南宁', 1],
  ['山西', '太原', 1], ['吉林', '长春', 1], ['黑龙江', '哈尔滨', 1], ['贵州', '贵阳', 1], ['甘肃', '兰州', 1], ['内蒙古', '呼和浩特', 1], ['新疆', '乌鲁木齐', 1], ['海南', '海口', 1], ['宁夏', '银川', 1], ['青海', '西宁', 1], ['西藏', '拉萨', 1],
];
// companyKey strips these places; a name starts with its city when listed, else its province.
const KEY_PLACES = ['北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '厦门', '青岛', '宁波', '大连', '沈阳', '长沙', '郑州', '济南', '合肥', '福州', '昆明'];
const NAME_PLACE = PROVINCES.map(([province, city]) => (KEY_PLACES.includes(city) ? city : province));
const PROVINCE_PICK = PROVINCES.flatMap((p, i) => Array(p[2]).fill(i + 1)); // 1-based for SQL arrays
const INDUSTRIES = ['制造业', '零售', '金融', '教育', '医疗', '物流', '互联网', '能源', '房地产', '农业', '餐饮', '汽车'];
const TAGS = ['重点', 'VIP', '渠道', '老客户', '新客户', '展会', '转介绍', 'SaaS'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏帅晨辉鑫雪婷琳颖倩欣怡佳悦晓峰建国志强海燕子涵梓萱'.split('');
const LATIN_FIRST = ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Peter', 'Anna', 'Mark', 'Emma', 'Paul', 'Grace', 'Kevin', 'Lucy', 'Tom', 'Sarah', 'Eric', 'Helen', 'Jack', 'Amy'];
const LATIN_LAST = ['Smith', 'Brown', 'Wilson', 'Taylor', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Turner', 'Parker', 'Evans', 'Collins'];
const ACTIVITY = [
  ['call', 'phone', '电话回访'], ['call', 'phone', '需求沟通电话'], ['visit', 'visit', '上门拜访'], ['meeting', 'visit', '方案演示会'], ['email', 'email', '发送报价邮件'],
  ['note', 'wechat', '微信沟通'], ['note', 'wechat', '微信跟进'], ['call', 'phone', 'Follow-up call'], ['email', 'email', 'Proposal sent'], ['task', 'other', '准备合同'],
];
const SOURCES = ['campaign', 'referral', 'web_form', 'import', 'partner', 'erp', 'cold_call', 'exhibition', 'other'];

/** The tables a scale fills, with row counts; 1M customers at scale 1. */
export function counts(scale) {
  const customers = Math.max(1000, Math.round((1_000_000 * scale) / 1000) * 1000);
  return { customers, contacts: 2 * customers, activities: 10 * customers, opportunities: customers, orders: 5 * customers, cases: customers / 2, caseEvents: (3 * customers) / 2 };
}

const arr = (a) => `ARRAY[${a.map((s) => `'${String(s).replace(/'/g, "''")}'`).join(',')}]::text[]`;
const intArr = (a) => `ARRAY[${a.join(',')}]::int[]`;
/** A stable pseudo-random non-negative int from a row number and a salt. */
const h = (expr, salt) => `(hashint8((${expr})::bigint * 7 + ${salt}) & 2147483647)`;

/** SQL functions the load uses (bench schema; not part of the app). */
function helpersSql(n) {
  return `
CREATE SCHEMA IF NOT EXISTS bench;
CREATE OR REPLACE FUNCTION bench.uuid(t text) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$ SELECT overlay(overlay(md5(t) placing '4' from 13) placing '8' from 17)::uuid $$;
-- bench.rep_uuid(r) = bench.uuid('rep' || r) etc., as a subscript of a constant array (inlined, no md5 per row).
DO $do$
DECLARE kind text; n int;
BEGIN
  FOR kind, n IN VALUES ('rep', ${REPS}), ('mgr', ${DEPARTMENTS}), ('dept', ${DEPARTMENTS}) LOOP
    EXECUTE format('CREATE OR REPLACE FUNCTION bench.%s_uuid(k int) RETURNS uuid IMMUTABLE LANGUAGE sql AS %L', kind,
      format('SELECT (%L::uuid[])[k + 1]', (SELECT array_agg(bench.uuid(kind || g) ORDER BY g) FROM generate_series(0, n - 1) g)::text));
  END LOOP;
END $do$;
-- STABLE, not IMMUTABLE, where the body does timestamptz arithmetic: else PostgreSQL
-- refuses to inline the function and calls it per row (50x slower).
-- customer i → rep index (0..179), stable; every tenth customer sits in its department's pool.
CREATE OR REPLACE FUNCTION bench.rep_of(i bigint) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT ((hashint8(i * 7 + 1) & 2147483647) % ${REPS})::int $$;
CREATE OR REPLACE FUNCTION bench.pooled(i bigint) RETURNS boolean IMMUTABLE LANGUAGE sql AS $$ SELECT i % 10 = 9 $$;
CREATE OR REPLACE FUNCTION bench.created_of(i bigint) RETURNS timestamptz STABLE LANGUAGE sql AS $$
  SELECT '2023-01-01T00:00:00Z'::timestamptz + (i::float8 / ${n}) * interval '1400 days' + ((hashint8(i * 7 + 2) & 2147483647) % 86400) * interval '1 second' $$;
-- the newest follow-up of customer i (customers with i % 5 = 4 have none)
CREATE OR REPLACE FUNCTION bench.last_of(i bigint) RETURNS timestamptz STABLE LANGUAGE sql AS $$
  SELECT bench.created_of(i) + ('${DATA_NOW}'::timestamptz - bench.created_of(i)) * (0.05 + ((hashint8(i * 7 + 3) & 2147483647) % 95) / 100.0) $$;
`;
}

const usersSql = (hash) => `
INSERT INTO departments (id, name, parent_id, path)
  VALUES (bench.uuid('dept-root'), '客户压测公司 Kehu Bench Co.', NULL, '/' || bench.uuid('dept-root') || '/');
INSERT INTO departments (id, name, parent_id, path)
  SELECT ${ids.dept('d')}, (${arr(['华东', '华南', '华北', '西部', '海外'])})[d / 4 + 1] || '销售' || (d % 4 + 1) || '部', bench.uuid('dept-root'),
         '/' || bench.uuid('dept-root') || '/' || ${ids.dept('d')} || '/'
    FROM generate_series(0, ${DEPARTMENTS - 1}) d;
INSERT INTO users (id, email, name, locale, password_hash, department_id)
  SELECT ${ids.manager('d')}, 'manager' || d || '@bench.kehu.local', (${arr(SURNAMES)})[d + 1] || '经理' || d, 'zh-CN', '${hash}', ${ids.dept('d')}
    FROM generate_series(0, ${DEPARTMENTS - 1}) d;
INSERT INTO users (id, email, name, locale, password_hash, department_id)
  SELECT ${ids.rep('r')}, 'rep' || r || '@bench.kehu.local',
         CASE WHEN r / ${REPS_PER_DEPT} >= 16 THEN (${arr(LATIN_FIRST)})[r % 20 + 1] || ' ' || (${arr(LATIN_LAST)})[r / 20 % 20 + 1]
              ELSE (${arr(SURNAMES)})[r % ${SURNAMES.length} + 1] || (${arr(GIVEN)})[r % ${GIVEN.length} + 1] END,
         CASE WHEN r / ${REPS_PER_DEPT} >= 16 THEN 'en' ELSE 'zh-CN' END, '${hash}', ${ids.dept(`r / ${REPS_PER_DEPT}`)}
    FROM generate_series(0, ${REPS - 1}) r;
UPDATE departments SET manager_id = bench.uuid('mgr' || d.n)
  FROM (SELECT generate_series(0, ${DEPARTMENTS - 1}) n) d WHERE departments.id = ${ids.dept('d.n')};
INSERT INTO teams (id, name, department_id, manager_id)
  SELECT bench.uuid('team' || d || '-' || t), '销售' || d || (CASE t WHEN 0 THEN '一组' ELSE '二组' END), ${ids.dept('d')}, ${ids.manager('d')}
    FROM generate_series(0, ${DEPARTMENTS - 1}) d, generate_series(0, 1) t;
INSERT INTO team_members (team_id, user_id)
  SELECT bench.uuid('team' || (r / ${REPS_PER_DEPT}) || '-' || (CASE WHEN r % ${REPS_PER_DEPT} < 5 THEN 0 ELSE 1 END)), ${ids.rep('r')} FROM generate_series(0, ${REPS - 1}) r
  UNION ALL
  SELECT bench.uuid('team' || d || '-' || t), ${ids.manager('d')} FROM generate_series(0, ${DEPARTMENTS - 1}) d, generate_series(0, 1) t;
-- Reps see their team's customers (team scope); managers keep the built-in department scope.
INSERT INTO roles (key, name, built_in, permissions)
  SELECT 'bench_team_rep', 'Sales rep (team scope)', false, (SELECT jsonb_object_agg(e.key, 'team') FROM roles r, jsonb_each(r.permissions) e WHERE r.key = 'sales_rep');
INSERT INTO user_roles (user_id, role_id)
  SELECT ${ids.rep('r')}, (SELECT id FROM roles WHERE key = 'bench_team_rep') FROM generate_series(0, ${REPS - 1}) r
  UNION ALL
  SELECT ${ids.manager('d')}, (SELECT id FROM roles WHERE key = 'sales_manager') FROM generate_series(0, ${DEPARTMENTS - 1}) d;
`;

function customersSql(n, from, to) {
  const brand = (k) => `(${arr(BRAND)})[(i / ${k}) % ${BRAND.length} + 1]`;
  const latin = `i % 8 = 0`;
  const prov = `(${intArr(PROVINCE_PICK)})[${h('i', 11)} % ${PROVINCE_PICK.length} + 1]`;
  return `
INSERT INTO customers (id, kind, name, name_key, short_name, industry, country, province, city, phone, email, source, lifecycle_stage, grade, tags,
                       owner_id, department_id, developer_id, pool_entered_at, custom_fields, last_follow_up_at, completeness, referred_by_customer_id, created_at, updated_at, created_by)
SELECT ${ids.customer('i')}, 'company',
       CASE WHEN ${latin} THEN la || lb_cap || ' ' || te || ' Co., Ltd.' ELSE place || b || tz || sz END,
       CASE WHEN ${latin} THEN lower(la || lb || te) ELSE b END,
       CASE WHEN ${latin} THEN la || lb_cap ELSE b END,
       (${arr(INDUSTRIES)})[${h('i', 12)} % ${INDUSTRIES.length} + 1], 'CN', prov, city,
       CASE WHEN ${h('i', 13)} % 10 < 6 THEN '+86138' || lpad(i::text, 8, '0') END,
       CASE WHEN ${latin} OR ${h('i', 14)} % 10 < 3 THEN 'info' || i || '@' || CASE WHEN ${latin} THEN lower(la || lb) ELSE 'corp' END || '.example.com' END,
       (${arr(SOURCES)})[${h('i', 15)} % ${SOURCES.length} + 1],
       (${arr(['prospect', 'prospect', 'prospect', 'customer', 'customer', 'key_account', 'churned'])})[${h('i', 16)} % 7 + 1],
       (${arr(['A', 'B', 'B', 'C', 'C', 'C', 'D', 'D', 'D', 'D'])})[${h('i', 17)} % 10 + 1],
       CASE ${h('i', 18)} % 4 WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY[(${arr(TAGS)})[${h('i', 19)} % ${TAGS.length} + 1]]
            ELSE ARRAY[(${arr(TAGS)})[${h('i', 19)} % ${TAGS.length} + 1], (${arr(TAGS)})[(${h('i', 19)} + 3) % ${TAGS.length} + 1]] END,
       CASE WHEN bench.pooled(i) THEN NULL ELSE ${ids.rep('bench.rep_of(i)')} END,
       ${ids.dept(`bench.rep_of(i) / ${REPS_PER_DEPT}`)},
       ${ids.rep('bench.rep_of(i)')},
       CASE WHEN bench.pooled(i) THEN bench.created_of(i) + interval '120 days' END,
       '{}'::jsonb,
       CASE WHEN i % 5 <> 4 THEN bench.last_of(i) END,
       (40 + ${h('i', 20)} % 60)::smallint,
       CASE WHEN i > 0 AND ${h('i', 23)} % 20 = 0 THEN ${ids.customer(`${h('i', 24)} % i`)} END,
       bench.created_of(i), bench.created_of(i), ${ids.rep('bench.rep_of(i)')}
  FROM (SELECT i, ${brand(1)} || ${brand(BRAND.length)} || ${brand(BRAND.length * BRAND.length)} AS b,
               (${arr(TRADE_ZH)})[${h('i', 21)} % ${TRADE_ZH.length} + 1] AS tz, (${arr(SUFFIX_ZH)})[${h('i', 22)} % ${SUFFIX_ZH.length} + 1] AS sz,
               (${arr(LATIN_A)})[(i / 8) % ${LATIN_A.length} + 1] AS la, (${arr(LATIN_B)})[(i / ${8 * LATIN_A.length}) % ${LATIN_B.length} + 1] AS lb,
               initcap((${arr(LATIN_B)})[(i / ${8 * LATIN_A.length}) % ${LATIN_B.length} + 1]) AS lb_cap,
               (${arr(TRADE_EN)})[(i / ${8 * LATIN_A.length * LATIN_B.length}) % ${TRADE_EN.length} + 1] AS te,
               (${arr(PROVINCES.map((p) => p[0]))})[${prov}] AS prov, (${arr(PROVINCES.map((p) => p[1]))})[${prov}] AS city, (${arr(NAME_PLACE)})[${prov}] AS place
          FROM generate_series(${from}, ${to - 1}) i) s`;
}

// Contact j's consents (see consentsSql): e-mail when it has an address, opted in for 3 in 4;
// SMS opted in for 10 in 30, opted out for 3 in 30.
const EMAIL_ROW = (j) => `${h(j, 36)} % 2 = 0`;
const EMAIL_IN = (j) => `${h(j, 40)} % 4 < 3`;
const SMS = (j) => `${h(j, 41)} % 30`;

function contactsSql(n, from, to, masks) {
  // contact j belongs to customer j % n; the first contact of each customer is its primary one.
  // With consent masks on contacts, they are written here from the same hashes as the consents.
  const maskColumns = masks ? ', consent_opt_in, consent_opt_out' : '';
  const maskValues = masks
    ? `,
       (CASE WHEN ${EMAIL_ROW('j')} AND ${EMAIL_IN('j')} THEN 1 ELSE 0 END + CASE WHEN ${SMS('j')} < 10 THEN 4 ELSE 0 END)::smallint,
       (CASE WHEN ${EMAIL_ROW('j')} AND NOT ${EMAIL_IN('j')} THEN 1 ELSE 0 END + CASE WHEN ${SMS('j')} BETWEEN 10 AND 12 THEN 4 ELSE 0 END)::smallint`
    : '';
  return `
INSERT INTO contacts (id, customer_id, name, title, phones, emails, wechat_id, is_primary, preferred_channel, created_at, updated_at${maskColumns})
SELECT bench.uuid('k' || j), ${ids.customer('i')},
       CASE WHEN i % 8 = 0 THEN (${arr(LATIN_FIRST)})[${h('j', 31)} % 20 + 1] || ' ' || (${arr(LATIN_LAST)})[${h('j', 32)} % 20 + 1]
            ELSE (${arr(SURNAMES)})[${h('j', 31)} % ${SURNAMES.length} + 1] || (${arr(GIVEN)})[${h('j', 32)} % ${GIVEN.length} + 1] || CASE WHEN ${h('j', 33)} % 2 = 0 THEN (${arr(GIVEN)})[${h('j', 34)} % ${GIVEN.length} + 1] ELSE '' END END,
       (${arr(['总经理', '采购经理', '技术总监', 'IT经理', '财务', '销售总监', 'CEO', 'Buyer'])})[${h('j', 35)} % 8 + 1],
       ARRAY['+86139' || lpad(j::text, 8, '0')],
       CASE WHEN ${h('j', 36)} % 2 = 0 THEN ARRAY['c' || j || '@mail.example.com'] ELSE '{}'::text[] END,
       CASE WHEN ${h('j', 37)} % 3 = 0 THEN 'wx_' || j END,
       j < ${n},
       (${arr(['phone', 'wechat', 'email'])})[${h('j', 38)} % 3 + 1],
       bench.created_of(i) + interval '1 hour' * (j / ${n}), bench.created_of(i) + interval '1 hour' * (j / ${n})${maskValues}
  FROM (SELECT j, j % ${n} AS i FROM generate_series(${from}, ${to - 1}) j) s`;
}

function activitiesSql(n, from, to) {
  // 4 of every 5 customers have follow-ups: m-th such customer is i = (m/4)*5 + m%4;
  // activity k of customer i goes back in time from bench.last_of(i) (k = 0 is the newest).
  const m = (n / 5) * 4;
  return `
INSERT INTO activities (id, customer_id, type, channel, subject, body, occurred_at, owner_id, department_id, done, done_at, due_at, created_at, updated_at, created_by)
SELECT bench.uuid('a' || j), ${ids.customer('i')}, (${arr(ACTIVITY.map((a) => a[0]))})[t], (${arr(ACTIVITY.map((a) => a[1]))})[t], (${arr(ACTIVITY.map((a) => a[2]))})[t],
       CASE WHEN ${h('j', 41)} % 2 = 0 THEN '客户反馈:对方案整体满意,需要进一步确认预算与交付时间。' END,
       at, ${ids.rep('bench.rep_of(i)')}, ${ids.dept(`bench.rep_of(i) / ${REPS_PER_DEPT}`)},
       t <> 10 OR k > 0, CASE WHEN t <> 10 OR k > 0 THEN at END, CASE WHEN t = 10 THEN at + interval '3 days' END,
       at, at, ${ids.rep('bench.rep_of(i)')}
  FROM (SELECT j, i, k, ${h('j', 42)} % ${ACTIVITY.length} + 1 AS t,
               bench.last_of(i) - (bench.last_of(i) - bench.created_of(i)) * (k / 13.0) AS at
          FROM (SELECT j, (j % ${m}) / 4 * 5 + (j % ${m}) % 4 AS i, j / ${m} AS k FROM generate_series(${from}, ${to - 1}) j) q) s`;
}

function opportunitiesSql(n, from, to, pipelineId, stages) {
  // on owned customers (i % 10 <> 9): the m-th owned customer is i = (m/9)*10 + m%9
  const m = (n / 10) * 9;
  const pick = stages.flatMap((s, idx) => Array(s.kind === 'open' ? 7 : 4).fill(idx + 1));
  return `
INSERT INTO opportunities (id, customer_id, name, pipeline_id, stage_id, status, amount, currency, expected_close_date, won_at, lost_at, lost_reason, stage_entered_at, owner_id, department_id, created_at, updated_at, created_by)
SELECT bench.uuid('o' || j), ${ids.customer('i')}, (${arr(['采购项目', '年度框架合同', '系统升级', '扩容订单', 'Pilot project', '续约'])})[${h('j', 51)} % 6 + 1] || ' ' || (j / ${m} + 1),
       '${pipelineId}', (${arr(stages.map((s) => s.id))})[st]::uuid, (${arr(stages.map((s) => s.kind === 'open' ? 'open' : s.kind))})[st],
       (1000 + ${h('j', 52)} % 2000000)::numeric(18,2), 'CNY', (ca + interval '90 days')::date,
       CASE WHEN (${arr(stages.map((s) => s.kind))})[st] = 'won' THEN ca + interval '60 days' END,
       CASE WHEN (${arr(stages.map((s) => s.kind))})[st] = 'lost' THEN ca + interval '45 days' END,
       CASE WHEN (${arr(stages.map((s) => s.kind))})[st] = 'lost' THEN '价格' END,
       ca + interval '10 days', ${ids.rep('bench.rep_of(i)')}, ${ids.dept(`bench.rep_of(i) / ${REPS_PER_DEPT}`)},
       ca, ca + ((${h('j', 53)} % 200) * interval '1 day'), ${ids.rep('bench.rep_of(i)')}
  FROM (SELECT j, i, (${intArr(pick)})[${h('j', 54)} % ${pick.length} + 1] AS st, bench.created_of(i) + interval '2 days' AS ca
          FROM (SELECT j, (j % ${m}) / 9 * 10 + (j % ${m}) % 9 AS i FROM generate_series(${from}, ${to - 1}) j) q) s`;
}

// Case j of owned customer i (as opportunities): raised over two years before DATA_NOW; the last
// 14 days' cases are still being worked (new / open / pending), older ones resolved or closed.
const CASE_ACTIVE_DAYS = 14;
function casesSql(n, from, to) {
  const m = (n / 10) * 9;
  return `
INSERT INTO service_cases (id, number, subject, type, priority, status, channel, customer_id, owner_id, department_id, sla_business_hours,
                           response_due_at, first_responded_at, response_breached_at, resolution_due_at, resolved_at, resolution_breached_at,
                           reply_count, reopen_count, closed_at, satisfaction, created_at, updated_at, created_by)
SELECT bench.uuid('s' || j), 'CS-B-' || lpad(j::text, 8, '0'),
       (${arr(['打印机卡纸', '系统无法登录', '发票开错', '退货申请', '上门安装', '账单疑问', 'Delivery delayed', 'Password reset', '设备报警', '软件升级失败'])})[${h('j', 61)} % 10 + 1] || ' #' || j,
       (${arr(['request', 'request', 'request', 'complaint', 'dispute', 'return', 'field_job'])})[${h('j', 62)} % 7 + 1],
       pr, st, (${arr(['phone', 'phone', 'email', 'web', 'wechat', 'portal', 'visit'])})[${h('j', 63)} % 7 + 1],
       ${ids.customer('i')}, ${ids.rep('bench.rep_of(i)')}, ${ids.dept(`bench.rep_of(i) / ${REPS_PER_DEPT}`)}, pr <> 'urgent',
       ca + interval '4 hours', CASE WHEN st <> 'new' THEN ca + (${h('j', 64)} % 300) * interval '1 minute' END,
       CASE WHEN st <> 'new' AND ${h('j', 64)} % 300 > 240 THEN ca + interval '4 hours' END,
       ca + interval '3 days', CASE WHEN st IN ('resolved', 'closed') THEN ca + (${h('j', 65)} % 5000) * interval '1 minute' END,
       CASE WHEN st IN ('resolved', 'closed') AND ${h('j', 65)} % 5000 > 4320 THEN ca + interval '3 days' END,
       CASE WHEN st = 'new' THEN 0 ELSE 1 + ${h('j', 66)} % 3 END, CASE WHEN ${h('j', 67)} % 12 = 0 THEN 1 ELSE 0 END,
       CASE WHEN st = 'closed' THEN ca + interval '10 days' END, CASE WHEN st IN ('resolved', 'closed') AND ${h('j', 68)} % 3 = 0 THEN 1 + ${h('j', 69)} % 5 END,
       ca, ca, ${ids.rep('bench.rep_of(i)')}
  FROM (SELECT j, i, ca, (${arr(['low', 'normal', 'normal', 'normal', 'high', 'urgent'])})[${h('j', 70)} % 6 + 1] AS pr,
               CASE WHEN ca > '${DATA_NOW}'::timestamptz - interval '${CASE_ACTIVE_DAYS} days' THEN (${arr(['new', 'open', 'open', 'pending'])})[${h('j', 71)} % 4 + 1]
                    WHEN ${h('j', 72)} % 10 < 3 THEN 'resolved' ELSE 'closed' END AS st
          FROM (SELECT j, i, '${DATA_NOW}'::timestamptz - (${h('j', 73)} % (730 * 1440)) * interval '1 minute' AS ca
                  FROM (SELECT j, (j % ${m}) / 9 * 10 + (j % ${m}) % 9 AS i FROM generate_series(${from}, ${to - 1}) j) q) r) s`;
}

/** Three history entries per case: raised, a reply, a note. */
function caseEventsSql(from, to) {
  return `
INSERT INTO case_events (id, case_id, kind, body, actor_id, created_at)
SELECT bench.uuid('se' || j || '-' || k), bench.uuid('s' || j), (ARRAY['created', 'reply', 'note'])[k], CASE WHEN k > 1 THEN '已联系客户，处理中' END, NULL,
       '${DATA_NOW}'::timestamptz - (${h('j', 73)} % (730 * 1440)) * interval '1 minute' + k * interval '10 minutes'
  FROM generate_series(${from}, ${to - 1}) j, generate_series(1, 3) k`;
}

function consentsSql(from, to) {
  // Contact j: e-mail opted in when it has an address (3 in 4 of those), opted out otherwise; SMS
  // opted in for 1 in 3, opted out for 1 in 10; the rest never said (no row = unknown).
  return `
INSERT INTO contact_consents (contact_id, channel, status, source, changed_at)
SELECT bench.uuid('k' || j), ch, st, 'bench', '${DATA_NOW}'::timestamptz - interval '1 day' * (${h('j', 39)} % 700)
  FROM (SELECT j, 'email' AS ch, CASE WHEN ${EMAIL_IN('j')} THEN 'opted_in' ELSE 'opted_out' END AS st
          FROM generate_series(${from}, ${to - 1}) j WHERE ${EMAIL_ROW('j')}
        UNION ALL
        SELECT j, 'sms', CASE WHEN ${SMS('j')} < 10 THEN 'opted_in' ELSE 'opted_out' END
          FROM generate_series(${from}, ${to - 1}) j WHERE ${SMS('j')} < 13) s`;
}

const ORDER_STATUS = ['placed', 'confirmed', 'paid', 'paid', 'shipped', 'delivered', 'delivered', 'delivered', 'delivered', 'returned', 'cancelled'];

function ordersSql(n, from, to) {
  // order j belongs to customer j % n and its developer; placed between the customer's creation and DATA_NOW;
  // the status timestamps follow the status (a delivered order was confirmed, paid and shipped before).
  return `
INSERT INTO orders (id, number, customer_id, owner_id, department_id, status, currency, subtotal, discount_total, total, placed_at,
                    confirmed_at, paid_at, shipped_at, delivered_at, returned_at, cancelled_at, created_at, updated_at, created_by)
SELECT bench.uuid('ord' || j), 'SO' || lpad(j::text, 9, '0'), ${ids.customer('i')}, ${ids.rep('bench.rep_of(i)')}, ${ids.dept(`bench.rep_of(i) / ${REPS_PER_DEPT}`)},
       st, 'CNY', amount, 0, amount, pa,
       CASE WHEN st NOT IN ('placed', 'cancelled') THEN pa + interval '1 day' END,
       CASE WHEN st IN ('paid', 'shipped', 'delivered', 'returned') THEN pa + interval '3 days' END,
       CASE WHEN st IN ('shipped', 'delivered', 'returned') THEN pa + interval '5 days' END,
       CASE WHEN st IN ('delivered', 'returned') THEN pa + interval '8 days' END,
       CASE WHEN st = 'returned' THEN pa + interval '20 days' END,
       CASE WHEN st = 'cancelled' THEN pa + interval '2 days' END,
       pa, pa, ${ids.rep('bench.rep_of(i)')}
  FROM (SELECT j, i, (${arr(ORDER_STATUS)})[${h('j', 61)} % ${ORDER_STATUS.length} + 1] AS st,
               (500 + ${h('j', 62)} % 200000)::numeric(14,2) AS amount,
               bench.created_of(i) + ('${DATA_NOW}'::timestamptz - bench.created_of(i)) * ((${h('j', 63)} % 1000) / 1000.0) AS pa
          FROM (SELECT j, j % ${n} AS i FROM generate_series(${from}, ${to - 1}) j) q) s`;
}

/** Constraints and indexes of the tables, to drop before the load and rebuild after it. */
async function keysAndIndexes(c, tables) {
  const { rows: cons } = await c.query(
    `SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype IN ('p','u','f') AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))`,
    [tables],
  );
  const { rows: idx } = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, i.indrelid::regclass::text AS tbl FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p','u','x'))`,
    [tables],
  );
  return { cons, idx };
}

async function parallel(pool, jobs, width = 2) {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: width }, async () => {
      const c = await pool.connect();
      try {
        await c.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0; SET work_mem = '64MB'");
        for (let job = queue.shift(); job; job = queue.shift()) await job(c);
      } finally {
        c.release();
      }
    }),
  );
}

/** Batches of ~`size` rows, so progress shows and no statement runs for minutes. */
function batches(total, size, make) {
  const out = [];
  for (let from = 0; from < total; from += size) out.push(make(from, Math.min(total, from + size)));
  return out;
}

export async function seed(url, scale, log) {
  const n = counts(scale);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const timings = {};
  const t0 = Date.now();
  const lap = (name, since) => (timings[name] = Math.round((Date.now() - since) / 100) / 10);
  try {
    const c = await pool.connect();
    let existing, tables, pipeline, stages, cons, idx, masks;
    try {
    existing = new Set((await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.table_name));
    tables = ['customers', 'customer_search_terms', 'contacts', 'contact_consents', 'activities', 'opportunities', 'orders', 'service_cases', 'case_events'].filter((t) => existing.has(t));
    pipeline = (await c.query('SELECT id FROM pipelines WHERE is_default')).rows[0].id;
    stages = (await c.query('SELECT id, kind FROM pipeline_stages WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position', [pipeline])).rows;
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await c.query(helpersSql(n.customers));
    await c.query(usersSql(hash));
    ({ cons, idx } = await keysAndIndexes(c, tables));
    for (const k of cons.filter((k) => k.contype === 'f')) await c.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.conname}"`);
    for (const k of cons.filter((k) => k.contype !== 'f')) await c.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.conname}"`);
    for (const i of idx) await c.query(`DROP INDEX ${i.name}`);
    // The revenue rollup's triggers would aggregate each 500k-row batch on two connections at
    // once; the load goes around them and the rollup is rebuilt from all orders afterwards.
    if (existing.has('revenue_rollup')) for (const op of ['ins', 'upd', 'del']) await c.query(`ALTER TABLE orders DISABLE TRIGGER orders_revenue_rollup_${op}`);
    // Likewise the consents' triggers that fold them into the contacts' masks: contactsSql writes the masks itself.
    masks = (await c.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'contacts' AND column_name = 'consent_opt_in'`)).rowCount > 0;
    if (masks) for (const op of ['ins', 'upd', 'del']) await c.query(`ALTER TABLE contact_consents DISABLE TRIGGER contact_consents_masks_${op}`);
    } finally {
      c.release();
    }

    let t = Date.now();
    const step = (name, sql) => async (cl) => {
      const s = Date.now();
      const r = await cl.query(sql);
      log(`  ${name}: ${r.rowCount} rows in ${((Date.now() - s) / 1000).toFixed(1)} s`);
    };
    const B = 250_000;
    const load = [
      ...batches(n.customers, B, (a, b) => step(`customers ${a}-${b}`, customersSql(n.customers, a, b))),
      ...batches(n.activities, 2 * B, (a, b) => step(`activities ${a}-${b}`, activitiesSql(n.customers, a, b))),
      ...batches(n.contacts, 2 * B, (a, b) => step(`contacts ${a}-${b}`, contactsSql(n.customers, a, b, masks))),
      ...batches(n.contacts, 2 * B, (a, b) => step(`consents ${a}-${b}`, consentsSql(a, b))),
      ...batches(n.opportunities, B, (a, b) => step(`opportunities ${a}-${b}`, opportunitiesSql(n.customers, a, b, pipeline, stages))),
      ...(existing.has('orders') ? batches(n.orders, 2 * B, (a, b) => step(`orders ${a}-${b}`, ordersSql(n.customers, a, b))) : []),
      ...(existing.has('service_cases') ? batches(n.cases, B, (a, b) => step(`cases ${a}-${b}`, casesSql(n.customers, a, b))) : []),
      ...(existing.has('case_events') ? batches(n.cases, B, (a, b) => step(`case events ${a}-${b}`, caseEventsSql(a, b))) : []),
    ];
    await parallel(pool, load);
    lap('load_s', t);
    t = Date.now();
    // Keys first (foreign keys need them), then the secondary indexes, biggest first.
    await parallel(pool, cons.filter((k) => k.contype !== 'f').map((k) => step(`key ${k.conname}`, `ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.conname}" ${k.def}`)));
    const order = { activities: 0, orders: 1, contacts: 2, customers: 3, opportunities: 4 };
    await parallel(pool, [...idx].sort((a, b) => (order[a.tbl] ?? 9) - (order[b.tbl] ?? 9)).map((i) => step(`index ${i.name}`, i.def)));
    await parallel(pool, cons.filter((k) => k.contype === 'f').map((k) => step(`fk ${k.conname}`, `ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.conname}" ${k.def}`)));
    lap('indexes_s', t);
    if (existing.has('revenue_rollup')) {
      t = Date.now();
      await parallel(pool, [step('revenue rollup', `SELECT revenue_rollup_rebuild()`)], 1);
      for (const op of ['ins', 'upd', 'del']) await pool.query(`ALTER TABLE orders ENABLE TRIGGER orders_revenue_rollup_${op}`);
      lap('rollups_s', t);
    }
    if (masks) for (const op of ['ins', 'upd', 'del']) await pool.query(`ALTER TABLE contact_consents ENABLE TRIGGER contact_consents_masks_${op}`);
    t = Date.now();
    await parallel(pool, [...tables, ...(existing.has('revenue_rollup') ? ['revenue_rollup'] : []), 'users', 'departments', 'teams', 'team_members'].map((tb) => step(`analyze ${tb}`, `VACUUM (ANALYZE) ${tb}`)));
    lap('analyze_s', t);
    lap('total_s', t0);
    return { seedVersion: SEED_VERSION, counts: { ...n, orders: existing.has('orders') ? n.orders : 'not built yet', cases: existing.has('service_cases') ? n.cases : 'not built yet' }, timings };
  } finally {
    await pool.end();
  }
}

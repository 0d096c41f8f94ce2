// Who calls and with what: a rep of team 0 (team scope), the manager of department 0
// (department scope), a marketer (the built-in marketing role: the whole company), ids from
// the rep's scope, the default pipeline, search words.
import { BENCH_PASSWORD } from './seed.mjs';
import { login } from './api.mjs';

export async function fixtures(pool, apiUrl) {
  const q = async (sql, params) => (await pool.query(sql, params)).rows;
  const rep = (await q(`SELECT id FROM users WHERE email = 'rep0@bench.kehu.local'`))[0].id;
  const team = (await q('SELECT DISTINCT user_id FROM team_members WHERE team_id IN (SELECT team_id FROM team_members WHERE user_id = $1) ORDER BY user_id', [rep])).map((r) => r.user_id);
  const manager = (await q(`SELECT id, department_id FROM users WHERE email = 'manager0@bench.kehu.local'`))[0];
  const departments = (await q(`SELECT id FROM departments WHERE path LIKE (SELECT path FROM departments WHERE id = $1) || '%' ORDER BY id`, [manager.department_id])).map((r) => r.id);
  const sample = await q(`SELECT id, name_key FROM customers WHERE owner_id = ANY($1) AND deleted_at IS NULL ORDER BY md5(id::text) LIMIT 1000`, [team]);
  const pipelineId = (await q('SELECT id FROM pipelines WHERE is_default'))[0].id;
  const zh = [...new Set(sample.map((r) => r.name_key).filter((k) => /^[\u4e00-\u9fff]{3}$/.test(k)).map((k) => k.slice(0, 2)))].slice(0, 20);
  const latin = [...new Set(sample.map((r) => r.name_key).filter((k) => /^[a-z]/.test(k)).map((k) => k.slice(0, 4)))].slice(0, 20);
  // Added on first use (the seeder predates the marketing module), with the reps' password.
  await q(
    `WITH u AS (INSERT INTO users (id, email, name, locale, password_hash, department_id)
                SELECT bench.uuid('marketing0'), 'marketing0@bench.kehu.local', '市场专员', 'zh-CN', password_hash, NULL FROM users
                 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users WHERE email = 'marketing0@bench.kehu.local') RETURNING id)
     INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM u, roles r WHERE r.key = 'marketing'`,
    [rep],
  );
  // A service agent of department 0 (department scope on cases), added the same way.
  await q(
    `WITH u AS (INSERT INTO users (id, email, name, locale, password_hash, department_id)
                SELECT bench.uuid('agent0'), 'agent0@bench.kehu.local', '客服专员', 'zh-CN', password_hash, $2 FROM users
                 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users WHERE email = 'agent0@bench.kehu.local') RETURNING id)
     INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM u, roles r WHERE r.key = 'service_agent'`,
    [rep, manager.department_id],
  );
  const hasCases = (await q(`SELECT to_regclass('service_cases') IS NOT NULL AS ok`))[0].ok;
  const caseIds = hasCases ? (await q(`SELECT id FROM service_cases WHERE department_id = $1 AND deleted_at IS NULL ORDER BY md5(id::text) LIMIT 1000`, [manager.department_id])).map((r) => r.id) : [];
  const [repToken, managerToken, marketerToken, agentToken] = await Promise.all(['rep0', 'manager0', 'marketing0', 'agent0'].map((u) => login(apiUrl, `${u}@bench.kehu.local`, BENCH_PASSWORD)));
  return {
    rep: { id: rep, team, headers: { authorization: `Bearer ${repToken}` } },
    manager: { id: manager.id, departments, headers: { authorization: `Bearer ${managerToken}` } },
    marketer: { headers: { authorization: `Bearer ${marketerToken}` } },
    agent: { departmentId: manager.department_id, headers: { authorization: `Bearer ${agentToken}` } },
    caseIds,
    customerIds: sample.map((r) => r.id),
    pipelineId,
    words: { zh: zh.length ? zh : ['瑞泰'], latin: latin.length ? latin : ['nova'] },
    list: { grade: 'C', province: '广东' },
  };
}

// Segment count over 2M contacts, as the segment editor's live count asks for it
// (POST /segments/preview): contacts at customers in 广东 or 浙江 who opted in to e-mail.
// Twice: by the manager of department 0 (department scope) and by a marketer (the built-in
// marketing role: the whole company, the segment's everyday user). Beside each, the one
// statement it compiles to (consents read as the contacts' channel bits).
const provinces = ['广东', '浙江'];
const rules = { match: 'all', conditions: [{ field: 'province', op: 'in', values: provinces }, { field: 'consent', op: 'optedIn', channel: 'email' }] };
const body = JSON.stringify({ targetType: 'contact', rules });

const sql = (scoped) => `SELECT count(*)::int AS n FROM contacts ct JOIN customers c ON c.id = ct.customer_id
  WHERE ct.deleted_at IS NULL AND c.deleted_at IS NULL AND c.province = ANY($1::text[])
    AND (ct.consent_opt_in & contact_channel_bit('email')) <> 0
    ${scoped ? 'AND c.department_id = ANY($2::uuid[])' : ''}`;

const scenario = (name, who, title) => ({
  name,
  title: `Segment count over 2M contacts: province in (广东, 浙江) + e-mail opted in (${title}, live preview)`,
  target: '≤ 500 ms (p95 at c=1)',
  met: (r) => r.c1.p95 <= 500,
  latencyOnly: true,
  async setup({ fx, call, api }) {
    const headers = { ...fx[who].headers, 'content-type': 'application/json' };
    const probe = await call(api.url, { method: 'POST', path: '/api/v1/segments/preview', headers, body });
    if (probe.status !== 200) throw new Error(`preview: ${probe.status} ${probe.body}`);
    const scoped = who === 'manager';
    return {
      note: `${JSON.parse(probe.body).count} contacts in the ${who}'s scope`,
      request: () => ({ method: 'POST', path: '/api/v1/segments/preview', headers, body }),
      sql: (c) => c.query({ name, text: sql(scoped), values: scoped ? [provinces, fx.manager.departments] : [provinces] }),
    };
  },
});

export default [scenario('segment-count', 'manager', 'department scope'), scenario('segment-count-all', 'marketer', 'whole company')];

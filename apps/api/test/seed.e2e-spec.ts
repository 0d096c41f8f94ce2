import { PasswordService } from '@kehu/server-identity';
import { cloneTemplate } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kehu/server-core';
import { appSchema } from '../src/app.schema';
import { seedDemoOrganisation } from '../src/seed/demo-organisation';

async function seedInto(seed: number) {
  const db = await cloneTemplate(process.env.TEST_DATABASE_URL!, process.env.KEHU_TEST_TEMPLATE!);
  const ds = await new DataSource(dataSourceOptions(db.url, appSchema, 2)).initialize();
  try {
    const summary = await ds.transaction((m) => seedDemoOrganisation(m, { size: 'small', seed }, new PasswordService()));
    const users = await ds.query(`SELECT u.name, u.email, d.name AS dept, r.key AS role FROM users u JOIN departments d ON d.id = u.department_id JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id ORDER BY u.email`);
    const customers = await ds.query(`SELECT c.name, c.name_key, c.phone, c.owner_id IS NOT NULL AS owner_id, c.department_id IS NOT NULL AS department_id, (SELECT count(*)::int FROM contacts k WHERE k.customer_id = c.id) AS contacts FROM customers c ORDER BY c.name, c.phone`);
    const repsWithoutTeam = await ds.query(`SELECT count(*)::int AS n FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id AND r.key = 'sales_rep' WHERE NOT EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = u.id)`);
    const [cases] = await ds.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE response_due_at IS NULL)::int AS "withoutDue", count(DISTINCT status)::int AS statuses FROM service_cases`);
    const second = await ds.transaction((m) => seedDemoOrganisation(m, { size: 'small', seed }, new PasswordService())).then(() => 'seeded twice', (e: Error) => e.message);
    return { summary, users, customers, cases, repsWithoutTeam: repsWithoutTeam[0].n, second };
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

describe('npm run seed (demo organisation)', () => {
  it('builds a realistic, deterministic organisation and refuses to seed twice', async () => {
    const a = await seedInto(42);
    const b = await seedInto(42);
    expect(a.summary).toMatchObject({ departments: 12, teams: 6, users: 30, sales: { customers: 18 * 8 } });
    expect(a.summary.sales).toEqual(b.summary.sales);
    expect(a.customers).toEqual(b.customers);
    expect(a.customers.every((c: { owner_id: string; department_id: string }) => c.owner_id && c.department_id)).toBe(true);
    expect(a.summary.sales!.opportunities).toBeGreaterThan(20);
    // Two service people with 16 cases each, all with SLA due times from the seeded policy.
    expect(a.summary.service).toMatchObject({ cases: 32, serviceContracts: 6 });
    expect(a.summary.service!.workOrders).toBeGreaterThan(0);
    expect(a.summary.service).toEqual(b.summary.service);
    expect(a.cases).toEqual({ n: 32, withoutDue: 0, statuses: 5 });
    expect(a.users).toEqual(b.users);
    expect(a.users.some((u: { name: string }) => /[\u4e00-\u9fa5]/.test(u.name))).toBe(true);
    expect(a.users.some((u: { name: string }) => /^[A-Za-z' .-]+$/.test(u.name))).toBe(true);
    expect(a.repsWithoutTeam).toBe(0);
    expect(a.second).toMatch(/already there/);
  });
});

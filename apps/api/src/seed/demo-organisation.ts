import { fakerEN, fakerZH_CN, type Faker } from '@faker-js/faker';
import { Department, PasswordService, Role, syncBuiltInRoles, Team, TeamMember, User, UserRole } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { seedDemoSalesData, type DemoRep, type SalesDataSummary } from './demo-sales-data';
import { seedDemoFieldService, type FieldServiceSummary } from './demo-field-service';
import { seedDemoServiceData, type ServiceDataSummary } from './demo-service-data';
import { seedSizes, type SeedOptions } from './seed-options';

export const DEMO_PASSWORD = 'Demo-pass-2026';
const ROOT_NAME = '客户演示公司 Kehu Demo Co.';

const regions = [
  { zh: '华东大区', en: 'East China' },
  { zh: '华南大区', en: 'South China' },
  { zh: '华北大区', en: 'North China' },
  { zh: '西部大区', en: 'West China' },
  { zh: '海外事业部', en: 'International' },
];
const units = ['直销一部', '直销二部', '渠道部', '大客户部'];

export interface SeedSummary {
  departments: number;
  users: number;
  teams: number;
  logins: { role: string; email: string }[];
  sales?: SalesDataSummary;
  service?: ServiceDataSummary & FieldServiceSummary;
}

/**
 * A demo organisation: company → regions → sales departments, each with a manager, a team
 * and reps, plus marketing, service and a data-entry clerk. Deterministic for a given seed.
 * Later modules add their demo records (customers, deals, cases …) here.
 */
export async function seedDemoOrganisation(m: EntityManager, options: SeedOptions, passwords: PasswordService): Promise<SeedSummary> {
  if (await m.exists(Department, { where: { name: ROOT_NAME } })) throw new Error('The demo organisation is already there; seed an empty database.');
  const size = seedSizes[options.size];
  fakerZH_CN.seed(options.seed);
  fakerEN.seed(options.seed);
  const hash = await passwords.hash(DEMO_PASSWORD);
  await syncBuiltInRoles(m);
  const roles = Object.fromEntries((await m.find(Role)).map((r) => [r.key, r.id]));
  const summary: SeedSummary = { departments: 0, users: 0, teams: 0, logins: [] };

  const addDepartment = async (name: string, parent: Department | null, modules?: string[]) => {
    const id = fakerEN.string.uuid();
    const dept = m.create(Department, { id, name, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, ...(modules ? { modules } : {}) });
    await m.insert(Department, dept);
    summary.departments++;
    return dept;
  };
  const addUser = async (dept: Department, role: string, index: number, f: Faker, english: boolean) => {
    const name = english ? f.person.fullName() : `${f.person.lastName()}${f.person.firstName()}`;
    const email = `${role.replace(/_/g, '.')}${index}@demo.kehu.local`;
    const id = f.string.uuid();
    await m.insert(User, { id, email, name, phone: `+86139${String(f.number.int({ min: 10_000_000, max: 99_999_999 }))}`, locale: english ? 'en' : 'zh-CN', passwordHash: hash, departmentId: dept.id });
    await m.insert(UserRole, { userId: id, roleId: roles[role] });
    summary.users++;
    if (!summary.logins.some((l) => l.role === role)) summary.logins.push({ role, email });
    return id;
  };

  const reps: DemoRep[] = [];
  const company = await addDepartment(ROOT_NAME, null);
  let n = 0;
  for (const region of regions.slice(0, size.regions)) {
    const english = region.en === 'International';
    const f = english ? fakerEN : fakerZH_CN;
    const regionDept = await addDepartment(english ? region.en : region.zh, company);
    for (const unit of units.slice(0, size.departmentsPerRegion)) {
      const dept = await addDepartment(english ? `${region.en} ${fakerEN.commerce.department()}` : `${region.zh.slice(0, 2)}${unit}`, regionDept);
      const managerId = await addUser(dept, 'sales_manager', ++n, f, english);
      await m.update(Department, dept.id, { managerId });
      const team = await m.save(Team, { name: english ? `${dept.name} team` : `${dept.name}一组`, departmentId: dept.id, managerId });
      summary.teams++;
      for (let i = 0; i < size.repsPerDepartment; i++) {
        const rep = await addUser(dept, 'sales_rep', ++n, f, english);
        reps.push({ id: rep, departmentId: dept.id, faker: f });
        await m.insert(TeamMember, { teamId: team.id, userId: rep });
      }
      await m.insert(TeamMember, { teamId: team.id, userId: managerId });
    }
  }
  // Functions that sit beside sales; service is not yet rolled out to marketing (成熟一个上线一个).
  const marketing = await addDepartment('市场部 Marketing', company, ['marketing', 'analytics']);
  const service = await addDepartment('客户服务部 Customer Service', company, ['service', 'sales']);
  await addUser(marketing, 'marketing', 1, fakerZH_CN, false);
  const serviceManager = await addUser(service, 'service_manager', 1, fakerZH_CN, false);
  const serviceAgent = await addUser(service, 'service_agent', 1, fakerZH_CN, false);
  const technician = await addUser(service, 'technician', 1, fakerZH_CN, false);
  await addUser(company, 'analyst', 1, fakerEN, true);
  await addUser(company, 'clerk', 1, fakerZH_CN, false);
  summary.sales = await seedDemoSalesData(m, reps, size.customersPerRep);
  const agents = [serviceAgent, serviceManager].map((id) => ({ id, departmentId: service.id }));
  summary.service = { ...(await seedDemoServiceData(m, agents, size.customersPerRep * 2, fakerZH_CN)), ...(await seedDemoFieldService(m, { id: technician, departmentId: service.id }, serviceManager)) };
  return summary;
}

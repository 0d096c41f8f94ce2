import { testPeople, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';

/**
 * The people and customers case tests use: an east and a west service department, each
 * with agents (department scope on cases) and a technician, the east one with a manager; a sales rep
 * with no service permission; two customers (one with a contact) every agent may see.
 */
export interface CasesWorld {
  admin: Auth;
  eastAgent: Auth;
  eastAgent2: Auth;
  westAgent: Auth;
  eastManager: Auth;
  rep: Auth;
  technician: Auth;
  westTechnician: Auth;
  ids: { eastAgent: string; eastAgent2: string; westAgent: string; eastManager: string; technician: string; westTechnician: string; east: string; west: string; customer: string; customer2: string; contact: string; otherContact: string };
}
export type Auth = Record<string, string>;

export async function buildCasesWorld(t: TestApp): Promise<CasesWorld> {
  const { admin, post, user } = await testPeople(t);
  const east = (await post('/api/v1/departments', { name: '华东服务' })).id as string;
  const west = (await post('/api/v1/departments', { name: '西部服务' })).id as string;
  const eastAgent = await user('east-agent', ['service_agent'], east);
  const eastAgent2 = await user('east-agent-2', ['service_agent'], east);
  const westAgent = await user('west-agent', ['service_agent'], west);
  const eastManager = await user('east-manager', ['service_manager'], east);
  const rep = await user('rep', ['sales_rep'], east);
  const technician = await user('east-technician', ['technician'], east);
  const westTechnician = await user('west-technician', ['technician'], west);

  const ds = t.app.get(DataSource);
  const customer = async (name: string) => (await ds.query(`INSERT INTO customers (name, name_key, source) VALUES ($1, $1, 'other') RETURNING id`, [name]))[0].id as string;
  const c1 = await customer('上海打印科技');
  const c2 = await customer('杭州复印服务');
  const contact = async (customerId: string, name: string) => (await ds.query(`INSERT INTO contacts (customer_id, name) VALUES ($1, $2) RETURNING id`, [customerId, name]))[0].id as string;
  return {
    admin,
    eastAgent: eastAgent.auth,
    eastAgent2: eastAgent2.auth,
    westAgent: westAgent.auth,
    eastManager: eastManager.auth,
    rep: rep.auth,
    technician: technician.auth,
    westTechnician: westTechnician.auth,
    ids: { eastAgent: eastAgent.id, eastAgent2: eastAgent2.id, westAgent: westAgent.id, eastManager: eastManager.id, technician: technician.id, westTechnician: westTechnician.id, east, west, customer: c1, customer2: c2, contact: await contact(c1, '王经理'), otherContact: await contact(c2, '李工') },
  };
}

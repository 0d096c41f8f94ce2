import { testPeople, type TestApp } from '@kehu/server-testing';

/**
 * The people knowledge-base tests act as: a service manager per department (manage scope
 * department), a service agent (reads only) and a technician (read scope own) in the east.
 */
export interface KnowledgeWorld {
  admin: Auth;
  eastManager: Auth;
  eastManagerId: string;
  westManager: Auth;
  agent: Auth;
  agentId: string;
  otherAgent: Auth;
  technician: Auth;
  east: string;
  west: string;
}
export type Auth = Record<string, string>;

export async function buildKnowledgeWorld(t: TestApp): Promise<KnowledgeWorld> {
  const { admin, post, user } = await testPeople(t);
  const east = (await post('/api/v1/departments', { name: '华东服务部' })).id as string;
  const west = (await post('/api/v1/departments', { name: '西部服务部' })).id as string;
  const eastManager = await user('east-service-manager', ['service_manager'], east);
  const westManager = await user('west-service-manager', ['service_manager'], west);
  const agent = await user('service-agent', ['service_agent'], east);
  const otherAgent = await user('service-agent-2', ['service_agent'], west);
  const technician = await user('technician', ['technician'], east);
  return {
    admin,
    eastManager: eastManager.auth,
    eastManagerId: eastManager.id,
    westManager: westManager.auth,
    agent: agent.auth,
    agentId: agent.id,
    otherAgent: otherAgent.auth,
    technician: technician.auth,
    east,
    west,
  };
}

import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootCustomersApp } from './customers-test-kit';

const PASSWORD = 'Rep-pass-12345';

export type Auth = Record<string, string>;

/** Two regions: in East a rep, a colleague and their manager; in West a rep. */
export interface ContactsWorld {
  t: TestApp;
  ds: DataSource;
  admin: Auth;
  east: string;
  rep: Auth;
  repId: string;
  mate: Auth;
  mateId: string;
  manager: Auth;
  westRep: Auth;
  westRepId: string;
}

export async function bootContactsWorld(): Promise<ContactsWorld> {
  const t = await bootCustomersApp();
  const admin = { Authorization: `Bearer ${await t.login()}` };
  const post = async (url: string, body: object) => {
    const res = await t.http().post(url).set(admin).send(body);
    if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const east = (await post('/api/v1/departments', { name: '华东' })).id;
  const west = (await post('/api/v1/departments', { name: '西部' })).id;
  const user = async (email: string, roles: string[], departmentId: string) => {
    const u = await post('/api/v1/users', { email, name: email.split('@')[0], roles, password: PASSWORD, departmentId });
    return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
  };
  const rep = await user('rep@kehu.test', ['sales_rep'], east);
  const mate = await user('mate@kehu.test', ['sales_rep'], east);
  const manager = await user('manager@kehu.test', ['sales_manager'], east);
  const westRep = await user('west@kehu.test', ['sales_rep'], west);
  return { t, ds: t.app.get(DataSource), admin, east, rep: rep.auth, repId: rep.id, mate: mate.auth, mateId: mate.id, manager: manager.auth, westRep: westRep.auth, westRepId: westRep.id };
}

/** HTTP calls on /api/v1/contacts as one caller. */
export const contactsApi = (t: TestApp, auth: Auth) => ({
  customer: async (name: string) => {
    const res = await t.http().post('/api/v1/customers?allowDuplicate=true').set(auth).send({ name });
    if (res.status !== 201) throw new Error(`customer ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  },
  create: (body: object, query = '') => t.http().post(`/api/v1/contacts${query}`).set(auth).send(body),
  list: (query = '') => t.http().get(`/api/v1/contacts${query}`).set(auth),
  get: (id: string) => t.http().get(`/api/v1/contacts/${id}`).set(auth),
  patch: (id: string, version: number, body: object, query = '') => t.http().patch(`/api/v1/contacts/${id}${query}`).set(auth).set('If-Match', `"${version}"`).send(body),
  consents: (id: string, version: number, consents: object[]) => t.http().put(`/api/v1/contacts/${id}/consents`).set(auth).set('If-Match', `"${version}"`).send({ consents }),
  remove: (id: string) => t.http().delete(`/api/v1/contacts/${id}`).set(auth),
  restore: (id: string) => t.http().post(`/api/v1/contacts/${id}/restore`).set(auth),
  history: (id: string) => t.http().get(`/api/v1/contacts/${id}/history`).set(auth),
});

import type { TestApp } from './test-app';

export type Auth = Record<string, string>;

const PASSWORD = 'People-pass-1';
let seq = 0;

/**
 * The admin's hands in a test world: create records through the API (anything but 201
 * throws with the answer) and add users who are logged in at once. Every world that needs
 * departments and people of given roles builds them with this.
 */
export async function testPeople(t: TestApp) {
  const admin: Auth = { Authorization: `Bearer ${await t.login()}` };
  const post = async (url: string, body: object) => {
    const res = await t.http().post(url).set(admin).send(body);
    if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A user of the roles in the department (email unique per run), with a fresh token. */
  const user = async (name: string, roles: string[], departmentId?: string) => {
    const email = `${name}-${++seq}@kehu.test`;
    const id = (await post('/api/v1/users', { email, name, roles, password: PASSWORD, departmentId })).id as string;
    return { id, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } as Auth };
  };
  const department = async (name: string) => (await post('/api/v1/departments', { name })).id as string;
  return { admin, post, user, department };
}

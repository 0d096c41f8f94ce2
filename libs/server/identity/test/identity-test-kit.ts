import { coreEntities, coreMigrations } from '@kehu/server-core';
import { createTestApp, TEST_ADMIN, type TestApp } from '@kehu/server-testing';
import { IdentityModule, identityEntities, identityMigrations } from '../src';

export const identitySchema = { entities: [...coreEntities, ...identityEntities], migrations: [...coreMigrations, ...identityMigrations] };

export const bootIdentityApp = (env?: Record<string, string>) => createTestApp({ imports: [IdentityModule], schema: identitySchema, env });

export const PASSWORD = 'Rep-pass-12345';

/** Helpers that act through the API as a real admin would. */
export function adminKit(t: TestApp, adminToken: string) {
  const auth = { Authorization: `Bearer ${adminToken}` };
  return {
    auth,
    async department(name: string, parentId?: string): Promise<{ id: string; version: number }> {
      const res = await t.http().post('/api/v1/departments').set(auth).send({ name, ...(parentId ? { parentId } : {}) });
      if (res.status !== 201) throw new Error(`department ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async user(email: string, roles: string[], departmentId?: string): Promise<{ id: string; version: number; token: () => Promise<string> }> {
      const res = await t.http().post('/api/v1/users').set(auth).send({ email, name: email.split('@')[0], roles, password: PASSWORD, ...(departmentId ? { departmentId } : {}) });
      if (res.status !== 201) throw new Error(`user ${res.status} ${JSON.stringify(res.body)}`);
      return { ...res.body, token: () => t.login(email, PASSWORD) };
    },
    async role(key: string, permissions: Record<string, string>): Promise<{ id: string; version: number }> {
      const res = await t.http().post('/api/v1/roles').set(auth).send({ key, name: key, permissions });
      if (res.status !== 201) throw new Error(`role ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

export { TEST_ADMIN };

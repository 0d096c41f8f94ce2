import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordService } from './password.service';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** Inserts an active user holding built-in roles (straight SQL: these tests are not about user admin). */
export async function addTestUser(app: INestApplication, email: string, roles: string[], name = email.split('@')[0]): Promise<TestUser> {
  const ds = app.get(DataSource);
  const password = 'Test-pass-1234';
  const hash = await app.get(PasswordService).hash(password);
  const [{ id }] = await ds.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, name, hash]);
  await ds.query(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE key = ANY($2)`, [id, roles]);
  return { id, email, password };
}

/** Replaces a user's roles, as an admin would. */
export async function setTestUserRoles(app: INestApplication, userId: string, roles: string[]): Promise<void> {
  const ds = app.get(DataSource);
  await ds.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
  await ds.query(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE key = ANY($2)`, [userId, roles]);
}

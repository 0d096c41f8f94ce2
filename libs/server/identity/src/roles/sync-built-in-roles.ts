import type { EntityManager } from 'typeorm';
import { BUILT_IN_ROLES } from './permissions.constant';
import { Role } from './role.entity';

/** Upserts the built-in roles so their permissions follow the code (custom roles are untouched). */
export async function syncBuiltInRoles(m: EntityManager): Promise<void> {
  await m
    .createQueryBuilder()
    .insert()
    .into(Role)
    .values(BUILT_IN_ROLES.map((role) => ({ key: role.key, name: role.name, builtIn: true, permissions: role.permissions as never })))
    .orUpdate(['permissions', 'built_in'], ['key'])
    .execute();
}

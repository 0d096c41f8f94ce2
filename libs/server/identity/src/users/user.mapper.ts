import type { UserDto } from '@kehu/contracts';
import type { User } from './user.entity';

export function toUserDto(u: User, roles: string[], teamIds: string[]): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    locale: u.locale,
    active: u.active,
    departmentId: u.departmentId,
    roles,
    teamIds,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}

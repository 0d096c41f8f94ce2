import { Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('user_roles')
@Index('user_roles_role_idx', ['roleId'])
export class UserRole {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('uuid')
  roleId: string;
}

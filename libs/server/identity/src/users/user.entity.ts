import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

@Entity('users')
@Index('users_email_uq', ['email'], { unique: true, where: 'deleted_at IS NULL' })
@Index('users_department_idx', ['departmentId'])
export class User extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 10, default: 'zh-CN' })
  locale: string;

  /** argon2id hash; never leaves the server. */
  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;
}

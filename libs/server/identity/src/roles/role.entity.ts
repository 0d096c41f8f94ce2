import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DataScope } from '@kehu/contracts';

/** A named bundle of permissions, each with the data scope it covers. */
@Entity('roles')
@Index('roles_key_uq', ['key'], { unique: true })
export class Role {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `admin`, `sales_rep`, … or a custom key. */
  @Column({ type: 'varchar', length: 60 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'boolean', default: false })
  builtIn: boolean;

  /** `{ "sales.customer.read": "team", … }` */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  permissions: Record<string, DataScope>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

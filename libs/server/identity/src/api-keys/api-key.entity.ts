import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A long-lived bearer credential for integrations (`kehu_…`). Only the sha256 of the
 * secret is kept; a key is never edited, only revoked (the row stays for the audit trail).
 */
@Entity('api_keys')
@Index('api_keys_hash_uq', ['keyHash'], { unique: true })
@Index('api_keys_created_idx', ['createdAt', 'id'])
@Index('api_keys_owner_idx', ['ownerId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The secret's first characters, so people can tell their keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** sha256 (hex) of the whole secret. */
  @Column({ type: 'varchar', length: 64, select: false })
  keyHash: string;

  /** Permission names; each used with the owner's scope, never more than the owner holds. */
  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ type: 'int', default: 600 })
  rateLimitPerMinute: number;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Written at most once a minute per key (first request of each rate window). */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The admin who created the key; requests made with it act as this user. */
  @Column({ type: 'uuid' })
  ownerId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

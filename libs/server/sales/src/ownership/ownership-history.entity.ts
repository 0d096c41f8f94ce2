import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every change of a customer's owner (append-only): creation (a trigger writes it for every
 * insert path), claim, release, assignment, return by the job, move between pools.
 * The reason is a code + params, rendered in words per language when read.
 */
@Entity('ownership_history')
@Index('ownership_history_customer_idx', ['customerId', 'at', 'id'])
@Index('ownership_history_claims_idx', { synchronize: false })
export class OwnershipHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  fromOwnerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  toOwnerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  poolId: string | null;

  @Column({ type: 'varchar', length: 40 })
  reasonCode: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  reasonParams: Record<string, unknown>;

  /** The user who did it; null = the return job. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}

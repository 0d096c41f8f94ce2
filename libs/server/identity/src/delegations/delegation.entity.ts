import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 代录入: the clerk may act as the rep (header `X-On-Behalf-Of`) until `endsAt`.
 * Revoking keeps the row, so a clerk who used to hold a grant learns it ended
 * (DELEGATION_EXPIRED) and the history stays listable.
 */
@Entity('delegations')
@Index('delegations_clerk_rep_idx', ['clerkId', 'repId', 'endsAt'])
@Index('delegations_clerk_idx', ['clerkId', 'createdAt', 'id'])
@Index('delegations_rep_idx', ['repId', 'createdAt', 'id'])
@Index('delegations_created_idx', ['createdAt', 'id'])
export class Delegation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clerkId: string;

  @Column({ type: 'uuid' })
  repId: string;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * Owner capacity: for one user, or for each user of a department (the user's own row wins).
 * null = no limit.
 */
@Entity('ownership_limits')
@Index('ownership_limits_user_uq', ['userId'], { unique: true, where: 'user_id IS NOT NULL' })
@Index('ownership_limits_department_uq', ['departmentId'], { unique: true, where: 'department_id IS NOT NULL' })
export class OwnershipLimit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'integer', nullable: true })
  maxOwned: number | null;

  /** false: customers with a won opportunity do not count toward maxOwned. */
  @Column({ type: 'boolean', default: true })
  countWon: boolean;

  @Column({ type: 'integer', nullable: true })
  maxLocked: number | null;

  @VersionColumn({ default: 1 })
  version: number;
}

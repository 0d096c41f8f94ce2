import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { BusinessCalendarDto, SlaTargetDto } from '@kehu/contracts';

/** The company's SLA policy: one row (id 1), seeded by the migration, changed with If-Match. */
@Entity('sla_policies')
@Check('sla_policies_single_chk', 'id = 1')
export class SlaPolicy {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id: number;
  @Column({ type: 'jsonb' }) calendar: BusinessCalendarDto;
  @Column({ type: 'jsonb' }) targets: SlaTargetDto[];
  @Column({ type: 'integer', default: 7 }) autoCloseDays: number;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
  @Column({ type: 'integer', default: 1 }) version: number;
}

import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';
import { Customer } from '@kehu/server-customers';
import { ServiceCase } from '../cases/service-case.entity';

/**
 * A work order (派工单): a technician's visit to a customer site. The technician is the
 * owner for the data scope. The no-double-booking exclusion constraint and the indexes are
 * hand-written in the migration.
 */
@Entity('work_orders')
@Index('work_orders_number_uq', { synchronize: false })
@Index('work_orders_technician_start_idx', { synchronize: false })
@Index('work_orders_department_start_idx', { synchronize: false })
@Index('work_orders_start_idx', { synchronize: false })
@Index('work_orders_keyset_idx', { synchronize: false })
@Index('work_orders_case_idx', { synchronize: false })
@Index('work_orders_customer_idx', { synchronize: false })
@Index('work_orders_contract_idx', { synchronize: false })
@Check('work_orders_window_chk', 'scheduled_end > scheduled_start')
@Exclusion('work_orders_no_double_booking', `USING gist ("technician_id" WITH =, tstzrange("scheduled_start", "scheduled_end") WITH &&) WHERE (status IN ('scheduled', 'in_progress') AND deleted_at IS NULL)`)
export class WorkOrder extends RecordColumns {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) number: string;
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => ServiceCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_work_orders_case' })
  case?: ServiceCase;
  @Column({ type: 'uuid' }) customerId: string;
  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'FK_work_orders_customer' })
  customer?: Customer;
  @Column({ type: 'uuid', nullable: true }) serviceContractId: string | null;
  @Column({ type: 'uuid' }) technicianId: string;
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) address: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) instructions: string | null;
  @Column({ type: 'timestamptz' }) scheduledStart: Date;
  @Column({ type: 'timestamptz' }) scheduledEnd: Date;
  @Column({ type: 'varchar', length: 12, default: 'scheduled' }) status: string;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'text', nullable: true }) result: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) signedBy: string | null;
  @Column({ type: 'boolean', nullable: true }) billable: boolean | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) cancelReason: string | null;
}

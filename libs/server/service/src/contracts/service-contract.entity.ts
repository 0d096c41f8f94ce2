import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from '@kehu/server-customers';
import type { ContractSlaTargetDto } from '@kehu/contracts';
import { RecordColumns } from '@kehu/server-core';

/** A service contract (服务合同): a customer's entitlement for a term. Indexes are in the migration. */
@Entity('service_contracts')
@Index('service_contracts_number_uq', { synchronize: false })
@Index('service_contracts_keyset_idx', { synchronize: false })
@Index('service_contracts_owner_keyset_idx', { synchronize: false })
@Index('service_contracts_department_keyset_idx', { synchronize: false })
@Index('service_contracts_customer_idx', { synchronize: false })
@Index('service_contracts_end_date_idx', { synchronize: false })
@Index('service_contracts_start_date_idx', { synchronize: false })
@Check('service_contracts_term_chk', 'end_date >= start_date')
export class ServiceContract extends RecordColumns {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) number: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'uuid' }) customerId: string;
  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'FK_service_contracts_customer' })
  customer?: Customer;
  @Column({ type: 'varchar', length: 40, nullable: true }) level: string | null;
  @Column({ type: 'date' }) startDate: string;
  @Column({ type: 'date' }) endDate: string;
  @Column({ type: 'jsonb', default: () => `'[]'` }) slaTargets: ContractSlaTargetDto[];
  @Column({ type: 'integer', nullable: true }) visitsIncluded: number | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) notes: string | null;
  @Column({ type: 'uuid' }) ownerId: string;
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) terminatedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) terminationReason: string | null;
}

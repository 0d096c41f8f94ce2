import { Customer } from '@kehu/server-customers';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';
import { numericTransformer } from '../opportunities/opportunity.entity';

/**
 * A sales contract (销售合同) with a customer, optionally closing one of its opportunities.
 * Named `sales_contracts` so it cannot be confused with service contracts. Keyset and
 * partial indexes are hand-written in the migration.
 */
@Entity('sales_contracts')
@Index('sales_contracts_number_uq', { synchronize: false })
@Index('sales_contracts_keyset_idx', { synchronize: false })
@Index('sales_contracts_owner_keyset_idx', { synchronize: false })
@Index('sales_contracts_department_keyset_idx', { synchronize: false })
@Index('sales_contracts_customer_keyset_idx', { synchronize: false })
@Index('sales_contracts_status_keyset_idx', { synchronize: false })
@Index('sales_contracts_end_date_idx', { synchronize: false })
@Index('sales_contracts_signed_date_idx', { synchronize: false })
@Index('sales_contracts_renewal_due_idx', { synchronize: false })
export class SalesContract extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** An opportunity of the same customer (no foreign key: opportunities are keyed by (id, customer_id) and move on merges). */
  @Column({ type: 'uuid', nullable: true })
  opportunityId: string | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'date', nullable: true })
  signedDate: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: string;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** Set once by the renewal job (it only picks contracts where this is null). */
  @Column({ type: 'uuid', nullable: true })
  renewalOpportunityId: string | null;
}

/** The approval history: each submit / approve / reject / withdraw / terminate, who and when. */
@Entity('sales_contract_approvals')
@Index('sales_contract_approvals_contract_idx', ['contractId', 'createdAt'])
export class SalesContractApproval {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => SalesContract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: SalesContract;

  @Column({ type: 'varchar', length: 20 })
  decision: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

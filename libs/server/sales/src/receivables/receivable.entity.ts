import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { SalesContract } from '../contracts/sales-contract.entity';
import { numericTransformer } from '../opportunities/opportunity.entity';

/**
 * An instalment of a contract's receivable plan (回款计划). `received` is the sum of its
 * payments, kept in the same transaction as each payment so statuses and the overdue job
 * need no aggregate. The status is computed (pending / partial / paid / overdue by the clock).
 */
@Entity('receivable_instalments')
@Index('receivable_instalments_contract_idx', ['contractId', 'dueDate'])
@Index('receivable_instalments_open_due_idx', { synchronize: false })
export class ReceivableInstalment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => SalesContract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: SalesContract;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  received: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}

/**
 * Money received against an instalment (回款). Carries customer, owner and department as
 * they were when received, so targets and commissions sum it without joins.
 */
@Entity('payments')
@Index('payments_instalment_idx', ['instalmentId'])
@Index('payments_received_idx', ['receivedOn'])
@Index('payments_owner_received_idx', ['ownerId', 'receivedOn'])
@Index('payments_department_received_idx', ['departmentId', 'receivedOn'])
@Index('payments_customer_received_idx', ['customerId', 'receivedOn'])
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  instalmentId: string;

  @ManyToOne(() => ReceivableInstalment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instalment_id' })
  instalment?: ReceivableInstalment;

  @Column({ type: 'uuid' })
  contractId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 20 })
  method: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from '@kehu/server-customers';
import { RecordColumns } from '@kehu/server-core';

/**
 * A case (工单): a service request, complaint, dispute, return or field job of a customer,
 * handled by an agent (owner) under the SLA's two clocks, first response and resolution.
 * `service_cases` because "case" is an SQL keyword. Indexes are hand-written in the migration.
 */
@Entity('service_cases')
@Index('service_cases_number_uq', { synchronize: false })
@Index('service_cases_keyset_idx', { synchronize: false })
@Index('service_cases_owner_keyset_idx', { synchronize: false })
@Index('service_cases_department_keyset_idx', { synchronize: false })
@Index('service_cases_customer_keyset_idx', { synchronize: false })
@Index('service_cases_status_keyset_idx', { synchronize: false })
@Index('service_cases_priority_keyset_idx', { synchronize: false })
@Index('service_cases_due_keyset_idx', { synchronize: false })
@Index('service_cases_department_queue_idx', { synchronize: false })
@Index('service_cases_owner_queue_idx', { synchronize: false })
@Index('service_cases_breached_keyset_idx', { synchronize: false })
@Index('service_cases_subject_trgm_idx', { synchronize: false })
@Index('service_cases_response_due_idx', { synchronize: false })
@Index('service_cases_resolution_due_idx', { synchronize: false })
@Index('service_cases_resolved_idx', { synchronize: false })
@Index('service_cases_knowledge_idx', { synchronize: false })
@Index('service_cases_contract_idx', { synchronize: false })
@Check('service_cases_satisfaction_chk', 'satisfaction BETWEEN 1 AND 5')
export class ServiceCase extends RecordColumns {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) number: string;
  @Column({ type: 'varchar', length: 200 }) subject: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'varchar', length: 20 }) type: string;
  @Column({ type: 'varchar', length: 10 }) priority: string;
  @Column({ type: 'varchar', length: 10 }) status: string;
  @Column({ type: 'varchar', length: 10 }) channel: string;
  /** Merges move cases to the surviving customer. */
  @Column({ type: 'uuid' }) customerId: string;
  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'FK_service_cases_customer' })
  customer?: Customer;
  @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  /** The service contract in force when raised (its SLA targets replace the policy's); added by the service-contracts migration. */
  @Column({ type: 'uuid', nullable: true }) serviceContractId: string | null;
  @Column({ type: 'uuid' }) ownerId: string;
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  /** Whether the clocks count the calendar's working hours (else 7 × 24), fixed by the priority's target. */
  @Column({ type: 'boolean', default: true }) slaBusinessHours: boolean;
  @Column({ type: 'timestamptz', nullable: true }) responseDueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) firstRespondedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) responseBreachedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolutionDueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolutionBreachedAt: Date | null;
  /** Set while pending: the resolution clock stands still. */
  @Column({ type: 'timestamptz', nullable: true }) pausedAt: Date | null;
  /** Working minutes the resolution clock had left when it was paused. */
  @Column({ type: 'integer', nullable: true }) resolutionMinutesLeft: number | null;
  @Column({ type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ type: 'uuid', nullable: true }) knowledgeArticleId: string | null;
  @Column({ type: 'integer', default: 0 }) replyCount: number;
  @Column({ type: 'integer', default: 0 }) reopenCount: number;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'smallint', nullable: true }) satisfaction: number | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) satisfactionComment: string | null;
  @Column({ type: 'timestamptz', nullable: true }) satisfactionAt: Date | null;
}

/** One step of a case's history: replies, notes, status moves, assignments, breaches. Append-only. */
@Entity('case_events')
@Index('case_events_case_idx', { synchronize: false })
export class CaseEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => ServiceCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_case_events_case' })
  case?: ServiceCase;
  @Column({ type: 'varchar', length: 24 }) kind: string;
  @Column({ type: 'text', nullable: true }) body: string | null;
  @Column({ type: 'jsonb', nullable: true }) data: Record<string, unknown> | null;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}

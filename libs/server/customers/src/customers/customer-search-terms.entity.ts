import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Customer } from './customer.entity';

/**
 * The searchable text of each live customer, beside the customer row so that its GIN
 * indexes (bigrams for "contains", trigrams of the company key for the duplicate check) are
 * written only when a name changes. On `customers` they were rewritten by every non-HOT
 * update of the row — an owner change, a follow-up time — and were most of the cost of
 * moving customers (the pool return job). Kept in step by triggers on customers (see the
 * migrations): a row exists while the customer is live.
 */
@Entity('customer_search_terms')
@Index('customer_search_terms_bigrams_idx', { synchronize: false })
@Index('customer_search_terms_name_key_trgm_idx', { synchronize: false })
export class CustomerSearchTerms {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  // No foreign key: a trigger on customers deletes the terms with the customer (migration 1795622900000).
  @OneToOne(() => Customer, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** The customer's `name_key` (duplicate check). */
  @Column({ type: 'text' })
  nameKey: string;

  /** Name and short name (`customerSearchText`). */
  @Column({ type: 'text' })
  searchText: string;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';
import { numericTransformer } from '../opportunities/opportunity.entity';

/** A node of the product category tree; `path` (`/rootId/…/id/`) makes a subtree one indexed LIKE. */
@Entity('product_categories')
@Index('product_categories_path_idx', ['path'])
export class ProductCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 1000 })
  path: string;

  @Column({ type: 'smallint', default: 0 })
  position: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/**
 * A product of the catalogue (产品). The code is unique among live products and the ERP's
 * (externalSource, externalId) too — partial unique indexes in the migration.
 */
@Entity('products')
@Index('products_code_uq', { synchronize: false })
@Index('products_external_uq', { synchronize: false })
@Index('products_category_idx', { synchronize: false })
@Index('products_name_trgm_idx', { synchronize: false })
export class Product extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ type: 'varchar', length: 20, default: '个' })
  unit: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  listPrice: number;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  externalSource: string | null;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../opportunities/opportunity.entity';
import { Product } from '../products/product.entity';

/** Prices for customers of some grades and/or provinces (empty array = any). */
@Entity('price_lists')
export class PriceList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grades: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  provinces: string[];

  @Column({ type: 'smallint', default: 0 })
  priority: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

@Entity('price_list_items')
@Index('price_list_items_uq', ['priceListId', 'productId'], { unique: true })
@Index('price_list_items_product_idx', ['productId'])
export class PriceListItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  priceListId: string;

  @ManyToOne(() => PriceList, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'price_list_id' })
  priceList?: PriceList;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  price: number;
}

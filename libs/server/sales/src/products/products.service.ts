import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CreateProductDto, type ListProductsQuery, type Page, type ProductDto, type UpdateProductDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, likePattern, OutboxService, paginate, parseSort, restoreRow, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { Product, ProductCategory } from './product.entity';
import { toProductDto } from './product.mapper';
import { checkCurrency, isUniqueViolation } from './revenue-errors';

const id = { expression: 'p.id', key: 'id' };
const sorts = {
  code: { expression: 'p.code', key: 'code' },
  name: { expression: 'p.name', key: 'name' },
  listPrice: { expression: 'p.list_price', key: 'listPrice' },
  createdAt: { expression: 'p.created_at', key: 'createdAt' },
};

const codeTaken = (code: string) => new DomainException(ErrorCode.PRODUCT_CODE_TAKEN, `Product code ${code} is taken by another product.`, { extensions: { field: 'code' } });

/** The product catalogue (产品): company-wide, no data scope. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(q: ListProductsQuery): Promise<Page<ProductDto>> {
    const qb = this.ds.getRepository(Product).createQueryBuilder('p');
    if (q.deleted) qb.withDeleted().andWhere('p.deleted_at IS NOT NULL');
    if (q.categoryId) qb.andWhere(`p.category_id IN (SELECT c.id FROM product_categories c WHERE c.path LIKE (SELECT x.path FROM product_categories x WHERE x.id = :categoryId) || '%')`, { categoryId: q.categoryId });
    if (q.active !== undefined) qb.andWhere('p.active = :active', { active: q.active });
    if (q.q) qb.andWhere('(p.code ILIKE :q OR p.name ILIKE :q)', { q: likePattern(q.q) });
    const sort = parseSort(q.sort, sorts, 'code', id);
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, toProductDto);
  }

  async get(productId: string, manager: EntityManager = this.ds.manager): Promise<ProductDto> {
    const p = await manager.findOne(Product, { where: { id: productId } });
    if (!p) throw DomainException.notFound('Product');
    return toProductDto(p);
  }

  create(dto: CreateProductDto): Promise<ProductDto> {
    return this.tx.run(async (m) => {
      if ((dto.externalId === undefined) !== (dto.externalSource === undefined)) throw fieldError('externalSource', 'pair', 'externalId and externalSource go together');
      await this.checkCategory(m, dto.categoryId);
      await this.checkCode(m, dto.code);
      const record = {
        code: dto.code,
        name: dto.name,
        categoryId: dto.categoryId ?? null,
        unit: dto.unit ?? '个',
        listPrice: dto.listPrice,
        currency: checkCurrency(dto.currency) ?? 'CNY',
        active: dto.active ?? true,
        externalId: dto.externalId ?? null,
        externalSource: dto.externalSource ?? null,
      };
      let productId: string;
      try {
        productId = (await m.insert(Product, { ...record, createdBy: null })).identifiers[0].id as string;
      } catch (err) {
        if (isUniqueViolation(err, 'products_code_uq')) throw codeTaken(dto.code);
        if (isUniqueViolation(err, 'products_external_uq')) throw new DomainException(ErrorCode.ALREADY_EXISTS, 'A product with this externalSource/externalId exists.');
        throw err;
      }
      await this.audit.record(m, { action: 'create', entityType: 'product', entityId: productId, changes: diff({}, record) });
      await this.outbox.publish(m, { type: 'product.created', aggregateType: 'product', aggregateId: productId, payload: { code: record.code } });
      return this.get(productId, m);
    });
  }

  update(productId: string, version: number, dto: UpdateProductDto): Promise<ProductDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(productId, m);
      const changes: Partial<Product> = {};
      if (dto.code !== undefined && dto.code !== before.code) {
        await this.checkCode(m, dto.code);
        changes.code = dto.code;
      }
      if (dto.categoryId !== undefined) {
        await this.checkCategory(m, dto.categoryId ?? undefined);
        changes.categoryId = dto.categoryId;
      }
      for (const f of ['name', 'unit', 'listPrice', 'active'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      if (dto.currency !== undefined) changes.currency = checkCurrency(dto.currency);
      try {
        await updateVersioned(m, Product, productId, version, changes, 'Product');
      } catch (err) {
        if (isUniqueViolation(err, 'products_code_uq')) throw codeTaken(dto.code ?? '');
        throw err;
      }
      const after = await this.get(productId, m);
      const changed = diff(before as never, after as never);
      for (const k of ['version', 'updatedAt']) delete changed[k];
      await this.audit.record(m, { action: 'update', entityType: 'product', entityId: productId, changes: changed });
      await this.outbox.publish(m, { type: 'product.updated', aggregateType: 'product', aggregateId: productId, payload: { fields: Object.keys(changed) } });
      return after;
    });
  }

  /** To the recycle bin; orders keep their lines (description and price are copied). */
  remove(productId: string): Promise<void> {
    return this.tx.run(async (m) => {
      await softDeleteRow(m, Product, productId, 'Product');
      await this.audit.record(m, { action: 'delete', entityType: 'product', entityId: productId });
    });
  }

  /** Refused with PRODUCT_CODE_TAKEN when a live product took the code meanwhile. */
  restore(productId: string): Promise<ProductDto> {
    return this.tx.run(async (m) => {
      const p = await m.getRepository(Product).createQueryBuilder('p').withDeleted().where('p.id = :productId AND p.deleted_at IS NOT NULL', { productId }).getOne();
      if (!p) throw DomainException.notFound('Product');
      await this.checkCode(m, p.code);
      await restoreRow(m, Product, productId, 'Product');
      await this.audit.record(m, { action: 'restore', entityType: 'product', entityId: productId });
      return this.get(productId, m);
    });
  }

  private async checkCode(m: EntityManager, code: string): Promise<void> {
    if (await m.exists(Product, { where: { code } })) throw codeTaken(code);
  }

  private async checkCategory(m: EntityManager, categoryId: string | undefined): Promise<void> {
    if (categoryId && !(await m.exists(ProductCategory, { where: { id: categoryId } }))) throw fieldError('categoryId', 'exists', 'categoryId does not name a product category');
  }
}

import { Injectable } from '@nestjs/common';
import { ErrorCode, type CreateProductCategoryDto, type ProductCategoryDto, type UpdateProductCategoryDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, TransactionService } from '@kehu/server-core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Product, ProductCategory } from './product.entity';
import { toCategoryDto } from './product.mapper';

/** The product category tree (a handful of rows: listed whole, the SPA builds the tree). */
@Injectable()
export class ProductCategoriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ProductCategoryDto[]> {
    const rows = await this.ds.getRepository(ProductCategory).find({ order: { path: 'ASC', position: 'ASC' } });
    return rows.map(toCategoryDto);
  }

  create(dto: CreateProductCategoryDto): Promise<ProductCategoryDto> {
    return this.tx.run(async (m) => {
      let parentPath = '/';
      if (dto.parentId) {
        const parent = await m.findOne(ProductCategory, { where: { id: dto.parentId } });
        if (!parent) throw fieldError('parentId', 'exists', 'parentId does not name a category');
        parentPath = parent.path;
      }
      const id = (await m.query(`SELECT gen_random_uuid() AS id`))[0].id as string;
      await m.insert(ProductCategory, { id, name: dto.name, parentId: dto.parentId ?? null, path: `${parentPath}${id}/`, position: dto.position ?? 0 });
      await this.audit.record(m, { action: 'create', entityType: 'product_category', entityId: id, changes: diff({}, { name: dto.name, parentId: dto.parentId ?? null }) });
      return toCategoryDto(await m.findOneOrFail(ProductCategory, { where: { id } }));
    });
  }

  update(id: string, dto: UpdateProductCategoryDto): Promise<ProductCategoryDto> {
    return this.tx.run(async (m) => {
      const before = await m.findOne(ProductCategory, { where: { id } });
      if (!before) throw DomainException.notFound('Product category');
      const changes: Partial<ProductCategory> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.position !== undefined) changes.position = dto.position;
      if (Object.keys(changes).length) await m.update(ProductCategory, { id }, changes);
      await this.audit.record(m, { action: 'update', entityType: 'product_category', entityId: id, changes: diff(before as never, { ...before, ...changes } as never) });
      return toCategoryDto(await m.findOneOrFail(ProductCategory, { where: { id } }));
    });
  }

  /** Only an empty leaf: no sub-categories, no live products. */
  remove(id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const c = await m.findOne(ProductCategory, { where: { id } });
      if (!c) throw DomainException.notFound('Product category');
      if (await m.exists(ProductCategory, { where: { parentId: id } })) throw new DomainException(ErrorCode.CONFLICT, 'The category has sub-categories; move or delete them first.');
      if (await m.exists(Product, { where: { categoryId: id } })) throw new DomainException(ErrorCode.CONFLICT, 'The category holds products; move them first.');
      await m.delete(ProductCategory, { id });
      await this.audit.record(m, { action: 'delete', entityType: 'product_category', entityId: id });
    });
  }
}

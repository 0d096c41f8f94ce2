import type { ProductCategoryDto, ProductDto } from '@kehu/contracts';
import type { Product, ProductCategory } from './product.entity';

export const toCategoryDto = (c: ProductCategory): ProductCategoryDto => ({ id: c.id, name: c.name, parentId: c.parentId, path: c.path, position: c.position });

export function toProductDto(p: Product): ProductDto {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    categoryId: p.categoryId,
    unit: p.unit,
    listPrice: p.listPrice,
    currency: p.currency,
    active: p.active,
    externalId: p.externalId,
    externalSource: p.externalSource,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

import { BooleanField, NumberField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { MaxDecimals, RevenueLimits } from './money.decorator';

/** A node of the product category tree; `path` is `/rootId/…/id/` like departments. */
export class ProductCategoryDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '软件订阅' }) name: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ResponseField({ example: '/5c0…/' }) path: string;
  @ResponseField({ type: 'integer' }) position: number;
}

export class CreateProductCategoryDto {
  @StringField({ maxLength: 100, minLength: 1 }) name: string;
  @UuidField({ optional: true }) parentId?: string;
  @NumberField({ optional: true, int: true, min: 0, max: 10000 }) position?: number;
}

export class UpdateProductCategoryDto {
  @StringField({ optional: true, maxLength: 100, minLength: 1 }) name?: string;
  @NumberField({ optional: true, int: true, min: 0, max: 10000 }) position?: number;
}

export class ProductDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'CRM-PRO-Y' }) code: string;
  @ResponseField({ example: 'CRM 专业版年度订阅' }) name: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) categoryId: string | null;
  @ResponseField({ example: '套' }) unit: string;
  @ResponseField({ type: 'number', example: 12000 }) listPrice: number;
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField() active: boolean;
  @ResponseField({ type: String, nullable: true }) externalId: string | null;
  @ResponseField({ type: String, nullable: true }) externalSource: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateProductDto {
  /** Unique among live products (409 PRODUCT_CODE_TAKEN). */
  @StringField({ maxLength: RevenueLimits.codeMaxLength, minLength: 1, pattern: /^[A-Za-z0-9._\-/]+$/, example: 'CRM-PRO-Y' }) code: string;
  @StringField({ maxLength: RevenueLimits.nameMaxLength, minLength: 1 }) name: string;
  @UuidField({ optional: true }) categoryId?: string;
  /** Default 个. */
  @StringField({ optional: true, maxLength: RevenueLimits.unitMaxLength, minLength: 1 }) unit?: string;
  @NumberField({ min: 0, max: RevenueLimits.moneyMax, example: 12000 }) @MaxDecimals(2) listPrice: number;
  /** ISO 4217, default CNY. */
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  /** Default true. */
  @BooleanField({ optional: true }) active?: boolean;
  /** The ERP's id; unique per externalSource. */
  @StringField({ optional: true, maxLength: RevenueLimits.externalIdMaxLength, minLength: 1 }) externalId?: string;
  @StringField({ optional: true, maxLength: RevenueLimits.externalSourceMaxLength, minLength: 1 }) externalSource?: string;
}

export class UpdateProductDto {
  @StringField({ optional: true, maxLength: RevenueLimits.codeMaxLength, minLength: 1, pattern: /^[A-Za-z0-9._\-/]+$/ }) code?: string;
  @StringField({ optional: true, maxLength: RevenueLimits.nameMaxLength, minLength: 1 }) name?: string;
  @UuidField({ optional: true, nullable: true }) categoryId?: string | null;
  @StringField({ optional: true, maxLength: RevenueLimits.unitMaxLength, minLength: 1 }) unit?: string;
  @NumberField({ optional: true, min: 0, max: RevenueLimits.moneyMax }) @MaxDecimals(2) listPrice?: number;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @BooleanField({ optional: true }) active?: boolean;
}

export class ListProductsQuery extends PageQueryDto {
  /** The category and all its sub-categories. */
  @UuidField({ optional: true }) categoryId?: string;
  @QueryBooleanField() active?: boolean;
  /** Part of the code or name. */
  @StringField({ optional: true, maxLength: RevenueLimits.searchMaxLength }) q?: string;
  /** code, name, listPrice, createdAt; prefix - for descending. Default code. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
  /** The recycle bin (needs sales.product.manage). */
  @QueryBooleanField() deleted?: boolean;
}

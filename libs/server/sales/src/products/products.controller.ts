import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateProductCategoryDto, CreateProductDto, ListProductsQuery, PageDtoOf, ProblemDto, ProductCategoryDto, ProductDto, UpdateProductCategoryDto, UpdateProductDto, type Page } from '@kehu/contracts';
import { IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply } from '@kehu/server-core';
import { ProductCategoriesService } from './product-categories.service';
import { ProductsService } from './products.service';

const codeTaken = { type: ProblemDto, description: 'PRODUCT_CODE_TAKEN: another live product has this code; ALREADY_EXISTS: externalSource/externalId taken.' };
const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field (categoryId unknown, currency not ISO 4217, externalId without externalSource).' };

/** The product catalogue (产品): company-wide; read by everyone in sales, managed by admins. */
@ApiTags('products')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such product.' })
@RequireModule('sales')
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  /** Filters: category (with its sub-categories), active, q (code or name); sort code, name, listPrice, createdAt; keyset paging. */
  @Get()
  @RequirePermission('sales.product.read')
  @ApiOkResponse({ type: PageDtoOf(ProductDto) })
  listProducts(@Query() query: ListProductsQuery): Promise<Page<ProductDto>> {
    return this.products.list(query);
  }

  @Post()
  @RequirePermission('sales.product.manage')
  @ApiCreatedResponse({ type: ProductDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse(codeTaken)
  createProduct(@Body() dto: CreateProductDto): Promise<ProductDto> {
    return this.products.create(dto);
  }

  @Get(':id')
  @RequirePermission('sales.product.read')
  @ApiOkResponse({ type: ProductDto, description: 'ETag carries the version for If-Match.' })
  async getProduct(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<ProductDto> {
    const out = await this.products.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. */
  @Patch(':id')
  @RequirePermission('sales.product.manage')
  @ApiOkResponse({ type: ProductDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse(codeTaken)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateProduct(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateProductDto, @Res({ passthrough: true }) res: HttpReply): Promise<ProductDto> {
    const out = await this.products.update(id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** To the recycle bin (its code becomes free). */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.product.manage')
  @ApiNoContentResponse()
  async deleteProduct(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.products.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('sales.product.manage')
  @ApiOkResponse({ type: ProductDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'PRODUCT_CODE_TAKEN: a live product took the code meanwhile.' })
  restoreProduct(@Param('id', ParseUUIDPipe) id: string): Promise<ProductDto> {
    return this.products.restore(id);
  }
}

/** The product category tree: the whole list (the SPA builds the tree from parentId/path). */
@ApiTags('products')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such category.' })
@RequireModule('sales')
@Controller('product-categories')
export class ProductCategoriesController {
  constructor(private readonly categories: ProductCategoriesService) {}

  @Get()
  @RequirePermission('sales.product.read')
  @ApiOkResponse({ type: [ProductCategoryDto] })
  listProductCategories(): Promise<ProductCategoryDto[]> {
    return this.categories.list();
  }

  @Post()
  @RequirePermission('sales.product.manage')
  @ApiCreatedResponse({ type: ProductCategoryDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: parentId unknown.' })
  createProductCategory(@Body() dto: CreateProductCategoryDto): Promise<ProductCategoryDto> {
    return this.categories.create(dto);
  }

  @Patch(':id')
  @RequirePermission('sales.product.manage')
  @ApiOkResponse({ type: ProductCategoryDto })
  updateProductCategory(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProductCategoryDto): Promise<ProductCategoryDto> {
    return this.categories.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.product.manage')
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDto, description: 'CONFLICT: the category has sub-categories or products.' })
  async deleteProductCategory(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.categories.remove(id);
  }
}

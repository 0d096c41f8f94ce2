import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreatePriceListDto, PriceListDto, ProblemDto, ResolvedPriceDto, ResolvePriceQuery, UpdatePriceListDto } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { PriceListsService } from './price-lists.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field (grades not A–D, an item naming an unknown or repeated product, currency).' };

/** Price lists per customer grade and/or province (价格表). */
@ApiTags('products')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such price list.' })
@RequireModule('sales')
@Controller('price-lists')
export class PriceListsController {
  constructor(private readonly lists: PriceListsService) {}

  /** All price lists (without items). */
  @Get()
  @RequirePermission('sales.product.read')
  @ApiOkResponse({ type: [PriceListDto] })
  listPriceLists(): Promise<PriceListDto[]> {
    return this.lists.list();
  }

  /** The price an order line gets: the customer's best matching price list, else the list price. */
  @Get('resolve')
  @RequirePermission('sales.product.read')
  @ApiOkResponse({ type: ResolvedPriceDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such product, or the customer is not in your scope.' })
  resolvePrice(@CurrentPrincipal() p: Principal, @Query() q: ResolvePriceQuery): Promise<ResolvedPriceDto> {
    return this.lists.resolve(p, q.customerId, q.productId);
  }

  @Post()
  @RequirePermission('sales.product.manage')
  @ApiCreatedResponse({ type: PriceListDto })
  @ApiBadRequestResponse(badInput)
  createPriceList(@Body() dto: CreatePriceListDto): Promise<PriceListDto> {
    return this.lists.create(dto);
  }

  /** With items. */
  @Get(':id')
  @RequirePermission('sales.product.read')
  @ApiOkResponse({ type: PriceListDto })
  async getPriceList(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<PriceListDto> {
    const out = await this.lists.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match; items replaces all items. */
  @Patch(':id')
  @RequirePermission('sales.product.manage')
  @ApiOkResponse({ type: PriceListDto })
  @ApiBadRequestResponse(badInput)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updatePriceList(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdatePriceListDto, @Res({ passthrough: true }) res: HttpReply): Promise<PriceListDto> {
    const out = await this.lists.update(id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.product.manage')
  @ApiNoContentResponse()
  async deletePriceList(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.lists.remove(id);
  }
}

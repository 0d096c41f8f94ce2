import type {
  ChangeOrderStatusDto,
  CommissionRuleDto,
  CommissionStatementDto,
  ComputeCommissionStatementsResultDto,
  CustomerGradeDto,
  CreateCommissionRuleDto,
  CreateOrderDto,
  CreatePriceListDto,
  CreateProductCategoryDto,
  CreateProductDto,
  GradingRecomputeResultDto,
  GradingRuleSetDto,
  OrderDto,
  OverrideCustomerGradeDto,
  Page,
  PriceListDto,
  ProductCategoryDto,
  ProductDto,
  ResolvedPriceDto,
  UpdateCommissionRuleDto,
  UpdateGradingRuleSetDto,
  UpdateProductCategoryDto,
  UpdateOrderDto,
  UpdatePriceListDto,
  UpdateProductDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListOrdersParams = QueryOf<'listOrders'>;
export type ListProductsParams = QueryOf<'listProducts'>;

export const ordersApi = {
  list: (query: ListOrdersParams = {}) => body<Page<OrderDto>>(api.GET('/api/v1/orders', { params: { query: clean(query) } })),
  get: (id: string) => body<OrderDto>(api.GET('/api/v1/orders/{id}', byId(id))),
  create: (dto: CreateOrderDto) => body<OrderDto>(api.POST('/api/v1/orders', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateOrderDto) => body<OrderDto>(api.PATCH('/api/v1/orders/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  changeStatus: (id: string, dto: ChangeOrderStatusDto) => body<OrderDto>(api.POST('/api/v1/orders/{id}/status', { ...byId(id), body: dto as never })),
  remove: (id: string) => done(api.DELETE('/api/v1/orders/{id}', byId(id))),
  fromOpportunity: (opportunityId: string) => body<OrderDto>(api.POST('/api/v1/opportunities/{id}/order', byId(opportunityId))),
};

export const productsApi = {
  list: (query: ListProductsParams = {}) => body<Page<ProductDto>>(api.GET('/api/v1/products', { params: { query: clean(query) } })),
  create: (dto: CreateProductDto) => body<ProductDto>(api.POST('/api/v1/products', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateProductDto) => body<ProductDto>(api.PATCH('/api/v1/products/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/products/{id}', byId(id))),
  restore: (id: string) => body<ProductDto>(api.POST('/api/v1/products/{id}/restore', byId(id))),
  categories: () => body<ProductCategoryDto[]>(api.GET('/api/v1/product-categories')),
  createCategory: (dto: CreateProductCategoryDto) => body<ProductCategoryDto>(api.POST('/api/v1/product-categories', { body: dto as never })),
  updateCategory: (id: string, dto: UpdateProductCategoryDto) => body<ProductCategoryDto>(api.PATCH('/api/v1/product-categories/{id}', { ...byId(id), body: dto as never })),
  removeCategory: (id: string) => done(api.DELETE('/api/v1/product-categories/{id}', byId(id))),
  resolvePrice: (customerId: string, productId: string) => body<ResolvedPriceDto>(api.GET('/api/v1/price-lists/resolve', { params: { query: { customerId, productId } } })),
};

export const priceListsApi = {
  list: () => body<PriceListDto[]>(api.GET('/api/v1/price-lists')),
  get: (id: string) => body<PriceListDto>(api.GET('/api/v1/price-lists/{id}', byId(id))),
  create: (dto: CreatePriceListDto) => body<PriceListDto>(api.POST('/api/v1/price-lists', { body: dto as never })),
  update: (id: string, version: number, dto: UpdatePriceListDto) => body<PriceListDto>(api.PATCH('/api/v1/price-lists/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/price-lists/{id}', byId(id))),
};

export const gradingApi = {
  get: () => body<GradingRuleSetDto>(api.GET('/api/v1/grading-rules')),
  save: (version: number, dto: UpdateGradingRuleSetDto) => body<GradingRuleSetDto>(api.PUT('/api/v1/grading-rules', { body: dto as never, headers: ifMatch(version) })),
  recompute: () => body<GradingRecomputeResultDto>(api.POST('/api/v1/grading-rules/recompute')),
  /** A manual grade with a reason (locks it against the job); grade null hands the customer back to the rules. */
  override: (customerId: string, dto: OverrideCustomerGradeDto) => body<CustomerGradeDto>(api.POST('/api/v1/customers/{id}/grade', { ...byId(customerId), body: dto as never })),
};

export const commissionsApi = {
  rules: () => body<CommissionRuleDto[]>(api.GET('/api/v1/commission-rules')),
  createRule: (dto: CreateCommissionRuleDto) => body<CommissionRuleDto>(api.POST('/api/v1/commission-rules', { body: dto as never })),
  updateRule: (id: string, version: number, dto: UpdateCommissionRuleDto) => body<CommissionRuleDto>(api.PATCH('/api/v1/commission-rules/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  removeRule: (id: string) => done(api.DELETE('/api/v1/commission-rules/{id}', byId(id))),
  list: (query: QueryOf<'listCommissionStatements'> = {}) => body<Page<CommissionStatementDto>>(api.GET('/api/v1/commission-statements', { params: { query: clean(query) } })),
  get: (id: string) => body<CommissionStatementDto>(api.GET('/api/v1/commission-statements/{id}', byId(id))),
  compute: (period: string, userId?: string) => body<ComputeCommissionStatementsResultDto>(api.POST('/api/v1/commission-statements', { body: clean({ period, userId }) as never })),
  confirm: (id: string) => body<CommissionStatementDto>(api.POST('/api/v1/commission-statements/{id}/confirm', byId(id))),
  /** The CSV as the API answers it (UTF-8 with BOM), for a download link. */
  csv: (id: string) => api.GET('/api/v1/commission-statements/{id}', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' }).then((r) => r.data as unknown as Blob),
};

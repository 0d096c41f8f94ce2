import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CreatePriceListDto, type PriceListDto, type PriceListItemInputDto, type ResolvedPriceDto, type UpdatePriceListDto } from '@kehu/contracts';
import { AuditService, diff, DomainException, fieldError, type Principal, TransactionService } from '@kehu/server-core';
import { CustomersRepository } from '@kehu/server-customers';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Product } from '../products/product.entity';
import { checkCurrency } from '../products/revenue-errors';
import { PriceList, PriceListItem } from './price-list.entity';
import { PriceResolver } from './price-resolver';

const GRADES = ['A', 'B', 'C', 'D'];

function toDto(l: PriceList, items: PriceListItem[] = []): PriceListDto {
  return {
    id: l.id,
    name: l.name,
    currency: l.currency,
    grades: l.grades,
    provinces: l.provinces,
    priority: l.priority,
    active: l.active,
    items: items.map((i) => ({ productId: i.productId, price: i.price })),
    updatedAt: l.updatedAt.toISOString(),
    version: l.version,
  };
}

/** Price lists per customer grade and/or province (价格表); company-wide settings. */
@Injectable()
export class PriceListsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly resolver: PriceResolver,
    private readonly customers: CustomersRepository,
  ) {}

  async list(): Promise<PriceListDto[]> {
    const rows = await this.ds.getRepository(PriceList).find({ order: { name: 'ASC' } });
    return rows.map((l) => toDto(l));
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<PriceListDto> {
    const l = await m.findOne(PriceList, { where: { id } });
    if (!l) throw DomainException.notFound('Price list');
    return toDto(l, await m.find(PriceListItem, { where: { priceListId: id }, order: { productId: 'ASC' } }));
  }

  create(dto: CreatePriceListDto): Promise<PriceListDto> {
    return this.tx.run(async (m) => {
      this.checkGrades(dto.grades);
      const record = { name: dto.name, currency: checkCurrency(dto.currency) ?? 'CNY', grades: dto.grades ?? [], provinces: dto.provinces ?? [], priority: dto.priority ?? 0, active: dto.active ?? true };
      const id = (await m.insert(PriceList, record)).identifiers[0].id as string;
      await this.replaceItems(m, id, dto.items ?? []);
      const out = await this.get(id, m);
      await this.audit.record(m, { action: 'create', entityType: 'price_list', entityId: id, changes: diff({}, { ...record, items: out.items } as never) });
      return out;
    });
  }

  update(id: string, version: number, dto: UpdatePriceListDto): Promise<PriceListDto> {
    return this.tx.run(async (m) => {
      const before = await this.get(id, m);
      if (before.version !== version) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'Price list was changed by someone else; reload and try again.');
      this.checkGrades(dto.grades);
      const changes: Partial<PriceList> = {};
      for (const f of ['name', 'grades', 'provinces', 'priority', 'active'] as const) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      if (dto.currency !== undefined) changes.currency = checkCurrency(dto.currency);
      const res = await m
        .createQueryBuilder()
        .update(PriceList)
        .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (res.affected !== 1) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'Price list was changed by someone else; reload and try again.');
      if (dto.items !== undefined) await this.replaceItems(m, id, dto.items);
      const after = await this.get(id, m);
      const changed = diff(before as never, after as never);
      for (const k of ['version', 'updatedAt']) delete changed[k];
      await this.audit.record(m, { action: 'update', entityType: 'price_list', entityId: id, changes: changed });
      return after;
    });
  }

  remove(id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const res = await m.delete(PriceList, { id });
      if (!res.affected) throw DomainException.notFound('Price list');
      await this.audit.record(m, { action: 'delete', entityType: 'price_list', entityId: id });
    });
  }

  /** The price an order line for this customer would get. The customer must be in your scope. */
  async resolve(principal: Principal, customerId: string, productId: string): Promise<ResolvedPriceDto> {
    await this.customers.get(principal, customerId, 'sales.customer.read');
    const r = (await this.resolver.resolve(this.ds.manager, customerId, [productId])).get(productId);
    if (!r) throw DomainException.notFound('Product');
    return { productId, ...r };
  }

  private checkGrades(grades: string[] | undefined): void {
    if (grades?.some((g) => !GRADES.includes(g))) throw fieldError('grades', 'isGrade', 'grades must be among A, B, C, D');
  }

  private async replaceItems(m: EntityManager, priceListId: string, items: PriceListItemInputDto[]): Promise<void> {
    const ids = items.map((i) => i.productId);
    if (new Set(ids).size !== ids.length) throw fieldError('items', 'uniqueProduct', 'each product may appear once in a price list');
    if (ids.length && (await m.count(Product, { where: { id: In(ids) } })) !== ids.length) throw fieldError('items', 'productExists', 'items name a product that does not exist');
    await m.delete(PriceListItem, { priceListId });
    if (items.length) await m.insert(PriceListItem, items.map((i) => ({ priceListId, productId: i.productId, price: i.price })));
  }
}

import type { SalesParts } from './sales-parts';
import { CommissionRule, CommissionStatement, CommissionStatementLine } from './commissions/commission.entity';
import { CommissionRulesController, CommissionStatementsController } from './commissions/commissions.controller';
import { CommissionRulesService } from './commissions/commission-rules.service';
import { CommissionStatementsService } from './commissions/commission-statements.service';
import { GradingRule, GradingSettings } from './grading/grading.entity';
import { CustomerGradeController, GradingRulesController } from './grading/grading.controller';
import { GradingService } from './grading/grading.service';
import { Order, OrderLine, OrderStatusEvent } from './orders/order.entity';
import { OpportunityOrderController, OrdersController } from './orders/orders.controller';
import { OrdersMergeMover } from './orders/orders-merge.mover';
import { OrdersRepository } from './orders/orders.repository';
import { OrdersService } from './orders/orders.service';
import { PriceList, PriceListItem } from './price-lists/price-list.entity';
import { PriceListsController } from './price-lists/price-lists.controller';
import { PriceListsService } from './price-lists/price-lists.service';
import { PriceResolver } from './price-lists/price-resolver';
import { Product, ProductCategory } from './products/product.entity';
import { ProductCategoriesController, ProductsController } from './products/products.controller';
import { ProductCategoriesService } from './products/product-categories.service';
import { ProductsService } from './products/products.service';

/** Revenue: products, price lists, orders, grading and commissions — what SalesModule registers for them. */
export const revenueParts: SalesParts = {
  entities: [ProductCategory, Product, PriceList, PriceListItem, Order, OrderLine, OrderStatusEvent, CommissionRule, CommissionStatement, CommissionStatementLine, GradingRule, GradingSettings],
  controllers: [ProductsController, ProductCategoriesController, PriceListsController, OrdersController, OpportunityOrderController, GradingRulesController, CustomerGradeController, CommissionRulesController, CommissionStatementsController],
  providers: [ProductsService, ProductCategoriesService, PriceListsService, PriceResolver, OrdersService, OrdersRepository, OrdersMergeMover, GradingService, CommissionRulesService, CommissionStatementsService],
};

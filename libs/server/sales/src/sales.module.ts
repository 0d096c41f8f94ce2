import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesMergeMover } from './activities/activities-merge.mover';
import { SalesSearchSources } from './search/sales-search.sources';
import { ActivitiesRepository } from './activities/activities.repository';
import { ActivitiesService } from './activities/activities.service';
import { Activity } from './activities/activity.entity';
import { AssignmentRule } from './assignment-rules/assignment-rule.entity';
import { AssignmentRulesController } from './assignment-rules/assignment-rules.controller';
import { AssignmentRulesService } from './assignment-rules/assignment-rules.service';
import { LeadAssigner } from './assignment-rules/lead-assigner';
import { Lead } from './leads/lead.entity';
import { LeadDuplicates } from './leads/lead-duplicates';
import { LeadsController } from './leads/leads.controller';
import { LeadsMergeMover } from './leads/leads-merge.mover';
import { LeadsRepository } from './leads/leads.repository';
import { LeadsService } from './leads/leads.service';
import { Opportunity, OpportunityLineItem, OpportunityStageHistory } from './opportunities/opportunity.entity';
import { Pipeline, PipelineStage } from './pipelines/pipeline.entity';
import { OpportunitiesController } from './opportunities/opportunities.controller';
import { OpportunitiesMergeMover } from './opportunities/opportunities-merge.mover';
import { OpportunitiesRepository } from './opportunities/opportunities.repository';
import { OpportunitiesService } from './opportunities/opportunities.service';
import { PipelinesController } from './pipelines/pipelines.controller';
import { PipelinesService } from './pipelines/pipelines.service';

import { Product, ProductCategory } from './products/product.entity';
import { PriceList, PriceListItem } from './price-lists/price-list.entity';
import { Order, OrderLine, OrderStatusEvent } from './orders/order.entity';
import { CommissionRule, CommissionStatement, CommissionStatementLine } from './commissions/commission.entity';
import { GradingRule, GradingSettings } from './grading/grading.entity';

// revenue entities: products, price lists, orders, commissions, grading
const revenueEntities = [ProductCategory, Product, PriceList, PriceListItem, Order, OrderLine, OrderStatusEvent, CommissionRule, CommissionStatement, CommissionStatementLine, GradingRule, GradingSettings];

import { ProductsController, ProductCategoriesController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { ProductCategoriesService } from './products/product-categories.service';
import { PriceListsController } from './price-lists/price-lists.controller';
import { PriceListsService } from './price-lists/price-lists.service';
import { PriceResolver } from './price-lists/price-resolver';
import { OrdersController, OpportunityOrderController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { OrdersRepository } from './orders/orders.repository';
import { OrdersMergeMover } from './orders/orders-merge.mover';
import { GradingRulesController, CustomerGradeController } from './grading/grading.controller';
import { GradingService } from './grading/grading.service';
import { CommissionRulesController, CommissionStatementsController } from './commissions/commissions.controller';
import { CommissionRulesService } from './commissions/commission-rules.service';
import { CommissionStatementsService } from './commissions/commission-statements.service';

// revenue: controllers and providers (products, price lists, orders, grading, commissions)
const revenueControllers = [ProductsController, ProductCategoriesController, PriceListsController, OrdersController, OpportunityOrderController, GradingRulesController, CustomerGradeController, CommissionRulesController, CommissionStatementsController];
const revenueProviders = [ProductsService, ProductCategoriesService, PriceListsService, PriceResolver, OrdersService, OrdersRepository, OrdersMergeMover, GradingService, CommissionRulesService, CommissionStatementsService];

export const salesEntities = [Activity, Lead, AssignmentRule, Pipeline, PipelineStage, Opportunity, OpportunityLineItem, OpportunityStageHistory, ...revenueEntities];

/** Leads, opportunities, pipelines and follow-ups. */
@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature(salesEntities)],
  controllers: [ActivitiesController, LeadsController, AssignmentRulesController, PipelinesController, OpportunitiesController, ...revenueControllers],
  providers: [ActivitiesService, LeadsService, LeadsRepository, LeadDuplicates, LeadAssigner, LeadsMergeMover, AssignmentRulesService, ActivitiesRepository, ActivitiesMergeMover, PipelinesService, OpportunitiesService, OpportunitiesRepository, OpportunitiesMergeMover, SalesSearchSources, ...revenueProviders],
  exports: [ActivitiesRepository, LeadsService, OpportunitiesService, OpportunitiesRepository, PipelinesService, OrdersRepository, GradingService],
})
export class SalesModule {}

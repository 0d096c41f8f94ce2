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
import { LeadActivitiesController } from './activities/lead-activities.controller';
import { LeadActivitiesService } from './activities/lead-activities.service';
import { LeadActivity } from './activities/lead-activity.entity';
import { AssignmentRule } from './assignment-rules/assignment-rule.entity';
import { AssignmentRulesController } from './assignment-rules/assignment-rules.controller';
import { AssignmentRulesService } from './assignment-rules/assignment-rules.service';
import { LeadAssigner } from './assignment-rules/lead-assigner';
import { Lead } from './leads/lead.entity';
import { LeadConsent } from './leads/lead-consent.entity';
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
import { poolsParts } from './pools/pools.parts';
import { PoolReturnService } from './pools/pool-return.service';
import { GradingService } from './grading/grading.service';
import { OrdersRepository } from './orders/orders.repository';
import { revenueParts } from './revenue.parts';

import { contractsParts } from './contracts/contracts.parts';
import { webFormsParts } from './web-forms/web-forms.parts';
import { SalesContractsRepository } from './contracts/contracts.repository';

const parts = [poolsParts, revenueParts, contractsParts, webFormsParts];

export const salesEntities = [Activity, LeadActivity, Lead, LeadConsent, AssignmentRule, Pipeline, PipelineStage, Opportunity, OpportunityLineItem, OpportunityStageHistory, ...parts.flatMap((p) => p.entities)];

/**
 * Leads, opportunities, pipelines, follow-ups, public pools, revenue (products, orders, grading,
 * commissions) and contracts (receivables, targets). Each area lists its own parts.
 */
@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature(salesEntities)],
  controllers: [ActivitiesController, LeadsController, LeadActivitiesController, AssignmentRulesController, PipelinesController, OpportunitiesController, ...parts.flatMap((p) => p.controllers)],
  providers: [ActivitiesService, LeadActivitiesService, LeadsService, LeadsRepository, LeadDuplicates, LeadAssigner, LeadsMergeMover, AssignmentRulesService, ActivitiesRepository, ActivitiesMergeMover, PipelinesService, OpportunitiesService, OpportunitiesRepository, OpportunitiesMergeMover, SalesSearchSources, ...parts.flatMap((p) => p.providers)],
  exports: [PoolReturnService, ActivitiesRepository, LeadsService, LeadsRepository, OpportunitiesService, OpportunitiesRepository, PipelinesService, OrdersRepository, GradingService, SalesContractsRepository],
})
export class SalesModule {}

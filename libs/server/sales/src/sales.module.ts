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
import { ContractRenewalsJob } from './contracts/contract-renewals.job';
import { SalesContractsController } from './contracts/contracts.controller';
import { SalesContractsRepository } from './contracts/contracts.repository';
import { SalesContractsService } from './contracts/contracts.service';
import { SalesContract, SalesContractApproval } from './contracts/sales-contract.entity';
import { OverdueRemindersJob } from './receivables/overdue-reminders.job';
import { Payment, ReceivableInstalment } from './receivables/receivable.entity';
import { ReceivablesController } from './receivables/receivables.controller';
import { ReceivablesRepository } from './receivables/receivables.repository';
import { ReceivablesService } from './receivables/receivables.service';
import { TargetActuals } from './targets/target-actuals';
import { SalesTarget } from './targets/target.entity';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';

/** Contracts, receivables and targets (合同 / 回款 / 目标). */
const revenueEntities = [SalesContract, SalesContractApproval, ReceivableInstalment, Payment, SalesTarget];
const revenueControllers = [SalesContractsController, ReceivablesController, TargetsController];
const revenueProviders = [SalesContractsService, SalesContractsRepository, ContractRenewalsJob, ReceivablesService, ReceivablesRepository, OverdueRemindersJob, TargetsService, TargetActuals];

export const salesEntities = [Activity, Lead, AssignmentRule, Pipeline, PipelineStage, Opportunity, OpportunityLineItem, OpportunityStageHistory, ...revenueEntities];

/** Leads, opportunities, pipelines and follow-ups. */
@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature(salesEntities)],
  controllers: [ActivitiesController, LeadsController, AssignmentRulesController, PipelinesController, OpportunitiesController, ...revenueControllers],
  providers: [ActivitiesService, LeadsService, LeadsRepository, LeadDuplicates, LeadAssigner, LeadsMergeMover, AssignmentRulesService, ActivitiesRepository, ActivitiesMergeMover, PipelinesService, OpportunitiesService, OpportunitiesRepository, OpportunitiesMergeMover, SalesSearchSources, ...revenueProviders],
  exports: [ActivitiesRepository, LeadsService, OpportunitiesService, OpportunitiesRepository, PipelinesService, SalesContractsRepository],
})
export class SalesModule {}

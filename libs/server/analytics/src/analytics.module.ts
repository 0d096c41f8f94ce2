import { Module } from '@nestjs/common';
import { RevenueCubeController } from './revenue/revenue-cube.controller';
import { RevenueCubeService } from './revenue/revenue-cube.service';
import { RevenueRollupJob } from './revenue/revenue-rollup.job';
import { CustomerValuesRepository } from './values/customer-values.repository';
import { ValueScoringService } from './values/value-scoring.service';
import { CustomerValueController, ValuesController } from './values/values.controller';

/** Read models over the other modules' tables (SQL, no calls into their services): the revenue cube and customer values. */
@Module({
  controllers: [RevenueCubeController, ValuesController, CustomerValueController],
  providers: [RevenueCubeService, RevenueRollupJob, ValueScoringService, CustomerValuesRepository],
  exports: [ValueScoringService, RevenueRollupJob],
})
export class AnalyticsModule {}

import { Module } from '@nestjs/common';
import { CustomersModule } from '@kehu/server-customers';
import { CustomerOverviewController } from './overview/customer-overview.controller';
import { CustomerOverviewRepository } from './overview/customer-overview.repository';
import { RevenueCubeController } from './revenue/revenue-cube.controller';
import { RevenueCubeService } from './revenue/revenue-cube.service';
import { RevenueRollupJob } from './revenue/revenue-rollup.job';
import { CustomerValuesRepository } from './values/customer-values.repository';
import { ValueScoringService } from './values/value-scoring.service';
import { CustomerValueController, ValuesController } from './values/values.controller';

/** Read models over the other modules' tables (SQL, no calls into their services): the revenue cube, customer values and the customer 360. */
@Module({
  imports: [CustomersModule],
  controllers: [RevenueCubeController, ValuesController, CustomerValueController, CustomerOverviewController],
  providers: [RevenueCubeService, RevenueRollupJob, ValueScoringService, CustomerValuesRepository, CustomerOverviewRepository],
  exports: [ValueScoringService, RevenueRollupJob],
})
export class AnalyticsModule {}

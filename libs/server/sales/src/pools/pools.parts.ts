import type { SalesParts } from '../sales-parts';
import { OwnerCapacity } from '../ownership/owner-capacity';
import { OwnershipHistory } from '../ownership/ownership-history.entity';
import { OwnershipHistoryController } from '../ownership/ownership-history.controller';
import { OwnershipHistoryRepository } from '../ownership/ownership-history.repository';
import { OwnershipLimit } from '../ownership/ownership-limit.entity';
import { OwnershipLimitsController } from '../ownership/ownership-limits.controller';
import { Pool } from './pool.entity';
import { PoolCustomersController } from './pool-customers.controller';
import { PoolCustomersService } from './pool-customers.service';
import { PoolReturnJob } from './pool-return.job';
import { PoolReturnService } from './pool-return.service';
import { PoolsController } from './pools.controller';
import { PoolsService } from './pools.service';

/** Public pools (公海) and ownership: what SalesModule registers for them. */
export const poolsParts: SalesParts = {
  entities: [Pool, OwnershipHistory, OwnershipLimit],
  controllers: [PoolCustomersController, PoolsController, OwnershipLimitsController, OwnershipHistoryController],
  providers: [PoolsService, PoolCustomersService, PoolReturnService, PoolReturnJob, OwnerCapacity, OwnershipHistoryRepository],
};

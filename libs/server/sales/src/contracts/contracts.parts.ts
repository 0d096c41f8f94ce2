import type { SalesParts } from '../sales-parts';
import { OverdueRemindersJob } from '../receivables/overdue-reminders.job';
import { Payment, ReceivableInstalment } from '../receivables/receivable.entity';
import { ReceivablesController } from '../receivables/receivables.controller';
import { ReceivablesRepository } from '../receivables/receivables.repository';
import { ReceivablesService } from '../receivables/receivables.service';
import { TargetActuals } from '../targets/target-actuals';
import { SalesTarget } from '../targets/target.entity';
import { TargetsController } from '../targets/targets.controller';
import { TargetsService } from '../targets/targets.service';
import { ContractRenewalsJob } from './contract-renewals.job';
import { SalesContractsController } from './contracts.controller';
import { SalesContractsRepository } from './contracts.repository';
import { SalesContractsService } from './contracts.service';
import { SalesContract, SalesContractApproval } from './sales-contract.entity';

/** Contracts, receivables and targets (合同 / 回款 / 目标): what SalesModule registers for them. */
export const contractsParts: SalesParts = {
  entities: [SalesContract, SalesContractApproval, ReceivableInstalment, Payment, SalesTarget],
  controllers: [SalesContractsController, ReceivablesController, TargetsController],
  providers: [SalesContractsService, SalesContractsRepository, ContractRenewalsJob, ReceivablesService, ReceivablesRepository, OverdueRemindersJob, TargetsService, TargetActuals],
};

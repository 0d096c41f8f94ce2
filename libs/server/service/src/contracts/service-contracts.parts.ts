import type { ServiceParts } from '../service-parts';
import { ServiceContract } from './service-contract.entity';
import { ServiceContractsController } from './service-contracts.controller';
import { ServiceContractsRepository } from './service-contracts.repository';
import { ServiceContractsService } from './service-contracts.service';

/** Service contracts (服务合同). */
export const serviceContractsParts: ServiceParts = {
  entities: [ServiceContract],
  controllers: [ServiceContractsController],
  providers: [ServiceContractsService, ServiceContractsRepository],
};

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';
import { casesParts } from './cases/cases.parts';
import { serviceContractsParts } from './contracts/service-contracts.parts';
import { knowledgeParts } from './knowledge/knowledge.parts';
import { workOrdersParts } from './work-orders/work-orders.parts';

const parts = [casesParts, serviceContractsParts, workOrdersParts, knowledgeParts];
export const serviceEntities = parts.flatMap((p) => p.entities);

/** Customer service (客户服务): cases with SLA clocks, service contracts, technicians' work orders, and the knowledge base of problems and solutions. */
@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature(serviceEntities)],
  controllers: parts.flatMap((p) => p.controllers),
  providers: parts.flatMap((p) => p.providers),
})
export class ServiceModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@kehu/server-identity';
import { Customer } from './customers/customer.entity';
import { CustomerDataQualityController } from './customers/customer-data-quality.controller';
import { CustomerDataQualityService } from './customers/customer-data-quality.service';
import { CustomerMergeRegistry } from './customers/customer-merge.registry';
import { CustomerMergeService } from './customers/customer-merge.service';
import { CustomersController } from './customers/customers.controller';
import { CustomersRepository } from './customers/customers.repository';
import { CustomersService } from './customers/customers.service';
import { DuplicateFinder } from './customers/duplicate-finder';

export const customersEntities = [Customer];

/** Customer master data every module shares: customers, contacts, data quality, search. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature(customersEntities)],
  // Order matters: fixed paths (/customers/duplicates) before /customers/:id.
  controllers: [CustomerDataQualityController, CustomersController],
  providers: [CustomersService, CustomersRepository, DuplicateFinder, CustomerMergeService, CustomerMergeRegistry, CustomerDataQualityService],
  exports: [CustomersRepository, CustomerMergeRegistry],
})
export class CustomersModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@kehu/server-identity';
import { Customer } from './customers/customer.entity';
import { CustomersController } from './customers/customers.controller';
import { CustomersRepository } from './customers/customers.repository';
import { CustomersService } from './customers/customers.service';
import { DuplicateFinder } from './customers/duplicate-finder';

export const customersEntities = [Customer];

/** Customer master data every module shares: customers, contacts, data quality, search. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature(customersEntities)],
  controllers: [CustomersController],
  providers: [CustomersService, CustomersRepository, DuplicateFinder],
  exports: [CustomersRepository],
})
export class CustomersModule {}

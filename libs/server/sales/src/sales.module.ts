import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';

export const salesEntities = [];

/** Leads, opportunities, pipelines and follow-ups. */
@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature(salesEntities)],
  controllers: [],
  providers: [],
})
export class SalesModule {}

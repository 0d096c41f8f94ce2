import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';
import { SalesModule } from '@kehu/server-sales';
import { CsvExportService } from './export/csv-export.service';
import { ExportsController } from './export/exports.controller';
import { ImportChunk, ImportJob, ImportRowError } from './imports/import-job.entity';
import { ImportRunner } from './imports/import-runner';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';

export const integrationsEntities = [ImportJob, ImportChunk, ImportRowError];

/**
 * CSV import and export of customers and leads (export of opportunities too). Import it before CustomersModule and
 * SalesModule in the app: its fixed paths (/customers/export.csv, /leads/imports, /opportunities/export.csv) must be
 * routed before their /customers/:id, /leads/:id and /opportunities/:id.
 */
@Module({
  imports: [IdentityModule, CustomersModule, SalesModule, TypeOrmModule.forFeature(integrationsEntities)],
  controllers: [ExportsController, ImportsController],
  providers: [CsvExportService, ImportsService, ImportRunner],
})
export class IntegrationsModule {}

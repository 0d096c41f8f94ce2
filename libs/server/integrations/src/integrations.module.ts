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
import { ActiveWebhookPatterns } from './webhooks/active-webhook-patterns';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller';
import { WebhookDeliveriesService } from './webhooks/webhook-deliveries.service';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
import { WebhookFanOut } from './webhooks/webhook-fan-out';
import { WebhookSubscription } from './webhooks/webhook-subscription.entity';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

export const integrationsEntities = [ImportJob, ImportChunk, ImportRowError, WebhookSubscription, WebhookDelivery];

/**
 * CSV import and export of customers and leads (export of opportunities too), and outgoing webhooks (the
 * outbox's subscriber, the delivery worker, their admin API). Import it before CustomersModule and SalesModule in the app: its fixed paths (/customers/export.csv, /leads/imports, /opportunities/export.csv) must be
 * routed before their /customers/:id, /leads/:id and /opportunities/:id.
 */
@Module({
  imports: [IdentityModule, CustomersModule, SalesModule, TypeOrmModule.forFeature(integrationsEntities)],
  controllers: [ExportsController, ImportsController, WebhooksController, WebhookDeliveriesController],
  providers: [CsvExportService, ImportsService, ImportRunner, ActiveWebhookPatterns, WebhookFanOut, WebhookDeliveryWorker, WebhooksService, WebhookDeliveriesService],
})
export class IntegrationsModule {}

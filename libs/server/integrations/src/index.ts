export * from './integrations.module';
export * from './migrations';
export * from './imports/import-runner';
export * from './webhooks/webhook-delivery.worker';

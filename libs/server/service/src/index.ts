export * from './service.module';
export * from './migrations';

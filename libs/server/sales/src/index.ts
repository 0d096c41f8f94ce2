export * from './sales.module';
export * from './migrations';

export * from './test-server';
export * from './test-database';
export * from './global-setup';
export * from './test-app';
export * from './test-people';

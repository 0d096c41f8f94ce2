export * from './marketing.module';
export * from './migrations';
export * from './segments/segment.entity';
export * from './segments/segment-audience';

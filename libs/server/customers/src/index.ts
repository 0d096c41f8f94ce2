export * from './customers.module';
export * from './migrations';
export * from './customers/customer.entity';
export * from './customers/customers.repository';
export * from './data-quality/normalize';
export * from './data-quality/company-key';
export * from './customers/customer-merge.registry';

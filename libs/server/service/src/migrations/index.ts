import { Cases1795623000100 } from './1795623000100-cases.migration';
import { Knowledge1795623000200 } from './1795623000200-knowledge.migration';
import { ServiceContracts1795623000300 } from './1795623000300-service-contracts.migration';
import { WorkOrders1795623000400 } from './1795623000400-work-orders.migration';

export const serviceMigrations = [Cases1795623000100, Knowledge1795623000200, ServiceContracts1795623000300, WorkOrders1795623000400];

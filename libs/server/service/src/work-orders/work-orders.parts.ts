import type { ServiceParts } from '../service-parts';
import { WorkOrder } from './work-order.entity';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrdersRepository } from './work-orders.repository';
import { WorkOrdersService } from './work-orders.service';

/** Work orders (派工单). */
export const workOrdersParts: ServiceParts = {
  entities: [WorkOrder],
  controllers: [WorkOrdersController],
  providers: [WorkOrdersService, WorkOrdersRepository],
};

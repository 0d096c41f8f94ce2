import type { ServiceParts } from '../service-parts';
import { ServiceMetricsController } from '../metrics/service-metrics.controller';
import { ServiceMetricsService } from '../metrics/service-metrics.service';
import { CaseJournal } from './case-journal';
import { CaseWorkflowService } from './case-workflow.service';
import { ServiceMergeMover } from './service-merge.mover';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseEvent, ServiceCase } from './service-case.entity';
import { SlaClockJob } from './sla-clock.job';
import { SlaPolicyController } from './sla-policy.controller';
import { SlaPolicy } from './sla-policy.entity';
import { SlaPolicyService } from './sla-policy.service';

/** Cases (工单), the SLA policy with its business calendar and minute job, and the service figures. */
export const casesParts: ServiceParts = {
  entities: [ServiceCase, CaseEvent, SlaPolicy],
  controllers: [CasesController, SlaPolicyController, ServiceMetricsController],
  providers: [CasesService, CaseWorkflowService, CasesRepository, CaseJournal, SlaPolicyService, SlaClockJob, ServiceMergeMover, ServiceMetricsService],
};

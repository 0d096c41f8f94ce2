import type { ModuleRolloutDto, Page, UpdateModuleRolloutDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body } from './admin-http';

export const moduleRolloutApi = {
  list: () => body<Page<ModuleRolloutDto>>(api.GET('/api/v1/module-rollout')),
  update: (departmentId: string, version: number, dto: UpdateModuleRolloutDto) =>
    body<ModuleRolloutDto>(api.PUT('/api/v1/module-rollout/{departmentId}', { params: { path: { departmentId } }, body: dto, headers: ifMatch(version) })),
};

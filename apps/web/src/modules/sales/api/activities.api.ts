import type { ActivityDto, CreateActivityDto, Page, QuickCreateActivityDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type MyTasksParams = QueryOf<'listMyTasks'>;

export const activitiesApi = {
  list: (query: QueryOf<'listActivities'> = {}) => body<Page<ActivityDto>>(api.GET('/api/v1/activities', { params: { query: clean(query) } })),
  create: (dto: CreateActivityDto) => body<ActivityDto>(api.POST('/api/v1/activities', { body: dto as never })),
  quick: (dto: QuickCreateActivityDto) => body<ActivityDto>(api.POST('/api/v1/activities/quick', { body: dto })),
  myTasks: (query: MyTasksParams = {}) => body<Page<ActivityDto>>(api.GET('/api/v1/activities/my-tasks', { params: { query: clean(query) } })),
  complete: (id: string) => body<ActivityDto>(api.POST('/api/v1/activities/{id}/complete', byId(id))),
};

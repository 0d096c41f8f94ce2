import type { CreateTeamDto, Page, TeamDto, UpdateTeamDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from './admin-http';

const byId = (id: string) => ({ params: { path: { id } } });

export const teamsApi = {
  list: (query: QueryOf<'listTeams'> = {}) => body<Page<TeamDto>>(api.GET('/api/v1/teams', { params: { query: clean(query) } })),
  create: (dto: CreateTeamDto) => body<TeamDto>(api.POST('/api/v1/teams', { body: dto })),
  update: (id: string, version: number, dto: UpdateTeamDto) => body<TeamDto>(api.PATCH('/api/v1/teams/{id}', { ...byId(id), body: dto, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/teams/{id}', byId(id))),
};

import type { CreateSegmentDto, Page, PreviewSegmentDto, SegmentCountDto, SegmentDto, SegmentMemberDto, UpdateSegmentDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';
import { saveDownload } from '@/core/csv/csv-transfer.api';
import { currentLocale } from '@/i18n';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListSegmentsParams = QueryOf<'listSegments'>;
export type ListSegmentMembersParams = QueryOf<'listSegmentMembers'>;

export const segmentsApi = {
  list: (query: ListSegmentsParams = {}) => body<Page<SegmentDto>>(api.GET('/api/v1/segments', { params: { query: clean(query) } })),
  get: (id: string) => body<SegmentDto>(api.GET('/api/v1/segments/{id}', byId(id))),
  create: (dto: CreateSegmentDto) => body<SegmentDto>(api.POST('/api/v1/segments', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateSegmentDto) => body<SegmentDto>(api.PATCH('/api/v1/segments/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/segments/{id}', byId(id))),
  /** The live count of unsaved rules, in the caller's scope. */
  preview: (dto: PreviewSegmentDto) => body<SegmentCountDto>(api.POST('/api/v1/segments/preview', { body: dto as never })),
  count: (id: string) => body<SegmentCountDto>(api.GET('/api/v1/segments/{id}/count', byId(id))),
  members: (id: string, query: ListSegmentMembersParams = {}) => body<Page<SegmentMemberDto>>(api.GET('/api/v1/segments/{id}/members', { params: { path: { id }, query: clean(query) } })),
  /** Downloads every member you may export as a CSV call list (headers in the UI language), saved as the server names it. */
  async exportMembers(id: string): Promise<void> {
    const { data, response } = await api.GET('/api/v1/segments/{id}/members.csv', { ...byId(id), headers: { 'Accept-Language': currentLocale() }, parseAs: 'blob' });
    saveDownload(data as Blob, response, 'segment.csv');
  },
};

import type { CustomerOverviewDto, CustomerValueDto, RevenueCubeDto, RfmOverviewDto, UpdateValueSettingsDto, ValueSettingsDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, type QueryOf } from '@/core/api-http';

export type RevenueCubeParams = QueryOf<'getRevenueCube'>;

export const analyticsApi = {
  revenueCube: (query: RevenueCubeParams) => body<RevenueCubeDto>(api.GET('/api/v1/analytics/revenue-cube', { params: { query: clean(query) as RevenueCubeParams } })),
  rfm: () => body<RfmOverviewDto>(api.GET('/api/v1/analytics/rfm')),
  customerOverview: (id: string) => body<CustomerOverviewDto>(api.GET('/api/v1/customers/{id}/overview', { params: { path: { id } } })),
  customerValue: (id: string) => body<CustomerValueDto>(api.GET('/api/v1/customers/{id}/value', { params: { path: { id } } })),
  settings: () => body<ValueSettingsDto>(api.GET('/api/v1/analytics/value-settings')),
  saveSettings: (version: number, dto: UpdateValueSettingsDto) => body<ValueSettingsDto>(api.PUT('/api/v1/analytics/value-settings', { body: dto, headers: ifMatch(version) })),
  recompute: () => body<ValueSettingsDto>(api.POST('/api/v1/analytics/values/recompute')),
};

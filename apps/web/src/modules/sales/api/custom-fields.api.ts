import type { CustomFieldDto, CustomFieldEntity } from '@kehu/contracts';
import { api } from '@/core/api';
import { body } from '@/core/api-http';

export const customFieldsApi = {
  list: (entityType: CustomFieldEntity) => body<CustomFieldDto[]>(api.GET('/api/v1/custom-fields', { params: { query: { entityType } } })),
};

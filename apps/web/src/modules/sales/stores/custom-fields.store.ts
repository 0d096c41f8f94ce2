import { defineStore } from 'pinia';
import { ref } from 'vue';
import { CustomFieldEntity, type CustomFieldDto } from '@kehu/contracts';
import { customFieldsApi } from '../api/custom-fields.api';
import { activeFields } from '../models/custom-field-values';

/** Custom field definitions (admins add them); read once per session and entity type. */
export const useCustomFieldsStore = defineStore('sales-custom-fields', () => {
  const customer = ref<CustomFieldDto[]>([]);
  const contact = ref<CustomFieldDto[]>([]);
  const loads = new Map<CustomFieldEntity, Promise<void>>();

  function ensureLoaded(entity: CustomFieldEntity.CUSTOMER | CustomFieldEntity.CONTACT = CustomFieldEntity.CUSTOMER): Promise<void> {
    let load = loads.get(entity);
    if (!load) {
      load = customFieldsApi
        .list(entity)
        .then((fields) => {
          (entity === CustomFieldEntity.CUSTOMER ? customer : contact).value = activeFields(fields);
        })
        .catch((error) => {
          loads.delete(entity);
          throw error;
        });
      loads.set(entity, load);
    }
    return load;
  }

  const customerField = (key: string) => customer.value.find((f) => f.key === key);

  return { customer, contact, ensureLoaded, customerField };
});

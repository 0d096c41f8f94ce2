// Enums apart from the DTOs: the SPA imports them without the validation decorators.
export enum CustomFieldEntity {
  CUSTOMER = 'customer',
  CONTACT = 'contact',
  LEAD = 'lead',
  OPPORTUNITY = 'opportunity',
}

export enum CustomFieldType {
  TEXT = 'text',
  NUMBER = 'number',
  MONEY = 'money',
  DATE = 'date',
  SINGLE_SELECT = 'single_select',
  MULTI_SELECT = 'multi_select',
  BOOLEAN = 'boolean',
}

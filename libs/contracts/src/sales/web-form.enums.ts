/** Lead fields a web form can show (custom fields are `cf.<key>`, lead custom field keys). */
export enum WebFormStandardField {
  PERSON_NAME = 'personName',
  COMPANY_NAME = 'companyName',
  PHONE = 'phone',
  EMAIL = 'email',
  TITLE = 'title',
  PROVINCE = 'province',
  CITY = 'city',
  /** The visitor's message; stored as the lead's notes. */
  NOTES = 'notes',
}

/** Who gets the leads a web form captures. */
export enum WebFormOwnerMode {
  /** The lead assignment rules (first match wins; no match → the queue). */
  RULES = 'rules',
  /** Always `ownerId`. */
  FIXED = 'fixed',
  /** The unassigned queue, for a manager to hand out. */
  QUEUE = 'queue',
}

export enum CustomerKind {
  COMPANY = 'company',
  INDIVIDUAL = 'individual',
}

/** Where the customer came from (seed 002: referrals count as value too). */
export enum CustomerSource {
  CAMPAIGN = 'campaign',
  REFERRAL = 'referral',
  WEB_FORM = 'web_form',
  IMPORT = 'import',
  PARTNER = 'partner',
  ERP = 'erp',
  COLD_CALL = 'cold_call',
  EXHIBITION = 'exhibition',
  OTHER = 'other',
}

export enum LifecycleStage {
  PROSPECT = 'prospect',
  CUSTOMER = 'customer',
  KEY_ACCOUNT = 'key_account',
  CHURNED = 'churned',
}

export enum CustomerGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

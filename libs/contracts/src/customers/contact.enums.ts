/** Channels a contact can be reached on; each has its own consent (seed 001). */
export enum ContactChannel {
  EMAIL = 'email',
  PHONE = 'phone',
  SMS = 'sms',
  WECHAT = 'wechat',
  POST = 'post',
}

/** What the contact said about a channel; `unknown` until they say. */
export enum ConsentStatus {
  OPTED_IN = 'opted_in',
  OPTED_OUT = 'opted_out',
  UNKNOWN = 'unknown',
}

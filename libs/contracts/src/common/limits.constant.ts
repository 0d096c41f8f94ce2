/** Limits shared by the API and the SPA. */
export const Limits = {
  pageSizeDefault: 50,
  pageSizeMax: 200,
  cursorMaxLength: 512,
  nameMaxLength: 200,
  emailMaxLength: 254,
  passwordMinLength: 10,
  passwordMaxLength: 128,
  bodyMaxBytes: 1024 * 1024,
} as const;

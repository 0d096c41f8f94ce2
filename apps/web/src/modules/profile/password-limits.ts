import { Limits } from '@kehu/contracts';

/** The API's password rules (ChangePasswordDto), so the form rejects what the server would. */
export const passwordLimits = { min: Limits.passwordMinLength, max: Limits.passwordMaxLength } as const;

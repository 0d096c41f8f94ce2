import { Limits } from '../common/limits.constant';
import { EmailField, ResponseField, StringField } from '../common/fields.decorator';

export class LoginDto {
  @EmailField({ example: 'admin@kehu.local' })
  email: string;

  @StringField({ maxLength: Limits.passwordMaxLength, minLength: 1, noTrim: true })
  password: string;
}

export class RefreshTokenDto {
  @StringField({ maxLength: 512, minLength: 1 })
  refreshToken: string;
}

export class LogoutDto {
  /** Revoke this refresh token's family; without it only the access token's session ends. */
  @StringField({ optional: true, maxLength: 512 })
  refreshToken?: string;
}

export class TokenPairDto {
  @ResponseField({ description: 'Bearer token for the Authorization header.' })
  accessToken: string;

  @ResponseField({ description: 'Single-use token to obtain a new pair.' })
  refreshToken: string;

  @ResponseField({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn: number;
}

export class ChangePasswordDto {
  @StringField({ maxLength: Limits.passwordMaxLength, minLength: 1, noTrim: true })
  currentPassword: string;

  @StringField({ maxLength: Limits.passwordMaxLength, minLength: Limits.passwordMinLength, noTrim: true })
  newPassword: string;
}

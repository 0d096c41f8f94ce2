import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LoginDto, LogoutDto, ProblemDto, RefreshTokenDto, TokenPairDto } from '@kehu/contracts';
import { CurrentPrincipal, Public, type Principal } from '@kehu/server-core';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges e-mail and password for an access token and a refresh token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'INVALID_CREDENTIALS or ACCOUNT_DISABLED' })
  @ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Too many failed attempts; see Retry-After.' })
  login(@Body() body: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password);
  }

  /** Rotates the refresh token. Presenting a used token revokes the whole session. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ProblemDto })
  refreshToken(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Ends the current session. */
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: Principal, @Body() body: LogoutDto): Promise<void> {
    await this.auth.logout(principal, body.refreshToken);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ChangePasswordDto, MeDto, ProblemDto } from '@kehu/contracts';
import { CurrentPrincipal, type Principal } from '@kehu/server-core';
import { AuthService } from '../auth/auth.service';
import { MeService } from './me.service';

@ApiTags('me')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ProblemDto })
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly auth: AuthService,
  ) {}

  /** The caller: user, roles, permissions, widest scope and enabled modules. */
  @Get()
  @ApiOkResponse({ type: MeDto })
  getMe(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.me.getMe(principal);
  }

  /** Changes the caller's password; other sessions end. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED (wrong current password) or PASSWORD_POLICY' })
  async changeMyPassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }
}

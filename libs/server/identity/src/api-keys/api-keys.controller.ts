import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, PageDtoOf, PageQueryDto, ProblemDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, RequirePermission, type Principal } from '@kehu/server-core';
import { ApiKeysService } from './api-keys.service';

const ApiKeyPageDto = PageDtoOf(ApiKeyDto);

@ApiTags('api-keys')
@RequirePermission('admin.api-key.manage')
@ApiTooManyRequestsResponse({ type: ProblemDto, description: 'RATE_LIMITED (API key over its per-minute limit); see Retry-After.' })
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  /** Every API key, newest first (secrets are never returned). */
  @Get()
  @ApiOkResponse({ type: ApiKeyPageDto })
  listApiKeys(@Query() query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    return this.keys.list(query);
  }

  /** Creates a key owned by the caller. The response holds the secret; it is shown only this once. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  createApiKey(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.keys.create(principal, dto);
  }

  /** Revokes the key at once (idempotent); requests with it then get 401. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  async revokeApiKey(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CreateDelegationDto, DelegationDto, DelegationUsageDto, DelegationUsageQuery, ListDelegationsQuery, PageDtoOf, ProblemDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, RequirePermission, type Principal } from '@kehu/server-core';
import { DelegationsService } from './delegations.service';

const DelegationPageDto = PageDtoOf(DelegationDto);

@ApiTags('delegations')
@RequirePermission('admin.delegation.manage')
@ApiTooManyRequestsResponse({ type: ProblemDto, description: 'RATE_LIMITED (API key over its per-minute limit); see Retry-After.' })
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  /** Grants, newest first, including ended and revoked ones. */
  @Get()
  @ApiOkResponse({ type: DelegationPageDto })
  listDelegations(@Query() query: ListDelegationsQuery): Promise<Page<DelegationDto>> {
    return this.delegations.list(query);
  }

  /** Per rep: changes recorded for them in [from, to) (default: the last 30 days) and the share a clerk entered. */
  @Get('usage')
  @ApiOkResponse({ type: [DelegationUsageDto] })
  getDelegationUsage(@Query() query: DelegationUsageQuery): Promise<DelegationUsageDto[]> {
    return this.delegations.usage(query);
  }

  /** Lets the clerk act for the rep (header `X-On-Behalf-Of: <repId>`) until `endsAt`. */
  @Post()
  @ApiCreatedResponse({ type: DelegationDto })
  createDelegation(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDelegationDto): Promise<DelegationDto> {
    return this.delegations.create(principal, dto);
  }

  /** Ends the grant now (idempotent). */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  async revokeDelegation(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.delegations.revoke(id);
  }
}

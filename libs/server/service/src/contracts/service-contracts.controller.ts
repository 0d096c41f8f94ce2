import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateServiceContractDto,
  ListServiceContractsQuery,
  PageDtoOf,
  ProblemDto,
  ServiceContractDto,
  TerminateServiceContractDto,
  UpdateServiceContractDto,
  type Page,
} from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { ServiceContractsService } from './service-contracts.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field: customerId you cannot see, endDate before startDate, two targets for one priority, resolution shorter than response.' };

/** Service contracts (服务合同): what a customer is entitled to — SLA targets per priority replacing the policy's, field visits included. */
@ApiTags('service-contracts')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such service contract in your data scope.' })
@RequireModule('service')
@Controller('service-contracts')
export class ServiceContractsController {
  constructor(private readonly contracts: ServiceContractsService) {}

  /** In your scope, newest first; status is as of today in the SLA calendar's zone. */
  @Get()
  @RequirePermission('service.contract.read')
  @ApiOkResponse({ type: PageDtoOf(ServiceContractDto) })
  listServiceContracts(@CurrentPrincipal() p: Principal, @Query() query: ListServiceContractsQuery): Promise<Page<ServiceContractDto>> {
    return this.contracts.list(p, query);
  }

  @Post()
  @RequirePermission('service.contract.manage')
  @ApiCreatedResponse({ type: ServiceContractDto })
  @ApiBadRequestResponse(badInput)
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: ownerId of someone else without department or all scope.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_EXISTS: the number is taken.' })
  createServiceContract(@CurrentPrincipal() p: Principal, @Body() dto: CreateServiceContractDto): Promise<ServiceContractDto> {
    return this.contracts.create(p, dto);
  }

  /** With the number of cases raised under it. */
  @Get(':id')
  @RequirePermission('service.contract.read')
  @ApiOkResponse({ type: ServiceContractDto, description: 'ETag carries the version for If-Match.' })
  async getServiceContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<ServiceContractDto> {
    const out = await this.contracts.get(p, id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match; new targets apply to cases raised afterwards. */
  @Patch(':id')
  @RequirePermission('service.contract.manage')
  @ApiOkResponse({ type: ServiceContractDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse({ type: ProblemDto, description: 'CASE_STATUS_TRANSITION: the contract was terminated.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateServiceContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateServiceContractDto, @Res({ passthrough: true }) res: HttpReply): Promise<ServiceContractDto> {
    const out = await this.contracts.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Ends it early; cases raised afterwards get the company policy's targets. */
  @Post(':id/terminate')
  @HttpCode(200)
  @RequirePermission('service.contract.manage')
  @ApiOkResponse({ type: ServiceContractDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'CASE_STATUS_TRANSITION: already terminated.' })
  terminateServiceContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TerminateServiceContractDto): Promise<ServiceContractDto> {
    return this.contracts.terminate(p, id, dto.reason);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('service.contract.manage')
  @ApiNoContentResponse()
  async deleteServiceContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.contracts.remove(p, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('service.contract.manage')
  @ApiOkResponse({ type: ServiceContractDto })
  restoreServiceContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ServiceContractDto> {
    return this.contracts.restore(p, id);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { ModuleRolloutDto, PageDtoOf, ProblemDto, UpdateModuleRolloutDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { ModuleRolloutService } from './module-rollout.service';

const ModuleRolloutPageDto = PageDtoOf(ModuleRolloutDto);

/** 成熟一个上线一个: which modules each department has switched on. */
@ApiTags('module-rollout')
@RequirePermission('admin.rollout.manage')
@Controller('module-rollout')
export class ModuleRolloutController {
  constructor(private readonly rollout: ModuleRolloutService) {}

  @Get()
  @ApiOkResponse({ type: ModuleRolloutPageDto })
  async listModuleRollout(): Promise<Page<ModuleRolloutDto>> {
    return { data: await this.rollout.list(), nextCursor: null };
  }

  /** Users of the department get 403 MODULE_DISABLED on a switched-off module's endpoints, and the SPA hides it. */
  @Put(':departmentId')
  @ApiOkResponse({ type: ModuleRolloutDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateModuleRollout(@CurrentPrincipal() p: Principal, @Param('departmentId', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateModuleRolloutDto, @Res({ passthrough: true }) res: HttpReply): Promise<ModuleRolloutDto> {
    const out = await this.rollout.update(p, id, version, dto.modules);
    setEtag(res, out.version);
    return out;
  }
}

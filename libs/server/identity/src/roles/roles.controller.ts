import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateRoleDto, PageDtoOf, PermissionDto, ProblemDto, RoleDto, UpdateRoleDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { RolesService } from './roles.service';

const RolePageDto = PageDtoOf(RoleDto);

/** Roles grant permissions, each with a data scope (own / team / department / all). */
@ApiTags('roles')
@ApiNotFoundResponse({ type: ProblemDto })
@RequirePermission('admin.role.manage')
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  /** Also for user admins: they pick roles for users. */
  @Get()
  @RequirePermission('admin.user.read')
  @ApiOkResponse({ type: RolePageDto })
  async listRoles(): Promise<Page<RoleDto>> {
    return { data: await this.roles.list(), nextCursor: null };
  }

  /** The permission catalogue the role editor shows. */
  @Get('permissions')
  @ApiOkResponse({ type: [PermissionDto] })
  listPermissions(): PermissionDto[] {
    return this.roles.listPermissions();
  }

  @Post()
  @ApiCreatedResponse({ type: RoleDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_EXISTS' })
  createRole(@CurrentPrincipal() p: Principal, @Body() dto: CreateRoleDto): Promise<RoleDto> {
    return this.roles.create(p, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: RoleDto })
  async getRole(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<RoleDto> {
    const dto = await this.roles.get(id);
    setEtag(res, dto.version);
    return dto;
  }

  /** Custom roles only. Needs If-Match. */
  @Patch(':id')
  @ApiOkResponse({ type: RoleDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'ROLE_BUILT_IN' })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateRole(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateRoleDto, @Res({ passthrough: true }) res: HttpReply): Promise<RoleDto> {
    const out = await this.roles.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDto, description: 'ROLE_BUILT_IN or ROLE_IN_USE' })
  async deleteRole(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.roles.remove(p, id);
  }
}

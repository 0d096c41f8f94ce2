import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, ListUsersQuery, UserDirectoryEntryDto, UserDirectoryQuery, PageDtoOf, PageQueryDto, ProblemDto, ResetPasswordDto, UpdateUserDto, UserDto, type AuditEventDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { AuditEventPageDto } from '../audit/audit-events.controller';
import { AuditEventsService } from '../audit/audit-events.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const UserPageDto = PageDtoOf(UserDto);

@ApiTags('users')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such user in your data scope.' })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly repo: UsersRepository,
    private readonly audit: AuditEventsService,
  ) {}

  @Get()
  @RequirePermission('admin.user.read')
  @ApiOkResponse({ type: UserPageDto })
  listUsers(@CurrentPrincipal() p: Principal, @Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.repo.list(p, query);
  }

  @Post()
  @RequirePermission('admin.user.manage')
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_EXISTS: the e-mail is taken.' })
  createUser(@CurrentPrincipal() p: Principal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(p, dto);
  }

  /** Colleagues' names for owner columns and pickers; open to every signed-in user. */
  @Get('directory')
  @ApiOkResponse({ type: [UserDirectoryEntryDto] })
  listUserDirectory(@Query() query: UserDirectoryQuery): Promise<UserDirectoryEntryDto[]> {
    return this.repo.directory(query);
  }

  @Get(':id')
  @RequirePermission('admin.user.read')
  @ApiOkResponse({ type: UserDto, description: 'ETag carries the version for If-Match.' })
  async getUser(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<UserDto> {
    const dto = await this.repo.toDto(await this.repo.get(p, id));
    setEtag(res, dto.version);
    return dto;
  }

  /** Needs If-Match. `active: false` ends the user's sessions at once. */
  @Patch(':id')
  @RequirePermission('admin.user.manage')
  @ApiOkResponse({ type: UserDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateUser(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateUserDto, @Res({ passthrough: true }) res: HttpReply): Promise<UserDto> {
    const out = await this.users.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Sets a new password and ends the user's sessions. */
  @Post(':id/reset-password')
  @HttpCode(204)
  @RequirePermission('admin.user.manage')
  @ApiNoContentResponse()
  async resetUserPassword(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.users.resetPassword(p, id, dto);
  }

  /** Disables and soft-deletes the user; their records keep pointing to them. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('admin.user.manage')
  @ApiNoContentResponse()
  async deleteUser(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.remove(p, id);
  }

  /** The user's History tab: every audited change, newest first. */
  @Get(':id/history')
  @RequirePermission('admin.user.read')
  @ApiOkResponse({ type: AuditEventPageDto })
  async getUserHistory(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<AuditEventDto>> {
    await this.repo.get(p, id);
    return this.audit.history('user', id, query);
  }
}

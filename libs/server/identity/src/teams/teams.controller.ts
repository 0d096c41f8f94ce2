import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateTeamDto, ListTeamsQuery, PageDtoOf, ProblemDto, TeamDto, UpdateTeamDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { TeamsService } from './teams.service';

const TeamPageDto = PageDtoOf(TeamDto);

/** Teams inside departments; membership defines the `team` data scope. */
@ApiTags('teams')
@ApiNotFoundResponse({ type: ProblemDto })
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOkResponse({ type: TeamPageDto })
  listTeams(@Query() query: ListTeamsQuery): Promise<Page<TeamDto>> {
    return this.teams.list(query);
  }

  @Post()
  @RequirePermission('admin.department.manage')
  @ApiCreatedResponse({ type: TeamDto })
  createTeam(@CurrentPrincipal() p: Principal, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(p, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: TeamDto })
  async getTeam(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<TeamDto> {
    const dto = await this.teams.get(id);
    setEtag(res, dto.version);
    return dto;
  }

  /** `memberIds` replaces the whole member list. Needs If-Match. */
  @Patch(':id')
  @RequirePermission('admin.department.manage')
  @ApiOkResponse({ type: TeamDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateTeam(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateTeamDto, @Res({ passthrough: true }) res: HttpReply): Promise<TeamDto> {
    const out = await this.teams.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('admin.department.manage')
  @ApiNoContentResponse()
  async deleteTeam(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.teams.remove(p, id);
  }
}

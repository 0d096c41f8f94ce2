import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateDepartmentDto, DepartmentDto, PageDtoOf, ProblemDto, UpdateDepartmentDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentsService } from './departments.service';

const DepartmentPageDto = PageDtoOf(DepartmentDto);

/** The organisation tree. Every signed-in user may read it (pickers, org chart); changes are admin work. */
@ApiTags('departments')
@ApiNotFoundResponse({ type: ProblemDto })
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly repo: DepartmentsRepository,
  ) {}

  /** The whole tree in path order (parents before children); it is small, so one page. */
  @Get()
  @ApiOkResponse({ type: DepartmentPageDto })
  async listDepartments(): Promise<Page<DepartmentDto>> {
    return { data: await this.repo.all(), nextCursor: null };
  }

  @Post()
  @RequirePermission('admin.department.manage')
  @ApiCreatedResponse({ type: DepartmentDto })
  createDepartment(@CurrentPrincipal() p: Principal, @Body() dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.departments.create(p, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: DepartmentDto })
  async getDepartment(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<DepartmentDto> {
    const dto = await this.repo.get(id);
    setEtag(res, dto.version);
    return dto;
  }

  /** Rename, set manager, or move (parentId). Needs If-Match. */
  @Patch(':id')
  @RequirePermission('admin.department.manage')
  @ApiOkResponse({ type: DepartmentDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateDepartment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateDepartmentDto, @Res({ passthrough: true }) res: HttpReply): Promise<DepartmentDto> {
    const out = await this.departments.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('admin.department.manage')
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDto, description: 'DEPARTMENT_NOT_EMPTY' })
  async deleteDepartment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.departments.remove(p, id);
  }
}

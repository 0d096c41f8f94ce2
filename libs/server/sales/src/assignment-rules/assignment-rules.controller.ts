import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { AssignmentRuleDto, CreateAssignmentRuleDto, PageDtoOf, ProblemDto, ReorderAssignmentRulesDto, UpdateAssignmentRuleDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { AssignmentRulesService } from './assignment-rules.service';

const AssignmentRulePageDto = PageDtoOf(AssignmentRuleDto);

/** Lead assignment rules (线索分配规则): one ordered list for the whole company; the first matching rule wins. */
@ApiTags('assignment-rules')
@RequireModule('sales')
@Controller('assignment-rules')
export class AssignmentRulesController {
  constructor(private readonly rules: AssignmentRulesService) {}

  /** Every rule in order (the list is short: one page, nextCursor null). */
  @Get()
  @RequirePermission('sales.assignment-rule.manage')
  @ApiOkResponse({ type: AssignmentRulePageDto })
  listAssignmentRules(): Promise<Page<AssignmentRuleDto>> {
    return this.rules.list();
  }

  /** Appends a rule at the end of the list. */
  @Post()
  @RequirePermission('sales.assignment-rule.manage')
  @ApiCreatedResponse({ type: AssignmentRuleDto })
  createAssignmentRule(@CurrentPrincipal() p: Principal, @Body() dto: CreateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    return this.rules.create(p, dto);
  }

  /** Sets the order: `ids` names every rule once, first = runs first. */
  @Post('reorder')
  @HttpCode(200)
  @RequirePermission('sales.assignment-rule.manage')
  @ApiOkResponse({ type: AssignmentRulePageDto })
  reorderAssignmentRules(@CurrentPrincipal() p: Principal, @Body() dto: ReorderAssignmentRulesDto): Promise<Page<AssignmentRuleDto>> {
    return this.rules.reorder(p, dto.ids);
  }

  /** Needs If-Match (the version from the list). */
  @Patch(':id')
  @RequirePermission('sales.assignment-rule.manage')
  @ApiOkResponse({ type: AssignmentRuleDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such rule.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateAssignmentRule(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateAssignmentRuleDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<AssignmentRuleDto> {
    const out = await this.rules.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Removes the rule; leads it assigned keep their owner. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.assignment-rule.manage')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such rule.' })
  async deleteAssignmentRule(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(p, id);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SearchQuery, SearchResultDto } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, type Principal } from '@kehu/server-core';
import { SearchService } from './search.service';

@ApiTags('search')
@RequireModule('sales')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Global search (Ctrl+K) across customers, contacts, leads and opportunities in your data scope, ranked. */
  @Get()
  @ApiOkResponse({ type: SearchResultDto })
  async searchRecords(@CurrentPrincipal() p: Principal, @Query() query: SearchQuery): Promise<SearchResultDto> {
    return { data: await this.search.search(p, query) };
  }
}

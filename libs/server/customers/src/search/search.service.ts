import { Inject, Injectable } from '@nestjs/common';
import type { SearchHitDto, SearchQuery } from '@kehu/contracts';
import { APP_CONFIG, likePattern, type AppConfig, type Principal } from '@kehu/server-core';
import { normalizeEmail, normalizePhone, normalizeText } from '../data-quality/normalize';
import { SearchRegistry } from './search.registry';

@Injectable()
export class SearchService {
  constructor(
    private readonly registry: SearchRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every source the caller may read, in parallel, merged by score. */
  async search(principal: Principal, query: SearchQuery): Promise<SearchHitDto[]> {
    const text = normalizeText(query.q);
    const limit = query.limit ?? 20;
    const terms = {
      text,
      like: likePattern(text),
      phone: /^[\d\s+()-]{5,}$/.test(text) ? (normalizePhone(text, this.config.defaultPhoneRegion) ?? null) : null,
      email: text.includes('@') ? normalizeEmail(text) : null,
      limit,
    };
    const results = await Promise.all(this.registry.forPrincipal(principal).map((source) => source(principal, terms)));
    return results
      .flat()
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
      .slice(0, limit);
  }
}

import { Injectable } from '@nestjs/common';
import type { SearchHitDto } from '@kehu/contracts';
import type { Principal } from '@kehu/server-core';

export interface SearchTerms {
  /** As typed, trimmed. */
  text: string;
  /** `%text%` with LIKE wildcards escaped. */
  like: string;
  /** E.164 when the text looks like a phone number. */
  phone: string | null;
  email: string | null;
  limit: number;
}

/** One kind of record the global search covers; runs its own scoped query. */
export type SearchSource = (principal: Principal, terms: SearchTerms) => Promise<SearchHitDto[]>;

/**
 * The global search spans modules that customers cannot import (leads, opportunities);
 * each registers a source here, like the merge movers.
 */
@Injectable()
export class SearchRegistry {
  private readonly sources = new Map<string, { permission: string; source: SearchSource }>();

  register(type: string, permission: string, source: SearchSource): void {
    this.sources.set(type, { permission, source });
  }

  /** Sources the principal may search (others are skipped, not refused). */
  forPrincipal(principal: Principal): SearchSource[] {
    return [...this.sources.values()].filter((s) => principal.permissions[s.permission]).map((s) => s.source);
  }
}

import { Injectable } from '@nestjs/common';
import type { DuplicateCandidateDto } from '@kehu/contracts';
import { applyScope, queryPrepared, type Principal } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { Customer } from './customer.entity';

export interface DuplicateProbe {
  nameKey: string;
  phone: string | null;
  email: string | null;
  /** Ignore this record (an update checks against the others). */
  excludeId?: string;
}

const SIMILAR = 0.5;

/**
 * Likely duplicates across the whole company (a rep must learn that a colleague already
 * has the customer): exact on phone, e-mail or company key, fuzzy on the key with pg_trgm.
 * Contact details of candidates outside the caller's scope are withheld.
 */
@Injectable()
export class DuplicateFinder {
  async find(m: EntityManager, principal: Principal, probe: DuplicateProbe): Promise<DuplicateCandidateDto[]> {
    type Row = { id: string; name: string; phone: string | null; email: string | null; owner_id: string | null; name_key: string; score: number };
    // Prepared: every customer and lead create runs it, and planning it cost a third of running it.
    const rows = await queryPrepared<Row>(
      m,
      // One id set from four indexes (the fuzzy key through customer_search_terms' trigrams).
      `WITH m AS (
         SELECT s.customer_id AS id FROM customer_search_terms s WHERE s.name_key % $1 AND similarity(s.name_key, $1) >= $5
         UNION SELECT id FROM customers WHERE deleted_at IS NULL AND name_key = $1
         UNION SELECT id FROM customers WHERE deleted_at IS NULL AND phone = $2
         UNION SELECT id FROM customers WHERE deleted_at IS NULL AND email = $3)
       SELECT c.id, c.name, c.phone, c.email, c.owner_id, c.name_key, similarity(c.name_key, $1) AS score
         FROM customers c JOIN m ON m.id = c.id
        WHERE c.deleted_at IS NULL AND ($4::uuid IS NULL OR c.id <> $4)
        ORDER BY (c.phone = $2 OR c.email = $3) DESC NULLS LAST, score DESC
        LIMIT 10`,
      [probe.nameKey, probe.phone, probe.email, probe.excludeId ?? null, SIMILAR],
    );
    if (!rows.length) return [];
    const visible = new Set(
      (await applyScope(m.getRepository(Customer).createQueryBuilder('c').select('c.id', 'id'), principal, 'sales.customer.read', { owner: 'c.owner_id', department: 'c.department_id' })
        .andWhere('c.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
        .getRawMany()).map((r: { id: string }) => r.id),
    );
    return rows.map((r) => {
      const reasons: string[] = [];
      if (probe.phone && r.phone === probe.phone) reasons.push('phone');
      if (probe.email && r.email === probe.email) reasons.push('email');
      if (r.name_key === probe.nameKey) reasons.push('nameKey');
      else if (r.score >= SIMILAR) reasons.push('similarName');
      const inScope = visible.has(r.id);
      return { id: r.id, name: r.name, phone: inScope ? r.phone : null, email: inScope ? r.email : null, ownerId: r.owner_id, reasons, score: Math.round(Number(r.score) * 100) / 100 };
    });
  }
}

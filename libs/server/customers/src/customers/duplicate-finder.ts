import { Injectable } from '@nestjs/common';
import type { DuplicateCandidateDto } from '@kehu/contracts';
import { applyScope, type Principal } from '@kehu/server-core';
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
    const rows: { id: string; name: string; phone: string | null; email: string | null; owner_id: string | null; name_key: string; score: number }[] = await m.query(
      `SELECT id, name, phone, email, owner_id, name_key, similarity(name_key, $1) AS score
         FROM customers
        WHERE deleted_at IS NULL AND ($4::uuid IS NULL OR id <> $4)
          AND (name_key = $1 OR (name_key % $1 AND similarity(name_key, $1) >= $5) OR phone = $2 OR email = $3)
        ORDER BY (phone = $2 OR email = $3) DESC NULLS LAST, score DESC
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

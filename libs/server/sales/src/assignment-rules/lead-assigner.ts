import { Injectable } from '@nestjs/common';
import { AssignmentStrategy, AssignmentTargetType } from '@kehu/contracts';
import type { EntityManager } from 'typeorm';
import { OPEN_LEAD_SQL } from '../leads/leads.repository';
import { AssignmentRule } from './assignment-rule.entity';

/** The lead attributes rules match on (stored, normalised values). */
export interface AssignableLead {
  province: string | null;
  city: string | null;
  industry: string | null;
  source: string;
  campaignId: string | null;
}

/**
 * What the rules decided. `ownerId` null = the lead waits in the queue, with the
 * department of the matching rule's target (so that department's managers see it), or
 * none when no rule matched.
 */
export interface AssignmentOutcome {
  ruleId: string | null;
  ownerId: string | null;
  departmentId: string | null;
}

interface Member {
  id: string;
  departmentId: string | null;
}

const inList = (list: string[], value: string | null) => !list.length || (value !== null && list.includes(value));

/** Every set condition holds (lists: the lead's value is one of them); a rule without conditions matches all. */
export function ruleMatches(rule: AssignmentRule, lead: AssignableLead): boolean {
  return inList(rule.provinces, lead.province) && inList(rule.cities, lead.city) && inList(rule.industries, lead.industry) && inList(rule.sources, lead.source) && inList(rule.campaignIds, lead.campaignId);
}

/**
 * Runs the ordered rules for one lead inside the caller's transaction. The first matching
 * rule decides. Its row is locked (`FOR UPDATE`) before members' loads are counted and the
 * round-robin cursor is advanced (`UPDATE … RETURNING`), so concurrent captures through the
 * same rule — on any number of API replicas — take turns and see each other's leads once the
 * earlier transaction commits. Caps and loads are exact per rule; leads reaching the same
 * user through another rule or by hand at the same moment can overshoot a cap by one.
 */
@Injectable()
export class LeadAssigner {
  async assign(m: EntityManager, lead: AssignableLead): Promise<AssignmentOutcome> {
    const rules = await m.find(AssignmentRule, { where: { active: true }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const rule = rules.find((r) => ruleMatches(r, lead));
    if (!rule) return { ruleId: null, ownerId: null, departmentId: null };
    const [locked]: { rr_cursor: string }[] = await m.query(`SELECT rr_cursor FROM assignment_rules WHERE id = $1 FOR UPDATE`, [rule.id]);
    if (!locked) return { ruleId: null, ownerId: null, departmentId: null }; // deleted meanwhile
    return rule.targetType === AssignmentTargetType.USER ? this.toUser(m, rule) : this.toTeam(m, rule, Number(locked.rr_cursor));
  }

  private async toUser(m: EntityManager, rule: AssignmentRule): Promise<AssignmentOutcome> {
    const [user]: Member[] = await m.query(`SELECT id, department_id AS "departmentId" FROM users WHERE id = $1 AND active AND deleted_at IS NULL`, [rule.targetUserId]);
    if (!user) return { ruleId: rule.id, ownerId: null, departmentId: null };
    const loads = await this.openLoads(m, [user.id]);
    if (rule.maxOpenLeads !== null && (loads.get(user.id) ?? 0) >= rule.maxOpenLeads) return { ruleId: rule.id, ownerId: null, departmentId: user.departmentId };
    return { ruleId: rule.id, ownerId: user.id, departmentId: user.departmentId };
  }

  private async toTeam(m: EntityManager, rule: AssignmentRule, cursor: number): Promise<AssignmentOutcome> {
    const [team]: { departmentId: string }[] = await m.query(`SELECT department_id AS "departmentId" FROM teams WHERE id = $1 AND deleted_at IS NULL`, [rule.targetTeamId]);
    if (!team) return { ruleId: rule.id, ownerId: null, departmentId: null };
    const members: Member[] = await m.query(
      `SELECT u.id, u.department_id AS "departmentId" FROM team_members tm JOIN users u ON u.id = tm.user_id
        WHERE tm.team_id = $1 AND u.active AND u.deleted_at IS NULL ORDER BY u.id`,
      [rule.targetTeamId],
    );
    const queued = { ruleId: rule.id, ownerId: null, departmentId: team.departmentId };
    if (!members.length) return queued;
    const loads = await this.openLoads(m, members.map((u) => u.id));
    const n = members.length;
    const start = cursor % n;
    // Candidates in turn from the cursor; least-loaded takes the lightest, ties in that same turn order.
    const candidates = members
      .map((u, i) => ({ u, turn: (i - start + n) % n, load: loads.get(u.id) ?? 0 }))
      .filter((c) => rule.maxOpenLeads === null || c.load < rule.maxOpenLeads)
      .sort((a, b) => (rule.strategy === AssignmentStrategy.LEAST_LOADED ? a.load - b.load : 0) || a.turn - b.turn);
    const chosen = candidates[0];
    if (!chosen) return queued;
    // Next turn starts after the chosen member.
    await m.query(`UPDATE assignment_rules SET rr_cursor = rr_cursor + $2 WHERE id = $1 RETURNING rr_cursor`, [rule.id, chosen.turn + 1]);
    return { ruleId: rule.id, ownerId: chosen.u.id, departmentId: chosen.u.departmentId };
  }

  /** Open leads (new, contacted, qualified) per user; served by leads_open_owner_idx. */
  private async openLoads(m: EntityManager, userIds: string[]): Promise<Map<string, number>> {
    const rows: { owner_id: string; n: string }[] = await m.query(
      `SELECT owner_id, count(*) AS n FROM leads WHERE owner_id = ANY($1) AND ${OPEN_LEAD_SQL} AND deleted_at IS NULL GROUP BY owner_id`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppModuleName, DataScope, ErrorCode, dataScopeRank } from '@kehu/contracts';
import { DomainException, type Principal, type PrincipalResolver } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { TokenService } from './token.service';

interface PrincipalRow {
  id: string;
  active: boolean;
  department_id: string | null;
  modules: string[] | null;
  roles: string[];
  grants: Record<string, DataScope>[];
  session_ok: boolean;
  subtree: string[];
  team_members: string[];
}

/** Everything the guard and scope filter need about a user, in one round trip. */
const PRINCIPAL_SQL = `
SELECT u.id, u.active, u.department_id, d.modules,
  ARRAY(SELECT r.key FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.key) AS roles,
  ARRAY(SELECT r.permissions FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS grants,
  EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.revoked_at IS NULL) AS session_ok,
  ARRAY(SELECT sd.id FROM departments sd WHERE d.path IS NOT NULL AND sd.path LIKE d.path || '%' AND sd.deleted_at IS NULL) AS subtree,
  ARRAY(SELECT DISTINCT tm2.user_id FROM team_members tm JOIN team_members tm2 ON tm2.team_id = tm.team_id WHERE tm.user_id = u.id) AS team_members
FROM users u LEFT JOIN departments d ON d.id = u.department_id AND d.deleted_at IS NULL
WHERE u.id = $1 AND u.deleted_at IS NULL`;

/** The widest scope per permission across all of a user's roles. */
export function mergeGrants(grants: Record<string, DataScope>[]): Record<string, DataScope> {
  const out: Record<string, DataScope> = {};
  for (const g of grants) {
    for (const [perm, scope] of Object.entries(g)) {
      if (!out[perm] || dataScopeRank[scope] > dataScopeRank[out[perm]]) out[perm] = scope;
    }
  }
  return out;
}

@Injectable()
export class PrincipalResolverService implements PrincipalResolver {
  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async resolve(bearerToken: string, onBehalfOf?: string): Promise<Principal> {
    let payload;
    try {
      payload = await this.tokens.verifyAccess(bearerToken);
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new DomainException(expired ? ErrorCode.TOKEN_EXPIRED : ErrorCode.UNAUTHENTICATED, expired ? 'The access token has expired; refresh it.' : 'The bearer token is not valid.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    const principal = await this.load(payload.sub, payload.sid);
    if (onBehalfOf && onBehalfOf !== principal.userId) {
      // Delegated entry arrives with the delegation module; until then nobody holds a grant.
      throw new DomainException(ErrorCode.FORBIDDEN, 'You hold no delegation for that user.');
    }
    return principal;
  }

  /** Loads a user's principal; `sessionId` must be a live login session. */
  async load(userId: string, sessionId: string): Promise<Principal> {
    const [row] = (await this.dataSource.query(PRINCIPAL_SQL, [userId, sessionId])) as PrincipalRow[];
    if (!row || !row.session_ok) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The session has ended; log in again.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    if (!row.active) throw new DomainException(ErrorCode.ACCOUNT_DISABLED, 'This account is disabled.');
    return {
      kind: 'user',
      userId: row.id,
      actorId: row.id,
      sessionId,
      roles: row.roles,
      permissions: mergeGrants(row.grants),
      departmentId: row.department_id,
      departmentSubtreeIds: row.subtree,
      teamMemberIds: row.team_members.length ? row.team_members : [row.id],
      modules: row.modules ?? Object.values(AppModuleName),
    };
  }
}

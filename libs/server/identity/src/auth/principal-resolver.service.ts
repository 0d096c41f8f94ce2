import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppModuleName, DataScope, ErrorCode, dataScopeRank } from '@kehu/contracts';
import { DomainException, type Principal, type PrincipalResolver } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { API_KEY_PREFIX } from '../api-keys/api-key-secret';
import { DelegationsService } from '../delegations/delegations.service';
import { PrincipalCache } from './principal-cache';
import { TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.revoked_at IS NULL)) AS session_ok,
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
    private readonly apiKeys: ApiKeysService,
    private readonly delegations: DelegationsService,
    private readonly cache: PrincipalCache,
  ) {}

  async resolve(bearerToken: string, onBehalfOf?: string): Promise<Principal> {
    if (bearerToken.startsWith(API_KEY_PREFIX)) {
      const principal = await this.resolveApiKey(bearerToken);
      // Delegation is a clerk's grant in a login session; integrations act as the key's owner only.
      if (onBehalfOf && onBehalfOf !== principal.userId) throw new DomainException(ErrorCode.FORBIDDEN, 'An API key cannot act on behalf of another user.');
      return principal;
    }
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
    if (onBehalfOf && onBehalfOf !== principal.userId) return this.onBehalfOf(principal, onBehalfOf);
    return principal;
  }

  /**
   * 代录入: with an active grant clerk → rep, the request runs with the rep's identity,
   * permissions and scope, while `actorId` stays the clerk (audit records both).
   */
  private async onBehalfOf(clerk: Principal, repId: string): Promise<Principal> {
    const state = UUID.test(repId) ? await this.delegations.state(clerk.userId, repId) : 'none';
    if (state === 'none') throw new DomainException(ErrorCode.FORBIDDEN, 'You hold no delegation for that user.');
    if (state === 'ended') throw new DomainException(ErrorCode.DELEGATION_EXPIRED, 'Your delegation for that user has ended.');
    const [row] = (await this.dataSource.query(PRINCIPAL_SQL, [repId, null])) as PrincipalRow[];
    if (!row || !row.active) throw new DomainException(ErrorCode.FORBIDDEN, 'The user you act for is disabled.');
    return { ...this.toPrincipal(row), actorId: clerk.userId, sessionId: clerk.sessionId };
  }

  /**
   * An API key acts as its owner, limited to its scopes and to what the owner holds
   * right now (each with the owner's data scope): an owner who loses a permission or
   * is disabled takes it from the key at once.
   */
  private async resolveApiKey(secret: string): Promise<Principal> {
    const key = await this.apiKeys.authenticate(secret);
    const owner = await this.load(key.ownerId, null);
    const permissions: Record<string, DataScope> = {};
    for (const scope of key.scopes) if (owner.permissions[scope]) permissions[scope] = owner.permissions[scope];
    return { ...owner, kind: 'api-key', apiKeyId: key.id, roles: [], permissions, sessionId: undefined };
  }

  /** Loads a user's principal; `sessionId` must be a live login session (null: no session to check, e.g. API keys). */
  load(userId: string, sessionId: string | null): Promise<Principal> {
    return this.cache.get(userId, sessionId, () => this.loadFresh(userId, sessionId));
  }

  private async loadFresh(userId: string, sessionId: string | null): Promise<Principal> {
    const [row] = (await this.dataSource.query(PRINCIPAL_SQL, [userId, sessionId])) as PrincipalRow[];
    if (!row || !row.session_ok) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The session has ended; log in again.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    if (!row.active) throw new DomainException(ErrorCode.ACCOUNT_DISABLED, 'This account is disabled.');
    return { ...this.toPrincipal(row), sessionId: sessionId ?? undefined };
  }

  private toPrincipal(row: PrincipalRow): Principal {
    return {
      kind: 'user',
      userId: row.id,
      actorId: row.id,
      roles: row.roles,
      permissions: mergeGrants(row.grants),
      departmentId: row.department_id,
      departmentSubtreeIds: row.subtree,
      teamMemberIds: row.team_members.length ? row.team_members : [row.id],
      modules: row.modules ?? Object.values(AppModuleName),
    };
  }
}

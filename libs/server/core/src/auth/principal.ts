import { DataScope } from '@kehu/contracts';

/** Who is calling, resolved once per request by the auth guard. */
export interface Principal {
  kind: 'user' | 'api-key';
  /** The user the request acts as (for API keys: the key's owner). */
  userId: string;
  /** The authenticated clerk when acting on behalf of `userId` (代录入). */
  actorId: string;
  apiKeyId?: string;
  /** Login session (refresh-token family) of a user token. */
  sessionId?: string;
  roles: string[];
  /** permission name → widest scope granted for it. */
  permissions: Record<string, DataScope>;
  departmentId: string | null;
  /** The caller's department and all its sub-departments. */
  departmentSubtreeIds: string[];
  /** Users in the caller's teams (including the caller). */
  teamMemberIds: string[];
  modules: string[];
}

/** Implemented by the identity module; core only knows the interface. */
export interface PrincipalResolver {
  resolve(bearerToken: string, onBehalfOf?: string): Promise<Principal>;
}

export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');

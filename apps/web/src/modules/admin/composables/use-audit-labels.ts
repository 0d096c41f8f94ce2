import { useI18n } from 'vue-i18n';

/** `login.failed` → `login_failed`: message keys cannot hold dots or hyphens of their own. */
const keyOf = (value: string) => value.replace(/[.-]/g, '_');

/** Readable names for audit actions and entity types; unknown ones are shown as sent. */
export function useAuditLabels() {
  const { t, te } = useI18n();
  const label = (group: string, value: string) => (te(`admin.audit.${group}.${keyOf(value)}`) ? t(`admin.audit.${group}.${keyOf(value)}`) : value);
  return {
    actionLabel: (action: string) => label('actions', action),
    entityLabel: (type: string) => label('entities', type),
  };
}

/** Entity types the audit log filter offers (what the identity module records). */
export const auditEntityTypes = ['user', 'department', 'team', 'role', 'api-key', 'delegation'] as const;

/** Actions the audit log filter offers. */
export const auditActions = [
  'create',
  'update',
  'update.permissions',
  'update.rollout',
  'move',
  'delete',
  'revoke',
  'login',
  'login.failed',
  'login.locked',
  'logout',
  'session.revoked',
  'password.changed',
  'password.reset',
] as const;

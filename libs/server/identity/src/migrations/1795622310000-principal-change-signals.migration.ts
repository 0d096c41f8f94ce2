import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything a cached principal is made of signals `principals` when it changes
 * (PrincipalCache drops its entries). Only the columns the principal reads fire, so a
 * profile edit or a login does not empty every replica's cache; a revoked session
 * drops only that session's entries.
 */
export class PrincipalChangeSignals1795622310000 implements MigrationInterface {
  name = 'PrincipalChangeSignals1795622310000';

  async up(q: QueryRunner): Promise<void> {
    const signal = `FOR EACH STATEMENT EXECUTE FUNCTION kehu_signal_change('principals')`;
    await q.query(`CREATE TRIGGER users_principal_signal AFTER UPDATE OF active, department_id, deleted_at OR DELETE ON users ${signal}`);
    await q.query(`CREATE TRIGGER user_roles_principal_signal AFTER INSERT OR UPDATE OR DELETE ON user_roles ${signal}`);
    await q.query(`CREATE TRIGGER roles_principal_signal AFTER UPDATE OF key, permissions OR DELETE ON roles ${signal}`);
    await q.query(`CREATE TRIGGER team_members_principal_signal AFTER INSERT OR UPDATE OR DELETE ON team_members ${signal}`);
    await q.query(`CREATE TRIGGER departments_principal_signal AFTER INSERT OR UPDATE OF parent_id, path, modules, deleted_at OR DELETE ON departments ${signal}`);
    await q.query(`CREATE TRIGGER refresh_tokens_principal_signal AFTER DELETE ON refresh_tokens ${signal}`);
    // A session ends when its tokens are revoked: name it, so other sessions stay cached.
    await q.query(`CREATE FUNCTION kehu_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kehu_changes', 'principals:session:' || NEW.family_id);
  RAISE NOTICE 'kehu_change:principals:session:%', NEW.family_id;
  RETURN NULL;
END $$`);
    await q.query(`CREATE TRIGGER refresh_tokens_session_signal AFTER UPDATE OF revoked_at ON refresh_tokens FOR EACH ROW
      WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION kehu_session_revoked()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['users_principal_signal', 'users'],
      ['user_roles_principal_signal', 'user_roles'],
      ['roles_principal_signal', 'roles'],
      ['team_members_principal_signal', 'team_members'],
      ['departments_principal_signal', 'departments'],
      ['refresh_tokens_principal_signal', 'refresh_tokens'],
      ['refresh_tokens_session_signal', 'refresh_tokens'],
    ]) await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    await q.query(`DROP FUNCTION kehu_session_revoked()`);
  }
}

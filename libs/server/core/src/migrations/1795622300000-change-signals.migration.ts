import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `kehu_signal_change(topic)`: the trigger function behind ChangeSignals. NOTIFY reaches
 * every API process after commit; the NOTICE reaches the writing connection at once.
 */
export class ChangeSignals1795622300000 implements MigrationInterface {
  name = 'ChangeSignals1795622300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION kehu_signal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kehu_changes', TG_ARGV[0]);
  RAISE NOTICE 'kehu_change:%', TG_ARGV[0];
  RETURN NULL;
END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kehu_signal_change()`);
  }
}

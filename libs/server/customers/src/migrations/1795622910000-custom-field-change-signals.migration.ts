import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom-field definitions signal `custom_fields` when they change, so CustomFieldsService keeps
 * them in memory (every create and update of a customer, lead or opportunity read them: a round
 * trip of seven for a created customer).
 */
export class CustomFieldChangeSignals1795622910000 implements MigrationInterface {
  name = 'CustomFieldChangeSignals1795622910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER custom_field_definitions_signal AFTER INSERT OR UPDATE OR DELETE ON custom_field_definitions
      FOR EACH STATEMENT EXECUTE FUNCTION kehu_signal_change('custom_fields')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER custom_field_definitions_signal ON custom_field_definitions`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts still follow their customer's owner and department, but set-based: one statement-level
 * trigger with transition tables instead of one trigger call (and one UPDATE) per customer row.
 * The pool return job moves thousands of customers per batch; this keeps a batch's lock time
 * down. (Transition tables cannot name columns, so it runs after every customers UPDATE and
 * joins old and new rows to find the owner changes.)
 */
export class ContactsFollowOwnerSet1795621010000 implements MigrationInterface {
  name = 'ContactsFollowOwnerSet1795621010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER customers_owner_to_contacts ON customers`);
    await q.query(`CREATE FUNCTION contacts_follow_customer_owner_set() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contacts ct SET owner_id = n.owner_id, department_id = n.department_id, version = ct.version + 1, updated_at = now()
          FROM new_customers n JOIN old_customers o ON o.id = n.id
         WHERE ct.customer_id = n.id
           AND (o.owner_id IS DISTINCT FROM n.owner_id OR o.department_id IS DISTINCT FROM n.department_id)
           AND (ct.owner_id IS DISTINCT FROM n.owner_id OR ct.department_id IS DISTINCT FROM n.department_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customers_owner_to_contacts AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_customers NEW TABLE AS new_customers
      FOR EACH STATEMENT EXECUTE FUNCTION contacts_follow_customer_owner_set()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER customers_owner_to_contacts ON customers`);
    await q.query(`DROP FUNCTION contacts_follow_customer_owner_set()`);
    await q.query(`CREATE TRIGGER customers_owner_to_contacts AFTER UPDATE OF owner_id, department_id ON customers FOR EACH ROW
      WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.department_id IS DISTINCT FROM NEW.department_id)
      EXECUTE FUNCTION contacts_follow_customer_owner()`);
  }
}

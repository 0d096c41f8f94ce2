import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact's owner and department are its customer's: they are read through the customer
 * (the scope filter joins customers) instead of being copied onto every contact and kept in
 * step by a trigger. Moving a customer (claim, assign, the pool return job) no longer rewrites
 * its contacts and their 12 indexes: at bench scale 1 that copy was about half the return
 * job's cost (~0.45 ms per customer).
 */
export class ContactsScopeThroughCustomer1795622500000 implements MigrationInterface {
  name = 'ContactsScopeThroughCustomer1795622500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER customers_owner_to_contacts ON customers`);
    await q.query(`DROP FUNCTION contacts_follow_customer_owner_set()`);
    await q.query(`DROP FUNCTION contacts_follow_customer_owner()`);
    await q.query(`DROP INDEX "contacts_deleted_customer_idx"`);
    await q.query(`DROP INDEX "contacts_owner_keyset_idx"`);
    await q.query(`DROP INDEX "contacts_department_keyset_idx"`);
    await q.query(`ALTER TABLE "contacts" DROP COLUMN "owner_id", DROP COLUMN "department_id"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contacts" ADD "owner_id" uuid, ADD "department_id" uuid`);
    await q.query(`UPDATE contacts k SET owner_id = c.owner_id, department_id = c.department_id FROM customers c WHERE c.id = k.customer_id`);
    await q.query(`CREATE INDEX "contacts_owner_keyset_idx" ON "contacts" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_department_keyset_idx" ON "contacts" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_deleted_customer_idx" ON "contacts" ("customer_id") WHERE deleted_at IS NOT NULL`);
    await q.query(`CREATE FUNCTION contacts_follow_customer_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contacts SET owner_id = NEW.owner_id, department_id = NEW.department_id, version = version + 1, updated_at = now()
         WHERE customer_id = NEW.id AND (owner_id IS DISTINCT FROM NEW.owner_id OR department_id IS DISTINCT FROM NEW.department_id);
        RETURN NULL;
      END $$`);
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
}

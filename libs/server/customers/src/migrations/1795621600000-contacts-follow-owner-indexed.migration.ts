import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The set-based contacts-follow-owner trigger could not use an index: every contacts index on
 * customer_id is partial (deleted_at IS NULL) and its UPDATE did not say so, so each customers
 * UPDATE (each batch of the pool return job) sequentially scanned all contacts — 2M rows,
 * 1–4.7 s per batch at bench scale 1. Live and soft-deleted contacts are now updated by two
 * statements: the live ones through contacts_customer_keyset_idx, the deleted ones through a
 * small partial index that holds only deleted contacts (so it costs live writes nothing).
 */
export class ContactsFollowOwnerIndexed1795621600000 implements MigrationInterface {
  name = 'ContactsFollowOwnerIndexed1795621600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "contacts_deleted_customer_idx" ON "contacts" ("customer_id") WHERE deleted_at IS NOT NULL`);
    await q.query(`CREATE OR REPLACE FUNCTION contacts_follow_customer_owner_set() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM new_customers n JOIN old_customers o ON o.id = n.id
                        WHERE o.owner_id IS DISTINCT FROM n.owner_id OR o.department_id IS DISTINCT FROM n.department_id) THEN
          RETURN NULL;
        END IF;
        UPDATE contacts ct SET owner_id = n.owner_id, department_id = n.department_id, version = ct.version + 1, updated_at = now()
          FROM new_customers n JOIN old_customers o ON o.id = n.id
         WHERE ct.customer_id = n.id AND ct.deleted_at IS NULL
           AND (o.owner_id IS DISTINCT FROM n.owner_id OR o.department_id IS DISTINCT FROM n.department_id)
           AND (ct.owner_id IS DISTINCT FROM n.owner_id OR ct.department_id IS DISTINCT FROM n.department_id);
        UPDATE contacts ct SET owner_id = n.owner_id, department_id = n.department_id, version = ct.version + 1, updated_at = now()
          FROM new_customers n JOIN old_customers o ON o.id = n.id
         WHERE ct.customer_id = n.id AND ct.deleted_at IS NOT NULL
           AND (o.owner_id IS DISTINCT FROM n.owner_id OR o.department_id IS DISTINCT FROM n.department_id)
           AND (ct.owner_id IS DISTINCT FROM n.owner_id OR ct.department_id IS DISTINCT FROM n.department_id);
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION contacts_follow_customer_owner_set() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contacts ct SET owner_id = n.owner_id, department_id = n.department_id, version = ct.version + 1, updated_at = now()
          FROM new_customers n JOIN old_customers o ON o.id = n.id
         WHERE ct.customer_id = n.id
           AND (o.owner_id IS DISTINCT FROM n.owner_id OR o.department_id IS DISTINCT FROM n.department_id)
           AND (ct.owner_id IS DISTINCT FROM n.owner_id OR ct.department_id IS DISTINCT FROM n.department_id);
        RETURN NULL;
      END $$`);
    await q.query(`DROP INDEX "contacts_deleted_customer_idx"`);
  }
}

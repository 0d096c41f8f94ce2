import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts and their per-channel consents. Hand-written beyond the generated tables:
 * keyset indexes (DESC order), GIN on the phone/e-mail arrays for the duplicate check,
 * trigram on name and on the phones+e-mails text for "contains" search, and a trigger
 * that keeps each contact's owner/department equal to its customer's (the scope columns).
 */
export class Contacts1795620500000 implements MigrationInterface {
  name = 'Contacts1795620500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "title" character varying(100), "department" character varying(100), "phones" text array NOT NULL DEFAULT '{}', "emails" text array NOT NULL DEFAULT '{}', "wechat_id" character varying(64), "birthday" date, "is_primary" boolean NOT NULL DEFAULT false, "owner_id" uuid, "department_id" uuid, "preferred_channel" character varying(10), "preferred_hours" character varying(11), "notes" character varying(2000), "external_id" character varying(100), "external_source" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "contacts_external_uq" ON "contacts" ("external_source", "external_id") WHERE deleted_at IS NULL AND external_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "contacts_primary_uq" ON "contacts" ("customer_id") WHERE is_primary AND deleted_at IS NULL`);
    await q.query(`CREATE TABLE "contact_consents" ("contact_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "source" character varying(100), "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" uuid, CONSTRAINT "PK_c0d3aeadfb7f6ac1be23fc181d1" PRIMARY KEY ("contact_id", "channel"))`);
    await q.query(`CREATE INDEX "contact_consents_channel_status_idx" ON "contact_consents" ("channel", "status", "contact_id") `);

    await q.query(`CREATE INDEX "contacts_keyset_idx" ON "contacts" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_customer_keyset_idx" ON "contacts" ("customer_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_owner_keyset_idx" ON "contacts" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_department_keyset_idx" ON "contacts" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_name_keyset_idx" ON "contacts" ("name", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("name" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_phones_idx" ON "contacts" USING gin ("phones") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_emails_idx" ON "contacts" USING gin ("emails") WHERE deleted_at IS NULL`);
    // array_to_string is only STABLE in general, but for text[] its result never depends on settings.
    await q.query(`CREATE FUNCTION contacts_reach_text(phones text[], emails text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(phones || emails, ' ') $$`);
    await q.query(`CREATE INDEX "contacts_reach_trgm_idx" ON "contacts" USING gin ((contacts_reach_text(phones, emails)) gin_trgm_ops) WHERE deleted_at IS NULL`);

    // Contacts follow their customer's owner and department (assignments, bulk updates, the pool job, merges).
    await q.query(`CREATE FUNCTION contacts_follow_customer_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contacts SET owner_id = NEW.owner_id, department_id = NEW.department_id, version = version + 1, updated_at = now()
         WHERE customer_id = NEW.id AND (owner_id IS DISTINCT FROM NEW.owner_id OR department_id IS DISTINCT FROM NEW.department_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customers_owner_to_contacts AFTER UPDATE OF owner_id, department_id ON customers FOR EACH ROW
      WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.department_id IS DISTINCT FROM NEW.department_id)
      EXECUTE FUNCTION contacts_follow_customer_owner()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER customers_owner_to_contacts ON customers`);
    await q.query(`DROP FUNCTION contacts_follow_customer_owner()`);
    await q.query(`DROP INDEX "public"."contacts_reach_trgm_idx"`);
    await q.query(`DROP FUNCTION contacts_reach_text(text[], text[])`);
    await q.query(`DROP INDEX "public"."contact_consents_channel_status_idx"`);
    await q.query(`DROP TABLE "contact_consents"`);
    await q.query(`DROP TABLE "contacts"`);
  }
}

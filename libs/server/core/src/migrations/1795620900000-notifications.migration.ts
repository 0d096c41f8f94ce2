import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795620900000 implements MigrationInterface {
  name = 'Notifications1795620900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "title" character varying(200) NOT NULL, "body" text, "link" character varying(300), "entity_type" character varying(60), "entity_id" character varying(64), "dedupe_key" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" ("user_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX "notifications_user_idx" ON "notifications" ("user_id", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
  }
}

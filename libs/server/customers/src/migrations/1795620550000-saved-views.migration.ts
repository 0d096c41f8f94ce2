import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved list views (private or shared with a team). */
export class SavedViews1795620550000 implements MigrationInterface {
  name = 'SavedViews1795620550000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "saved_views" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_type" character varying(20) NOT NULL, "name" character varying(100) NOT NULL, "filters" jsonb NOT NULL DEFAULT '{}', "columns" text array NOT NULL DEFAULT '{}', "owner_id" uuid NOT NULL, "shared_with_team_id" uuid, CONSTRAINT "PK_30acd4fbe2058d97631ab9bb2b6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "saved_views_team_idx" ON "saved_views" ("shared_with_team_id", "entity_type") WHERE deleted_at IS NULL AND shared_with_team_id IS NOT NULL`);
    await q.query(`CREATE INDEX "saved_views_owner_idx" ON "saved_views" ("owner_id", "entity_type") WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."saved_views_owner_idx"`);
    await q.query(`DROP INDEX "public"."saved_views_team_idx"`);
    await q.query(`DROP TABLE "saved_views"`);
  }
}

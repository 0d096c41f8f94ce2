import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CSV imports: the job with its counters, the uploaded file in slices, the failed rows. */
export class Imports1795622000000 implements MigrationInterface {
  name = 'Imports1795622000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'queued', "total" integer, "processed" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "options" jsonb NOT NULL DEFAULT '{}', "run_as" jsonb NOT NULL, "bytes" bigint NOT NULL DEFAULT '0', "error" character varying(1000), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "heartbeat_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_imports" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "imports_created_by_idx" ON "imports" ("created_by", "created_at") `);
    await q.query(`CREATE TABLE "import_chunks" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_import_chunks" PRIMARY KEY ("import_id", "seq"))`);
    await q.query(`CREATE TABLE "import_errors" ("import_id" uuid NOT NULL, "row_number" integer NOT NULL, "errors" jsonb NOT NULL, "cells" jsonb NOT NULL, CONSTRAINT "PK_import_errors" PRIMARY KEY ("import_id", "row_number"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "import_errors"`);
    await q.query(`DROP TABLE "import_chunks"`);
    await q.query(`DROP TABLE "imports"`);
  }
}

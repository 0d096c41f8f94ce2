import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, departments, teams, roles and refresh tokens. */
export class IdentityInit1795620100000 implements MigrationInterface {
  name = 'IdentityInit1795620100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "phone" character varying(32), "locale" character varying(10) NOT NULL DEFAULT 'zh-CN', "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "department_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "users_department_idx" ON "users" ("department_id") `);
    await q.query(`CREATE UNIQUE INDEX "users_email_uq" ON "users" ("email") WHERE deleted_at IS NULL`);
    await q.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" ("user_id") `);
    await q.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("family_id") `);
    await q.query(`CREATE UNIQUE INDEX "refresh_tokens_hash_uq" ON "refresh_tokens" ("token_hash") `);
    await q.query(`CREATE TABLE "roles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(60) NOT NULL, "name" character varying(200) NOT NULL, "built_in" boolean NOT NULL DEFAULT false, "permissions" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_c1433d71a4838793a49dcad46ab" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "roles_key_uq" ON "roles" ("key") `);
    await q.query(`CREATE TABLE "user_roles" ("user_id" uuid NOT NULL, "role_id" uuid NOT NULL, CONSTRAINT "PK_23ed6f04fe43066df08379fd034" PRIMARY KEY ("user_id", "role_id"))`);
    await q.query(`CREATE INDEX "user_roles_role_idx" ON "user_roles" ("role_id") `);
    await q.query(`CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "parent_id" uuid, "path" text NOT NULL, "manager_id" uuid, "modules" text array NOT NULL DEFAULT '{sales,marketing,service,analytics}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "departments_parent_idx" ON "departments" ("parent_id") `);
    await q.query(`CREATE INDEX "departments_path_idx" ON "departments" ("path") `);
    await q.query(`CREATE TABLE "team_members" ("team_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id"))`);
    await q.query(`CREATE INDEX "team_members_user_idx" ON "team_members" ("user_id") `);
    await q.query(`CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "department_id" uuid NOT NULL, "manager_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "teams_department_idx" ON "teams" ("department_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."teams_department_idx"`);
    await q.query(`DROP TABLE "teams"`);
    await q.query(`DROP INDEX "public"."team_members_user_idx"`);
    await q.query(`DROP TABLE "team_members"`);
    await q.query(`DROP INDEX "public"."departments_path_idx"`);
    await q.query(`DROP INDEX "public"."departments_parent_idx"`);
    await q.query(`DROP TABLE "departments"`);
    await q.query(`DROP INDEX "public"."user_roles_role_idx"`);
    await q.query(`DROP TABLE "user_roles"`);
    await q.query(`DROP INDEX "public"."roles_key_uq"`);
    await q.query(`DROP TABLE "roles"`);
    await q.query(`DROP INDEX "public"."refresh_tokens_hash_uq"`);
    await q.query(`DROP INDEX "public"."refresh_tokens_family_idx"`);
    await q.query(`DROP INDEX "public"."refresh_tokens_user_idx"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP INDEX "public"."users_email_uq"`);
    await q.query(`DROP INDEX "public"."users_department_idx"`);
    await q.query(`DROP TABLE "users"`);
  }
}

import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import request from 'supertest';
import { configureApp, CoreModule, fastifyAdapterOptions, loadConfig, type AppConfig, type SchemaParts } from '@kehu/server-core';
import { cloneTemplate, type TestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@kehu.test', password: 'Admin-pass-1234' };

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** Logs in and returns the access token. */
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Feature modules under test (core is added). */
  imports?: (Type<unknown> | DynamicModule)[];
  /** Or the whole app's root module, built from config + database url. */
  root?: (config: AppConfig, databaseUrl: string) => DynamicModule;
  schema: SchemaParts;
  env?: Record<string, string>;
  /** Share another app's database (several API instances on one database). */
  database?: TestDatabase;
  /** Runs on the Nest app before init (e.g. the OpenAPI setup). */
  beforeInit?: (app: INestApplication, config: AppConfig) => void;
}

/** Boots a real Nest app over HTTP on a private clone of the migrated template. */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const server = process.env.TEST_DATABASE_URL;
  const template = process.env.KEHU_TEST_TEMPLATE;
  if (!server || !template) throw new Error('TEST_DATABASE_URL / KEHU_TEST_TEMPLATE missing: run through jest with the project globalSetup');
  const db = options.database ?? (await cloneTemplate(server, template));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-test-secret-test-secret!',
    KEHU_ADMIN_EMAIL: TEST_ADMIN.email,
    KEHU_ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '4',
    ...options.env,
  });
  const root = options.root
    ? options.root(config, db.url)
    : { module: class TestRootModule {}, imports: [CoreModule.forRoot({ config, databaseUrl: db.url, ...options.schema }), ...(options.imports ?? [])] };
  const moduleRef = await Test.createTestingModule({ imports: [root] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(fastifyAdapterOptions(config)), { bodyParser: false, logger: false });
  configureApp(app, config);
  options.beforeInit?.(app, config);
  await app.init();
  await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    db,
    http,
    async login(email = TEST_ADMIN.email, password = TEST_ADMIN.password) {
      const res = await http().post('/api/v1/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}

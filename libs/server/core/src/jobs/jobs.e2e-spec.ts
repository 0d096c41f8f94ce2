/** pg-boss on the same database: jobs run, and two API instances never run one job twice. */
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { coreEntities, coreMigrations, JobsService } from '../index';

const QUEUE = 'test-record';

/** Each instance records which job ids it handled, in the database, so duplicates are visible. */
@Injectable()
class RecordingJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly ds: DataSource,
  ) {}
  onModuleInit() {
    this.jobs.register<{ n: number }>(QUEUE, async (batch) => {
      for (const job of batch) await this.ds.query(`INSERT INTO handled (job_id, n, pid) VALUES ($1, $2, $3)`, [job.id, job.data.n, process.pid]);
    });
  }
}

@Module({ providers: [RecordingJob] })
class RecordingModule {}

describe('jobs (pg-boss)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = { JOBS_ENABLED: 'true', JOBS_POLL_SECONDS: '1' };
    const schema = { entities: coreEntities, migrations: coreMigrations };
    a = await createTestApp({ imports: [RecordingModule], schema, env });
    b = await createTestApp({ imports: [RecordingModule], schema, env, database: a.db });
    await a.app.get(DataSource).query(`CREATE TABLE handled (job_id text NOT NULL, n int NOT NULL, pid int NOT NULL)`);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('runs every queued job exactly once across two instances', async () => {
    const jobs = a.app.get(JobsService);
    expect(jobs.started).toBe(true);
    for (let n = 1; n <= 20; n++) await (n % 2 ? jobs : b.app.get(JobsService)).send(QUEUE, { n });
    const ds = a.app.get(DataSource);
    const deadline = Date.now() + 20_000;
    let handled: { n: number }[] = [];
    while (Date.now() < deadline) {
      handled = await ds.query(`SELECT n FROM handled ORDER BY n`);
      if (handled.length >= 20) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would show up here
    handled = await ds.query(`SELECT n FROM handled ORDER BY n`);
    expect(handled.map((h) => h.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  }, 40_000);

  it('runs a handler inline on demand (admins\' "run now")', async () => {
    await a.app.get(JobsService).runNow(QUEUE, { n: 99 });
    expect(await a.app.get(DataSource).query(`SELECT n FROM handled WHERE n = 99`)).toEqual([{ n: 99 }]);
  });
});

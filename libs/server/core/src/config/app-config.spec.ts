import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', JWT_SECRET: 'x'.repeat(40) };

describe('loadConfig', () => {
  it('schedules daily jobs in company time by default, or the zone given', () => {
    expect(loadConfig(base).jobsTimeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ ...base, JOBS_TIME_ZONE: 'Europe/Berlin' }).jobsTimeZone).toBe('Europe/Berlin');
  });

  it('refuses a time zone that does not exist, naming the variable', () => {
    expect(() => loadConfig({ ...base, JOBS_TIME_ZONE: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, JOBS_TIME_ZONE: 'Mars/Olympus' })).toThrow(/JOBS_TIME_ZONE/);
  });
});

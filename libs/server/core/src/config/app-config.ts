import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Everything the API reads from the environment, validated once at start. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  version: string;
  port: number;
  /** External PostgreSQL; when absent an embedded server is started under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  dbPoolSize: number;
  logLevel: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  jobsEnabled: boolean;
  outboxPollMs: number;
  /** How often each job worker polls its queue. */
  jobsPollSeconds: number;
  /** Time zone of the daily job schedules (pool returns at 02:00 company time, not UTC). */
  jobsTimeZone: string;
  /** How long an outgoing webhook may take to answer before the attempt counts as failed. */
  webhookTimeoutMs: number;
  /** How long a resolved principal may be reused (0: load it on every request); changes evict it at once. */
  principalCacheSeconds: number;
  trustProxy: boolean;
  adminEmail: string;
  adminPassword?: string;
  defaultPhoneRegion: string;
  webDistDir?: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const SIZE = /^(\d+)(b|kb|mb)?$/i;

function parseSize(value: string): number | undefined {
  const m = SIZE.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  return Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (`JWT_SECRET=` copied from .env.example) means unset.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== '')) as NodeJS.ProcessEnv;
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name} must be true or false (got "${raw}")`);
    return raw === 'true' || raw === '1';
  };

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const dataDir = resolve(env.KEHU_DATA_DIR ?? '.data');
  const bodyLimitBytes = parseSize(env.BODY_LIMIT ?? '1mb');
  if (bodyLimitBytes === undefined) problems.push(`BODY_LIMIT must look like 1mb, 512kb or 1048576 (got "${env.BODY_LIMIT}")`);
  const adminEmail = (env.KEHU_ADMIN_EMAIL ?? 'admin@kehu.local').trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push('KEHU_ADMIN_EMAIL must be an e-mail address');
  const adminPassword = env.KEHU_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) problems.push('KEHU_ADMIN_PASSWORD must have at least 10 characters');
  let jwtSecret = env.JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('JWT_SECRET must have at least 32 characters');
  if (!jwtSecret) {
    if (nodeEnv === 'production') problems.push('JWT_SECRET is required when NODE_ENV=production');
    else jwtSecret = databaseUrl ? randomBytes(32).toString('hex') : persistedSecret(dataDir);
  }
  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    version: env.KEHU_VERSION ?? packageVersion(),
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir,
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    jwtSecret: jwtSecret ?? '',
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    bodyLimitBytes: bodyLimitBytes ?? 0,
    jobsEnabled: bool('JOBS_ENABLED', nodeEnv !== 'test'),
    outboxPollMs: int('OUTBOX_POLL_MS', 1000, 50, 600000),
    jobsPollSeconds: int('JOBS_POLL_SECONDS', 2, 1, 3600),
    jobsTimeZone: env.JOBS_TIME_ZONE ?? 'Asia/Shanghai',
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 1000, 60_000),
    principalCacheSeconds: int('PRINCIPAL_CACHE_SECONDS', 30, 0, 3600),
    trustProxy: bool('TRUST_PROXY', false),
    adminEmail,
    adminPassword,
    defaultPhoneRegion: (env.DEFAULT_PHONE_REGION ?? 'CN').toUpperCase(),
    webDistDir: env.KEHU_WEB_DIST || undefined,
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${config.logLevel}")`);
  if (!validTimeZone(config.jobsTimeZone)) problems.push(`JOBS_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${config.jobsTimeZone}")`);
  if (!/^[A-Z]{2}$/.test(config.defaultPhoneRegion)) problems.push('DEFAULT_PHONE_REGION must be a two-letter country code');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Dev/embedded mode: keep one secret under .data so tokens survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The root package.json version, found by walking up from this file (works in dist and in the image). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'kehu') return pkg.version ?? '0.0.0';
  }
  return '0.0.0';
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

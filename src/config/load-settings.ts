import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { HaloSettings } from './halo-settings';
import { projectRoot } from './project-root';

export type Environment = Record<string, string | undefined>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON tree before validation
type Tree = Record<string, any>;

/** Where each environment variable lands in the settings tree, and how it is read. */
const ENVIRONMENT_OVERRIDES: Record<string, { path: string; parse: (raw: string) => unknown }> = {
  PORT: { path: 'server.port', parse: toNumber },
  HOST: { path: 'server.host', parse: String },
  TRUST_PROXY: { path: 'server.trustProxy', parse: toBoolean },
  DOCS_PUBLIC: { path: 'server.docsPublic', parse: toBoolean },
  PUBLIC_BASE_URL: { path: 'server.publicBaseUrl', parse: String },
  BODY_MAX_BYTES: { path: 'server.bodyMaxBytes', parse: toNumber },
  IMPORT_MAX_BYTES: { path: 'server.importMaxBytes', parse: toNumber },
  IMPORT_WORKER_MIN_BYTES: { path: 'imports.workerMinBytes', parse: toNumber },
  IMPORTS_MAX_CONCURRENT: { path: 'imports.maxConcurrent', parse: toNumber },
  LOG_LEVEL: { path: 'server.logLevel', parse: String },
  SQLITE_PATH: { path: 'database.sqlitePath', parse: String },
  DATABASE_URL: { path: 'database.url', parse: String },
  DB_BUSY_TIMEOUT_MS: { path: 'database.busyTimeoutMs', parse: toNumber },
  SQLITE_CACHE_MB: { path: 'database.sqliteCacheMb', parse: toNumber },
  HALO_ADMIN_KEY: { path: 'auth.adminKey', parse: String },
  AUTH_FAILURES_PER_MINUTE: { path: 'auth.failuresPerMinute', parse: toNumber },
  BASE_CURRENCY: { path: 'money.baseCurrency', parse: String },
  CURRENCY_RATES: { path: 'money.currencyRates', parse: parseRates },
  VALUE_RECOMPUTE_CRON: { path: 'value.recomputeCron', parse: String },
  VALUE_RECOMPUTE_IN_WORKER: { path: 'value.recomputeInWorker', parse: toBoolean },
  VALUE_RECOMPUTE_CHUNK_SIZE: { path: 'value.recomputeChunkSize', parse: toNumber },
  VALUE_RECOMPUTE_CHUNK_LEASE_MS: { path: 'value.recomputeChunkLeaseMs', parse: toNumber },
  VALUE_RECOMPUTE_HELP: { path: 'value.recomputeHelp', parse: toBoolean },
  VALUE_RECOMPUTE_THREADS: { path: 'value.recomputeThreads', parse: toNumber },
  SMTP_HOST: { path: 'digests.smtp.host', parse: String },
  SMTP_PORT: { path: 'digests.smtp.port', parse: toNumber },
  SMTP_SECURE: { path: 'digests.smtp.secure', parse: toBoolean },
  SMTP_USER: { path: 'digests.smtp.user', parse: String },
  SMTP_PASSWORD: { path: 'digests.smtp.password', parse: String },
  SMTP_FROM: { path: 'digests.smtp.from', parse: String },
  DIGEST_OUTBOX_DIR: { path: 'digests.outboxDir', parse: String },
  DIGEST_OUTBOX_RETENTION_DAYS: { path: 'digests.outboxRetentionDays', parse: toNumber },
  DIGEST_MAX_ATTEMPTS: { path: 'digests.maxAttempts', parse: toNumber },
  DIGEST_RETRY_BACKOFF_SECONDS: { path: 'digests.retryBackoffSeconds', parse: toNumber },
  DIGEST_LEASE_MINUTES: { path: 'digests.leaseMinutes', parse: toNumber },
  DIGEST_TICK_CRON: { path: 'digests.tickCron', parse: String },
  DIGEST_SCHEDULER: { path: 'digests.scheduler', parse: toBoolean },
  IDEMPOTENCY_TTL_HOURS: { path: 'idempotency.ttlHours', parse: toNumber },
  SYSTEM_SUMMARY_CACHE_SECONDS: { path: 'system.summaryCacheSeconds', parse: toNumber },
  ERASURE_LOCK_WAIT_SECONDS: { path: 'privacy.erasureLockWaitSeconds', parse: toNumber },
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: { path: 'webhooks.allowPrivateTargets', parse: toBoolean },
  WEBHOOKS_MAX_ATTEMPTS: { path: 'webhooks.maxAttempts', parse: toNumber },
  WEBHOOKS_RETRY_BACKOFF_SECONDS: { path: 'webhooks.retryBackoffSeconds', parse: toNumber },
  WEBHOOKS_TIMEOUT_MS: { path: 'webhooks.timeoutMs', parse: toNumber },
  WEBHOOKS_DELIVERY_CRON: { path: 'webhooks.deliveryCron', parse: String },
  WEBHOOKS_SCHEDULER: { path: 'webhooks.scheduler', parse: toBoolean },
  AUDIT_RETENTION_DAYS: { path: 'audit.retentionDays', parse: toNumber },
  BRAND_TIMEZONE: { path: 'brand.timezone', parse: String },
};

export class SettingsError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`Invalid setting ${setting}: ${reason}`);
  }
}

/**
 * Defaults from config/halo.json, then an operator's file (HALO_CONFIG_FILE), then the
 * environment. Throws a SettingsError naming the first bad setting.
 */
export function loadSettings(environment: Environment = process.env): HaloSettings {
  const root = projectRoot();
  const tree = readJson(join(root, 'config', 'halo.json'), 'config/halo.json');
  const operatorFile = environment.HALO_CONFIG_FILE;
  if (operatorFile) {
    const file = isAbsolute(operatorFile) ? operatorFile : resolve(operatorFile);
    deepMerge(tree, readJson(file, 'HALO_CONFIG_FILE'));
  }
  tree.auth ??= {};
  for (const [name, { path, parse }] of Object.entries(ENVIRONMENT_OVERRIDES)) {
    const raw = environment[name];
    if (raw === undefined || raw === '') continue;
    setPath(tree, path, parse(raw.trim()));
  }
  const settings = plainToInstance(HaloSettings, tree, { enableImplicitConversion: false });
  const errors = validateSync(settings, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const { path, reason } = firstProblem(errors[0]);
    throw new SettingsError(describe(path), reason);
  }
  return settings;
}

function describe(path: string): string {
  const variable = Object.entries(ENVIRONMENT_OVERRIDES).find(
    ([, target]) => path === target.path || path.startsWith(`${target.path}.`),
  );
  return variable ? `${variable[0]} (${path})` : path;
}

function firstProblem(error: ValidationError, prefix = ''): { path: string; reason: string } {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) {
    const reason = Object.values(error.constraints)
      .map((message) => message.replace(/^\S+ /, ''))
      .join('; ');
    return { path, reason };
  }
  return firstProblem(error.children![0], path);
}

function readJson(file: string, label: string): Tree {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Tree;
  } catch (error) {
    throw new SettingsError(label, `cannot read ${file}: ${(error as Error).message}`);
  }
}

function deepMerge(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    const isObject = value && typeof value === 'object' && !Array.isArray(value);
    if (isObject && target[key] && typeof target[key] === 'object') deepMerge(target[key], value);
    else target[key] = value;
  }
}

function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
}

function toBoolean(raw: string): boolean | string {
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  return raw;
}

function toNumber(raw: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
}

/** `USD=0.92,GBP=1.17` or a JSON object. */
function parseRates(raw: string): unknown {
  if (raw.startsWith('{')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return Object.fromEntries(
    raw
      .split(/[,;]/)
      .filter(Boolean)
      .map((pair) => pair.split('=').map((part) => part.trim())),
  );
}

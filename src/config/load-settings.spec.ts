import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError, loadSettings } from './load-settings';

describe('loadSettings', () => {
  it('reads the defaults from config/halo.json', () => {
    const settings = loadSettings({});
    expect(settings.server.port).toBe(3000);
    expect(settings.money.baseCurrency).toBe('EUR');
    expect(settings.database.sqlitePath).toBe('data/halo.sqlite');
    expect(settings.database.url).toBeUndefined();
    expect(settings.imports).toEqual({ batchSize: 2000, workerMinBytes: 262144, maxConcurrent: 2 });
  });

  it('lets the environment override settings', () => {
    const settings = loadSettings({
      PORT: '8080',
      BASE_CURRENCY: 'USD',
      CURRENCY_RATES: 'EUR=1.08, GBP=1.27',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      HALO_ADMIN_KEY: 'a-long-enough-admin-secret-123',
      IMPORT_WORKER_MIN_BYTES: '0',
    });
    expect(settings.server.port).toBe(8080);
    expect(settings.imports.workerMinBytes).toBe(0);
    expect(settings.money).toEqual({
      baseCurrency: 'USD',
      currencyRates: { EUR: '1.08', GBP: '1.27' },
    });
    expect(settings.database.url).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(settings.auth.adminKey).toBe('a-long-enough-admin-secret-123');
  });

  it('reads the erasure lock wait, 30 s by default, from ERASURE_LOCK_WAIT_SECONDS', () => {
    expect(loadSettings({}).privacy).toEqual({ erasureLockWaitSeconds: 30 });
    expect(loadSettings({ ERASURE_LOCK_WAIT_SECONDS: '5' }).privacy.erasureLockWaitSeconds).toBe(5);
    expect(() => loadSettings({ ERASURE_LOCK_WAIT_SECONDS: '-1' })).toThrow(
      'Invalid setting ERASURE_LOCK_WAIT_SECONDS (privacy.erasureLockWaitSeconds)',
    );
  });

  it('reads the brand time zone, UTC by default, and refuses a zone that does not exist', () => {
    expect(loadSettings({}).brand).toEqual({ timezone: 'UTC' });
    expect(loadSettings({ BRAND_TIMEZONE: 'Europe/Rome' }).brand.timezone).toBe('Europe/Rome');
    expect(() => loadSettings({ BRAND_TIMEZONE: 'Europe/Milano' })).toThrow(
      'Invalid setting BRAND_TIMEZONE (brand.timezone): must be an IANA time zone such as UTC or Europe/Rome',
    );
    expect(() => loadSettings({ BRAND_TIMEZONE: '+01:00x' })).toThrow(SettingsError);
  });

  it('reads the webhook settings, private targets refused by default', () => {
    expect(loadSettings({}).webhooks).toMatchObject({
      allowPrivateTargets: false,
      maxAttempts: 8,
      retryBackoffSeconds: 60,
      scheduler: true,
    });
    const settings = loadSettings({
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOKS_MAX_ATTEMPTS: '3',
      WEBHOOKS_DELIVERY_CRON: '*/5 * * * *',
    });
    expect(settings.webhooks).toMatchObject({
      allowPrivateTargets: true,
      maxAttempts: 3,
      deliveryCron: '*/5 * * * *',
    });
  });

  it('merges an operator file over the defaults', () => {
    const folder = mkdtempSync(join(tmpdir(), 'halo-config-'));
    const file = join(folder, 'halo.json');
    writeFileSync(file, JSON.stringify({ money: { baseCurrency: 'GBP' } }));
    const settings = loadSettings({ HALO_CONFIG_FILE: file });
    expect(settings.money.baseCurrency).toBe('GBP');
    expect(settings.money.currencyRates.USD).toBe('0.92');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT (server.port)'],
    [{ PORT: '70000' }, 'PORT (server.port)'],
    [{ BASE_CURRENCY: 'EURO' }, 'BASE_CURRENCY (money.baseCurrency)'],
    [{ CURRENCY_RATES: 'USD=-1' }, 'CURRENCY_RATES (money.currencyRates)'],
    [{ CURRENCY_RATES: 'XXQ=1' }, 'CURRENCY_RATES (money.currencyRates)'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL (database.url)'],
    [{ HALO_ADMIN_KEY: 'short' }, 'HALO_ADMIN_KEY (auth.adminKey)'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL (server.logLevel)'],
    [{ IMPORT_WORKER_MIN_BYTES: '-1' }, 'IMPORT_WORKER_MIN_BYTES (imports.workerMinBytes)'],
    [{ IMPORT_WORKER_MIN_BYTES: '256k' }, 'IMPORT_WORKER_MIN_BYTES (imports.workerMinBytes)'],
    [{ HALO_CONFIG_FILE: '/nonexistent/halo.json' }, 'HALO_CONFIG_FILE'],
    [{ WEBHOOKS_MAX_ATTEMPTS: '0' }, 'WEBHOOKS_MAX_ATTEMPTS (webhooks.maxAttempts)'],
    [
      { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'maybe' },
      'WEBHOOKS_ALLOW_PRIVATE_TARGETS (webhooks.allowPrivateTargets)',
    ],
  ])('refuses %p naming %s', (environment, setting) => {
    expect(() => loadSettings(environment)).toThrow(SettingsError);
    expect(() => loadSettings(environment)).toThrow(`Invalid setting ${setting}`);
  });

  it('refuses an unknown key in an operator file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'halo-config-'));
    const file = join(folder, 'halo.json');
    writeFileSync(file, JSON.stringify({ server: { prot: 1 } }));
    expect(() => loadSettings({ HALO_CONFIG_FILE: file })).toThrow('Invalid setting server.prot');
  });
});

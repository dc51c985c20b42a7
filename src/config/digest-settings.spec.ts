import { SettingsError, loadSettings } from './load-settings';

describe('digest settings', () => {
  it('defaults to the outbox, with retries and a lease', () => {
    const { digests } = loadSettings({});
    expect(digests.smtp.host).toBeUndefined();
    expect(digests).toMatchObject({
      outboxDir: 'data/outbox',
      outboxRetentionDays: 30,
      outboxRetentionCron: '41 3 * * *',
      maxAttempts: 5,
      retryBackoffSeconds: 60,
      leaseMinutes: 10,
      tickCron: '* * * * *',
      scheduler: true,
      maxCatchUp: 12,
    });
  });

  it('reads SMTP and digest settings from the environment', () => {
    const { digests } = loadSettings({
      SMTP_HOST: 'smtp.example.com',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'halo',
      SMTP_PASSWORD: 'secret',
      SMTP_FROM: 'Halo <digests@example.com>',
      DIGEST_OUTBOX_DIR: '/tmp/outbox',
      DIGEST_OUTBOX_RETENTION_DAYS: '7',
      DIGEST_MAX_ATTEMPTS: '3',
      DIGEST_RETRY_BACKOFF_SECONDS: '30',
      DIGEST_LEASE_MINUTES: '5',
      DIGEST_TICK_CRON: '*/2 * * * *',
      DIGEST_SCHEDULER: 'false',
    });
    expect(digests).toMatchObject({
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: 'halo',
        password: 'secret',
        from: 'Halo <digests@example.com>',
      },
      outboxDir: '/tmp/outbox',
      outboxRetentionDays: 7,
      maxAttempts: 3,
      retryBackoffSeconds: 30,
      leaseMinutes: 5,
      tickCron: '*/2 * * * *',
      scheduler: false,
    });
  });

  it.each([
    [{ SMTP_PORT: 'smtp' }, 'SMTP_PORT (digests.smtp.port)'],
    [{ SMTP_SECURE: 'maybe' }, 'SMTP_SECURE (digests.smtp.secure)'],
    [{ SMTP_FROM: 'not an address' }, 'SMTP_FROM (digests.smtp.from)'],
    [{ DIGEST_MAX_ATTEMPTS: '0' }, 'DIGEST_MAX_ATTEMPTS (digests.maxAttempts)'],
    [
      { DIGEST_OUTBOX_RETENTION_DAYS: '0' },
      'DIGEST_OUTBOX_RETENTION_DAYS (digests.outboxRetentionDays)',
    ],
    [{ DIGEST_TICK_CRON: 'often' }, 'DIGEST_TICK_CRON (digests.tickCron)'],
  ])('refuses %p naming %s', (environment, setting) => {
    expect(() => loadSettings(environment)).toThrow(SettingsError);
    expect(() => loadSettings(environment)).toThrow(`Invalid setting ${setting}`);
  });
});

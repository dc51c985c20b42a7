import { SettingsError, loadSettings } from './load-settings';

describe('idempotency settings', () => {
  it('keeps records 24 hours by default, IDEMPOTENCY_TTL_HOURS overriding', () => {
    expect(loadSettings({}).idempotency.ttlHours).toBe(24);
    expect(loadSettings({ IDEMPOTENCY_TTL_HOURS: '0.5' }).idempotency.ttlHours).toBe(0.5);
  });

  it.each(['0', '-1', 'a day'])('refuses IDEMPOTENCY_TTL_HOURS=%s', (ttl) => {
    expect(() => loadSettings({ IDEMPOTENCY_TTL_HOURS: ttl })).toThrow(SettingsError);
    expect(() => loadSettings({ IDEMPOTENCY_TTL_HOURS: ttl })).toThrow(/IDEMPOTENCY_TTL_HOURS/);
  });
});

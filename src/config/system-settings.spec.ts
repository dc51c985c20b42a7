import { SettingsError, loadSettings } from './load-settings';

describe('system settings', () => {
  it('defaults to a 15 s summary cache, a 7-day window and 48 hours before a recompute is overdue', () => {
    expect(loadSettings({}).system).toEqual({
      summaryCacheSeconds: 15,
      recentDays: 7,
      recomputeOverdueHours: 48,
    });
  });

  it('reads the cache from SYSTEM_SUMMARY_CACHE_SECONDS, 0 turning it off', () => {
    expect(loadSettings({ SYSTEM_SUMMARY_CACHE_SECONDS: '0' }).system.summaryCacheSeconds).toBe(0);
  });

  it.each(['-1', 'soon', '3601'])('refuses SYSTEM_SUMMARY_CACHE_SECONDS=%s', (value) => {
    const load = () => loadSettings({ SYSTEM_SUMMARY_CACHE_SECONDS: value });
    expect(load).toThrow(SettingsError);
    expect(load).toThrow(
      'Invalid setting SYSTEM_SUMMARY_CACHE_SECONDS (system.summaryCacheSeconds)',
    );
  });
});

import { SettingsError, loadSettings } from './load-settings';

describe('audit settings', () => {
  it('keeps entries 400 days by default, AUDIT_RETENTION_DAYS overriding', () => {
    expect(loadSettings({}).audit).toEqual({ retentionDays: 400, purgeCron: '41 3 * * *' });
    expect(loadSettings({ AUDIT_RETENTION_DAYS: '30' }).audit.retentionDays).toBe(30);
  });

  it.each(['0', '-5', '1.5', 'a year'])('refuses AUDIT_RETENTION_DAYS=%s', (days) => {
    expect(() => loadSettings({ AUDIT_RETENTION_DAYS: days })).toThrow(SettingsError);
    expect(() => loadSettings({ AUDIT_RETENTION_DAYS: days })).toThrow(
      'Invalid setting AUDIT_RETENTION_DAYS (audit.retentionDays)',
    );
  });
});

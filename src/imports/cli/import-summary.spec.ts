import { importSummary } from './import-summary';

describe('importSummary', () => {
  it('prints the counts, the rate and the first refused rows', () => {
    const errors = Array.from({ length: 12 }, (_, index) => ({
      line: index + 2,
      ...(index === 0 ? { externalId: 'crm-1' } : {}),
      details: [{ field: 'email', reason: 'must be an email address', code: 'isEmail' }],
    }));
    const text = importSummary(
      {
        type: 'members',
        format: 'csv',
        rows: 100,
        created: 80,
        updated: 3,
        unchanged: 5,
        refused: 12,
        errors,
        errorsTruncated: false,
        durationMs: 2000,
      },
      'members.csv',
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('members from members.csv (csv): 100 rows in 2.0 s (50 rows/s)');
    expect(lines[1]).toBe('  created 80, updated 3, unchanged 5, refused 12');
    expect(lines[2]).toBe('refused rows (first 10 of 12):');
    expect(lines[3]).toBe('  line 2 (crm-1): email must be an email address [isEmail]');
    expect(lines).toHaveLength(13);
  });
});

import {
  actionText,
  actorText,
  detailsText,
  shortId,
  when,
} from '../public/js/pages/audit-words.js';

/** The audit page's entries in words. */
describe('audit words', () => {
  it('says what was done from the verb, and leaves a route without one as it is', () => {
    expect(actionText('member.erase')).toBe('Erased a member');
    expect(actionText('purchase.create')).toBe('Created a purchase');
    expect(actionText('apiKey.revoke')).toBe('Revoked an API key');
    expect(actionText('identity.delete')).toBe('Deleted an identity');
    expect(actionText('digestSubscription.update')).toBe('Updated a digest subscription');
    expect(actionText('referral.approve')).toBe('Approved a referral');
    expect(actionText('auth.failed')).toBe('Failed authentication');
    expect(actionText('import.create')).toBe('Imported a file');
    expect(actionText('POST /api/v1/things')).toBe('POST /api/v1/things');
  });

  it('names the actor as recorded, or says nobody is known', () => {
    const key = { keyId: 'k1', keyName: 'CRM sync', keyPrefix: null };
    expect(actorText({ kind: 'key', ...key })).toEqual({ name: 'CRM sync', how: 'API key' });
    expect(actorText({ kind: 'session', ...key })).toEqual({ name: 'CRM sync', how: 'Dashboard' });
    expect(
      actorText({ kind: 'anonymous', keyId: null, keyName: null, keyPrefix: 'halo_abc123' }),
    ).toEqual({ name: 'Key halo_abc123…', how: 'Unknown' });
    expect(actorText({ kind: 'anonymous', keyId: null, keyName: null, keyPrefix: null }).name).toBe(
      'Nobody known',
    );
    expect(actorText({ kind: 'system', keyId: null, keyName: null, keyPrefix: null }).name).toBe(
      'Halo',
    );
  });

  it('counts an import’s rows and a retention run’s deletions', () => {
    expect(
      detailsText({ type: 'members', rows: 2, created: 1, updated: 0, unchanged: 0, refused: 1 }),
    ).toBe('members: 2 rows (1 created, 1 refused)');
    expect(detailsText({ rows: 1, created: 0, updated: 0, unchanged: 1, refused: 0 })).toBe(
      '1 row (1 unchanged)',
    );
    expect(detailsText({ deleted: 12, retentionDays: 400 })).toBe('12 entries older than 400 days');
    expect(detailsText({ via: 'cli' })).toBe('from the command line');
    expect(detailsText(null)).toBeNull();
  });

  it('shortens ids and writes instants in UTC', () => {
    expect(shortId('0193a6f2-9c1e-7a44-8f2b-5b7f3c1d2e4a')).toBe('0193a6f2…');
    expect(when('2026-12-03T23:14:05.120Z')).toBe('3 Dec 2026, 23:14:05 UTC');
    expect(when('nope')).toBe('—');
  });
});

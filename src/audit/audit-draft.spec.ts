import { AnsweredRequest, auditDraft } from './audit-draft';

const MEMBER = '0193a6f2-9c1e-7a44-8f2b-5b7f3c1d2e4a';
const OTHER = '0193a6f2-9c1e-7a44-8f2b-5b7f3c1d2e4b';
const KEY = { kind: 'key' as const, keyId: '11111111-1111-4111-8111-111111111111', keyName: 'CRM' };

const answered = (overrides: Partial<AnsweredRequest>): AnsweredRequest => ({
  method: 'POST',
  route: '/api/v1/members',
  params: {},
  body: {},
  statusCode: 201,
  requestId: 'r-1',
  remoteAddress: '203.0.113.7',
  audit: { actor: KEY, handled: true },
  ...overrides,
});

describe('auditDraft', () => {
  it('names a write by its verb, its actor and the record it created', () => {
    const draft = auditDraft(
      answered({
        audit: { actor: KEY, handled: true, result: { recordIds: [MEMBER], details: null } },
      }),
    );
    expect(draft).toEqual({
      actor: KEY,
      keyPrefix: null,
      action: 'member.create',
      method: 'POST',
      route: '/api/v1/members',
      statusCode: 201,
      outcome: 'success',
      requestId: 'r-1',
      remoteAddress: '203.0.113.7',
      recordIds: [MEMBER],
      details: null,
    });
  });

  it('takes the route ids and the named body ids, UUIDs only, once each, lower-cased', () => {
    const draft = auditDraft(
      answered({
        route: '/api/v1/members/:id/merge',
        params: { id: MEMBER.toUpperCase() },
        body: { otherMemberId: OTHER, email: 'ada@example.com' },
        statusCode: 200,
        audit: { actor: KEY, handled: true, result: { recordIds: [MEMBER], details: null } },
      }),
    );
    expect(draft).toMatchObject({ action: 'member.merge', recordIds: [MEMBER, OTHER] });
    const bad = auditDraft(
      answered({
        route: '/api/v1/members/:id',
        method: 'DELETE',
        params: { id: 'ada@example.com' },
      }),
    );
    expect(bad).toMatchObject({ action: 'member.erase', recordIds: [] });
  });

  it('gives a route without a verb its method and pattern', () => {
    expect(auditDraft(answered({ route: '/api/v1/things/:id', method: 'PUT' }))?.action).toBe(
      'PUT /api/v1/things/:id',
    );
  });

  it('calls 4xx and 5xx refused, and an abandoned request what its handler did', () => {
    expect(auditDraft(answered({ statusCode: 403, audit: { actor: KEY } }))?.outcome).toBe(
      'refused',
    );
    expect(auditDraft(answered({ statusCode: 500 }))?.outcome).toBe('refused');
    expect(auditDraft(answered({ statusCode: null }))?.outcome).toBe('refused');
    expect(
      auditDraft(
        answered({
          statusCode: null,
          audit: { actor: KEY, handled: true, result: { recordIds: [], details: null } },
        }),
      )?.outcome,
    ).toBe('success');
  });

  it('records a failed authentication anonymously, on any method', () => {
    const draft = auditDraft(
      answered({
        method: 'GET',
        route: null,
        statusCode: 401,
        audit: { failedAuthentication: { keyPrefix: 'halo_abcdef' } },
      }),
    );
    expect(draft).toMatchObject({
      actor: { kind: 'anonymous', keyId: null, keyName: null },
      keyPrefix: 'halo_abcdef',
      action: 'auth.failed',
      outcome: 'refused',
    });
  });

  it('leaves out reads, unrouted requests and writes that named no one and reached no handler', () => {
    expect(auditDraft(answered({ method: 'GET', route: '/api/v1/members' }))).toBeNull();
    expect(auditDraft(answered({ route: null }))).toBeNull();
    expect(auditDraft(answered({ route: '/health' }))).toBeNull();
    expect(auditDraft(answered({ statusCode: 401, audit: {} }))).toBeNull();
    expect(
      auditDraft(
        answered({ method: 'GET', route: '/api/v1/members/:id/export', params: { id: MEMBER } }),
      ),
    ).toMatchObject({ action: 'member.export', recordIds: [MEMBER] });
    expect(auditDraft(answered({ audit: { handled: true } }))?.actor.kind).toBe('anonymous');
  });
});

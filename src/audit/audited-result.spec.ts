import { auditedResult } from './audited-result';

const ID = '0193a6f2-9c1e-7a44-8f2b-5b7f3c1d2e4a';
const MEMBER = '0193a6f2-9c1e-7a44-8f2b-5b7f3c1d2e4b';

describe('auditedResult', () => {
  it('keeps the record id and its member, never another field', () => {
    expect(
      auditedResult({ id: ID, memberId: MEMBER, email: 'ada@example.com', name: 'Ada' }),
    ).toEqual({ recordIds: [ID, MEMBER], details: null });
    expect(auditedResult({ member: { id: MEMBER, email: 'x@example.com' } }).recordIds).toEqual([
      MEMBER,
    ]);
  });

  it('keeps an import’s counts and record type', () => {
    expect(
      auditedResult({
        type: 'members',
        format: 'csv',
        rows: 3,
        created: 1,
        updated: 0,
        unchanged: 1,
        refused: 1,
        errors: [{ line: 2, details: [{ field: 'email', reason: 'ada@x', code: 'isEmail' }] }],
      }),
    ).toEqual({
      recordIds: [],
      details: { rows: 3, created: 1, updated: 0, unchanged: 1, refused: 1, type: 'members' },
    });
  });

  it('keeps nothing of answers without ids: lists, strings, ids that are not UUIDs', () => {
    expect(auditedResult([{ id: ID }])).toEqual({ recordIds: [], details: null });
    expect(auditedResult('ok')).toEqual({ recordIds: [], details: null });
    expect(auditedResult({ id: 'ada@example.com' })).toEqual({ recordIds: [], details: null });
  });
});

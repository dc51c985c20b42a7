import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { translateUniqueViolation } from './unique-violation.translator';

function queryFailed(code: string): QueryFailedError {
  return new QueryFailedError('INSERT INTO t', [], Object.assign(new Error('refused'), { code }));
}

describe('translateUniqueViolation', () => {
  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'])(
    'says a unique violation (%s) as a conflict',
    (code) => {
      const translated = translateUniqueViolation(queryFailed(code));
      expect(translated).toBeInstanceOf(DomainError);
      expect(translated).toMatchObject({ kind: 'conflict', code: 'CONFLICT', details: [] });
    },
  );

  it('leaves other database errors and plain errors alone', () => {
    expect(translateUniqueViolation(queryFailed('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBeUndefined();
    expect(translateUniqueViolation(new Error('boom'))).toBeUndefined();
  });
});

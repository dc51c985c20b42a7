import { responseFields } from './response-fields';

describe('responseFields', () => {
  const record = {
    id: 'a1',
    name: 'Ada',
    secret: 'never shown',
    createdAt: Date.UTC(2026, 10, 23, 10),
    revokedAt: null as number | null,
  };

  it('copies the named fields and writes the named instants as ISO strings', () => {
    expect(responseFields(record, ['id', 'name'], ['createdAt', 'revokedAt'])).toEqual({
      id: 'a1',
      name: 'Ada',
      createdAt: '2026-11-23T10:00:00.000Z',
      revokedAt: null,
    });
  });

  it('leaves out what it is not told to show', () => {
    expect(Object.keys(responseFields(record, ['id'], ['createdAt']))).toEqual(['id', 'createdAt']);
  });
});

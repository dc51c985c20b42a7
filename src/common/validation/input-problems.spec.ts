import { MAX_INPUT_DEPTH, inputProblems } from './input-problems';

describe('inputProblems', () => {
  it('finds nothing in ordinary input, emoji and other planes included', () => {
    expect(
      inputProblems({ name: 'Zoë 😀', tags: ['vip', 'ß'], nested: { list: [{ a: 1 }] } }),
    ).toEqual([]);
    expect(inputProblems(undefined)).toEqual([]);
    expect(inputProblems(42)).toEqual([]);
  });

  it('names NUL characters and lone surrogates by their dotted path', () => {
    expect(
      inputProblems({ name: 'a\u0000', tags: ['ok', '\ud800'], deep: { email: 'x\udc00@y.z' } }),
    ).toEqual(
      expect.arrayContaining([
        {
          field: 'name',
          reason: 'must not contain a NUL character (U+0000)',
          code: 'nulCharacter',
        },
        {
          field: 'tags.1',
          reason: 'must be well-formed Unicode (holds a lone surrogate)',
          code: 'loneSurrogate',
        },
        {
          field: 'deep.email',
          reason: 'must be well-formed Unicode (holds a lone surrogate)',
          code: 'loneSurrogate',
        },
      ]),
    );
  });

  it('takes a root name for a query or path value', () => {
    expect(inputProblems('a\u0000b', 'q')).toEqual([
      { field: 'q', reason: expect.any(String), code: 'nulCharacter' },
    ]);
    expect(inputProblems({ q: ['x', 'a\u0000'] }, '')[0].field).toBe('q.1');
  });

  it('refuses reserved keys as unknown fields, own properties from JSON.parse included', () => {
    const parsed = JSON.parse('{"__proto__":{"admin":true},"a":{"constructor":1},"prototype":2}');
    expect(inputProblems(parsed).map((problem) => [problem.field, problem.code])).toEqual(
      expect.arrayContaining([
        ['__proto__', 'unknownField'],
        ['a.constructor', 'unknownField'],
        ['prototype', 'unknownField'],
      ]),
    );
  });

  it('stops at the depth limit with one short detail, without recursing', () => {
    const nested = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(inputProblems(nested)).toEqual([
      { field: '(body)', reason: `nests deeper than ${MAX_INPUT_DEPTH} levels`, code: 'maxDepth' },
    ]);
    let atLimit: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH; level += 1) atLimit = { a: atLimit };
    expect(inputProblems(atLimit)).toEqual([]);
    expect(inputProblems({ wrap: atLimit })[0].code).toBe('maxDepth');
  });

  it('bounds the answer: at most 10 details, long paths cut', () => {
    expect(inputProblems(Array.from({ length: 500 }, () => '\u0000'))).toHaveLength(10);
    const field = inputProblems({ ['k'.repeat(10_000)]: '\u0000' })[0].field;
    expect(field.length).toBeLessThanOrEqual(201);
  });
});

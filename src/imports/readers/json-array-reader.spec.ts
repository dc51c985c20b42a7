import { DomainError } from '../../common/errors/domain-error';
import { readJsonArray } from './json-array-reader';
import { collect, inChunks } from './reader-test-helpers';

const read = (text: string, size = text.length || 1) =>
  collect(readJsonArray(inChunks(text, size)));

describe('readJsonArray', () => {
  it('yields each element with its position, whatever the chunk boundaries', async () => {
    const text = ' [ {"a":"x,]}\\"[{"}, {"b":[1,{"c":[]}]} ,\n{"d":"\\\\"}, 42 ] \n';
    const whole = await read(text);
    expect(whole).toEqual([
      { line: 1, value: { a: 'x,]}"[{' } },
      { line: 2, value: { b: [1, { c: [] }] } },
      { line: 3, value: { d: '\\' } },
      { line: 4, value: 42 },
    ]);
    for (let size = 1; size <= 9; size += 1) expect(await read(text, size)).toEqual(whole);
  });

  it('reads an empty array and tolerates a trailing comma', async () => {
    expect(await read('[]')).toEqual([]);
    expect(await read('[{"a":1},]')).toEqual([{ line: 1, value: { a: 1 } }]);
  });

  it('refuses a broken element and reads the next one', async () => {
    const rows = await read('[{"a":1,}, {"b":2}, nope, {"c":3}]');
    expect(rows).toEqual([
      { line: 1, problem: expect.objectContaining({ code: 'malformedJson' }) },
      { line: 2, value: { b: 2 } },
      { line: 3, problem: expect.objectContaining({ code: 'malformedJson' }) },
      { line: 4, value: { c: 3 } },
    ]);
  });

  it('refuses a body that is not an array before any row', async () => {
    await expect(read('{"a":1}')).rejects.toBeInstanceOf(DomainError);
    await expect(read('   ')).rejects.toMatchObject({ details: [{ code: 'isArray' }] });
  });

  it('reports a file cut off inside an element or before the closing bracket', async () => {
    expect(await read('[{"a":1},{"b":')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, problem: expect.objectContaining({ code: 'truncated' }) },
    ]);
    expect(await read('[{"a":1},')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, problem: expect.objectContaining({ code: 'truncated' }) },
    ]);
  });

  it('reports content after the closing bracket', async () => {
    expect(await read('[{"a":1}] {"b":2}')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, problem: expect.objectContaining({ code: 'malformedJson' }) },
    ]);
  });

  it('refuses an element longer than the limit without keeping it', async () => {
    const rows = await read(`[{"a":"${'x'.repeat(1_100_000)}"},{"b":1}]`, 65536);
    expect(rows).toEqual([
      { line: 1, problem: expect.objectContaining({ code: 'tooLarge' }) },
      { line: 2, value: { b: 1 } },
    ]);
  });
});

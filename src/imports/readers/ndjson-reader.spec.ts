import { readNdjson } from './ndjson-reader';
import { collect, inChunks } from './reader-test-helpers';

const read = (text: string, size = text.length || 1) => collect(readNdjson(inChunks(text, size)));

describe('readNdjson', () => {
  it('reads one value a line with physical line numbers, CRLF or LF, blank lines skipped', async () => {
    const text = '{"a":1}\r\n\r\n  \n{"b":"x\\ny"}\n{"c":3}';
    const whole = await read(text);
    expect(whole).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { b: 'x\ny' } },
      { line: 5, value: { c: 3 } },
    ]);
    for (let size = 1; size <= 7; size += 1) expect(await read(text, size)).toEqual(whole);
  });

  it('refuses a line that is not JSON and reads on', async () => {
    expect(await read('{"a":1}\n{oops\n{"b":2}\n')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, problem: expect.objectContaining({ field: '(row)', code: 'malformedJson' }) },
      { line: 3, value: { b: 2 } },
    ]);
  });

  it('refuses a line longer than the limit without keeping it', async () => {
    const rows = await read(`{"a":"${'x'.repeat(1_100_000)}"}\n{"b":1}\n`, 65536);
    expect(rows).toEqual([
      { line: 1, problem: expect.objectContaining({ code: 'tooLarge' }) },
      { line: 2, value: { b: 1 } },
    ]);
  });
});

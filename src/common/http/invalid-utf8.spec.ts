import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from './invalid-utf8';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );

describe('firstInvalidUtf8', () => {
  it('finds nothing in valid text of every length of sequence', () => {
    expect(firstInvalidUtf8(bytes('a ß € 😀 日本'))).toBeNull();
    expect(firstInvalidUtf8(bytes(''))).toBeNull();
  });

  it('gives line, column in code points and byte offset', () => {
    expect(firstInvalidUtf8(bytes('{"a":\n"€x', [0xff]))).toEqual({
      line: 2,
      column: 4,
      offset: 11,
    });
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong form', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut by the end', [0xe2, 0x82]],
    ['a sequence cut by ASCII', [0xe2, 0x82, 0x41]],
    ['0xF5', [0xf5, 0x80, 0x80, 0x80]],
  ])('%s, where Node refuses it too', (_label, sequence) => {
    const body = bytes('ab', sequence, 'c');
    expect(isUtf8(body)).toBe(false);
    expect(firstInvalidUtf8(body)).toEqual({ line: 1, column: 3, offset: 2 });
  });
});

/** Where the first byte that is not UTF-8 sits: 1-based line and column (in code points), 0-based byte offset. */
export interface Utf8Position {
  line: number;
  column: number;
  offset: number;
}

/**
 * The position of the first invalid UTF-8 sequence (overlong forms, surrogates and code points
 * past U+10FFFF included, as WHATWG's decoder refuses them), or null when all is valid. Only
 * run once `isUtf8` has said no, so it can walk byte by byte.
 */
export function firstInvalidUtf8(bytes: Uint8Array): Utf8Position | null {
  let line = 1;
  let column = 1;
  let offset = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes, offset);
    if (length === 0) return { line, column, offset };
    if (bytes[offset] === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    offset += length;
  }
  return null;
}

/** The length of the valid sequence starting at `offset`, 0 when it is not one. */
function sequenceLength(bytes: Uint8Array, offset: number): number {
  const first = bytes[offset];
  if (first < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) low = 0xa0;
    if (first === 0xed) high = 0x9f;
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) low = 0x90;
    if (first === 0xf4) high = 0x8f;
  } else return 0;
  if (offset + length > bytes.length) return 0;
  const second = bytes[offset + 1];
  if (second < low || second > high) return 0;
  for (let index = 2; index < length; index += 1) {
    const next = bytes[offset + index];
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

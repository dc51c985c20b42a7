/** Integers from this many digits may lie beyond Number.MAX_SAFE_INTEGER (16 digits). */
const UNSAFE_DIGITS = 16;

/**
 * JSON text with every integer literal of 16 or more digits turned into a string, so that
 * JSON.parse keeps vendor ids exact: Shopify's documented ids (820982911946154508) exceed 2^53
 * and would silently become another order. Strings are copied untouched, escapes included.
 */
export function quoteLargeIntegers(text: string): string {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      const end = endOfString(text, index);
      output += text.slice(index, end);
      index = end;
      continue;
    }
    if (character === '-' || (character >= '0' && character <= '9')) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index, index + 400));
      const literal = match ? match[0] : character;
      const integer = match && !match[1] && !match[2];
      const digits = literal.replace('-', '').length;
      output += integer && digits >= UNSAFE_DIGITS ? `"${literal}"` : literal;
      index += literal.length;
      continue;
    }
    output += character;
    index += 1;
  }
  return output;
}

/** The index just after the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '\\') index += 2;
    else if (text[index] === '"') return index + 1;
    else index += 1;
  }
  return text.length;
}

import { isUtf8 } from 'node:buffer';
import { CommonErrorCode } from '../../common/errors/common-error-code';
import { DomainError } from '../../common/errors/domain-error';
import { firstInvalidUtf8 } from '../../common/http/invalid-utf8';
import { ImportCharset } from './import-charset';

/**
 * Decodes a byte stream as text in its charset, chunk by chunk (a character split across chunks
 * is kept whole), dropping a leading byte order mark. UTF-8 is strict: the first invalid byte
 * stops the import with its line and column, rather than being stored as U+FFFD.
 */
export async function* decodeText(
  source: AsyncIterable<Buffer | string>,
  charset: ImportCharset = 'utf-8',
): AsyncGenerator<string> {
  const chunks = charset === 'utf-8' ? strictUtf8(source) : windows1252(source);
  let first = true;
  for await (let text of chunks) {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
}

async function* windows1252(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('windows-1252');
  for await (const chunk of source)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

async function* strictUtf8(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const where = { line: 1, column: 1, byte: 0 };
  let carried: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const bytes = carried.length ? Buffer.concat([carried, chunk]) : chunk;
    const whole = wholeSequences(bytes);
    carried = Buffer.from(bytes.subarray(whole));
    const complete = bytes.subarray(0, whole);
    if (!isUtf8(complete)) throw invalidUtf8(where, complete);
    const text = complete.toString('utf8');
    advance(where, text, whole);
    yield text;
  }
  if (carried.length) throw invalidUtf8(where, carried);
}

/** The length of the prefix made of whole sequences: a sequence cut by the chunk's end waits. */
function wholeSequences(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function advance(
  where: { line: number; column: number; byte: number },
  text: string,
  bytes: number,
) {
  where.byte += bytes;
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak >= 0) {
    where.line += text.split('\n').length - 1;
    where.column = 1 + [...text.slice(lastBreak + 1)].length;
  } else where.column += [...text].length;
}

function invalidUtf8(
  where: { line: number; column: number; byte: number },
  bytes: Uint8Array,
): DomainError {
  // A sequence cut at the very end is invalid where it starts.
  const found = firstInvalidUtf8(bytes) ?? { line: 1, column: 1, offset: 0 };
  const line = where.line + found.line - 1;
  const column = found.line === 1 ? where.column + found.column - 1 : found.column;
  return new DomainError(
    'invalid',
    CommonErrorCode.BODY_UNREADABLE,
    'the import is not valid UTF-8: declare its charset (e.g. text/csv; charset=windows-1252) or convert it; rows before this point that were stored stay stored',
    [
      {
        field: '(body)',
        reason: `is not valid UTF-8 at line ${line}, column ${column} (byte ${where.byte + found.offset})`,
        code: 'invalidUtf8',
      },
    ],
  );
}

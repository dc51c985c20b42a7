import { DomainError } from '../../common/errors/domain-error';
import { CommonErrorCode } from '../../common/errors/common-error-code';

export interface ByteCounter {
  bytes: number;
}

/**
 * Passes a byte stream through, counting what was read (for progress) and refusing more than
 * `maxBytes` with a 413. A stream that breaks off (a client hanging up) becomes a clear 400.
 */
export async function* limitBytes(
  source: AsyncIterable<Buffer | string>,
  counter: ByteCounter,
  maxBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<Buffer | string> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer | string>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new DomainError(
        'invalid',
        CommonErrorCode.BODY_UNREADABLE,
        'the import could not be read to its end',
        [
          {
            field: '(body)',
            reason: (error as Error).message || 'was cut off',
            code: 'unreadable',
          },
        ],
      );
    }
    if (next.done) return;
    counter.bytes += Buffer.byteLength(next.value);
    // The source is left open: closing an HTTP request would close the socket before the 413.
    if (counter.bytes > maxBytes) throw tooLarge(maxBytes);
    yield next.value;
  }
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'too_large',
    CommonErrorCode.PAYLOAD_TOO_LARGE,
    `an import may be at most ${maxBytes} bytes (IMPORT_MAX_BYTES); rows before the limit that were stored stay stored, and importing the rest again is safe`,
    [{ field: '(body)', reason: `is larger than ${maxBytes} bytes`, code: 'tooLarge' }],
  );
}

import { DomainError } from '../../common/errors/domain-error';
import { MAX_ROW_CHARS, SourceRow, malformedJson, rowTooLarge } from './source-row';
import { CommonErrorCode } from '../../common/errors/common-error-code';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The elements of a top-level JSON array, read as a stream: the scanner only finds where each
 * element ends (tracking strings and nesting), and JSON.parse reads that one element, so memory
 * holds one element at a time. A broken element is a refused row; the next one is read again.
 * `line` is the element's 1-based position.
 */
export async function* readJsonArray(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  const scanner = new JsonArrayScanner();
  for await (const chunk of text) yield* scanner.push(chunk);
  yield* scanner.end();
}

export class JsonArrayScanner {
  private phase: 'before' | 'inside' | 'after' = 'before';
  /** Nesting inside the current element; 0 between elements. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element = '';
  private tooLong = false;
  private position = 0;
  private trailing = false;

  *push(chunk: string): Generator<SourceRow> {
    let index = 0;
    if (this.phase === 'before') {
      while (index < chunk.length && isSpace(chunk.charCodeAt(index))) index += 1;
      if (index === chunk.length) return;
      if (chunk.charCodeAt(index) !== OPEN_BRACKET) throw notAnArray();
      this.phase = 'inside';
      index += 1;
    }
    let start = index;
    for (; index < chunk.length && this.phase === 'inside'; index += 1) {
      const code = chunk.charCodeAt(index);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
      } else if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.depth += 1;
      } else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && this.depth > 0) {
        this.depth -= 1;
      } else if (this.depth === 0 && (code === COMMA || code === CLOSE_BRACKET)) {
        this.append(chunk, start, index);
        const row = this.flush(code === CLOSE_BRACKET);
        if (row) yield row;
        if (code === CLOSE_BRACKET) this.phase = 'after';
        start = index + 1;
      }
    }
    if (this.phase === 'inside') this.append(chunk, start, chunk.length);
    else if (this.phase === 'after' && !this.trailing) {
      for (; index < chunk.length; index += 1) {
        if (!isSpace(chunk.charCodeAt(index))) {
          this.trailing = true;
          break;
        }
      }
    }
  }

  *end(): Generator<SourceRow> {
    if (this.phase === 'before') throw notAnArray();
    const line = this.position + 1;
    if (this.phase === 'inside') {
      const inElement = this.tooLong || this.element.trim().length > 0;
      yield {
        line,
        problem: {
          field: '(row)',
          reason: inElement
            ? 'is cut off: the file ends inside this element'
            : 'is missing: the file ends before the closing ] of the array',
          code: 'truncated',
        },
      };
    } else if (this.trailing) {
      yield { line, problem: malformedJson('has content after the closing ] of the array') };
    }
  }

  private append(chunk: string, start: number, end: number): void {
    if (this.tooLong || end <= start) return;
    this.element += chunk.slice(start, end);
    if (this.element.length > MAX_ROW_CHARS) [this.element, this.tooLong] = ['', true];
  }

  /** The element that just ended; a trailing comma before ] is tolerated. */
  private flush(last: boolean): SourceRow | undefined {
    const text = this.element.trim();
    const tooLong = this.tooLong;
    [this.element, this.tooLong, this.inString, this.escaped] = ['', false, false, false];
    if (!text && !tooLong && last) return undefined;
    this.position += 1;
    const line = this.position;
    if (tooLong) return { line, problem: rowTooLarge() };
    if (!text) return { line, problem: malformedJson('is an empty element') };
    try {
      return { line, value: JSON.parse(text) };
    } catch {
      return { line, problem: malformedJson() };
    }
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function notAnArray(): DomainError {
  return new DomainError(
    'invalid',
    CommonErrorCode.MALFORMED_JSON,
    'a JSON import must be one array of objects: [{...}, {...}]',
    [{ field: '(body)', reason: 'must be a JSON array', code: 'isArray' }],
  );
}

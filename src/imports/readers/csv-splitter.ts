import { ErrorDetail } from '../../common/errors/domain-error';
import { MAX_ROW_CHARS, rowTooLarge } from './source-row';

/** One CSV record: its cells, the physical line where it starts, and why it is broken if it is. */
export interface CsvRecord {
  line: number;
  fields: string[];
  problem?: ErrorDetail;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the closing quote, or the first half of "". */
  QuoteInQuoted,
}

/**
 * Splits CSV text into records as it streams in (RFC 4180 plus common practice): quoted fields
 * may hold delimiters, "" and line breaks; records end with CRLF, LF or CR; lines are counted
 * physically so that a refused row can be found in the file.
 */
export class CsvSplitter {
  private readonly delimiter: number;
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private size = 0;
  private tooLong = false;
  private problem?: ErrorDetail;
  private line = 1;
  private recordLine = 1;
  private lastWasCR = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  *push(chunk: string): Generator<CsvRecord> {
    let runStart = 0;
    for (let index = 0; index < chunk.length; index += 1) {
      const code = chunk.charCodeAt(index);
      const afterCR = this.lastWasCR;
      this.lastWasCR = code === CR;
      if (code === CR || (code === LF && !afterCR)) this.line += 1;
      switch (this.state) {
        case State.FieldStart:
          if (code === QUOTE) {
            this.state = State.Quoted;
            runStart = index + 1;
          } else if (code === this.delimiter) {
            this.endField();
          } else if (code === LF && afterCR && this.fields.length === 0) {
            // the LF of a CRLF whose CR ended the previous record
          } else if (code === CR || code === LF) {
            this.endField();
            yield this.endRecord();
          } else {
            this.state = State.Unquoted;
            runStart = index;
          }
          break;
        case State.Unquoted:
          if (code === this.delimiter || code === CR || code === LF) {
            this.append(chunk, runStart, index);
            this.endField();
            if (code !== this.delimiter) yield this.endRecord();
          }
          break;
        case State.Quoted:
          if (code === QUOTE) {
            this.append(chunk, runStart, index);
            this.state = State.QuoteInQuoted;
          }
          break;
        case State.QuoteInQuoted:
          if (code === QUOTE) {
            this.state = State.Quoted;
            runStart = index;
          } else if (code === this.delimiter) {
            this.endField();
          } else if (code === CR || code === LF) {
            this.endField();
            yield this.endRecord();
          } else {
            this.problem ??= {
              field: `(column ${this.fields.length + 1})`,
              reason: 'has text after its closing quote',
              code: 'malformedCsv',
            };
            this.state = State.Unquoted;
            runStart = index;
          }
          break;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted)
      this.append(chunk, runStart, chunk.length);
  }

  *end(): Generator<CsvRecord> {
    if (this.state === State.Quoted) {
      this.problem ??= {
        field: `(column ${this.fields.length + 1})`,
        reason: 'opens a quote that is never closed',
        code: 'malformedCsv',
      };
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.endField();
      yield this.endRecord();
    }
  }

  private append(chunk: string, start: number, end: number): void {
    if (this.tooLong || end <= start) return;
    this.field += chunk.slice(start, end);
    if (this.size + this.field.length > MAX_ROW_CHARS) {
      [this.tooLong, this.field, this.fields] = [true, '', []];
    }
  }

  private endField(): void {
    this.state = State.FieldStart;
    if (this.tooLong) return;
    this.fields.push(this.field);
    this.size += this.field.length;
    this.field = '';
  }

  private endRecord(): CsvRecord {
    const record: CsvRecord = { line: this.recordLine, fields: this.fields };
    if (this.tooLong) record.problem = rowTooLarge();
    else if (this.problem) record.problem = this.problem;
    [this.fields, this.field, this.size, this.tooLong, this.problem] = [
      [],
      '',
      0,
      false,
      undefined,
    ];
    this.recordLine = this.line;
    return record;
  }
}

const CANDIDATES = [',', ';', '\t'];

/**
 * The delimiter of a CSV file, from its header line: the most frequent of `,` `;` and tab
 * outside quotes (`,` when there is none, i.e. a single column).
 */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATES)
    if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}

import { CellReading } from '../../common/csv/csv-locale';

const PLAIN = /^([+-]?)(\d+)(?:,(\d+))?$/;
const GROUPED = /^([+-]?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/**
 * A number as Italian spreadsheets write it, `,` for decimals and `.` between thousands:
 * `12,50`, `1234,56`, `1.234,56`, `1.234.567`, as a canonical decimal string (`1234.56`).
 * Refused: `1.234` (a thousands dot or a decimal point?), `1,234.5` and `12.5` (English
 * notation), and anything else that is not a number.
 */
export function readItalianNumber(cell: string): CellReading {
  const text = cell.trim();
  const plain = PLAIN.exec(text);
  if (plain) return { value: decimal(plain[1], plain[2], plain[3]) };
  const grouped = GROUPED.exec(text);
  if (grouped) {
    const [, sign, digits, fraction] = grouped;
    if (fraction === undefined && digits.split('.').length === 2)
      return ambiguous(
        `"${text}" is ambiguous: write ${digits.replace('.', '')} for thousands, or ${digits.replace('.', ',')} for a decimal`,
      );
    return { value: decimal(sign, digits.replace(/\./g, ''), fraction) };
  }
  if (/^[+-]?\d[\d,]*\.\d+$/.test(text))
    return ambiguous(
      `"${text}" is written the English way: in an Italian file write ${english(text)}`,
    );
  return {
    problem: {
      reason: `"${text}" is not a number as written in Italian (12,50 or 1.234,56)`,
      code: 'invalidNumber',
    },
  };
}

function decimal(sign: string, whole: string, fraction: string | undefined): string {
  const integer = whole.replace(/^0+(?=\d)/, '');
  return `${sign === '-' ? '-' : ''}${integer}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `1,234.5` → `1.234,5`; `12.5` → `12,5`. */
function english(text: string): string {
  return text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.'));
}

function ambiguous(reason: string): CellReading {
  return { problem: { reason, code: 'ambiguousNumber' } };
}

// @ts-check
/**
 * What the import page knows about a file before sending it: its format from its name, the first
 * rows for a preview, and whether its header names columns the record type has. Pure, so that
 * the page and its spec agree.
 * @typedef {{ name: string, kind: string, required: boolean }} Column
 * @typedef {'csv' | 'ndjson' | 'json'} FileFormat
 * @typedef {{ header: string[], rows: string[][], delimiter: string }} Preview
 * @typedef {{ unknown: string[], missing: string[] }} ColumnCheck
 */

/**
 * @param {string} fileName
 * @returns {FileFormat | null}
 */
export function formatOf(fileName) {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'json') return 'json';
  return null;
}

/**
 * The Content-Type the API reads the body by; CSV declares its charset.
 * @param {FileFormat} format
 * @param {string} charset
 * @returns {string}
 */
export function contentType(format, charset) {
  if (format === 'csv') return `text/csv; charset=${charset}`;
  return format === 'ndjson' ? 'application/x-ndjson' : 'application/json';
}

/**
 * The delimiter the header uses most, outside quotes: `,`, `;` or a tab, as the API detects it.
 * @param {string} line
 * @returns {string}
 */
export function detectDelimiter(line) {
  /** @type {Record<string, number>} */
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character in counts) counts[character] += 1;
  }
  return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * The first rows of a CSV text: quoted cells with delimiters, doubled quotes and line breaks,
 * CRLF, and a byte-order mark.
 * @param {string} text
 * @param {number} [limit] data rows wanted
 * @returns {Preview}
 */
export function previewCsv(text, limit = 5) {
  const source = text.replace(/^\ufeff/, '');
  const delimiter = detectDelimiter(source.split(/\r?\n/, 1)[0] ?? '');
  /** @type {string[][]} */
  const records = [];
  /** @type {string[]} */
  let record = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < source.length && records.length <= limit; index += 1) {
    const character = source[index];
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === delimiter) {
      record.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index += 1;
      record.push(cell);
      if (record.some((value) => value !== '')) records.push(record);
      record = [];
      cell = '';
    } else cell += character;
  }
  if (records.length <= limit && (cell !== '' || record.length)) {
    record.push(cell);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim()), rows: rows.slice(0, limit), delimiter };
}

/**
 * The first objects of NDJSON or of a JSON array, as a table of their keys. A JSON array is
 * previewed only when the part read holds whole elements.
 * @param {string} text
 * @param {FileFormat} format
 * @param {number} [limit]
 * @returns {Preview}
 */
export function previewJson(text, format, limit = 5) {
  /** @type {Record<string, unknown>[]} */
  let objects = [];
  if (format === 'ndjson') {
    for (const line of text.split(/\r?\n/)) {
      if (objects.length >= limit) break;
      if (!line.trim()) continue;
      try {
        objects.push(JSON.parse(line));
      } catch {
        break; // a cut last line, or a bad one the import will report with its number
      }
    }
  } else {
    try {
      const parsed = JSON.parse(text);
      if (Array.isArray(parsed)) objects = parsed.slice(0, limit);
    } catch {
      objects = [];
    }
  }
  objects = objects.filter((value) => value && typeof value === 'object' && !Array.isArray(value));
  const header = [...new Set(objects.flatMap((object) => Object.keys(object)))];
  const rows = objects.map((object) =>
    header.map((name) => {
      const value = object[name];
      if (value === undefined || value === null) return '';
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }),
  );
  return { header, rows, delimiter: ',' };
}

/**
 * The header's columns after renaming (`mapping`: file column → Halo column), checked against
 * the type's columns: names it does not know, and required ones absent.
 * @param {string[]} header
 * @param {Column[]} columns
 * @param {Record<string, string>} mapping
 * @returns {ColumnCheck}
 */
export function checkColumns(header, columns, mapping) {
  const known = new Set(columns.map((column) => column.name));
  const renamed = header.map((name) => mapping[name] || name);
  return {
    unknown: renamed.filter((name) => !known.has(name)),
    missing: columns
      .filter((column) => column.required && !renamed.includes(column.name))
      .map((column) => column.name),
  };
}

/**
 * `?columns=` for the renamed columns only: `Nome:name,E-mail:email`.
 * @param {Record<string, string>} mapping
 * @returns {string | undefined}
 */
export function columnsParam(mapping) {
  const pairs = Object.entries(mapping).filter(([from, to]) => to && to !== from);
  return pairs.length ? pairs.map(([from, to]) => `${from}:${to}`).join(',') : undefined;
}

/**
 * The data rows a CSV or NDJSON text holds, counted by line breaks (a quoted line break counts
 * too, so this is an estimate for progress, never a figure shown as exact).
 * @param {string} text
 * @param {FileFormat} format
 * @returns {number}
 */
export function estimateRows(text, format) {
  const lines = text.split('\n').filter((line) => line.trim()).length;
  return format === 'csv' ? Math.max(lines - 1, 0) : lines;
}

/**
 * Progress in percent of the estimate, never 100 before the import says it is done.
 * @param {number} stored
 * @param {number} estimate
 * @param {boolean} finished
 * @returns {number}
 */
export function progressPercent(stored, estimate, finished) {
  if (finished) return 100;
  if (!estimate) return 0;
  return Math.min(99, Math.floor((stored / estimate) * 100));
}

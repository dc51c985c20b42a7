/** Generated import files with thousands of rows, as CSV, NDJSON or a JSON array. */

export function bulkMembers(count: number, prefix: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    externalId: `${prefix}-${index}`,
    email: `${prefix}-${index}@example.com`,
    name: index % 7 === 0 ? `Member, "${index}"` : `Member ${index}`,
    tags: index % 3 === 0 ? ['bulk', `group-${index % 10}`] : ['bulk'],
    acquiredAt: `2025-${String((index % 12) + 1).padStart(2, '0')}-01`,
  }));
}

export function bulkPurchases(
  count: number,
  prefix: string,
  members: { prefix: string; count: number },
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    externalId: `${prefix}-${index}`,
    memberExternalId: `${members.prefix}-${index % members.count}`,
    amount: `${(index % 200) + 1}.${String(index % 100).padStart(2, '0')}`,
    currency: 'EUR',
    occurredAt: `2025-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    product: `Product ${index % 50}`,
    ...(index % 4 === 0
      ? { attribution: { mentionUrl: `https://example.com/p/${index % 97}` } }
      : {}),
  }));
}

export function toNdjson(rows: unknown[]): string {
  return `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
}

export function toJsonArray(rows: unknown[]): string {
  return `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
}

/** CSV with the given columns (dotted for nested fields), lists joined with |, CRLF line ends. */
export function toCsv(rows: Record<string, unknown>[], columns: string[], delimiter = ','): string {
  const cell = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    const text = Array.isArray(value) ? value.join('|') : String(value);
    return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lookup = (row: Record<string, unknown>, column: string) =>
    column.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], row);
  const lines = rows.map((row) =>
    columns.map((column) => cell(lookup(row, column))).join(delimiter),
  );
  return `${[columns.join(delimiter), ...lines].join('\r\n')}\r\n`;
}

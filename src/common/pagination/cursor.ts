import { invalidField } from '../errors/domain-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** A cursor is the sort value and id of the last row, opaque to clients. */
export interface CursorPosition {
  value: string | number | null;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string | number | null,
      string,
    ];
    if (
      typeof id !== 'string' ||
      (value !== null && !['string', 'number'].includes(typeof value))
    ) {
      throw new Error('shape');
    }
    return { value, id };
  } catch {
    throw invalidField('cursor', 'is not a cursor this API gave out', 'invalidCursor');
  }
}

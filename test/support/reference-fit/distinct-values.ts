/**
 * The distinct values of a column and, per row, the position of its value among them: the
 * likelihoods compute logs and log-gammas once per distinct x, T or t_x instead of once per row.
 */
export function indexDistinct(values: readonly number[]): {
  distinct: number[];
  index: Int32Array;
} {
  const positions = new Map<number, number>();
  const distinct: number[] = [];
  const index = new Int32Array(values.length);
  values.forEach((value, row) => {
    let position = positions.get(value);
    if (position === undefined) {
      position = distinct.length;
      positions.set(value, position);
      distinct.push(value);
    }
    index[row] = position;
  });
  return { distinct, index };
}

/** Sums the weights of identical rows; key decides what identical means. */
export function aggregateRows<Row extends { weight?: number }>(
  rows: readonly Row[],
  key: (row: Row) => string,
): { row: Row; weight: number }[] {
  const groups = new Map<string, { row: Row; weight: number }>();
  for (const row of rows) {
    const rowKey = key(row);
    const weight = row.weight ?? 1;
    const group = groups.get(rowKey);
    if (group) group.weight += weight;
    else groups.set(rowKey, { row, weight });
  }
  return [...groups.values()];
}

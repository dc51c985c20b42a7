/**
 * The distinct values of a column, ascending, and per row the position of its value among them:
 * the likelihoods compute logs and log-gammas once per distinct x, T or t_x instead of once per
 * row. A native sort of the values and a binary search per row: no Map of boxed doubles.
 */
export function indexDistinct(values: ArrayLike<number>): {
  distinct: Float64Array;
  index: Int32Array;
} {
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i];
  }
  const distinct = sorted.slice(0, count);
  const index = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (distinct[middle] < value) low = middle + 1;
      else high = middle;
    }
    index[row] = low;
  }
  return { distinct, index };
}

/**
 * Rows as columns of numbers, with a weight per row; per column its distinct values
 * (ascending) and each row's position among them.
 */
export interface WeightedColumns {
  columns: Float64Array[];
  weights: Float64Array;
  distinct: Float64Array[];
  index: Int32Array[];
}

/**
 * Merges rows equal in every column, summing their weights (in row order), and drops rows whose
 * weight sums to 0; the merged rows keep the order of their first occurrence.
 */
export function mergeIdenticalRows(
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
): WeightedColumns {
  const rows = weights.length;
  const indexed = columns.map(indexDistinct);
  const ranks = indexed.map((column) => column.index);
  const order = sortedRows(ranks);
  const merged = new Float64Array(rows);
  const first = new Uint8Array(rows);
  let representative = -1;
  for (let i = 0; i < rows; i++) {
    const row = order[i];
    if (representative < 0 || !sameRow(ranks, representative, row)) {
      representative = row;
      first[row] = 1;
    }
    merged[representative] += weights[row];
  }
  let kept = 0;
  for (let row = 0; row < rows; row++) if (first[row] && merged[row] > 0) kept++;
  const outColumns = columns.map(() => new Float64Array(kept));
  const outIndex = columns.map(() => new Int32Array(kept));
  const outWeights = new Float64Array(kept);
  let position = 0;
  for (let row = 0; row < rows; row++) {
    if (!first[row] || !(merged[row] > 0)) continue;
    for (let column = 0; column < columns.length; column++) {
      outColumns[column][position] = columns[column][row];
      outIndex[column][position] = ranks[column][row];
    }
    outWeights[position++] = merged[row];
  }
  return {
    columns: outColumns,
    weights: outWeights,
    distinct: indexed.map((column) => column.distinct),
    index: outIndex,
  };
}

/**
 * Row numbers ordered by the columns' ranks, lexicographically, ties by row number: a stable
 * counting sort on each column, last column first (a radix sort, linear in the rows).
 */
function sortedRows(ranks: readonly Int32Array[]): Int32Array {
  const rows = ranks[0].length;
  let order = new Int32Array(rows);
  for (let row = 0; row < rows; row++) order[row] = row;
  let next = new Int32Array(rows);
  for (let column = ranks.length - 1; column >= 0; column--) {
    const rank = ranks[column];
    const starts = new Int32Array(rows + 1);
    for (let row = 0; row < rows; row++) starts[rank[row] + 1]++;
    for (let value = 0; value < rows; value++) starts[value + 1] += starts[value];
    for (let i = 0; i < rows; i++) next[starts[rank[order[i]]]++] = order[i];
    [order, next] = [next, order];
  }
  return order;
}

function sameRow(ranks: readonly Int32Array[], left: number, right: number): boolean {
  for (let column = 0; column < ranks.length; column++) {
    if (ranks[column][left] !== ranks[column][right]) return false;
  }
  return true;
}

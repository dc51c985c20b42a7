import { indexDistinct, mergeIdenticalRows } from './distinct-values';

describe('indexDistinct', () => {
  it('lists the distinct values ascending and points each row at its value', () => {
    const { distinct, index } = indexDistinct([3.5, 1, 3.5, 0.25, 1]);
    expect([...distinct]).toEqual([0.25, 1, 3.5]);
    expect([...index]).toEqual([2, 1, 2, 0, 1]);
  });
});

describe('mergeIdenticalRows', () => {
  it('sums the weights of rows equal in every column, in order of first occurrence', () => {
    const x = [1, 0, 1, 1, 2];
    const tx = [5, 0, 5, 6, 5];
    const T = [9.5, 9.5, 9.5, 9.5, 9.5];
    const merged = mergeIdenticalRows([x, tx, T], [1, 2, 3, 0.5, 1]);
    expect(merged.columns.map((column) => [...column])).toEqual([
      [1, 0, 1, 2],
      [5, 0, 6, 5],
      [9.5, 9.5, 9.5, 9.5],
    ]);
    expect([...merged.weights]).toEqual([4, 2, 0.5, 1]);
    merged.columns.forEach((column, c) =>
      column.forEach((value, row) => expect(merged.distinct[c][merged.index[c][row]]).toBe(value)),
    );
  });

  it('drops rows whose weights sum to 0', () => {
    const merged = mergeIdenticalRows([[1, 2, 1]], [0, 1, 0]);
    expect([...merged.columns[0]]).toEqual([2]);
    expect([...merged.weights]).toEqual([1]);
  });
});

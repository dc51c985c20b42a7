import {
  areaPath,
  barShares,
  labelEvery,
  linePath,
  niceStep,
  periodScale,
  scaleFor,
  sparklinePath,
  stackedShares,
  tickIndexes,
  valueScale,
} from '../public/js/charts.js';

describe('niceStep', () => {
  it('rounds the rough step up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
    expect(niceStep(4, 4)).toBe(1); // rough 1
    expect(niceStep(7, 4)).toBe(2); // rough 1.75
    expect(niceStep(100, 4)).toBe(25); // rough 25
    expect(niceStep(1000, 3)).toBe(500); // rough 333.3
    expect(niceStep(30, 4)).toBe(10); // rough 7.5
    expect(niceStep(0.3, 4)).toBeCloseTo(0.1, 12); // rough 0.075
  });

  it('takes at least one tick', () => {
    expect(niceStep(10, 0)).toBe(10);
  });
});

describe('scaleFor', () => {
  it('runs from zero to a whole step past the largest value', () => {
    // 42 / 4 = 10.5 → step 20.
    expect(scaleFor([3, 17, 42])).toEqual({ low: 0, high: 60, marks: [0, 20, 40, 60] });
  });

  it('goes below zero for negative values', () => {
    // Range 40 / 4 = 10 → step 10; -15 floors to -20 and 25 ceils to 30.
    expect(scaleFor([-15, 25])).toEqual({
      low: -20,
      high: 30,
      marks: [-20, -10, 0, 10, 20, 30],
    });
  });

  it('ignores values that are not finite', () => {
    // 5 / 4 = 1.25 → step 2.
    expect(scaleFor([Number.NaN, 5, Number.POSITIVE_INFINITY])).toEqual({
      low: 0,
      high: 6,
      marks: [0, 2, 4, 6],
    });
  });

  it('spans zero to one when there is nothing to show', () => {
    expect(scaleFor([])).toEqual({ low: 0, high: 1, marks: [0, 0.25, 0.5, 0.75, 1] });
    expect(scaleFor([0, 0])).toEqual({ low: 0, high: 1, marks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('keeps whole steps for counts', () => {
    // 2 / 4 = 0.5 would be the step; counts step by 1.
    expect(scaleFor([0, 1, 2], 4, true)).toEqual({ low: 0, high: 2, marks: [0, 1, 2] });
    expect(scaleFor([0, 1, 2], 4, false).marks).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('rounds away floating-point noise in the marks', () => {
    const { low, high, marks } = scaleFor([0.3]);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.3, 12);
    expect(marks).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('tickIndexes', () => {
  const at = (spacing: number) => (index: number) => index * spacing;

  it('takes every n-th label, ending on the last', () => {
    expect(tickIndexes(10, 3, at(100))).toEqual([0, 3, 6, 9]);
  });

  it('adds the last label when it is far enough from the one before', () => {
    // 10 is 100 pixels after 9.
    expect(tickIndexes(11, 3, at(100))).toEqual([0, 3, 6, 9, 10]);
  });

  it('drops the label before the last when they would touch', () => {
    // 10 is 20 pixels after 9.
    expect(tickIndexes(11, 3, at(20))).toEqual([0, 3, 6, 10]);
  });

  it('keeps the first label even when the last is close to it', () => {
    expect(tickIndexes(2, 5, at(1))).toEqual([0, 1]);
    expect(tickIndexes(1, 1, at(1))).toEqual([0]);
  });
});

describe('labelEvery', () => {
  it('keeps labels at least 84 pixels apart', () => {
    expect(labelEvery(12, 600)).toBe(2); // 7 labels fit
    expect(labelEvery(3, 600)).toBe(1);
  });

  it('allows two labels on the narrowest chart', () => {
    expect(labelEvery(30, 100)).toBe(15);
  });
});

describe('periodScale and valueScale', () => {
  it('spreads periods across the plot, a single one in the middle', () => {
    const x = periodScale(5, 64, 400);
    expect(x(0)).toBe(64);
    expect(x(2)).toBe(264);
    expect(x(4)).toBe(464);
    expect(periodScale(1, 64, 400)(0)).toBe(264);
  });

  it('puts low at the bottom and high at the top', () => {
    const y = valueScale(0, 60, 14, 176);
    expect(y(0)).toBe(190);
    expect(y(30)).toBe(102);
    expect(y(60)).toBe(14);
    // Zero sits two fifths up an axis from -20 to 30.
    expect(valueScale(-20, 30, 0, 100)(0)).toBe(60);
  });
});

describe('linePath and areaPath', () => {
  it('moves to the first point, draws to the next, and breaks at a gap', () => {
    expect(linePath([[0, 10], [50.04, 20.06], null, [100, 0]])).toBe(
      'M0.0,10.0L50.0,20.1M100.0,0.0',
    );
  });

  it('is empty without points', () => {
    expect(linePath([null, null])).toBe('');
    expect(linePath([])).toBe('');
  });

  it('closes the area down to the baseline under the last and first points', () => {
    expect(
      areaPath(
        'M0.0,10.0L100.0,20.0',
        [
          [0, 10],
          [100, 20],
        ],
        190,
      ),
    ).toBe('M0.0,10.0L100.0,20.0L100,190L0,190Z');
  });
});

describe('sparklinePath', () => {
  it('spans its own range inside a 2-pixel and 4-pixel margin, skipping gaps', () => {
    // x = 2 + i / 3 * 100; y = 4 + (1 - (v - 1) / 2) * 32.
    expect(sparklinePath([1, 3, null, 2], 104, 40)).toBe('M2.0,36.0L35.3,4.0L102.0,20.0');
  });

  it('draws a flat series along the bottom', () => {
    expect(sparklinePath([5, 5], 104, 40)).toBe('M2.0,36.0L102.0,36.0');
  });

  it('draws nothing under two values', () => {
    expect(sparklinePath([5, null], 104, 40)).toBe('');
    expect(sparklinePath([], 104, 40)).toBe('');
  });
});

describe('barShares', () => {
  it('scales to the largest magnitude, negative values by their size', () => {
    expect(barShares([50, -100, null, 25])).toEqual([50, 100, 0, 25]);
  });

  it('is zero everywhere when every value is zero or missing', () => {
    expect(barShares([0, null, undefined])).toEqual([0, 0, 0]);
    expect(barShares([])).toEqual([]);
  });
});

describe('stackedShares', () => {
  it('splits the whole among the positive parts only', () => {
    const first = { value: 30, name: 'first' };
    const last = { value: 10, name: 'last' };
    expect(stackedShares([first, { value: 0 }, last, { value: -5 }])).toEqual([
      { part: first, share: 75 },
      { part: last, share: 25 },
    ]);
  });

  it('is empty when no part is positive', () => {
    expect(stackedShares([{ value: 0 }, { value: -1 }])).toEqual([]);
  });
});

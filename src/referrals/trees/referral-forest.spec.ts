import { ReferralForest } from './referral-forest';

/** Edges as [referrer, referee, referee's spend in cents]. */
function forestOf(edges: [string, string, number | null][]): ReferralForest {
  const forest = new ReferralForest();
  for (const [referrer, referee, spend] of edges) forest.add(referrer, referee, spend);
  return forest;
}

describe('ReferralForest', () => {
  // ada → bob → cat → dan, ada → eve; uma → vic, uma → wes; quinn → rob → sam; zoe → yan.
  const forest = forestOf([
    ['bob', 'cat', 800],
    ['ada', 'bob', 1200],
    ['cat', 'dan', null],
    ['ada', 'eve', 2000],
    ['uma', 'vic', 500],
    ['uma', 'wes', 500],
    ['quinn', 'rob', 1500],
    ['rob', 'sam', 1500],
    ['zoe', 'yan', 9000],
  ]);

  it('sizes each tree from its root, all levels, and sums the referees’ spend', () => {
    const { trees, total } = forest.largest(10, new Set());
    expect(total).toBe(4);
    expect(trees).toEqual([
      // 1200 + 800 + 0 (no snapshot) + 2000
      { rootId: 'ada', size: 4, depth: 3, valueBroughtMinor: 4000 },
      // Same size: more value first.
      { rootId: 'quinn', size: 2, depth: 2, valueBroughtMinor: 3000 },
      { rootId: 'uma', size: 2, depth: 1, valueBroughtMinor: 1000 },
      { rootId: 'zoe', size: 1, depth: 1, valueBroughtMinor: 9000 },
    ]);
  });

  it('takes the first `limit` and leaves unlisted roots out of the count too', () => {
    expect(forest.largest(2, new Set()).trees.map((tree) => tree.rootId)).toEqual(['ada', 'quinn']);
    const { trees, total } = forest.largest(10, new Set(['quinn', 'bob']));
    expect(total).toBe(3);
    expect(trees.map((tree) => tree.rootId)).toEqual(['ada', 'uma', 'zoe']);
  });

  it('gives a closed loop no root and counts a member reached twice once', () => {
    const broken = forestOf([
      ['ann', 'ben', 100],
      ['ben', 'cal', 100],
      ['cal', 'ann', 100],
      ['kai', 'lou', 100],
      ['kai', 'max', 100],
      ['max', 'lou', 100],
    ]);
    expect(broken.largest(10, new Set())).toEqual({
      trees: [{ rootId: 'kai', size: 2, depth: 1, valueBroughtMinor: 200 }],
      total: 1,
    });
  });

  it('walks a chain of 100,000 without recursion', () => {
    const chain = new ReferralForest();
    for (let index = 0; index < 100_000; index += 1) chain.add(`m${index}`, `m${index + 1}`, 1);
    expect(chain.largest(1, new Set()).trees).toEqual([
      { rootId: 'm0', size: 100_000, depth: 100_000, valueBroughtMinor: 100_000 },
    ]);
  });
});

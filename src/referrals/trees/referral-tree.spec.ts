import { TreeEdge, TreeMember, buildReferralTree } from './referral-tree';

const member = (id: string, spendMinor: number | null = 1000): TreeMember => ({
  id,
  name: id.toUpperCase(),
  convertedAt: null,
  spendMinor,
});
const edge = (parentId: string, id: string, spendMinor: number | null = 1000): TreeEdge => ({
  ...member(id, spendMinor),
  parentId,
  convertedAt: 1_767_225_600_000,
  moreReferees: 0,
});

describe('buildReferralTree', () => {
  it('nests a chain with branches and counts size, depth and value per node', () => {
    // ada → bob → cat → dan, ada → eve, bob → fay; values in cents.
    const tree = buildReferralTree(member('ada', 5000), [
      edge('ada', 'bob', 2000),
      edge('ada', 'eve', 300),
      edge('bob', 'cat', 400),
      edge('bob', 'fay', null),
      edge('cat', 'dan', 50),
    ]);
    expect(tree).toMatchObject({ id: 'ada', size: 5, depth: 3, spendMinor: 5000 });
    // 2000 + 300 + 400 + 0 (no snapshot) + 50; the root's own spend is not brought.
    expect(tree.valueBroughtMinor).toBe(2750);
    expect(tree.children.map((child) => child.id)).toEqual(['bob', 'eve']);
    const bob = tree.children[0];
    expect(bob).toMatchObject({ size: 3, depth: 2, valueBroughtMinor: 450 });
    expect(bob.children.map((child) => child.id)).toEqual(['cat', 'fay']);
    expect(bob.children[0]).toMatchObject({ size: 1, depth: 1, valueBroughtMinor: 50 });
    expect(tree.children[1]).toMatchObject({ size: 0, depth: 0, children: [] });
  });

  it('places a member once: a cycle back to the root or a repeated referee is left out', () => {
    const tree = buildReferralTree(member('ada'), [
      edge('ada', 'bob'),
      edge('bob', 'cat'),
      edge('cat', 'ada'),
      edge('cat', 'bob'),
    ]);
    expect(tree.size).toBe(2);
    expect(tree.depth).toBe(2);
    expect(tree.children[0].children[0].children).toEqual([]);
  });

  it('leaves out an edge under someone not in the tree', () => {
    const tree = buildReferralTree(member('ada'), [edge('zed', 'bob')]);
    expect(tree).toMatchObject({ size: 0, depth: 0, valueBroughtMinor: 0, children: [] });
  });

  it('keeps how many referees lie below the depth asked for', () => {
    const tree = buildReferralTree(member('ada'), [{ ...edge('ada', 'bob'), moreReferees: 4 }]);
    expect(tree.moreReferees).toBe(0);
    expect(tree.children[0].moreReferees).toBe(4);
  });

  it('counts a long chain without running out of stack', () => {
    const edges = Array.from({ length: 20_000 }, (_, index) =>
      edge(`m${index}`, `m${index + 1}`, 1),
    );
    const tree = buildReferralTree(member('m0'), edges);
    expect(tree).toMatchObject({ size: 20_000, depth: 20_000, valueBroughtMinor: 20_000 });
  });
});

/** A member as a referral tree shows them: names in words, values in minor units. */
export interface TreeMember {
  id: string;
  name: string | null;
  /** When their own (counted) referral converted; null when nobody referred them. */
  convertedAt: number | null;
  /** Spend value of the member's current snapshot; null where none is stored. */
  spendMinor: number | null;
}

/** One converted referral below the root: `memberId` was brought by `parentId`. */
export interface TreeEdge extends TreeMember {
  parentId: string;
  /** Converted referees of this member that lie below the depth asked for (not shown). */
  moreReferees: number;
}

export interface TreeNode extends TreeMember {
  /** Referees shown below this node, all levels. */
  size: number;
  /** Levels shown below this node (0 for a leaf). */
  depth: number;
  /** Σ spend value of the referees shown below this node. */
  valueBroughtMinor: number;
  moreReferees: number;
  children: TreeNode[];
}

/**
 * The root and the edges below it (in the order they should be listed) as a nested tree with
 * counts. A member is placed once: an edge to someone already in the tree (a cycle, which the
 * API refuses but old data could hold) or under someone not placed is left out.
 */
export function buildReferralTree(root: TreeMember, edges: readonly TreeEdge[]): TreeNode {
  const rootNode = leaf(root, 0);
  const placed = new Map<string, TreeNode>([[root.id, rootNode]]);
  for (const edge of edges) {
    const parent = placed.get(edge.parentId);
    if (!parent || placed.has(edge.id)) continue;
    const node = leaf(edge, edge.moreReferees);
    parent.children.push(node);
    placed.set(edge.id, node);
  }
  count(rootNode);
  return rootNode;
}

function leaf({ id, name, convertedAt, spendMinor }: TreeMember, moreReferees: number): TreeNode {
  return {
    id,
    name,
    convertedAt,
    spendMinor,
    size: 0,
    depth: 0,
    valueBroughtMinor: 0,
    moreReferees,
    children: [],
  };
}

/** Sizes, depths and values from the leaves up, without recursion (a chain can be long). */
function count(root: TreeNode): void {
  const order: TreeNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    stack.push(...node.children);
  }
  for (const node of order.reverse()) {
    for (const child of node.children) {
      node.size += 1 + child.size;
      node.depth = Math.max(node.depth, 1 + child.depth);
      node.valueBroughtMinor += (child.spendMinor ?? 0) + child.valueBroughtMinor;
    }
  }
}

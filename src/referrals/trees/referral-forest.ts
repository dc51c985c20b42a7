/** A referral tree of the brand as the largest-trees list counts it. */
export interface TreeSize {
  rootId: string;
  /** Referees at every level below the root. */
  size: number;
  /** Levels below the root. */
  depth: number;
  /** Σ the referees' spend value, minor units; a referee without one counts 0. */
  valueBroughtMinor: number;
}

/**
 * Every counted referral of the brand, added one edge at a time, and the trees they make. A
 * root brought someone and was brought by nobody. Members are numbered as they arrive, so that
 * the walk works on arrays: linear in the number of referrals, and each member is visited once
 * (a member reached twice, which only broken data could cause, counts once; a closed loop has
 * no root and belongs to no tree).
 */
export class ReferralForest {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly children: number[][] = [];
  private readonly referred: boolean[] = [];
  private readonly spendMinor: number[] = [];

  add(referrerId: string, refereeId: string, refereeSpendMinor: number | null): void {
    const referrer = this.number(referrerId);
    const referee = this.number(refereeId);
    this.children[referrer].push(referee);
    this.referred[referee] = true;
    this.spendMinor[referee] = refereeSpendMinor ?? 0;
  }

  /**
   * The trees by size, then value brought (then root id, for a stable order); `total` counts
   * them all. Roots in `unlisted` are left out of both.
   */
  largest(limit: number, unlisted: ReadonlySet<string>): { trees: TreeSize[]; total: number } {
    const visited = new Uint8Array(this.ids.length);
    const trees: TreeSize[] = [];
    for (let root = 0; root < this.ids.length; root += 1) {
      if (this.referred[root] || !this.children[root].length || unlisted.has(this.ids[root]))
        continue;
      trees.push(this.walk(root, visited));
    }
    trees.sort(
      (left, right) =>
        right.size - left.size ||
        right.valueBroughtMinor - left.valueBroughtMinor ||
        (left.rootId < right.rootId ? -1 : left.rootId > right.rootId ? 1 : 0),
    );
    return { trees: trees.slice(0, limit), total: trees.length };
  }

  private walk(root: number, visited: Uint8Array): TreeSize {
    const tree: TreeSize = { rootId: this.ids[root], size: 0, depth: 0, valueBroughtMinor: 0 };
    visited[root] = 1;
    const members = [root];
    const depths = [0];
    while (members.length) {
      const member = members.pop()!;
      const depth = depths.pop()! + 1;
      for (const child of this.children[member]) {
        if (visited[child]) continue;
        visited[child] = 1;
        tree.size += 1;
        tree.depth = Math.max(tree.depth, depth);
        tree.valueBroughtMinor += this.spendMinor[child];
        members.push(child);
        depths.push(depth);
      }
    }
    return tree;
  }

  private number(id: string): number {
    let number = this.index.get(id);
    if (number === undefined) {
      number = this.ids.length;
      this.index.set(id, number);
      this.ids.push(id);
      this.children.push([]);
      this.referred.push(false);
      this.spendMinor.push(0);
    }
    return number;
  }
}

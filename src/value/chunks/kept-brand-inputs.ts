import { AttributedPurchase, Content, SpendSummary, contentKey } from '../engine/value-types';

/**
 * The brand-wide inputs the run's own instance read for its plan, kept so that its chunks take
 * their members' part from memory instead of reading it again: every buyer's repeat-buying
 * summary, all content and the orders naming it. A few compact records per member, not the
 * values and breakdowns a run writes. Other instances read the same by SQL (ValueInputsLoader
 * with a range); the chunk specs hold both to the figures of one pass.
 */
export class KeptBrandInputs {
  private readonly spend: Map<string, SpendSummary>;
  private readonly contentsByOwner = new Map<string, Content[]>();
  private readonly contentByKey = new Map<string, Content>();
  private readonly purchasesByContent = new Map<string, AttributedPurchase[]>();

  constructor(inputs: {
    spend: readonly SpendSummary[];
    contents: readonly Content[];
    attributedPurchases: readonly AttributedPurchase[];
  }) {
    this.spend = new Map(inputs.spend.map((summary) => [summary.memberId, summary]));
    for (const content of inputs.contents) {
      this.contentByKey.set(contentKey(content.kind, content.id), content);
      for (const owner of content.ownerIds) push(this.contentsByOwner, owner, content);
    }
    for (const purchase of inputs.attributedPurchases)
      for (const key of purchase.contentKeys) push(this.purchasesByContent, key, purchase);
  }

  /** The summaries of these members (those who bought anything). */
  spendOf(memberIds: Iterable<string>): SpendSummary[] {
    const summaries: SpendSummary[] = [];
    for (const memberId of new Set(memberIds)) {
      const summary = this.spend.get(memberId);
      if (summary) summaries.push(summary);
    }
    return summaries;
  }

  /**
   * The orders naming content of these members, and that content with all the other content
   * those orders name (an order's choice of content is made among all it names).
   */
  influenceOf(memberIds: readonly string[]): {
    contents: Content[];
    attributedPurchases: AttributedPurchase[];
  } {
    const contents = new Set<Content>();
    const purchases = new Set<AttributedPurchase>();
    for (const memberId of memberIds)
      for (const content of this.contentsByOwner.get(memberId) ?? []) {
        contents.add(content);
        for (const purchase of this.purchasesByContent.get(contentKey(content.kind, content.id)) ??
          [])
          purchases.add(purchase);
      }
    for (const purchase of purchases)
      for (const key of purchase.contentKeys) {
        const content = this.contentByKey.get(key);
        if (content) contents.add(content);
      }
    return { contents: [...contents], attributedPurchases: [...purchases] };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

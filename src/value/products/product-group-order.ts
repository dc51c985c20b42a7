import { ProductGroup } from './first-product-groups';

export const PRODUCT_SORTS = [
  'extendedValue',
  'spendValue',
  'advocacyValue',
  'customers',
  'retention',
  'name',
] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const FIGURE: Record<Exclude<ProductSort, 'name'>, (group: ProductGroup) => number | null> = {
  extendedValue: (group) => group.meanExtendedMinor,
  spendValue: (group) => group.meanSpendMinor,
  advocacyValue: (group) => group.meanAdvocacyMinor,
  customers: (group) => group.customers,
  retention: (group) => group.retention,
};

/** By name, the unknown group last; the same for every sort's ties, so the order is stable. */
function byName(left: ProductGroup, right: ProductGroup): number {
  if (left.key === null || right.key === null)
    return (left.key === null ? 1 : 0) - (right.key === null ? 1 : 0);
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

/**
 * Groups in the order asked for: figures largest first with nulls (nobody valued or eligible)
 * last, then more customers first, then by name; `name` sorts by name alone.
 */
export function sortProductGroups(
  groups: readonly ProductGroup[],
  sort: ProductSort,
): ProductGroup[] {
  if (sort === 'name') return [...groups].sort(byName);
  const figure = FIGURE[sort];
  return [...groups].sort((left, right) => {
    const a = figure(left);
    const b = figure(right);
    if (a !== b) {
      if (a === null) return 1;
      if (b === null) return -1;
      return b - a;
    }
    return right.customers - left.customers || byName(left, right);
  });
}

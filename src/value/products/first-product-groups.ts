import { divideHalfEven } from '../../common/money/money';

/** What customers are grouped by: the product or the product category of their first order. */
export const PRODUCT_GROUPINGS = ['product', 'category'] as const;
export type ProductGrouping = (typeof PRODUCT_GROUPINGS)[number];

/** A repeat order within this many days of the first order makes a customer retained. */
export const RETENTION_DAYS = 365;
const RETENTION_MS = RETENTION_DAYS * 86_400_000;

/** The figures of a member's current value snapshot, in minor units of the base currency. */
export interface CurrentValue {
  spendMinor: number;
  extendedMinor: number;
  advocacyMinor: number;
}

/** A customer as of asOf: their first order, their next one, and their current value. */
export interface FirstOrderCustomer {
  /** The first order's product and category; null where it named none. */
  product: string | null;
  category: string | null;
  firstOrderAt: number;
  /** The earliest order strictly after the first one, up to asOf; null when there is none. */
  nextOrderAt: number | null;
  /** Objects to profiling: counted and in retention, never in a value mean. */
  objects: boolean;
  /** Null when the member has no value snapshot (not yet recomputed since they bought). */
  value: CurrentValue | null;
}

/** One group's count, mean values and retention. */
export interface ProductGroupFigures {
  customers: number;
  /** Customers whose current value is in the means. */
  valuedCustomers: number;
  /** Customers without a value snapshot: counted, left out of the means. */
  customersWithoutValue: number;
  /** Customers who object to profiling: counted, their value withheld. */
  withheldCustomers: number;
  /** Means over the valued customers, rounded half-even once; null when nobody is valued. */
  meanSpendMinor: number | null;
  meanExtendedMinor: number | null;
  meanAdvocacyMinor: number | null;
  /** Customers whose first order lies at least RETENTION_DAYS before asOf. */
  retentionEligible: number;
  /** Eligible customers with a repeat order within RETENTION_DAYS of their first. */
  retained: number;
  /** Customers whose first order is more recent: they cannot show retention yet. */
  young: number;
  /** retained / retentionEligible, 4 decimals; null when nobody is eligible. */
  retention: number | null;
}

export interface ProductGroup extends ProductGroupFigures {
  /** The product or category; null for first orders that named none ("(unknown)"). */
  key: string | null;
}

/**
 * Retained: the next order came within RETENTION_DAYS of the first, the boundary included.
 * Eligible: the whole window has passed by asOf, so that the answer can no longer change.
 */
export function retentionOf(
  customer: Pick<FirstOrderCustomer, 'firstOrderAt' | 'nextOrderAt'>,
  asOf: number,
): { eligible: boolean; retained: boolean } {
  const eligible = customer.firstOrderAt + RETENTION_MS <= asOf;
  const retained =
    customer.nextOrderAt !== null && customer.nextOrderAt - customer.firstOrderAt <= RETENTION_MS;
  return { eligible, retained };
}

/** Sums of one group as customers are added; figures() reads them out. */
class GroupTally {
  customers = 0;
  withoutValue = 0;
  withheld = 0;
  valued = 0;
  spendMinor = 0;
  extendedMinor = 0;
  advocacyMinor = 0;
  eligible = 0;
  retained = 0;

  add(customer: FirstOrderCustomer, asOf: number): void {
    this.customers += 1;
    if (customer.objects) this.withheld += 1;
    else if (!customer.value) this.withoutValue += 1;
    else {
      this.valued += 1;
      this.spendMinor += customer.value.spendMinor;
      this.extendedMinor += customer.value.extendedMinor;
      this.advocacyMinor += customer.value.advocacyMinor;
    }
    const { eligible, retained } = retentionOf(customer, asOf);
    if (eligible) {
      this.eligible += 1;
      if (retained) this.retained += 1;
    }
  }

  figures(): ProductGroupFigures {
    const mean = (sumMinor: number) =>
      this.valued ? Number(divideHalfEven(BigInt(sumMinor), BigInt(this.valued))) : null;
    return {
      customers: this.customers,
      valuedCustomers: this.valued,
      customersWithoutValue: this.withoutValue,
      withheldCustomers: this.withheld,
      meanSpendMinor: mean(this.spendMinor),
      meanExtendedMinor: mean(this.extendedMinor),
      meanAdvocacyMinor: mean(this.advocacyMinor),
      retentionEligible: this.eligible,
      retained: this.retained,
      young: this.customers - this.eligible,
      retention: this.eligible ? Number((this.retained / this.eligible).toFixed(4)) : null,
    };
  }
}

/**
 * Customers grouped by the product (or category) of their first order, added one at a time so
 * that a brand's customers never sit in memory at once.
 */
export class FirstProductGroups {
  private readonly groups = new Map<string | null, GroupTally>();
  private readonly overall = new GroupTally();

  constructor(
    private readonly by: ProductGrouping,
    private readonly asOf: number,
  ) {}

  add(customer: FirstOrderCustomer): void {
    const key = this.by === 'product' ? customer.product : customer.category;
    let tally = this.groups.get(key);
    if (!tally) this.groups.set(key, (tally = new GroupTally()));
    tally.add(customer, this.asOf);
    this.overall.add(customer, this.asOf);
  }

  /** Every group, in no particular order (product-group-order.ts sorts them), and all customers. */
  result(): { groups: ProductGroup[]; overall: ProductGroupFigures } {
    return {
      groups: [...this.groups].map(([key, tally]) => ({ key, ...tally.figures() })),
      overall: this.overall.figures(),
    };
  }
}

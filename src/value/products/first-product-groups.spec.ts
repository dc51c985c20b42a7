import {
  FirstOrderCustomer,
  FirstProductGroups,
  ProductGrouping,
  retentionOf,
} from './first-product-groups';

const DAY = 86_400_000;
const at = (text: string) => Date.parse(text);
const ASOF = at('2026-04-01T00:00:00Z');

const customer = (overrides: Partial<FirstOrderCustomer>): FirstOrderCustomer => ({
  product: 'Trail shoes',
  category: 'shoes',
  firstOrderAt: at('2025-01-10T12:00:00Z'),
  nextOrderAt: null,
  objects: false,
  value: { spendMinor: 3000, extendedMinor: 3000, advocacyMinor: 0 },
  ...overrides,
});

function grouped(customers: FirstOrderCustomer[], by: ProductGrouping = 'product', asOf = ASOF) {
  const groups = new FirstProductGroups(by, asOf);
  for (const one of customers) groups.add(one);
  return groups.result();
}

describe('retentionOf', () => {
  const first = at('2025-01-10T12:00:00Z');

  it('counts a next order 365 days after the first to the millisecond, not one a millisecond later', () => {
    expect(retentionOf({ firstOrderAt: first, nextOrderAt: first + 365 * DAY }, ASOF)).toEqual({
      eligible: true,
      retained: true,
    });
    expect(retentionOf({ firstOrderAt: first, nextOrderAt: first + 365 * DAY + 1 }, ASOF)).toEqual({
      eligible: true,
      retained: false,
    });
    expect(retentionOf({ firstOrderAt: first, nextOrderAt: null }, ASOF).retained).toBe(false);
  });

  it('makes a customer eligible once 365 days have passed since the first order, the boundary included', () => {
    const asOf = first + 365 * DAY;
    expect(retentionOf({ firstOrderAt: first, nextOrderAt: null }, asOf).eligible).toBe(true);
    expect(retentionOf({ firstOrderAt: first, nextOrderAt: null }, asOf - 1).eligible).toBe(false);
  });
});

describe('FirstProductGroups', () => {
  it('groups by the first product, the unknown product apart, with means rounded half-even once', () => {
    const { groups, overall } = grouped([
      customer({ value: { spendMinor: 1000, extendedMinor: 1500, advocacyMinor: 500 } }),
      customer({ value: { spendMinor: 2001, extendedMinor: 2001, advocacyMinor: 0 } }),
      customer({
        product: null,
        value: { spendMinor: 700, extendedMinor: 900, advocacyMinor: 200 },
      }),
    ]);
    const shoes = groups.find((group) => group.key === 'Trail shoes');
    // (1000 + 2001) / 2 = 1500.5 → 1500 (half to even); (1500 + 2001) / 2 = 1750.5 → 1750;
    // (500 + 0) / 2 = 250.
    expect(shoes).toMatchObject({
      customers: 2,
      valuedCustomers: 2,
      meanSpendMinor: 1500,
      meanExtendedMinor: 1750,
      meanAdvocacyMinor: 250,
    });
    expect(groups.find((group) => group.key === null)).toMatchObject({
      customers: 1,
      meanSpendMinor: 700,
      meanExtendedMinor: 900,
      meanAdvocacyMinor: 200,
    });
    // All three: spend 3701 / 3 = 1233.67 → 1234; extended 4401 / 3 = 1467; advocacy 700 / 3 → 233.
    expect(overall).toMatchObject({
      customers: 3,
      meanSpendMinor: 1234,
      meanExtendedMinor: 1467,
      meanAdvocacyMinor: 233,
    });
  });

  it('groups by category when asked, whatever the product', () => {
    const { groups } = grouped(
      [
        customer({ product: 'Trail shoes', category: 'shoes' }),
        customer({ product: 'Road shoes', category: 'shoes' }),
        customer({ product: 'Socks', category: null }),
      ],
      'category',
    );
    expect(groups.map((group) => [group.key, group.customers])).toEqual([
      ['shoes', 2],
      [null, 1],
    ]);
  });

  it('counts objectors and members without a snapshot, and leaves them out of every mean', () => {
    const { groups } = grouped([
      customer({ value: { spendMinor: 4000, extendedMinor: 5000, advocacyMinor: 1000 } }),
      // An objector's snapshot is purged; were one read, it would still be withheld.
      customer({
        objects: true,
        value: { spendMinor: 9900, extendedMinor: 9900, advocacyMinor: 0 },
      }),
      customer({ value: null }),
    ]);
    expect(groups[0]).toMatchObject({
      customers: 3,
      valuedCustomers: 1,
      withheldCustomers: 1,
      customersWithoutValue: 1,
      meanSpendMinor: 4000,
      meanExtendedMinor: 5000,
      meanAdvocacyMinor: 1000,
    });
  });

  it('gives null means when nobody in a group is valued', () => {
    const { groups } = grouped([customer({ value: null }), customer({ objects: true })]);
    expect(groups[0]).toMatchObject({
      customers: 2,
      valuedCustomers: 0,
      meanSpendMinor: null,
      meanExtendedMinor: null,
      meanAdvocacyMinor: null,
    });
  });

  it('takes retention over the customers old enough to show it, and counts the young apart', () => {
    const old = at('2025-01-10T12:00:00Z');
    const recent = ASOF - 100 * DAY;
    const { groups } = grouped([
      customer({ firstOrderAt: old, nextOrderAt: old + 30 * DAY }), // retained
      customer({ firstOrderAt: old, nextOrderAt: old + 365 * DAY }), // retained, on the boundary
      customer({ firstOrderAt: old, nextOrderAt: old + 366 * DAY }), // came back too late
      customer({ firstOrderAt: old, nextOrderAt: null }),
      customer({ firstOrderAt: recent, nextOrderAt: recent + DAY }), // young, already back
      customer({ firstOrderAt: recent, nextOrderAt: null }), // young
      customer({ firstOrderAt: old, objects: true, nextOrderAt: old + DAY }), // objector: counts
    ]);
    // Eligible 5 (the young two left out), retained 3: 0.6.
    expect(groups[0]).toMatchObject({
      customers: 7,
      retentionEligible: 5,
      retained: 3,
      young: 2,
      retention: 0.6,
    });
  });

  it('rounds retention to 4 decimals and gives null when everyone is young', () => {
    const old = at('2025-01-10T12:00:00Z');
    const { groups } = grouped([
      customer({ firstOrderAt: old, nextOrderAt: old + DAY }),
      customer({ firstOrderAt: old }),
      customer({ firstOrderAt: old }),
      customer({ product: 'New', firstOrderAt: ASOF - DAY }),
    ]);
    expect(groups.find((group) => group.key === 'Trail shoes')?.retention).toBe(0.3333);
    expect(groups.find((group) => group.key === 'New')).toMatchObject({
      retentionEligible: 0,
      young: 1,
      retention: null,
    });
  });

  it('answers no groups and empty figures for a brand without customers', () => {
    expect(grouped([])).toEqual({
      groups: [],
      overall: {
        customers: 0,
        valuedCustomers: 0,
        customersWithoutValue: 0,
        withheldCustomers: 0,
        meanSpendMinor: null,
        meanExtendedMinor: null,
        meanAdvocacyMinor: null,
        retentionEligible: 0,
        retained: 0,
        young: 0,
        retention: null,
      },
    });
  });
});

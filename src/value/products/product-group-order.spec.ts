import { ProductGroup } from './first-product-groups';
import { sortProductGroups } from './product-group-order';

const group = (key: string | null, overrides: Partial<ProductGroup> = {}): ProductGroup => ({
  key,
  customers: 1,
  valuedCustomers: 1,
  customersWithoutValue: 0,
  withheldCustomers: 0,
  meanSpendMinor: 1000,
  meanExtendedMinor: 1000,
  meanAdvocacyMinor: 0,
  retentionEligible: 1,
  retained: 0,
  young: 0,
  retention: 0,
  ...overrides,
});

const keys = (groups: ProductGroup[]) => groups.map((one) => one.key);

describe('sortProductGroups', () => {
  const groups = [
    group('Socks', { meanExtendedMinor: 500, meanSpendMinor: 500, customers: 9, retention: 0.5 }),
    group(null, { meanExtendedMinor: 2000, meanSpendMinor: 100, meanAdvocacyMinor: 1900 }),
    group('Boots', { meanExtendedMinor: null, meanSpendMinor: null, retention: null }),
    group('Anorak', { meanExtendedMinor: 1500, meanSpendMinor: 1500, customers: 3 }),
    group('Tent', { meanExtendedMinor: 1500, meanSpendMinor: 1500, customers: 3 }),
  ];

  it('puts the largest mean extended value first, nulls last, ties by customers then name', () => {
    expect(keys(sortProductGroups(groups, 'extendedValue'))).toEqual([
      null,
      'Anorak',
      'Tent',
      'Socks',
      'Boots',
    ]);
  });

  it('sorts by the other figures the same way', () => {
    expect(keys(sortProductGroups(groups, 'spendValue'))).toEqual([
      'Anorak',
      'Tent',
      'Socks',
      null,
      'Boots',
    ]);
    expect(keys(sortProductGroups(groups, 'advocacyValue'))[0]).toBeNull();
    expect(keys(sortProductGroups(groups, 'customers'))).toEqual([
      'Socks',
      'Anorak',
      'Tent',
      'Boots',
      null,
    ]);
    expect(keys(sortProductGroups(groups, 'retention'))).toEqual([
      'Socks',
      'Anorak',
      'Tent',
      null,
      'Boots',
    ]);
  });

  it('sorts by name with the unknown group last, and leaves its input alone', () => {
    const copy = [...groups];
    expect(keys(sortProductGroups(groups, 'name'))).toEqual([
      'Anorak',
      'Boots',
      'Socks',
      'Tent',
      null,
    ]);
    expect(groups).toEqual(copy);
  });
});

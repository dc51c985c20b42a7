import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { FirstOrderCustomersLoader } from './first-order-customers.loader';
import {
  FirstProductGroups,
  ProductGroup,
  ProductGroupFigures,
  ProductGrouping,
} from './first-product-groups';
import { ProductSort, sortProductGroups } from './product-group-order';

/** Long-term value by first product, as of one instant. */
export interface ProductValueReport {
  by: ProductGrouping;
  sort: ProductSort;
  asOf: number;
  /** The latest snapshot date among the values read; null when no customer has one. */
  valuesAsOf: string | null;
  currency: string;
  groups: ProductGroup[];
  overall: ProductGroupFigures;
}

/** Customers grouped by what they bought first: how many, what they are worth, who came back. */
@Injectable()
export class ProductValueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async report(
    { by, sort }: { by: ProductGrouping; sort: ProductSort },
    asOf = Date.now(),
  ): Promise<ProductValueReport> {
    const groups = new FirstProductGroups(by, asOf);
    const { valuesAsOf } = await new FirstOrderCustomersLoader(this.dataSource).forEachCustomer(
      asOf,
      (customer) => groups.add(customer),
    );
    const result = groups.result();
    return {
      by,
      sort,
      asOf,
      valuesAsOf,
      currency: this.settings.money.baseCurrency,
      groups: sortProductGroups(result.groups, sort),
      overall: result.overall,
    };
  }
}

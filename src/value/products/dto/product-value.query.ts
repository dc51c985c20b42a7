import { CsvLocale } from '../../../common/csv/csv-locale';
import { CsvLocaleProperty } from '../../../common/csv/csv-locale-property';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRODUCT_GROUPINGS, ProductGrouping } from '../first-product-groups';
import { PRODUCT_SORTS, ProductSort } from '../product-group-order';

export class ProductValueQuery {
  @ApiPropertyOptional({
    enum: PRODUCT_GROUPINGS,
    default: 'product',
    description: 'Group customers by the product or by the product category of their first order.',
  })
  @IsOptional()
  @IsIn(PRODUCT_GROUPINGS)
  by?: ProductGrouping;

  @ApiPropertyOptional({
    enum: PRODUCT_SORTS,
    default: 'extendedValue',
    description:
      'Mean values, customers and retention largest first (groups with no figure last); `name` alphabetically, "(unknown)" last. Ties: more customers first, then by name.',
  })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'csv: one row per group and a last row for all customers.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @CsvLocaleProperty()
  locale?: CsvLocale;
}

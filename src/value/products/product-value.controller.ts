import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { csvDialect } from '../../common/csv/csv-writer';
import { HaloSettings } from '../../config/halo-settings';
import { ProductValueDto } from './dto/product-value.dto';
import { ProductValueQuery } from './dto/product-value.query';
import { productValueCsv } from './product-value-csv';
import { ProductValueService } from './product-value.service';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('api/v1/metrics')
export class ProductValueController {
  constructor(
    private readonly productValue: ProductValueService,
    private readonly settings: HaloSettings,
  ) {}

  @Get('products')
  @ApiOperation({
    summary:
      'Long-term value by first product: customers grouped by the product (or category) of their first order, with their count, mean spend, extended and advocacy value, and retention.',
    description:
      'A customer\'s first order is their earliest order (refunds never count) up to now; orders at the same instant are taken in order of their externalId. A first order that named no product (or category) falls in "(unknown)". ' +
      "Means read each member's current value snapshot (the latest asOf), in the base currency: members who object to profiling and members not yet valued are counted in `customers` and in retention but left out of the means (`withheldCustomers`, `customersWithoutValue`). Merged members count as the member they were merged into. " +
      'Retention: the share of customers with another order within 365 days after their first (the boundary included). Customers whose first order is less than 365 days old cannot show it yet: they are counted in `youngCustomers` and left out of `retentionEligible`, the denominator. ' +
      '`overall` gives the same figures for all customers.',
  })
  @ApiExtraModels(ProductValueDto)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ProductValueDto) } },
      'text/csv': {
        schema: {
          type: 'string',
          example:
            'row,product,known,customers,...,retention,currency\r\ngroup,Trail shoes,true,120,...,0.4,EUR\r\n',
        },
      },
    },
  })
  async products(@Query() query: ProductValueQuery): Promise<ProductValueDto | StreamableFile> {
    const by = query.by ?? 'product';
    const report = ProductValueDto.from(
      await this.productValue.report({ by, sort: query.sort ?? 'extendedValue' }),
    );
    if (query.format !== 'csv') return report;
    return new StreamableFile(
      Buffer.from(
        productValueCsv(report, csvDialect(query.locale, this.settings.brand.timezone)),
        'utf8',
      ),
      {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="value-by-first-${by}.csv"`,
      },
    );
  }
}

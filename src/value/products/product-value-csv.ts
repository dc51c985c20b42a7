import { CsvDialect, CsvNumber, CsvValue, toCsv } from '../../common/csv/csv-writer';
import { ProductValueDto, ProductValueFiguresDto } from './dto/product-value.dto';

const amount = (text: string | null) => (text === null ? null : CsvNumber.of(text));

function figures(row: ProductValueFiguresDto): CsvValue[] {
  return [
    row.customers,
    row.valuedCustomers,
    row.customersWithoutValue,
    row.withheldCustomers,
    amount(row.meanSpendValue),
    amount(row.meanExtendedValue),
    amount(row.meanAdvocacyValue),
    row.retentionEligible,
    row.retainedCustomers,
    row.youngCustomers,
    row.retention,
  ];
}

/**
 * One row per group in the report's order, then one for all customers (`row` = total, no
 * name). Names are the shop's text: the writer neutralises any that a spreadsheet would run.
 */
export function productValueCsv(report: ProductValueDto, dialect?: CsvDialect): string {
  return toCsv(
    [
      'row',
      report.by,
      'known',
      'customers',
      'valuedCustomers',
      'customersWithoutValue',
      'withheldCustomers',
      'meanSpendValue',
      'meanExtendedValue',
      'meanAdvocacyValue',
      'retentionEligible',
      'retainedCustomers',
      'youngCustomers',
      'retention',
      'currency',
    ],
    [
      ...report.groups.map((group) => [
        'group',
        group.name,
        group.known,
        ...figures(group),
        report.currency,
      ]),
      ['total', null, null, ...figures(report.overall), report.currency],
    ],
    dialect,
  );
}

import { CsvDate, CsvDialect, CsvNumber, CsvValue, csvLine } from '../../common/csv/csv-writer';
import { AdvocateDto } from '../dto/advocate.dto';

const amount = (text: string | null) => (text === null ? null : CsvNumber.of(text));

/** Columns as the JSON fields, nested ones dotted and lists `|`-separated, as imports read them. */
const COLUMNS: [string, (row: AdvocateDto) => CsvValue][] = [
  ['member.id', (row) => row.member.id],
  ['member.name', (row) => row.member.name],
  ['member.email', (row) => row.member.email],
  ['member.tags', (row) => row.member.tags.join('|')],
  ['member.acquisitionChannel', (row) => row.member.acquisitionChannel],
  ['tier', (row) => row.tier],
  ['tierReason', (row) => row.tierReason?.text ?? null],
  ['reasons', (row) => row.reasons.join(' | ')],
  ['currency', (row) => row.currency],
  ['components.advocacyValue', (row) => amount(row.components.advocacyValue)],
  ['components.extendedValue', (row) => amount(row.components.extendedValue)],
  ['components.spend', (row) => amount(row.components.spend)],
  ['components.spendRealized', (row) => amount(row.components.spendRealized)],
  ['components.spendPredicted', (row) => amount(row.components.spendPredicted)],
  ['components.referral', (row) => amount(row.components.referral)],
  ['components.influence', (row) => amount(row.components.influence)],
  ['components.influenceMeasured', (row) => amount(row.components.influenceMeasured)],
  ['components.influenceModeled', (row) => amount(row.components.influenceModeled)],
  ['components.knowledge', (row) => amount(row.components.knowledge)],
  ['engagement', (row) => row.engagement],
  ['influenceShare', (row) => row.influenceShare],
  ['pAlive', (row) => row.pAlive],
  ['orders', (row) => row.orders],
  ['lastActivityAt', (row) => CsvDate.of(row.lastActivityAt)],
  ['change.from', (row) => CsvDate.of(row.change.from)],
  ['change.to', (row) => CsvDate.of(row.change.to)],
  ['change.extendedValue', (row) => amount(row.change.extendedValue)],
  ['change.advocacyValue', (row) => amount(row.change.advocacyValue)],
  ['change.influence', (row) => amount(row.change.influence)],
  ['change.engagement', (row) => row.change.engagement],
  ['change.previousTier', (row) => row.change.previousTier],
  ['asOf', (row) => CsvDate.of(row.asOf)],
];

export function advocateCsvHeader(dialect?: CsvDialect): string {
  return csvLine(
    COLUMNS.map(([name]) => name),
    dialect,
  );
}

export function advocateCsvLine(row: AdvocateDto, dialect?: CsvDialect): string {
  return csvLine(
    COLUMNS.map(([, value]) => value(row)),
    dialect,
  );
}

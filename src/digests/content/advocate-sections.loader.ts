import { Injectable } from '@nestjs/common';
import { AdvocatesService } from '../../advocates/advocates.service';
import { AdvocateDto } from '../../advocates/dto/advocate.dto';
import { atRiskReason } from '../../advocates/ranking/at-risk-reason';
import { minorFromAmount } from '../../common/money/money';
import { DigestLanguage } from '../digest-subscription.entity';
import { DigestPeriod } from '../schedule/digest-schedule';
import { AdvocateRow, DigestFilters } from './digest-content';
import { ADVOCATE_SEGMENTS, AdvocateSection } from './digest-sections';

/**
 * The sections that name members, from the advocates module's ranking with the digest's period
 * and filters: the people GET /advocates?segment=…&from=…&to=… shows, in its order.
 */
@Injectable()
export class AdvocateSectionsLoader {
  constructor(private readonly advocates: AdvocatesService) {}

  /** The date of the snapshots the sections read: the latest at or before the period's end. */
  valuesAsOf(period: DigestPeriod): Promise<string | null> {
    return this.advocates.snapshotDateAt(period.end);
  }

  async load(
    section: AdvocateSection,
    period: DigestPeriod,
    filters: DigestFilters,
    limit: number,
    language: DigestLanguage = 'en',
  ): Promise<AdvocateRow[]> {
    const query = {
      lang: language,
      from: new Date(period.start).toISOString(),
      to: new Date(period.end).toISOString(),
      segment: ADVOCATE_SEGMENTS[section],
      tag: filters.tag ?? undefined,
      platform: filters.platform ?? undefined,
      limit,
    };
    const ranked = await this.advocates.firstRows(query);
    // "Who to thank" names people who did something for others: no advocacy, no thanks.
    const rows =
      section === 'topAdvocates'
        ? ranked.filter((row) => minorFromAmount(row.components.advocacyValue, row.currency) > 0)
        : ranked;
    return rows.map((row) =>
      section === 'atRisk'
        ? { ...toAdvocateRow(row), reason: atRiskReason(row, query) }
        : toAdvocateRow(row),
    );
  }
}

function toAdvocateRow(row: AdvocateDto): AdvocateRow {
  const minor = (amount: string) => minorFromAmount(amount, row.currency);
  return {
    memberId: row.member.id,
    name: row.member.name,
    extendedMinor: minor(row.components.extendedValue),
    advocacyMinor: minor(row.components.advocacyValue),
    advocacyChangeMinor: row.change.advocacyValue === null ? null : minor(row.change.advocacyValue),
    reasons: row.reasons,
    spendMinor: minor(row.components.spend),
    influenceMinor: minor(row.components.influence),
    changeMinor: row.change.extendedValue === null ? null : minor(row.change.extendedValue),
    pAlive: row.pAlive,
  };
}

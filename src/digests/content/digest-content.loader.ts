import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { DigestPeriod } from '../schedule/digest-schedule';
import {
  AdvocateQuery,
  atRisk,
  hiddenGems,
  newAmbassadors,
  rising,
  snapshotDateAt,
  topAdvocates,
} from './advocate-sections.loader';
import { isQuiet, loadCommunityMeasures } from './community-measures.loader';
import { DigestContent, DigestFilters } from './digest-content';
import { DigestSection } from './digest-sections';
import { notableContent } from './notable-content.loader';

export interface ContentRequest {
  period: DigestPeriod;
  previous: DigestPeriod;
  sections: DigestSection[];
  filters: DigestFilters;
}

/**
 * What a digest says about a period, one function per section. The sections read the tables
 * directly for now; they are the seam where the advocates module's services take over.
 */
@Injectable()
export class DigestContentLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async load(request: ContentRequest): Promise<DigestContent> {
    const { period, previous, sections, filters } = request;
    const dates = {
      current: await snapshotDateAt(this.dataSource, period.end),
      previous: await snapshotDateAt(this.dataSource, previous.end),
    };
    const query: AdvocateQuery = { dates, filters, limit: this.settings.digests.listSize };
    const community = await loadCommunityMeasures(this.dataSource, period, previous, filters);
    const content: DigestContent = {
      period,
      previous,
      currency: this.settings.money.baseCurrency,
      filters,
      valuesAsOf: dates.current,
      sections,
      empty: isQuiet(community),
    };
    const windows = { from: period.start, to: period.end, previousFrom: previous.start };
    for (const section of sections) {
      if (section === 'community') content.community = community;
      if (section === 'topAdvocates')
        content.topAdvocates = await topAdvocates(this.dataSource, query);
      if (section === 'newAmbassadors')
        content.newAmbassadors = await newAmbassadors(this.dataSource, query);
      if (section === 'rising') content.rising = await rising(this.dataSource, query);
      if (section === 'hiddenGems') content.hiddenGems = await hiddenGems(this.dataSource, query);
      if (section === 'atRisk') content.atRisk = await atRisk(this.dataSource, query, windows);
      if (section === 'notableContent')
        content.notableContent = await notableContent(
          this.dataSource,
          period,
          filters,
          query.limit,
        );
    }
    return content;
  }
}

import { DigestLanguage } from '../digest-subscription.entity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { DigestPeriod } from '../schedule/digest-schedule';
import { AdvocateSectionsLoader } from './advocate-sections.loader';
import { CommunityMeasuresLoader, isQuiet } from './community-measures.loader';
import { DigestContent, DigestFilters } from './digest-content';
import { DigestSection, isAdvocateSection } from './digest-sections';
import { notableContent } from './notable-content.loader';

export interface ContentRequest {
  period: DigestPeriod;
  previous: DigestPeriod;
  sections: DigestSection[];
  filters: DigestFilters;
  /** The language of the members' reasons. */
  language: DigestLanguage;
}

/**
 * What a digest says about a period, one load per section: the sections that name members and
 * the community measures come from the advocates module's ranking and metrics, notable content
 * from the tables.
 */
@Injectable()
export class DigestContentLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
    private readonly advocateSections: AdvocateSectionsLoader,
    private readonly communityMeasures: CommunityMeasuresLoader,
  ) {}

  async load(request: ContentRequest): Promise<DigestContent> {
    const { period, previous, sections, filters } = request;
    const limit = this.settings.digests.listSize;
    const community = await this.communityMeasures.load(period, previous, filters);
    const content: DigestContent = {
      period,
      previous,
      currency: this.settings.money.baseCurrency,
      filters,
      valuesAsOf: await this.advocateSections.valuesAsOf(period),
      sections,
      empty: isQuiet(community),
    };
    for (const section of sections) {
      if (section === 'community') content.community = community;
      if (isAdvocateSection(section))
        content[section] = await this.advocateSections.load(
          section,
          period,
          filters,
          limit,
          request.language,
        );
      if (section === 'notableContent')
        content.notableContent = await notableContent(this.dataSource, period, filters, limit);
    }
    return content;
  }
}

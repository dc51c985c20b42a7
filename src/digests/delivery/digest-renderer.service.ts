import { Injectable } from '@nestjs/common';
import { HaloSettings } from '../../config/halo-settings';
import { DigestContent } from '../content/digest-content';
import { DigestContentLoader } from '../content/digest-content.loader';
import { DigestSubscription } from '../digest-subscription.entity';
import { DigestPeriod } from '../schedule/digest-schedule';
import { SendTimes } from '../schedule/digest-periods';
import { renderDigest } from '../templates/render-digest';
import { RenderedDigest } from '../templates/digest-view';

export interface DigestRendering {
  content: DigestContent;
  /** Null when the period had nothing to report and the subscription skips such periods. */
  rendered: RenderedDigest | null;
}

/**
 * Content already loaded in one tick, by period, sections and filters: subscribers to the same
 * digest share one load (a Map of promises, so that concurrent loads also share).
 */
export type ContentCache = Map<string, Promise<DigestContent>>;

/** Loads a period's content and renders it in the subscription's language. */
@Injectable()
export class DigestRendererService {
  constructor(
    private readonly loader: DigestContentLoader,
    private readonly settings: HaloSettings,
  ) {}

  /** A preview renders the note even where a send would skip the period. */
  async render(
    subscription: DigestSubscription,
    period: DigestPeriod,
    options: { preview?: boolean; cache?: ContentCache } = {},
  ): Promise<DigestRendering> {
    const request = {
      period,
      previous: new SendTimes(subscription).periodEndingAt(period.start),
      sections: subscription.sectionList(),
      filters: { tag: subscription.filterTag, platform: subscription.filterPlatform },
      language: subscription.language,
    };
    const key = JSON.stringify(request);
    let loading = options.cache?.get(key);
    if (!loading) {
      loading = this.loader.load(request);
      options.cache?.set(key, loading);
    }
    const content = await loading;
    if (content.empty && subscription.whenEmpty === 'skip' && !options.preview)
      return { content, rendered: null };
    const rendered = renderDigest(
      content,
      {
        language: subscription.language,
        cadence: subscription.cadence,
        timezone: subscription.timezone,
        baseUrl: this.settings.server.publicBaseUrl,
        name: subscription.name,
      },
      content.empty,
    );
    return { content, rendered };
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { TimelineItemDto, TimelineType } from './dto/timeline.dto';
import { TimelineWords } from './timeline-words';

/** A record as its own endpoint shows it, with a one-line summary. */
export type TimelineDescription = Pick<TimelineItemDto, 'summary' | 'record'>;

/** Where one type of timeline record lives (its table, the member column and its date) and how it reads. */
export interface TimelineSource<T extends ObjectLiteral = ObjectLiteral> {
  type: TimelineType;
  entity: EntityTarget<T>;
  alias: string;
  memberColumn: string;
  /** SQL for the date the timeline sorts on; `occurredAt` computes the same from a row. */
  occurredColumn: string;
  occurredAt: (row: T) => number;
  /**
   * One description per record, in the order given: a page's records of this type at once,
   * summarised in the request's language.
   */
  describe: (
    records: T[],
    manager: EntityManager,
    words: TimelineWords,
  ) => Promise<TimelineDescription[]>;
}

/**
 * The timeline's record types, registered by the modules that own them in onModuleInit (as
 * importers are), so that members imports none of those features.
 */
@Injectable()
export class TimelineSources {
  private readonly sources = new Map<TimelineType, TimelineSource>();

  register<T extends ObjectLiteral>(source: TimelineSource<T>): void {
    this.sources.set(source.type, source as unknown as TimelineSource);
  }

  get(type: TimelineType): TimelineSource | undefined {
    return this.sources.get(type);
  }
}

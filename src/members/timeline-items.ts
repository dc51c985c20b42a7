import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral } from 'typeorm';
import { toIso } from '../common/dates/iso-date';
import { TimelineItemDto, TimelineType } from './dto/timeline.dto';
import { TimelineDescription, TimelineSources } from './timeline-sources';
import { TimelineWords } from './timeline-words';

export interface TimelineRow {
  type: TimelineType;
  id: string;
  occurredAt: number;
  record: ObjectLiteral;
}

/**
 * Turns timeline rows into items: each type's source describes its records of the page at once
 * (names, events, refunded orders read in one query per type), the items keep the rows' order.
 */
@Injectable()
export class TimelineItems {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: TimelineSources,
  ) {}

  async describe(rows: TimelineRow[], words: TimelineWords): Promise<TimelineItemDto[]> {
    const byType = new Map<TimelineType, TimelineRow[]>();
    for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
    const descriptions = new Map<TimelineRow, TimelineDescription>();
    await Promise.all(
      [...byType].map(async ([type, typed]) => {
        const described = await this.sources.get(type)!.describe(
          typed.map((row) => row.record),
          this.dataSource.manager,
          words,
        );
        typed.forEach((row, at) => descriptions.set(row, described[at]));
      }),
    );
    return rows.map((row) => ({
      type: row.type,
      id: row.id,
      occurredAt: toIso(row.occurredAt)!,
      ...descriptions.get(row)!,
    }));
  }
}

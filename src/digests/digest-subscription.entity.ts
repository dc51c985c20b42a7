import { Column, Entity } from 'typeorm';
import { InstantColumn, VarcharColumn } from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';
import { DigestSection } from './content/digest-sections';
import { Cadence, DigestSchedule, Weekday } from './schedule/digest-schedule';

export const DIGEST_LANGUAGES = ['en', 'it'] as const;
export type DigestLanguage = (typeof DIGEST_LANGUAGES)[number];
export const WHEN_EMPTY = ['skip', 'note'] as const;
export type WhenEmpty = (typeof WHEN_EMPTY)[number];
export const MISSED = ['catchUp', 'skip'] as const;
export type Missed = (typeof MISSED)[number];

/** Who gets which digest when. Lists are stored as JSON text, the same on SQLite and PostgreSQL. */
@Entity('digest_subscriptions')
export class DigestSubscription extends EditableRecordBase implements DigestSchedule {
  @VarcharColumn(200, { nullable: true })
  name!: string | null;

  /** JSON array of addresses. */
  @Column({ type: 'text' })
  recipients!: string;

  @VarcharColumn(8)
  cadence!: Cadence;

  @VarcharColumn(9, { nullable: true })
  weekday!: Weekday | null;

  @Column({ type: 'integer', nullable: true })
  dayOfMonth!: number | null;

  @VarcharColumn(100, { nullable: true })
  cron!: string | null;

  @VarcharColumn(64)
  timezone!: string;

  @VarcharColumn(5)
  sendAt!: string;

  @VarcharColumn(2)
  language!: DigestLanguage;

  /** JSON array of DigestSection, in the order they are shown. */
  @Column({ type: 'text' })
  sections!: string;

  @VarcharColumn(64, { nullable: true })
  filterTag!: string | null;

  @VarcharColumn(32, { nullable: true })
  filterPlatform!: string | null;

  @VarcharColumn(8)
  whenEmpty!: WhenEmpty;

  @VarcharColumn(8)
  missed!: Missed;

  @Column({ type: 'boolean' })
  active!: boolean;

  /**
   * Periods ending after this instant are due automatically: set at creation, at re-activation
   * and when the schedule changes, so that neither brings back old periods.
   */
  @InstantColumn()
  scheduleFrom!: number;

  recipientList(): string[] {
    return JSON.parse(this.recipients) as string[];
  }

  sectionList(): DigestSection[] {
    return JSON.parse(this.sections) as DigestSection[];
  }
}

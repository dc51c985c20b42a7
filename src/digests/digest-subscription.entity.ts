import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
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
export class DigestSubscription implements DigestSchedule {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  /** JSON array of addresses. */
  @Column({ type: 'text' })
  recipients!: string;

  @Column({ type: 'varchar', length: 8 })
  cadence!: Cadence;

  @Column({ type: 'varchar', length: 9, nullable: true })
  weekday!: Weekday | null;

  @Column({ type: 'integer', nullable: true })
  dayOfMonth!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  cron!: string | null;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'varchar', length: 5 })
  sendAt!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: DigestLanguage;

  /** JSON array of DigestSection, in the order they are shown. */
  @Column({ type: 'text' })
  sections!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  filterTag!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  filterPlatform!: string | null;

  @Column({ type: 'varchar', length: 8 })
  whenEmpty!: WhenEmpty;

  @Column({ type: 'varchar', length: 8 })
  missed!: Missed;

  @Column({ type: 'boolean' })
  active!: boolean;

  /**
   * Periods ending after this instant are due automatically: set at creation, at re-activation
   * and when the schedule changes, so that neither brings back old periods.
   */
  @InstantColumn()
  scheduleFrom!: number;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;

  recipientList(): string[] {
    return JSON.parse(this.recipients) as string[];
  }

  sectionList(): DigestSection[] {
    return JSON.parse(this.sections) as DigestSection[];
  }
}

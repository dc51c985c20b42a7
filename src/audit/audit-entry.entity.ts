import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, ReferenceColumn, VarcharColumn } from '../database/columns';
import { AuditActorKind } from '../common/http/audit-context';

export const AUDIT_OUTCOMES = ['success', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One audited act: who (actor kind, key id and name as they were), what (a verb, the route
 * pattern, the records), when, from where and how it ended. Ids and names of keys only: no
 * body, email, name of a person, handle, secret or query string is ever stored.
 */
@Entity('audit_entries')
export class AuditEntry {
  /** A time-ordered UUID (v7), so that the newest-first list walks the index backwards. */
  @IdColumn()
  id!: string;

  @InstantColumn()
  at!: number;

  @VarcharColumn(16)
  actorKind!: AuditActorKind;

  @ReferenceColumn({ nullable: true })
  keyId!: string | null;

  @VarcharColumn(100, { nullable: true })
  keyName!: string | null;

  /** For a failed authentication with something shaped like a Halo key: its public prefix. */
  @VarcharColumn(24, { nullable: true })
  keyPrefix!: string | null;

  @VarcharColumn(160)
  action!: string;

  @VarcharColumn(8, { nullable: true })
  method!: string | null;

  @VarcharColumn(200, { nullable: true })
  route!: string | null;

  /** null when the client went away before an answer was sent. */
  @Column({ type: 'integer', nullable: true })
  statusCode!: number | null;

  @VarcharColumn(8)
  outcome!: AuditOutcome;

  @VarcharColumn(128, { nullable: true })
  requestId!: string | null;

  @VarcharColumn(64, { nullable: true })
  remoteAddress!: string | null;

  /** Counts (an import's rows by outcome) as JSON; numbers and server-chosen words only. */
  @Column({ type: 'text', nullable: true })
  details!: string | null;
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import {
  emailKey,
  ErasureTombstones,
  externalIdKey,
  handleKey,
  PersonKey,
} from '../members/erasure-tombstones';
import { MembersErrorCode } from '../members/members-error-code';
import { generateReferralCode } from '../members/referral-code';
import { ErasureLock } from './erasure-lock';
import { ErasedPerson, ErasureParticipants } from './erasure-participants';
import { nonEmpty, PersonScope, personScope } from './person-scope';
import { PrivacyRepository, StoredRow } from './privacy.repository';

/** How many of each kind of thing an erasure removed. */
export interface ErasureCounts {
  members: number;
  mergedMembers: number;
  tags: number;
  identities: number;
  referralCodes: number;
  refereeEmails: number;
  attendanceEmails: number;
  guestEmails: number;
  reviewTexts: number;
  feedbackTexts: number;
  mentionUrls: number;
  valueSnapshots: number;
  mergeDismissals: number;
  idempotencyRecords: number;
  tombstones: number;
  /** What each registered participant (digest mails, webhook deliveries, ...) removed. */
  [participant: string]: number;
}

/** The tables whose rows are the person's activity: their ids may key idempotency records. */
const ACTIVITY = [
  { table: 'purchases', where: 'member_id IN (:...ids)' },
  { table: 'referrals', where: 'referrer_id IN (:...ids) OR referee_member_id IN (:...ids)' },
  { table: 'reviews', where: 'member_id IN (:...ids)' },
  { table: 'mentions', where: 'member_id IN (:...ids)' },
  { table: 'feedback', where: 'member_id IN (:...ids)' },
  { table: 'event_attendance', where: 'member_id IN (:...ids)' },
];

/**
 * Erases a person (GDPR art. 17): their personal fields, identities, referral codes, the emails
 * and texts that name them are removed (deleted or set to null, not hidden); their activity
 * stays as an anonymous member's, so that everyone else's values stay correct. A tombstone of
 * keyed hashes keeps a later create or import of the same email, handle or externalId out.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly repository: PrivacyRepository,
    private readonly tombstones: ErasureTombstones,
    private readonly lock: ErasureLock,
    private readonly participants: ErasureParticipants,
  ) {}

  /** Under the erasure lock: never beside a recompute or an import (ERASURE_BLOCKED after a wait). */
  async erase(memberId: string): Promise<ErasureCounts> {
    const [member] = await this.repository.rows(
      this.repository.dataSource.manager,
      'members',
      'id = :id',
      { id: memberId },
    );
    if (!member) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    const counts = await this.lock.run(() =>
      this.repository.transaction(async (manager) => {
        const scope = await personScope(this.repository, manager, memberId);
        if (!scope) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
        return this.eraseScope(manager, scope);
      }),
    );
    // Old versions of the changed pages stay in the WAL until a checkpoint copies it back.
    await this.repository.checkpointSqlite();
    return counts;
  }

  private async eraseScope(manager: EntityManager, scope: PersonScope): Promise<ErasureCounts> {
    const change = (sql: string, parameters: Record<string, unknown> = {}) =>
      this.repository.change(manager, sql, { ids: scope.ids, ...parameters });
    const emails = nonEmpty(scope.emails);
    const identities = await this.repository.rows(manager, 'identities', 'member_id IN (:...ids)', {
      ids: scope.ids,
    });
    const mentions = await this.repository.rows(manager, 'mentions', 'member_id IN (:...ids)', {
      ids: scope.ids,
    });
    const resourceIds = [...scope.ids, ...identities.map((row) => row.id as string)];
    for (const { table, where } of ACTIVITY)
      resourceIds.push(
        ...(await this.repository.rows(manager, table, where, { ids: scope.ids })).map(
          (row) => row.id as string,
        ),
      );

    const participantCounts: Record<string, number> = {};
    const person = erasedPerson(scope, [...identities, ...mentions]);
    for (const participant of this.participants.all())
      participantCounts[participant.name] = await participant.erase(person, manager);
    const tombstones = await this.tombstones.record(
      manager,
      scope.memberId,
      personKeys(scope.members, [...identities, ...mentions]),
    );
    const referralCodes = await this.replaceReferralCodes(manager, scope.members);
    const mentionUrls = await this.eraseMentionUrls(manager, mentions);
    const counts: ErasureCounts = {
      members: 1,
      mergedMembers: scope.ids.length - 1,
      tags: await change('DELETE FROM member_tags WHERE member_id IN (:...ids)'),
      identities: await change('DELETE FROM identities WHERE member_id IN (:...ids)'),
      referralCodes,
      refereeEmails: await change(
        'UPDATE referrals SET referee_email = NULL, referee_email_normalized = NULL WHERE (referee_member_id IN (:...ids) OR referee_email_normalized IN (:...emails)) AND referee_email IS NOT NULL',
        { emails },
      ),
      attendanceEmails: await change(
        'UPDATE event_attendance SET email = NULL, email_normalized = NULL WHERE (member_id IN (:...ids) OR email_normalized IN (:...emails)) AND email IS NOT NULL',
        { emails },
      ),
      guestEmails: await change(
        'UPDATE event_guests SET guest_email = NULL, guest_email_normalized = NULL WHERE (guest_member_id IN (:...ids) OR guest_email_normalized IN (:...emails)) AND guest_email IS NOT NULL',
        { emails },
      ),
      reviewTexts: await change(
        'UPDATE reviews SET title = NULL, body = NULL, url = NULL, url_normalized = NULL WHERE member_id IN (:...ids)',
      ),
      // text is required: the empty text, and the row's own id as its hash (unique per member).
      feedbackTexts: await change(
        "UPDATE feedback SET text = '', text_hash = id WHERE member_id IN (:...ids)",
      ),
      mentionUrls,
      valueSnapshots: await change('DELETE FROM value_snapshot_rows WHERE member_id IN (:...ids)'),
      mergeDismissals: await change(
        'DELETE FROM merge_dismissals WHERE member_id IN (:...ids) OR other_member_id IN (:...ids)',
      ),
      idempotencyRecords: await change(
        'DELETE FROM idempotency_records WHERE resource_id IN (:...resourceIds)',
        { resourceIds },
      ),
      tombstones,
      ...participantCounts,
    };
    // The member rows stay (the activity refers to them) with nothing that names the person.
    await change(
      'UPDATE members SET external_id = NULL, email = NULL, email_normalized = NULL, name = NULL, updated_at = :now WHERE id IN (:...ids)',
      { now: Date.now() },
    );
    return counts;
  }

  /**
   * A referral code begins with letters of the name: each gets a fresh code, changed in the
   * referrals and purchases that carry it, so that their attribution stays.
   */
  private async replaceReferralCodes(
    manager: EntityManager,
    members: StoredRow[],
  ): Promise<number> {
    for (const member of members) {
      const old = member.referral_code as string;
      const code = generateReferralCode(null);
      const parameters = { old, code, id: member.id };
      await this.repository.change(
        manager,
        'UPDATE members SET referral_code = :code WHERE id = :id',
        parameters,
      );
      await this.repository.change(
        manager,
        'UPDATE referrals SET code = :code WHERE code = :old',
        parameters,
      );
      await this.repository.change(
        manager,
        'UPDATE purchases SET attribution_referral_code = :code WHERE attribution_referral_code = :old',
        parameters,
      );
    }
    return members.length;
  }

  /**
   * A mention's url (and post id, handle) leads to the person: each becomes `erased:<id>`, in
   * the purchases attributed to it too, so that the attribution and the mention's reach stay.
   */
  private async eraseMentionUrls(manager: EntityManager, mentions: StoredRow[]): Promise<number> {
    for (const mention of mentions) {
      const parameters = {
        id: mention.id,
        placeholder: `erased:${mention.id as string}`,
        url: mention.url,
        urlNormalized: mention.url_normalized,
      };
      await this.repository.change(
        manager,
        'UPDATE purchase_mention_urls SET url_normalized = :placeholder WHERE url_normalized = :urlNormalized',
        parameters,
      );
      await this.repository.change(
        manager,
        'UPDATE purchases SET attribution_mention_url = NULL WHERE attribution_mention_id = :id OR attribution_mention_url IN (:url, :urlNormalized)',
        parameters,
      );
      await this.repository.change(
        manager,
        "UPDATE mentions SET url = :placeholder, url_normalized = :placeholder, handle = '', handle_normalized = '', external_post_id = NULL WHERE id = :id",
        parameters,
      );
    }
    return mentions.length;
  }
}

function erasedPerson(scope: PersonScope, handles: StoredRow[]): ErasedPerson {
  const strings = (rows: StoredRow[], column: string) =>
    rows.flatMap((row) => (typeof row[column] === 'string' && row[column] ? [row[column]] : []));
  return {
    memberIds: scope.ids,
    emails: [...new Set([...strings(scope.members, 'email'), ...scope.emails])],
    names: [...new Set(strings(scope.members, 'name'))],
    handles: [...new Set(strings(handles, 'handle'))],
  };
}

/** Every email, externalId and handle the person was known by. */
function personKeys(members: StoredRow[], handles: StoredRow[]): PersonKey[] {
  const keys: PersonKey[] = [];
  for (const member of members) {
    if (typeof member.email === 'string') keys.push(emailKey(member.email));
    if (typeof member.external_id === 'string') keys.push(externalIdKey(member.external_id));
  }
  for (const row of handles)
    if (typeof row.handle === 'string' && row.handle)
      keys.push(handleKey(row.platform as string, row.handle));
  return keys;
}

import { newRecordId } from '../common/ids/time-ordered-uuid';
import { EntityManager } from 'typeorm';
import { anyRow } from '../database/sql';
import { parseIsoInstant } from '../common/dates/iso-date';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { FieldRule } from '../common/records/compare-record';
import { Identity } from '../members/identity.entity';
import { MemberReference, resolveMember } from '../members/member-reference';
import { Member } from '../members/member.entity';
import { normalizeHandle, normalizePlatform } from '../members/normalize';
import { CreateMentionDto } from './dto/create-mention.dto';
import { Mention } from './mention.entity';
import { normalizeUrl } from './normalize-url';
import { MentionsErrorCode } from './mentions-error-code';

/**
 * How each field compares when the same mention is written again. The url is a key, not
 * content: a mention found by externalId or externalPostId under another url keeps its first.
 */
export const MENTION_RULES: Partial<Record<keyof Mention, FieldRule>> = {
  platform: 'fixed',
  handleNormalized: 'fixed',
  postedAt: 'fixed',
  externalId: 'fillable',
  externalPostId: 'fillable',
  memberId: 'fillable',
  sentiment: 'fillable',
  reach: 'mutable',
  likes: 'mutable',
  shares: 'mutable',
  comments: 'mutable',
  clicks: 'mutable',
};

/** Entity fields as the API names them, for conflicts. */
export const API_FIELD: Partial<Record<keyof Mention, string>> = {
  handleNormalized: 'handle',
  urlNormalized: 'url',
  memberId: 'memberId',
};

export interface MentionCandidate {
  fields: Partial<Mention>;
  /** The member whose identity names the handle, if any. */
  ownerId: string | null;
}

/** What building a mention looks up: the database for one request, a batch's maps for an import. */
export interface MentionLookups {
  identity(platform: string, handleNormalized: string): Promise<Identity | null>;
  member(reference: MemberReference): Promise<Member | undefined>;
}

export function databaseMentionLookups(manager: EntityManager): MentionLookups {
  return {
    // Most mentions come from handles no member claimed: a probe answers those.
    identity: async (platform, handleNormalized) => {
      const sql =
        'SELECT 1 FROM identities WHERE platform = :platform AND handle_normalized = :handle LIMIT 1';
      if (!(await anyRow(manager, sql, { platform, handle: handleNormalized }))) return null;
      return manager.getRepository(Identity).findOneBy({ platform, handleNormalized });
    },
    member: (reference) => resolveMember(manager, reference),
  };
}

/**
 * The mention a write describes. Fields the client left out stay undefined (they take no part
 * in comparisons); `memberId` is set only when the client named the member explicitly.
 */
export async function buildMentionCandidate(
  input: CreateMentionDto,
  lookups: MentionLookups,
): Promise<MentionCandidate> {
  const urlNormalized = normalizeUrl(input.url);
  if (!urlNormalized) throw invalidField('url', 'must be an http(s) URL', 'isUrl');
  const platform = normalizePlatform(input.platform);
  const handleNormalized = normalizeHandle(input.handle);
  if (!handleNormalized) throw invalidField('handle', 'must not be empty', 'isNotEmpty');
  const owner = await lookups.identity(platform, handleNormalized);
  const named = await lookups.member({
    id: input.memberId,
    externalId: input.memberExternalId,
    email: input.memberEmail,
  });
  if (named && owner && owner.memberId !== named.id) {
    throw new DomainError(
      'unprocessable',
      MentionsErrorCode.HANDLE_OF_ANOTHER_MEMBER,
      `${platform} handle ${input.handle} belongs to another member`,
      [{ field: 'handle', reason: 'is the identity of another member', code: 'otherMember' }],
    );
  }
  const fields: Partial<Mention> = {
    externalId: input.externalId ?? undefined,
    platform,
    handle: input.handle.trim().replace(/^@/, ''),
    handleNormalized,
    memberId: named?.id,
    url: input.url.trim(),
    urlNormalized,
    externalPostId: input.externalPostId ?? undefined,
    postedAt: parseIsoInstant(input.postedAt)!,
    reach: input.reach,
    likes: input.likes,
    shares: input.shares,
    comments: input.comments,
    clicks: input.clicks,
    sentiment: input.sentiment ?? undefined,
  };
  return { fields, ownerId: owner?.memberId ?? null };
}

/** A new row from a candidate: what was not sent gets its default. */
export function newMention({ fields: candidate, ownerId }: MentionCandidate): Mention {
  const now = Date.now();
  return Object.assign(new Mention(), {
    id: newRecordId(),
    externalId: candidate.externalId ?? null,
    platform: candidate.platform!,
    handle: candidate.handle!,
    handleNormalized: candidate.handleNormalized!,
    memberId: candidate.memberId ?? ownerId ?? null,
    url: candidate.url!,
    urlNormalized: candidate.urlNormalized!,
    externalPostId: candidate.externalPostId ?? null,
    postedAt: candidate.postedAt!,
    reach: candidate.reach ?? 0,
    likes: candidate.likes ?? 0,
    shares: candidate.shares ?? 0,
    comments: candidate.comments ?? 0,
    clicks: candidate.clicks ?? 0,
    sentiment: candidate.sentiment ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

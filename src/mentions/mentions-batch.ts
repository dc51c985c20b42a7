import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import {
  BatchPlan,
  NeedsRowPath,
  findAmong,
  insertMany,
  keyBy,
} from '../database/batch/batch-plan';
import { Identity } from '../members/identity.entity';
import { MemberDirectory } from '../members/member-directory';
import { MemberReference } from '../members/member-reference';
import { normalizeHandle, normalizePlatform } from '../members/normalize';
import { compareRecord } from '../common/records/compare-record';
import { CreateMentionDto } from './dto/create-mention.dto';
import {
  MENTION_RULES,
  MentionLookups,
  buildMentionCandidate,
  newMention,
} from './mention-candidate';
import { linkPurchasesToMention, purchaseUrlsAmong } from './mention-purchase-links';
import { Mention } from './mention.entity';
import { normalizeUrl } from './normalize-url';

/**
 * A batch of mention rows: the identities of their handles, the members they name and the
 * mentions stored under any of their keys, looked up at once; new mentions are queued, the same
 * mention again is unchanged. Changed counters, keys that name two mentions and refusals go to
 * the row path (MentionsService.write), which answers exactly as a single request does.
 */
export async function planMentions(
  manager: EntityManager,
  rows: CreateMentionDto[],
): Promise<BatchPlan<CreateMentionDto>> {
  const members = await MemberDirectory.load(manager, rows.map(memberReferenceOf));
  const identities = await identitiesOf(manager, rows);
  const stored = await StoredMentions.load(manager, rows);
  const lookups: MentionLookups = {
    identity: (platform, handleNormalized) =>
      Promise.resolve(identities.get(`${platform}\n${handleNormalized}`) ?? null),
    member: (reference) =>
      Promise.resolve(
        reference.id || reference.externalId || reference.email
          ? members.find(reference)
          : undefined,
      ),
  };
  let queued: Mention[] = [];
  return {
    keys: (row) => {
      const keys = [`url:${normalizeUrl(row.url) ?? row.url}`];
      if (row.externalId) keys.push(`externalId:${row.externalId}`);
      if (row.externalPostId)
        keys.push(`post:${normalizePlatform(row.platform)}\n${row.externalPostId}`);
      return keys;
    },
    decide: async (row) => {
      const candidate = await buildMentionCandidate(row, lookups);
      const existing = stored.same(candidate.fields);
      if (!existing) {
        queued.push(newMention(candidate));
        return 'created';
      }
      if (compareRecord(existing, candidate.fields, MENTION_RULES).outcome === 'unchanged')
        return 'unchanged';
      throw new NeedsRowPath('changed or conflicting mention');
    },
    flush: async (transaction) => {
      if (!queued.length) return;
      const mentions = queued;
      queued = [];
      await insertMany(transaction, Mention, mentions);
      // Purchases that named a url before its mention existed now name it.
      const named = await purchaseUrlsAmong(
        transaction,
        mentions.map((mention) => mention.urlNormalized),
      );
      for (const mention of mentions)
        if (named.has(mention.urlNormalized)) await linkPurchasesToMention(transaction, mention);
    },
  };
}

function memberReferenceOf(row: CreateMentionDto): MemberReference {
  return { id: row.memberId, externalId: row.memberExternalId, email: row.memberEmail };
}

async function identitiesOf(
  manager: EntityManager,
  rows: CreateMentionDto[],
): Promise<Map<string, Identity>> {
  const handles = rows.map((row) => normalizeHandle(row.handle)).filter(Boolean);
  const identities = await findAmong(manager, Identity, handles, (chunk) => ({
    handleNormalized: In(chunk),
  }));
  return keyBy(identities, (identity) => `${identity.platform}\n${identity.handleNormalized}`);
}

/** The stored mentions that a batch's rows name by url, externalId or (platform, externalPostId). */
class StoredMentions {
  private constructor(
    private readonly byUrl: Map<string, Mention>,
    private readonly byExternalId: Map<string, Mention>,
    private readonly byPost: Map<string, Mention>,
  ) {}

  static async load(manager: EntityManager, rows: CreateMentionDto[]): Promise<StoredMentions> {
    const find = async (
      values: string[],
      where: (chunk: string[]) => FindOptionsWhere<Mention>,
      key: (mention: Mention) => string | null,
    ) => keyBy(await findAmong(manager, Mention, values, where), key);
    return new StoredMentions(
      await find(
        rows.flatMap((row) => normalizeUrl(row.url) ?? []),
        (chunk) => ({ urlNormalized: In(chunk) }),
        (mention) => mention.urlNormalized,
      ),
      await find(
        rows.flatMap((row) => row.externalId ?? []),
        (chunk) => ({ externalId: In(chunk) }),
        (mention) => mention.externalId,
      ),
      await find(
        rows.flatMap((row) => row.externalPostId ?? []),
        (chunk) => ({ externalPostId: In(chunk) }),
        (mention) => `${mention.platform}\n${mention.externalPostId}`,
      ),
    );
  }

  /** The one stored mention the candidate's keys name; NeedsRowPath when they name two. */
  same(candidate: Partial<Mention>): Mention | undefined {
    const matches = new Set(
      [
        this.byUrl.get(candidate.urlNormalized!),
        candidate.externalId ? this.byExternalId.get(candidate.externalId) : undefined,
        candidate.externalPostId
          ? this.byPost.get(`${candidate.platform}\n${candidate.externalPostId}`)
          : undefined,
      ].filter((mention): mention is Mention => Boolean(mention)),
    );
    if (matches.size > 1) throw new NeedsRowPath('keys name different mentions');
    return [...matches][0];
  }
}

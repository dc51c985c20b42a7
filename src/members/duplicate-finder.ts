import { emailKeys, isDistinctiveName, levenshteinRatio, normalizeName } from './duplicate-keys';

export const DUPLICATE_REASONS = [
  'same_email',
  'same_handle',
  'similar_name',
  'same_email_local_part',
] as const;
export type DuplicateReasonCode = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** How much this reason alone says the two are one person (0–1). */
  confidence: number;
  detail: string;
}

export interface DuplicatePair {
  /** The older member of the two: the suggested survivor. */
  memberId: string;
  otherMemberId: string;
  confidence: number;
  reasons: DuplicateReason[];
}

export interface DuplicateCandidate {
  id: string;
  createdAt: number;
  email: string | null;
  name: string | null;
}

export const SIMILAR_NAME_RATIO = 0.9;
/** A key shared by more members than this says little (a common first name, `info@`): skipped. */
export const MAX_BLOCK = 100;
export const MAX_NAME_BLOCK = 50;
/** Shorter handles are often two people's: they only add to another reason. */
export const MIN_DISTINCT_HANDLE = 5;
const YIELD_EVERY = 20_000;

type Block = number | number[];

interface Entry {
  id: string;
  createdAt: number;
  mailbox: string | null;
  localPart: string | null;
  name: string;
}

/**
 * Finds likely duplicates without comparing every member with every other: members are
 * grouped by blocking keys (canonical mailbox, name words, handle) and only members sharing a
 * key are compared. Feed it members and handles in one streaming pass.
 */
export class DuplicateFinder {
  private readonly entries: Entry[] = [];
  private readonly indexById = new Map<string, number>();
  /** Per kind of key, key → the members sharing it: a bare index until a second one shares it. */
  private readonly blocks = {
    mailbox: new Map<string, Block>(),
    name: new Map<string, Block>(),
    handle: new Map<string, Block>(),
  };
  private readonly handles = new Map<number, { platform: string; handle: string }[]>();

  addMember(candidate: DuplicateCandidate): void {
    const keys = emailKeys(candidate.email);
    const name = normalizeName(candidate.name);
    const index = this.entries.length;
    this.entries.push({
      id: candidate.id,
      createdAt: candidate.createdAt,
      mailbox: keys?.mailbox ?? null,
      localPart: keys && keys.localPart.length >= 3 ? keys.localPart : null,
      name,
    });
    this.indexById.set(candidate.id, index);
    if (keys) this.block(this.blocks.mailbox, keys.mailbox, index);
    for (const word of new Set(name.split(' '))) {
      if (word.length >= 3) this.block(this.blocks.name, word, index);
    }
  }

  /** A handle of a member already added (others are ignored). */
  addHandle(memberId: string, platform: string, handle: string): void {
    const index = this.indexById.get(memberId);
    if (index === undefined || handle.length < 3) return;
    const list = this.handles.get(index) ?? [];
    list.push({ platform, handle });
    this.handles.set(index, list);
    this.block(this.blocks.handle, handle, index);
  }

  /** Every likely pair; yields to the event loop now and then, so that a large pass does not stall requests. */
  async pairs(): Promise<DuplicatePair[]> {
    let comparisons = 0;
    const seen = new Set<number>();
    const pairs: DuplicatePair[] = [];
    for (const [kind, blocks] of Object.entries(this.blocks)) {
      const limit = kind === 'name' ? MAX_NAME_BLOCK : MAX_BLOCK;
      for (const members of blocks.values()) {
        if (typeof members === 'number' || members.length > limit) continue;
        for (let first = 0; first < members.length; first += 1) {
          for (let second = first + 1; second < members.length; second += 1) {
            const left = Math.min(members[first], members[second]);
            const right = Math.max(members[first], members[second]);
            const pairKey = left * 2 ** 26 + right;
            if (seen.has(pairKey)) continue;
            seen.add(pairKey);
            if ((comparisons += 1) % YIELD_EVERY === 0) await new Promise(setImmediate);
            const pair = this.compare(this.entries[left], this.entries[right], left, right);
            if (pair) pairs.push(pair);
          }
        }
      }
    }
    return pairs;
  }

  private compare(left: Entry, right: Entry, leftIndex: number, rightIndex: number) {
    const reasons: DuplicateReason[] = [];
    // A short shared handle or a shared local part alone says little: they only add to another reason.
    let enough = false;
    const sameMailbox = left.mailbox !== null && left.mailbox === right.mailbox;
    if (sameMailbox) {
      enough = true;
      reasons.push({
        code: 'same_email',
        confidence: 0.9,
        detail: `both emails are the mailbox ${left.mailbox} ignoring case, dots and +tags`,
      });
    }
    const handle = this.sharedHandle(leftIndex, rightIndex);
    if (handle) {
      enough ||= handle.length >= MIN_DISTINCT_HANDLE;
      reasons.push({
        code: 'same_handle',
        confidence: handle.length >= MIN_DISTINCT_HANDLE ? 0.7 : 0.4,
        detail: `handle ${handle.handle} on ${handle.platforms.join(' and on ')}`,
      });
    }
    const ratio =
      left.name && right.name ? levenshteinRatio(left.name, right.name, SIMILAR_NAME_RATIO) : 0;
    if (ratio >= SIMILAR_NAME_RATIO) {
      const sameLocalPart =
        !sameMailbox && left.localPart !== null && left.localPart === right.localPart;
      const distinctive = isDistinctiveName(left.name) && isDistinctiveName(right.name);
      if (reasons.length || sameLocalPart || distinctive) {
        enough = true;
        reasons.push({
          code: 'similar_name',
          confidence: ratio === 1 ? 0.6 : 0.5,
          detail: `names "${left.name}" and "${right.name}" are ${Math.round(ratio * 100)}% alike`,
        });
      }
      if (sameLocalPart) {
        reasons.push({
          code: 'same_email_local_part',
          confidence: 0.3,
          detail: `both emails start with ${left.localPart}@ on different domains`,
        });
      }
    }
    if (!enough) return null;
    const [older, newer] =
      left.createdAt < right.createdAt || (left.createdAt === right.createdAt && left.id < right.id)
        ? [left, right]
        : [right, left];
    return {
      memberId: older.id,
      otherMemberId: newer.id,
      confidence: combine(reasons),
      reasons,
    };
  }

  private sharedHandle(
    leftIndex: number,
    rightIndex: number,
  ): { handle: string; length: number; platforms: string[] } | null {
    const rights = this.handles.get(rightIndex) ?? [];
    for (const left of this.handles.get(leftIndex) ?? []) {
      const right = rights.find((candidate) => candidate.handle === left.handle);
      if (right)
        return {
          handle: left.handle,
          length: left.handle.length,
          platforms: [left.platform, right.platform].sort(),
        };
    }
    return null;
  }

  private block(blocks: Map<string, Block>, key: string, index: number): void {
    const members = blocks.get(key);
    if (members === undefined) blocks.set(key, index);
    else if (typeof members === 'number') {
      if (members !== index) blocks.set(key, [members, index]);
    } else if (members[members.length - 1] !== index) members.push(index);
  }
}

/** Independent reasons add up: 1 − Π(1 − confidence), at most 0.99, to two decimals. */
function combine(reasons: DuplicateReason[]): number {
  const doubt = reasons.reduce((product, reason) => product * (1 - reason.confidence), 1);
  return Math.round(Math.min(0.99, 1 - doubt) * 100) / 100;
}

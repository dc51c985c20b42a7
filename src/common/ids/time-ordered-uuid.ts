import { randomInt } from 'node:crypto';

const COUNTER_BITS = 2 ** 30;
const RANDOM_A = 2 ** 12;

/**
 * A source of RFC 9562 version 7 UUIDs for one batch: the 48-bit millisecond timestamp, then
 * a 42-bit counter that starts at a random value, then 32 random bits. Ids of one batch
 * increase, so that a bulk insert appends to the primary key's b-tree instead of writing
 * into random pages of it (a random v4 id per row made a 100,000-row write a third slower).
 */
export function timeOrderedUuids(now = Date.now()): () => string {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  let counter = randomInt(0, 2 ** 40);
  return () => {
    counter += 1;
    const high = Math.floor(counter / COUNTER_BITS) % RANDOM_A;
    const low = counter % COUNTER_BITS;
    const variantAndLow = (0x80000000 + low).toString(16);
    const random = randomInt(0, 2 ** 32)
      .toString(16)
      .padStart(8, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${high.toString(16).padStart(3, '0')}-${variantAndLow.slice(0, 4)}-${variantAndLow.slice(4)}${random}`;
  };
}

let current = { at: -1, next: (): string => '' };

/**
 * A new record's id: a version 7 UUID from this process's sequence of the current millisecond,
 * so that records written one after another (an import batch, a burst of requests) append to
 * their table's primary key instead of dirtying a random page of it per row.
 */
export function newRecordId(now = Date.now()): string {
  if (now !== current.at) current = { at: now, next: timeOrderedUuids(now) };
  return current.next();
}

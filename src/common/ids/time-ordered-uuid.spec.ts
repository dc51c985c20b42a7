import { timeOrderedUuids } from './time-ordered-uuid';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedUuids', () => {
  it('makes version 7 UUIDs that carry the timestamp and increase within a batch', () => {
    const next = timeOrderedUuids(Date.UTC(2026, 11, 2, 10, 30));
    const ids = Array.from({ length: 5000 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const millis = parseInt(ids[0].replace('-', '').slice(0, 12), 16);
    expect(millis).toBe(Date.UTC(2026, 11, 2, 10, 30));
  });

  it('sorts a later batch after an earlier one', () => {
    const earlier = timeOrderedUuids(1_000_000)();
    const later = timeOrderedUuids(1_000_001)();
    expect(later > earlier).toBe(true);
  });
});

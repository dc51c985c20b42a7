import { campaignDaysInPeriod, proratedSpend } from './campaign-days';

const at = (text: string) => Date.parse(text);
const Q1 = { from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') };

describe('campaignDaysInPeriod and proratedSpend', () => {
  it('counts a campaign from its start day to its end day inclusive', () => {
    // 2026-03-02 .. 2026-04-30: 60 days, 30 of them in Q1.
    const spring = { startsAt: at('2026-03-02'), endsAt: at('2026-04-30T18:00:00Z') };
    expect(campaignDaysInPeriod(spring, Q1)).toEqual({ overlap: 30, days: 60 });
    expect(proratedSpend({ ...spring, baseSpendMinor: 60_000 }, Q1)).toBe(30_000);
  });

  it('gives the whole spend to a period that covers the campaign, none to one that misses it', () => {
    const q1Campaign = {
      startsAt: at('2026-01-01'),
      endsAt: at('2026-03-31'),
      baseSpendMinor: 90_000,
    };
    expect(proratedSpend(q1Campaign, Q1)).toBe(90_000);
    const april = { from: at('2026-04-01'), to: at('2026-05-01') };
    expect(proratedSpend(q1Campaign, april)).toBe(0);
  });

  it('counts a period day only when it starts in [from, to)', () => {
    const january = { startsAt: at('2026-01-01'), endsAt: at('2026-01-10'), baseSpendMinor: 1_000 };
    // From noon on Jan 1: Jan 2 .. Jan 10 count, 9 of 10 days.
    expect(proratedSpend(january, { from: at('2026-01-01T12:00:00Z'), to: Q1.to })).toBe(900);
    // To noon on Jan 3: Jan 1 .. Jan 3 count (Jan 3 starts before noon).
    expect(proratedSpend(january, { from: Q1.from, to: at('2026-01-03T12:00:00Z') })).toBe(300);
  });

  it('rounds half-even once', () => {
    const twoDays = { startsAt: at('2026-01-31'), endsAt: at('2026-02-01') };
    const january = { from: Q1.from, to: at('2026-02-01') };
    expect(proratedSpend({ ...twoDays, baseSpendMinor: 1 }, january)).toBe(0); // 0.5
    expect(proratedSpend({ ...twoDays, baseSpendMinor: 3 }, january)).toBe(2); // 1.5
    expect(proratedSpend({ ...twoDays, baseSpendMinor: 5 }, january)).toBe(2); // 2.5
  });
});

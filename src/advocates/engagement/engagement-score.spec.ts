import { Activity, DAY_MS, decay, engagementScore } from './engagement-score';

const AS_OF = Date.UTC(2026, 6, 1);
const daysAgo = (days: number) => AS_OF - days * DAY_MS;
const RULES = {
  halfLifeDays: 90,
  weights: { purchase: 1, review: 5, mention: 3, event_hosted: 8 },
};

describe('decay', () => {
  it('halves every half-life', () => {
    expect(decay(0, 90)).toBe(1);
    expect(decay(90, 90)).toBe(0.5);
    expect(decay(180, 90)).toBe(0.25);
    // 0.5^(45/90) = 1/√2
    expect(decay(45, 90)).toBeCloseTo(0.70710678, 8);
  });
});

describe('engagementScore', () => {
  it('weighs each activity by type and halves it every half-life', () => {
    const activities: Activity[] = [
      { type: 'review', platform: 'trustpilot', occurredAt: daysAgo(0) },
      { type: 'review', platform: 'trustpilot', occurredAt: daysAgo(90) },
      { type: 'mention', platform: 'instagram', occurredAt: daysAgo(45) },
      { type: 'purchase', platform: null, occurredAt: daysAgo(180) },
    ];
    const score = engagementScore(activities, RULES, AS_OF);
    // 5 + 5 × 0.5 + 3 × 0.70710678 + 1 × 0.25 = 5 + 2.5 + 2.12132034 + 0.25 = 9.87132034
    expect(score.total).toBeCloseTo(9.87132034, 8);
    expect(score.byPlatform).toEqual({
      trustpilot: 7.5,
      instagram: expect.closeTo(2.12132034, 8),
    });
    expect(score.offPlatform).toBe(0.25);
    expect(score.lastActivityAt).toBe(AS_OF);
    expect(score.activityCount).toBe(4);
    expect(score.orderCount).toBe(1);
  });

  it('leaves out activities after asOf; an unweighted type earns nothing but is activity', () => {
    const score = engagementScore(
      [
        { type: 'review', platform: 'trustpilot', occurredAt: AS_OF + 1 },
        { type: 'feedback_submitted', platform: null, occurredAt: daysAgo(3) },
        { type: 'event_hosted', platform: 'event', occurredAt: daysAgo(10) },
      ],
      RULES,
      AS_OF,
    );
    // 8 × 0.5^(10/90) = 8 × 0.92587471 = 7.40699768
    expect(score.total).toBeCloseTo(7.40699768, 7);
    expect(score.lastActivityAt).toBe(daysAgo(3));
    expect(score.activityCount).toBe(2);
    expect(score.orderCount).toBe(0);
  });

  it('explains itself: contributions, most points first, summing to the total', () => {
    const activities: Activity[] = [
      { type: 'purchase', id: 'order-1', platform: null, occurredAt: daysAgo(0) },
      { type: 'mention', id: 'post-1', platform: 'instagram', occurredAt: daysAgo(90) },
      { type: 'review', id: 'review-1', platform: 'trustpilot', occurredAt: daysAgo(270) },
    ];
    const score = engagementScore(activities, RULES, AS_OF, { explain: true });
    expect(
      score.contributions.map(({ activity, ageDays, weight, points }) => [
        activity.id,
        ageDays,
        weight,
        points,
      ]),
    ).toEqual([
      ['post-1', 90, 3, 1.5],
      ['order-1', 0, 1, 1],
      ['review-1', 270, 5, 0.625],
    ]);
    expect(score.total).toBe(3.125);
    expect(engagementScore(activities, RULES, AS_OF).contributions).toEqual([]);
  });

  it('is zero without activity', () => {
    const score = engagementScore([], RULES, AS_OF);
    expect(score).toMatchObject({ total: 0, lastActivityAt: null, activityCount: 0 });
  });
});

import { SubscriptionState, applySubscriptionInput, scheduleChanged } from './subscription-rules';

const created = applySubscriptionInput(undefined, {
  recipients: ['a@example.com', ' A@example.com ', 'b@example.com'],
  cadence: 'weekly',
  weekday: 'monday',
  timezone: 'america/new_york',
}) as SubscriptionState;

describe('subscription rules', () => {
  it('fills defaults, dedupes recipients ignoring case and canonicalises the zone', () => {
    expect(created).toMatchObject({
      recipients: ['a@example.com', 'b@example.com'],
      timezone: 'America/New_York',
      sendAt: '08:00',
      language: 'en',
      whenEmpty: 'skip',
      missed: 'catchUp',
      active: true,
      filterTag: null,
    });
    expect(created.sections).toHaveLength(7);
  });

  it('names the missing or misplaced field', () => {
    expect(applySubscriptionInput(undefined, { cadence: 'daily', timezone: 'UTC' })).toMatchObject({
      field: 'recipients',
      code: 'isDefined',
    });
    expect(
      applySubscriptionInput(undefined, {
        recipients: ['a@example.com'],
        cadence: 'monthly',
        timezone: 'UTC',
      }),
    ).toMatchObject({ field: 'dayOfMonth', code: 'isDefined' });
    expect(applySubscriptionInput(created, { cadence: 'daily', weekday: 'friday' })).toMatchObject({
      field: 'weekday',
      code: 'cadenceMismatch',
    });
    expect(
      applySubscriptionInput(created, { cadence: 'cron', cron: '0 8 * * *', sendAt: '09:00' }),
    ).toMatchObject({ field: 'sendAt', code: 'cadenceMismatch' });
    expect(applySubscriptionInput(created, { weekday: null })).toMatchObject({ field: 'weekday' });
  });

  it('drops the old cadence fields when the cadence changes, and keeps what is left out', () => {
    const monthly = applySubscriptionInput(created, {
      cadence: 'monthly',
      dayOfMonth: 31,
      filters: { tag: 'vip' },
    }) as SubscriptionState;
    expect(monthly).toMatchObject({
      cadence: 'monthly',
      weekday: null,
      dayOfMonth: 31,
      filterTag: 'vip',
      filterPlatform: null,
      recipients: created.recipients,
    });
    expect(applySubscriptionInput(monthly, { language: 'it' })).toMatchObject({
      dayOfMonth: 31,
      filterTag: 'vip',
      language: 'it',
    });
    expect(applySubscriptionInput(monthly, { filters: null })).toMatchObject({ filterTag: null });
  });

  it('says when the schedule moves: a new time, zone or cadence, or re-activation', () => {
    const later = applySubscriptionInput(created, { sendAt: '09:00' }) as SubscriptionState;
    const renamed = applySubscriptionInput(created, { name: 'x' }) as SubscriptionState;
    const paused = applySubscriptionInput(created, { active: false }) as SubscriptionState;
    expect(scheduleChanged(created, later)).toBe(true);
    expect(scheduleChanged(created, renamed)).toBe(false);
    expect(scheduleChanged(created, paused)).toBe(false);
    expect(scheduleChanged(paused, { ...paused, active: true })).toBe(true);
  });
});

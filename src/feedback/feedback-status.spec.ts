import { FeedbackState, applyFeedbackStatus, transitionProblem } from './feedback-status';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10);
const NOW = Date.UTC(2026, 1, 1);

const submitted: FeedbackState = {
  status: 'submitted',
  submittedAt: T0,
  acceptedAt: null,
  shippedAt: null,
  declinedAt: null,
};

describe('feedback status', () => {
  it.each([
    ['submitted', 'accepted'],
    ['submitted', 'declined'],
    ['submitted', 'shipped'],
    ['accepted', 'shipped'],
    ['accepted', 'declined'],
    ['shipped', 'shipped'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(transitionProblem(from, to)).toBeUndefined();
  });

  it.each([
    ['shipped', 'submitted'],
    ['shipped', 'accepted'],
    ['shipped', 'declined'],
    ['declined', 'shipped'],
    ['declined', 'accepted'],
    ['declined', 'submitted'],
    ['accepted', 'submitted'],
  ] as const)('refuses %s → %s naming status', (from, to) => {
    expect(transitionProblem(from, to)).toMatchObject({
      field: 'status',
      code: 'invalidTransition',
      kind: 'unprocessable',
    });
  });

  it('dates a new stage now unless a date is given', () => {
    expect(applyFeedbackStatus(submitted, 'accepted', { submittedAt: T0 }, NOW)).toEqual({
      ...submitted,
      status: 'accepted',
      acceptedAt: NOW,
    });
    expect(
      applyFeedbackStatus(submitted, 'accepted', { submittedAt: T0, acceptedAt: T0 + DAY }, NOW),
    ).toMatchObject({ acceptedAt: T0 + DAY });
  });

  it('keeps the dates of stages already reached', () => {
    const accepted = { ...submitted, status: 'accepted' as const, acceptedAt: T0 + DAY };
    expect(applyFeedbackStatus(accepted, 'shipped', { submittedAt: T0 }, NOW)).toEqual({
      ...accepted,
      status: 'shipped',
      shippedAt: NOW,
    });
    expect(applyFeedbackStatus(accepted, 'declined', { submittedAt: T0 }, NOW)).toEqual({
      ...accepted,
      status: 'declined',
      declinedAt: NOW,
    });
  });

  it('accepts at the shipping date when shipping straight from submitted', () => {
    expect(
      applyFeedbackStatus(null, 'shipped', { submittedAt: T0, shippedAt: T0 + 3 * DAY }, NOW),
    ).toEqual({
      status: 'shipped',
      submittedAt: T0,
      acceptedAt: T0 + 3 * DAY,
      shippedAt: T0 + 3 * DAY,
      declinedAt: null,
    });
  });

  it('never defaults a date before the stage before it', () => {
    const future = NOW + DAY / 2;
    expect(applyFeedbackStatus(null, 'accepted', { submittedAt: future }, NOW)).toMatchObject({
      acceptedAt: future,
    });
  });

  it('refuses a date before the stage before it', () => {
    expect(
      applyFeedbackStatus(submitted, 'accepted', { submittedAt: T0, acceptedAt: T0 - DAY }, NOW),
    ).toMatchObject({ field: 'acceptedAt', code: 'dateOrder' });
  });

  it('refuses a date that does not belong to the status', () => {
    expect(
      applyFeedbackStatus(submitted, 'accepted', { submittedAt: T0, shippedAt: NOW }, NOW),
    ).toMatchObject({ field: 'shippedAt', code: 'statusMismatch', kind: 'invalid' });
    expect(
      applyFeedbackStatus(null, 'submitted', { submittedAt: T0, declinedAt: NOW }, NOW),
    ).toMatchObject({ field: 'declinedAt' });
  });

  it('refuses an invalid transition before looking at dates', () => {
    const shipped = { ...submitted, status: 'shipped' as const, acceptedAt: T0, shippedAt: T0 };
    expect(applyFeedbackStatus(shipped, 'submitted', { submittedAt: T0 }, NOW)).toMatchObject({
      field: 'status',
    });
  });
});

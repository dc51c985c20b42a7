import { retryDelayMs } from './webhook-dispatcher.service';

describe('retryDelayMs', () => {
  it('doubles from the base after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((attempts) => retryDelayMs(attempts, 60, 600))).toEqual([
      60_000, 120_000, 240_000, 480_000, 600_000,
    ]);
  });
});

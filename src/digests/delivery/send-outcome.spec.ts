import { afterFailure, backoffMs, isPermanentRefusal } from './send-outcome';

const policy = { maxAttempts: 4, backoffSeconds: 60, backoffMaxSeconds: 300 };
const refusal = (responseCode: number, code = 'EENVELOPE') =>
  Object.assign(new Error(`${responseCode} no such user`), { code, responseCode });
const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), {
  code: 'ESOCKET',
});

describe('send outcome', () => {
  it('treats a 5xx refusal of the recipient or message as permanent', () => {
    expect(isPermanentRefusal(refusal(550))).toBe(true);
    expect(isPermanentRefusal(refusal(552, 'EMESSAGE'))).toBe(true);
    expect(afterFailure(refusal(550), 1, 0, policy)).toEqual({
      status: 'failed-permanent',
      nextAttemptAt: null,
      response: 'EENVELOPE 550 550 no such user',
    });
  });

  it('retries a 4xx, a connection failure and a failed login', () => {
    expect(isPermanentRefusal(refusal(451))).toBe(false);
    expect(isPermanentRefusal(down)).toBe(false);
    expect(isPermanentRefusal(refusal(535, 'EAUTH'))).toBe(false);
    expect(afterFailure(down, 1, 1_000, policy)).toMatchObject({
      status: 'retrying',
      nextAttemptAt: 61_000,
    });
  });

  it('backs off exponentially up to the maximum, and gives up at the attempt limit', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => backoffMs(attempts, policy) / 1000)).toEqual([
      60, 120, 240, 300, 300,
    ]);
    expect(afterFailure(down, 3, 0, policy).status).toBe('retrying');
    expect(afterFailure(down, 4, 0, policy)).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
    });
  });
});

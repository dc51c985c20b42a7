import { atRiskReason } from './at-risk-reason';

describe('atRiskReason', () => {
  // The period before [2026-05-01, 2026-05-31) is [2026-04-01, 2026-05-01).
  const query = { from: '2026-05-01', to: '2026-05-31' };
  const reason = (lastActivityAt: string | null) => atRiskReason({ lastActivityAt }, query);

  it('says inactive when the last activity lies in the period before', () => {
    expect(reason('2026-04-01T00:00:00.000Z')).toBe('inactive');
    expect(reason('2026-04-30T23:59:59.999Z')).toBe('inactive');
  });

  it('says P(alive) otherwise: active in the period, silent for longer, or never active', () => {
    expect(reason('2026-05-01T00:00:00.000Z')).toBe('pAlive');
    expect(reason('2026-03-31T23:59:59.999Z')).toBe('pAlive');
    expect(reason(null)).toBe('pAlive');
  });
});

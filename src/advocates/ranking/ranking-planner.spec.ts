import { DomainError } from '../../common/errors/domain-error';
import { resolvePeriod } from './ranking-planner';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);

describe('resolvePeriod', () => {
  it('defaults to the 30 days to now, compared with the 30 days before', () => {
    expect(resolvePeriod({}, NOW)).toEqual({
      from: NOW - 30 * DAY,
      to: NOW,
      previousFrom: NOW - 60 * DAY,
    });
  });

  it('takes from and to, the period before being of equal length', () => {
    expect(resolvePeriod({ from: '2026-05-01', to: '2026-06-01' }, NOW)).toEqual({
      from: Date.UTC(2026, 4, 1),
      to: Date.UTC(2026, 5, 1),
      previousFrom: Date.UTC(2026, 2, 31),
    });
    expect(resolvePeriod({ to: '2026-06-01' }, NOW).from).toBe(Date.UTC(2026, 4, 2));
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => resolvePeriod({ from: '2026-06-01', to: '2026-06-01' }, NOW)).toThrow(DomainError);
  });
});

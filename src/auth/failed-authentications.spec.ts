import { HaloSettings } from '../config/halo-settings';
import { FailedAuthentications } from './failed-authentications';

const limiter = () =>
  new FailedAuthentications({ auth: { failuresPerMinute: 10 } } as HaloSettings);

describe('FailedAuthentications', () => {
  const start = 1_000_000;

  it('lets 10 failures through and asks the 11th attempt to wait until the first is a minute old', () => {
    const failures = limiter();
    for (let second = 0; second < 10; second += 1) {
      expect(failures.retryAfterSeconds(['address:a'], start + second * 1000)).toBe(0);
      failures.record(['address:a'], start + second * 1000);
    }
    // The first failure (at 0 s) leaves the window at 60 s: from 9.5 s that is 50.5 s, so 51.
    expect(failures.retryAfterSeconds(['address:a'], start + 9_500)).toBe(51);
    expect(failures.retryAfterSeconds(['address:a'], start + 60_000)).toBe(0);
  });

  it('counts each subject apart and limits when any of them is at the limit', () => {
    const failures = limiter();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      failures.record([`address:${attempt}`, 'prefix:halo_abcdef'], start);
    }
    expect(failures.retryAfterSeconds(['address:new', 'prefix:halo_other'], start)).toBe(0);
    expect(failures.retryAfterSeconds(['address:new', 'prefix:halo_abcdef'], start)).toBe(60);
    expect(failures.retryAfterSeconds(['address:0', 'prefix:halo_other'], start)).toBe(0);
  });
});

import { digestCommandArguments } from './digest-command-arguments';

describe('digestCommandArguments', () => {
  let stderr: string;
  beforeEach(() => {
    stderr = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('gives the subscription id in lower case and --at as epoch ms', () => {
    expect(
      digestCommandArguments('5F0C2A9E-1B2C-4D3E-8F40-0123456789AB', '2026-11-23T07:00:00Z'),
    ).toEqual({ id: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab', at: Date.UTC(2026, 10, 23, 7) });
    expect(stderr).toBe('');
  });

  it('answers a usage error (64) for an id that is not a UUID, or an --at that is no date', () => {
    expect(digestCommandArguments('nope', undefined)).toBe(64);
    expect(digestCommandArguments('5f0c2a9e-1b2c-4d3e-8f40-0123456789ab', 'monday')).toBe(64);
    expect(stderr).toBe(
      'halo: <id> must be a subscription id (UUID)\n' +
        'halo: --at must be an ISO 8601 date or date-time with Z or an offset\n',
    );
  });
});

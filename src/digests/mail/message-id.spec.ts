import { digestMessageId, senderDomain } from './message-id';

const base = {
  subscriptionId: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab',
  periodStart: Date.parse('2026-11-16T07:00:00Z'),
  slot: 'scheduled',
  recipient: 'Team@Example.com',
  domain: 'halo.example.com',
};

describe('digest Message-ID', () => {
  it('is the same for the same subscription, period and recipient', () => {
    const id = digestMessageId(base);
    expect(id).toMatch(
      /^<halo-digest\.5f0c2a9e-1b2c-4d3e-8f40-0123456789ab\.20261116T070000Z\.[0-9a-f]{16}@halo\.example\.com>$/,
    );
    expect(digestMessageId({ ...base, recipient: ' team@example.com' })).toBe(id);
  });

  it('differs by period, recipient and for a forced resend', () => {
    const id = digestMessageId(base);
    expect(digestMessageId({ ...base, periodStart: base.periodStart + 60_000 })).not.toBe(id);
    expect(digestMessageId({ ...base, recipient: 'other@example.com' })).not.toBe(id);
    expect(digestMessageId({ ...base, slot: 'forced:1a2b3c4d' })).toContain('.forced1a2b3c4d.');
  });

  it('takes the domain of the sender', () => {
    expect(senderDomain('Halo <digests@Halo.Example.com>')).toBe('halo.example.com');
    expect(senderDomain('halo@localhost')).toBe('localhost');
    expect(senderDomain('nonsense')).toBe('halo.invalid');
  });
});

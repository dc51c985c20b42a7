import { ErasureParticipants } from './erasure-participants';

describe('ErasureParticipants', () => {
  const participant = (name: string) => ({ name, erase: () => Promise.resolve(0) });

  it('keeps the participants in the order they registered', () => {
    const registry = new ErasureParticipants();
    registry.register(participant('digestOutboxFiles'));
    registry.register(participant('webhookDeliveries'));
    expect(registry.all().map((known) => known.name)).toEqual([
      'digestOutboxFiles',
      'webhookDeliveries',
    ]);
  });

  it('refuses a name registered twice, whose counts would overwrite each other', () => {
    const registry = new ErasureParticipants();
    registry.register(participant('digestClaims'));
    expect(() => registry.register(participant('digestClaims'))).toThrow('registered twice');
  });
});

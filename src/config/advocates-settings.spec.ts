import { settingsWith } from '../../test/support/settings-file';
import { loadSettings } from './load-settings';

const withAdvocates = (advocates: object) => settingsWith('advocates', advocates);

describe('advocates settings', () => {
  it('reads the defaults: weights, half-life, tiers in order, thresholds', () => {
    const { advocates } = loadSettings({});
    expect(advocates.engagement.halfLifeDays).toBe(90);
    expect(advocates.engagement.weights).toMatchObject({ purchase: 1, review: 5 });
    expect(advocates.tiers.map((tier) => tier.name)).toEqual([
      'Champion',
      'Advocate',
      'Promoter',
      'Customer',
    ]);
    expect(advocates).toMatchObject({ atRiskPAlive: 0.3, hiddenGemsDecile: 0.1 });
  });

  it('reads the old weight name referral_invited as the sign-up weight; invitations weigh nothing', () => {
    const { advocates } = loadSettings({});
    expect(advocates.engagement.weights).toMatchObject({
      referral_signed_up: 2,
      referral_converted: 10,
    });
    expect(advocates.engagement.weights).not.toHaveProperty('referral_invited');
    const renamed = withAdvocates({ engagement: { weights: { referral_invited: 5 } } })();
    // The operator's old name wins over the default file's referral_signed_up (2).
    expect(renamed.advocates.engagement.weights).toMatchObject({ referral_signed_up: 5 });
    expect(renamed.advocates.engagement.weights).not.toHaveProperty('referral_invited');
  });

  it.each([
    [{ engagement: { weights: { likes: 1 } } }, 'advocates.engagement.weights'],
    [{ engagement: { weights: { review: -1 } } }, 'advocates.engagement.weights'],
    [{ engagement: { halfLifeDays: 0 } }, 'advocates.engagement.halfLifeDays'],
    [{ tiers: [] }, 'advocates.tiers'],
    [{ tiers: [{ name: 'Gold' }, { name: 'Gold' }] }, 'advocates.tiers'],
    [{ tiers: [{ name: 'Gold', minExtendedValue: '-5' }] }, 'advocates.tiers.0.minExtendedValue'],
    [{ tiers: [{ name: 'Gold', minEngagement: 'high' }] }, 'advocates.tiers.0.minEngagement'],
    [{ tiers: [{ name: 'Gold', ranking: 1 }] }, 'advocates.tiers.0.ranking'],
    [{ atRiskPAlive: 2 }, 'advocates.atRiskPAlive'],
    [{ hiddenGemsDecile: 0 }, 'advocates.hiddenGemsDecile'],
  ])('refuses %j naming %s', (advocates, setting) => {
    expect(withAdvocates(advocates)).toThrow(`Invalid setting ${setting}:`);
  });
});

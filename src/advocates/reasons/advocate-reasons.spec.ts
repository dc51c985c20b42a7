import { StoredDriver as Driver } from './stored-driver';
import { advocateReasons, driverText } from './advocate-reasons';
import { ReasonFormat, reasonLanguage } from '../../common/language/reason-language';
import { ReasonNames } from './reason-names';

/** Names as ReasonNames.load would read them, without a database. */
function names(
  members: Record<string, string | null>,
  events: Record<string, string>,
  revenues: Record<string, number>,
): ReasonNames {
  const fake = Object.create(ReasonNames.prototype) as ReasonNames;
  Object.assign(fake, {
    members: new Map(Object.entries(members)),
    events: new Map(Object.entries(events)),
    revenues: new Map(Object.entries(revenues)),
  });
  return fake;
}

const referral = (refereeId: string, amountMinor: number): Driver => ({
  component: 'referral',
  kind: 'referral',
  id: `r-${refereeId}`,
  label: 'referred a customer',
  amountMinor,
  basis: 'measured',
  params: { refereeId },
});

const review = (id: string, amountMinor: number, params: Driver['params']): Driver => ({
  component: 'influence',
  kind: 'review',
  id,
  label: 'review',
  amountMinor,
  basis: params && 'reach' in params ? 'modeled' : 'measured',
  params,
});

describe('advocateReasons', () => {
  const known = names(
    { a: 'Ada', b: 'Bob', c: 'Cy' },
    { e1: 'Spring tasting' },
    { a: 100_000, b: 90_000, c: 50_000 },
  );

  it('says the referees, what they spent and what was credited, largest driver first', () => {
    const drivers: Driver[] = [
      referral('a', 70_000),
      referral('b', 63_000),
      referral('c', 35_000),
      review('v1', 4_000, { platform: 'trustpilot', reach: 12_000 }),
      review('v2', 2_000, { platform: 'trustpilot', reach: 6_200 }),
      {
        component: 'influence',
        kind: 'guest',
        id: 'g',
        label: "a guest's first order",
        amountMinor: 3_100,
        basis: 'measured',
        params: { eventId: 'e1', orders: 1 },
      },
      {
        component: 'spend',
        kind: 'purchases',
        id: null,
        label: 'margin',
        amountMinor: 90_000,
        basis: 'measured',
        params: { purchaseDays: 9, revenueMinor: 300_000 },
      },
    ];
    // Referrals: €700 + €630 + €350 = €1,680 credited; referees spent €1,000 + €900 + €500.
    // Reviews: €40 + €20 = €60 over 18,200 reads. Spend is not advocacy: no sentence.
    // Amounts from €100 up read in whole euros; Italian puts a no-break space before €.
    expect(advocateReasons(drivers, known, new ReasonFormat('en', 'EUR'))).toEqual([
      'Referred 3 customers who have spent €2,400 so far; €1,680 credited',
      '2 reviews on Trustpilot read 18,200 times; €60.00 credited (estimated from reach)',
      'Brought 1 guest to Spring tasting who then bought; €31.00 credited',
    ]);
    expect(advocateReasons(drivers, known, new ReasonFormat('it', 'EUR'))).toEqual([
      'Ha portato 3 clienti che finora hanno speso 2400\u00a0€; 1680\u00a0€ attribuiti',
      '2 recensioni su Trustpilot lette 18.200 volte; 60,00\u00a0€ attribuiti (stima dalla portata)',
      'Ha portato 1 ospite a Spring tasting che poi ha comprato; 31,00\u00a0€ attribuiti',
    ]);
  });

  it('names one or two referees, and never shows an id', () => {
    const [sentence] = advocateReasons(
      [referral('a', 70_000), referral('b', 63_000)],
      known,
      new ReasonFormat('en', 'EUR'),
    );
    expect(sentence).toBe('Referred Ada and Bob, who have spent €1,900 so far; €1,330 credited');
    const nameless = names({ x: null }, {}, { x: 7_000 });
    expect(
      advocateReasons([referral('x', 4_900)], nameless, new ReasonFormat('en', 'EUR')),
    ).toEqual(['Referred 1 customer who has spent €70.00 so far; €49.00 credited']);
  });

  it('falls back to the member’s own purchases without advocacy', () => {
    const purchases: Driver = {
      component: 'spend',
      kind: 'purchases',
      id: null,
      label: 'margin',
      amountMinor: 4_809,
      basis: 'measured',
      params: { purchaseDays: 2, revenueMinor: 16_030 },
    };
    expect(advocateReasons([purchases], known, new ReasonFormat('en', 'EUR'))).toEqual([
      'Spent €160 on 2 purchase days; margin €48.09',
    ]);
    expect(driverText(purchases, known, new ReasonFormat('it', 'EUR'))).toBe(
      'Ha speso 160\u00a0€ in 2 giorni di acquisto; margine 48,09\u00a0€',
    );
  });
});

describe('a referral credited mostly for the acquisition cost it saved', () => {
  it('says how much of the credit is the cost saved', () => {
    const known = names({ l: 'Linus' }, {}, { l: 7_000 });
    // Linus spent €70.00; credited 106.28 × 0.7 + 1,190.00 − 0 = €1,264.40, €1,190 of it saved CAC.
    const driver: Driver = {
      ...referral('l', 126_440),
      params: { refereeId: 'l', cacSavedMinor: 119_000, rewardMinor: 0 },
    };
    expect(advocateReasons([driver], known, new ReasonFormat('en', 'EUR'))).toEqual([
      'Referred Linus, who has spent €70.00 so far; €1,264 credited (incl. €1,190 of acquisition cost saved)',
    ]);
  });
});

describe('reasonLanguage', () => {
  it('takes lang, then the best supported Accept-Language, then en', () => {
    expect(reasonLanguage('it', 'en')).toBe('it');
    expect(reasonLanguage(undefined, 'de-DE,it;q=0.8,en;q=0.5')).toBe('it');
    expect(reasonLanguage(undefined, 'en;q=0.2, it-IT;q=0.9')).toBe('it');
    expect(reasonLanguage(undefined, 'fr')).toBe('en');
    expect(reasonLanguage(undefined, undefined)).toBe('en');
  });
});

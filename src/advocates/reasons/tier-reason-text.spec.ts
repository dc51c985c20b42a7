import { ADVOCATE_REASON } from '../../../test/support/tier-reasons';
import { TierReason } from '../tiers/tier-rules';
import { ReasonFormat } from '../../common/language/reason-language';
import { tierReasonView } from './tier-reason-text';

const ADVOCATE = ADVOCATE_REASON;

describe('tierReasonView', () => {
  it('gives the thresholds in major units and the reason in words', () => {
    const view = tierReasonView(
      'Advocate',
      JSON.stringify(ADVOCATE),
      'EUR',
      new ReasonFormat('en', 'EUR'),
    );
    expect(view).toEqual({
      met: [
        { threshold: 'minAdvocacyValue', required: '100.00', actual: '184.00' },
        { threshold: 'maxRecencyDays', required: 365, actual: 20 },
      ],
      next: {
        tier: 'Champion',
        missing: [
          { threshold: 'minAdvocacyValue', required: '500.00', actual: '184.00' },
          { threshold: 'minEngagement', required: 10, actual: 4.5 },
        ],
      },
      text:
        'Advocate: advocacy value €184 (at least €100), last activity 20 days ago (at most 365 days). ' +
        'Champion needs advocacy value at least €500 (has €184) and engagement at least 10 (has 4.5).',
    });
  });

  it('says when the last activity was, or that there was none', () => {
    const dormant: TierReason = {
      met: [],
      next: {
        tier: 'Promoter',
        missing: [{ threshold: 'maxRecencyDays', required: 365, actual: 520 }],
      },
    };
    expect(
      tierReasonView('Customer', JSON.stringify(dormant), 'EUR', new ReasonFormat('en', 'EUR'))
        ?.text,
    ).toBe('Customer. Promoter needs last activity at most 365 days (last 520 days ago).');
  });

  it('writes Italian, says the top tier, and is null for snapshots without a reason', () => {
    const it = new ReasonFormat('it', 'EUR');
    expect(tierReasonView('Advocate', JSON.stringify(ADVOCATE), 'EUR', it)?.text).toBe(
      'Advocate: valore di advocacy 184\u00a0€ (almeno 100\u00a0€), ultima attività 20 giorni fa (al massimo 365 giorni). ' +
        'Per Champion servono: valore di advocacy almeno 500\u00a0€ (ora 184\u00a0€) e coinvolgimento almeno 10 (ora 4,5).',
    );
    const top: TierReason = { met: ADVOCATE.met, next: null };
    expect(tierReasonView('Champion', JSON.stringify(top), 'EUR', it)?.text).toContain(
      'È il livello più alto.',
    );
    expect(tierReasonView(null, null, 'EUR', it)).toBeNull();
  });
});

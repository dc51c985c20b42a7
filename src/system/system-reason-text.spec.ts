import { SystemReasonCode } from './system-reason-code';
import { systemReasonText } from './system-reason-text';

describe('system reasons in words', () => {
  it('says one and several in English and Italian', () => {
    const one = { code: 'DIGEST_FAILURES', params: { count: 1, hours: 24 } };
    const three = { code: 'DIGEST_FAILURES', params: { count: 3, hours: 24 } };
    expect(systemReasonText(one, 'en')).toBe('1 digest delivery failed in the last 24 hours.');
    expect(systemReasonText(three, 'en')).toBe('3 digest deliveries failed in the last 24 hours.');
    expect(systemReasonText(one, 'it')).toBe(
      '1 invio di digest non è riuscito nelle ultime 24 ore.',
    );
    expect(systemReasonText(three, 'it')).toBe(
      '3 invii di digest non sono riusciti nelle ultime 24 ore.',
    );
  });

  it('dates a failed or overdue recompute by its UTC day, and says when none ever succeeded', () => {
    const at = Date.parse('2026-12-01T23:30:00Z');
    expect(systemReasonText({ code: 'RECOMPUTE_FAILED', params: { at } }, 'en')).toBe(
      'The last recompute of values failed (2026-12-01).',
    );
    expect(
      systemReasonText(
        { code: 'RECOMPUTE_OVERDUE', params: { hours: 48, lastSucceededAt: null } },
        'en',
      ),
    ).toBe(
      'Values have never been computed successfully, and members have been waiting more than 48 hours.',
    );
    expect(
      systemReasonText(
        { code: 'RECOMPUTE_OVERDUE', params: { hours: 48, lastSucceededAt: at } },
        'it',
      ),
    ).toBe("Nessun ricalcolo riuscito da più di 48 ore (l'ultimo il 2026-12-01).");
  });

  it('counts outbound webhook deliveries that gave up, in English and Italian', () => {
    const one = { code: 'WEBHOOK_FAILURES', params: { count: 1, hours: 24 } };
    const two = { code: 'WEBHOOK_FAILURES', params: { count: 2, hours: 24 } };
    expect(systemReasonText(one, 'en')).toBe(
      '1 outbound webhook delivery failed in the last 24 hours, retries exhausted.',
    );
    expect(systemReasonText(two, 'en')).toBe(
      '2 outbound webhook deliveries failed in the last 24 hours, retries exhausted.',
    );
    expect(systemReasonText(one, 'it')).toBe(
      '1 invio di webhook in uscita non è riuscito nelle ultime 24 ore, tentativi esauriti.',
    );
    expect(systemReasonText(two, 'it')).toBe(
      '2 invii di webhook in uscita non sono riusciti nelle ultime 24 ore, tentativi esauriti.',
    );
  });

  it('has a sentence for every code in both languages', () => {
    for (const code of Object.values(SystemReasonCode))
      for (const language of ['en', 'it'] as const)
        expect(
          systemReasonText(
            { code, params: { count: 1, hours: 24, days: 30, check: 'x' } },
            language,
          ),
        ).not.toBe(code);
  });

  it('reads an unknown code as itself', () => {
    expect(systemReasonText({ code: 'SOMETHING_NEW', params: {} }, 'en')).toBe('SOMETHING_NEW');
  });
});

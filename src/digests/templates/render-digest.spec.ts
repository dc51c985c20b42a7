import { DigestContent } from '../content/digest-content';
import { renderDigest } from './render-digest';

const XSS = '<img src=x onerror=alert(1)>';

function content(overrides: Partial<DigestContent> = {}): DigestContent {
  return {
    period: { start: Date.parse('2026-11-16T07:00:00Z'), end: Date.parse('2026-11-23T07:00:00Z') },
    previous: {
      start: Date.parse('2026-11-09T07:00:00Z'),
      end: Date.parse('2026-11-16T07:00:00Z'),
    },
    currency: 'EUR',
    filters: { tag: '<vip>', platform: null },
    valuesAsOf: '2026-11-22',
    sections: ['community', 'topAdvocates', 'atRisk', 'notableContent'],
    community: [
      {
        key: 'reach',
        measures: [
          { key: 'mentions', kind: 'count', current: 12, previous: 8 },
          { key: 'positiveShare', kind: 'percent', current: 0.5, previous: 0.25 },
        ],
      },
      {
        key: 'purchases',
        measures: [
          { key: 'orders', kind: 'count', current: 1234, previous: 0 },
          { key: 'repeatRate', kind: 'percent', current: 0.125, previous: null },
        ],
      },
    ],
    topAdvocates: [
      {
        memberId: 'm-1',
        name: `<script>alert("x")</script>`,
        extendedMinor: 310_050,
        advocacyMinor: 110_050,
        advocacyChangeMinor: -1_000,
        reasons: ['2 reviews on Trustpilot read 18,200 times; €1,101 credited'],
        spendMinor: 200_000,
        influenceMinor: 110_050,
        changeMinor: -1_000,
        pAlive: 0.9,
      },
    ],
    atRisk: [
      {
        memberId: 'm-2',
        name: null,
        extendedMinor: 5_000,
        advocacyMinor: 0,
        advocacyChangeMinor: null,
        reasons: [],
        spendMinor: 5_000,
        influenceMinor: 0,
        changeMinor: null,
        pAlive: 0.2,
        reason: 'pAlive',
      },
    ],
    notableContent: [
      {
        kind: 'review',
        id: 'r-1',
        memberId: 'm-1',
        author: 'Ada',
        platform: 'trustpilot',
        title: 'Title "quoted" & <b>bold</b>',
        excerpt: XSS,
        url: 'javascript:alert(1)',
        rating: 4,
        reach: 1500,
        at: Date.parse('2026-11-18T10:00:00Z'),
      },
    ],
    empty: false,
    ...overrides,
  };
}

const options = {
  language: 'en' as const,
  cadence: 'weekly' as const,
  timezone: 'Europe/Rome',
  baseUrl: 'https://halo.example.com/',
  name: 'Team <b>',
};

describe('renderDigest', () => {
  it('escapes every user-written string in the HTML and drops non-http links', () => {
    const { html } = renderDigest(content(), options);
    expect(html).not.toMatch(/<script|<img|<b>|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Title &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('Team &lt;b&gt;');
    expect(html).toContain('#&lt;vip&gt;');
  });

  it('links members into the dashboard and draws bars with table cells only', () => {
    const { html } = renderDigest(content(), options);
    expect(html).toContain('href="https://halo.example.com/#/members/m-1"');
    // The segment's ranking for the digest's own period and filters (the tag is user-written:
    // encoded in the URL, then escaped in the attribute).
    expect(html).toContain(
      'href="https://halo.example.com/#/ambassadors?segment=at-risk&amp;from=2026-11-16T07%3A00%3A00.000Z&amp;to=2026-11-23T07%3A00%3A00.000Z&amp;tag=%3Cvip%3E"',
    );
    expect(html).toMatch(/<td width="\d+%" style="background:#4338ca;height:4px/);
    expect(html).not.toMatch(/<img|<script|\ssrc="/i);
  });

  it('writes numbers, changes and the period in English', () => {
    const { subject, html, text } = renderDigest(content(), options);
    expect(subject).toBe('Halo · Weekly digest (Team <b>): 16 Nov 2026 – 23 Nov 2026');
    expect(text).toContain('Period: 16 Nov 2026, 08:00 – 23 Nov 2026, 08:00 (Europe/Rome)');
    expect(text).toContain('Values as of: 2026-11-22');
    expect(text).toContain('Mentions: 12 (previous 8, +4 (+50%))');
    expect(text).toContain('Positive sentiment: 50% (previous 25%, +25 pp)');
    expect(text).toContain('Orders: 1,234 (previous 0, +1,234 (new))');
    // No buyers in the previous period: no rate to compare with.
    expect(text).toContain('Repeat purchase rate: 12.5% (previous –, –)');
    // Top advocates show the advocacy value and why, then the purchase margin.
    expect(text).toContain(
      '1. <script>alert("x")</script>: Advocacy value €1,100.50 (−€10.00); 2 reviews on Trustpilot read 18,200 times; €1,101 credited; Purchase margin €2,000.00',
    );
    expect(text).toContain('A member: €50.00; likely to stop buying, P(alive) 20%');
    expect(html).toContain('>12</td>');
  });

  it('writes the same digest in Italian', () => {
    const { subject, text } = renderDigest(content(), { ...options, language: 'it', name: null });
    expect(subject).toBe('Halo · Riepilogo settimanale: 16 nov 2026 – 23 nov 2026');
    expect(text).toContain('Menzioni: 12 (precedente 8, +4 (+50%))');
    expect(text).toContain('Ordini: 1234 (precedente 0, +1234 (nuovo))');
    expect(text).toContain('Tasso di riacquisto: 12,5% (precedente –, –)');
    expect(text).toContain('Valori al: 2026-11-22');
    expect(text).toContain('Migliori sostenitori');
  });

  it('renders the one-line note for a quiet period', () => {
    const { html, text } = renderDigest(content({ empty: true }), options, true);
    expect(text).toContain('Nothing to report for this period.');
    expect(text).not.toContain('Mentions');
    expect(html).toContain('Nothing to report for this period.');
  });
});

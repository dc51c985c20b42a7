import {
  attendanceBody,
  dayToIso,
  eventBody,
  feedbackBody,
  feedbackStatusBody,
  memberBody,
  mentionBody,
  referralBody,
  reviewBody,
  splitList,
} from '../public/js/forms/form-body.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('small readers', () => {
  it('turns a date input’s day (and time) into a UTC instant, refusing impossible days', () => {
    expect(dayToIso('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(dayToIso('2026-03-01', '18:30')).toBe('2026-03-01T18:30:00.000Z');
    expect(dayToIso('2026-02-30')).toBeUndefined();
    expect(dayToIso('01/03/2026')).toBeUndefined();
    expect(dayToIso('2026-03-01', '25:00')).toBeUndefined();
  });

  it('splits lists on commas and new lines, dropping blanks and repeats', () => {
    expect(splitList(' vip, milano\nvip,, runners ')).toEqual(['vip', 'milano', 'runners']);
    expect(splitList('')).toEqual([]);
  });
});

describe('memberBody', () => {
  it('sends only what was filled, tags as a list, the day as UTC', () => {
    expect(
      memberBody({
        name: ' Ada Lovelace ',
        email: 'ada@example.com',
        externalId: '',
        tags: 'vip, milano',
        acquiredAt: '2025-03-01',
        acquisitionChannel: 'referral',
      }),
    ).toEqual({
      body: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        tags: ['vip', 'milano'],
        acquiredAt: '2025-03-01T00:00:00.000Z',
        acquisitionChannel: 'referral',
      },
      problems: [],
    });
  });

  it('refuses what the API refuses: no key, a bad email, a channel with spaces, long tags', () => {
    expect(memberBody({ name: 'Nobody' }).problems).toEqual([
      { field: 'externalId', code: 'required' },
    ]);
    expect(memberBody({ email: 'ada@' }).problems).toEqual([{ field: 'email', code: 'isEmail' }]);
    expect(memberBody({ email: 'a@b.it', acquisitionChannel: 'paid search' }).problems).toEqual([
      { field: 'acquisitionChannel', code: 'matches' },
    ]);
    expect(memberBody({ externalId: 'x', tags: 'a'.repeat(65) }).problems).toEqual([
      { field: 'tags', code: 'maxLength' },
    ]);
    expect(memberBody({ externalId: 'x', acquiredAt: '2026-13-01' }).problems).toEqual([
      { field: 'acquiredAt', code: 'isIsoInstant' },
    ]);
  });

  it('edits: sends only the changed fields; an emptied email becomes null when an id remains', () => {
    const original = {
      name: 'Ada',
      email: 'ada@example.com',
      externalId: 'crm-1',
      tags: ['vip', 'milano'],
      acquiredAt: '2025-03-01T00:00:00.000Z',
      acquisitionChannel: null,
    };
    const state = {
      name: 'Ada',
      email: '',
      externalId: 'crm-1',
      tags: 'milano, vip, runners',
      acquiredAt: '2025-03-01',
    };
    expect(memberBody(state, { original })).toEqual({
      body: { tags: ['milano', 'vip', 'runners'], email: null },
      problems: [],
    });
    expect(
      memberBody(
        { ...state, email: '', externalId: '' },
        { original: { ...original, externalId: null } },
      ).problems,
    ).toEqual([{ field: 'email', code: 'required' }]);
    expect(
      memberBody(
        {
          name: 'Ada',
          email: 'ada@example.com',
          externalId: 'crm-1',
          tags: 'vip, milano',
          acquiredAt: '2025-03-01',
        },
        { original },
      ).body,
    ).toEqual({});
  });
});

describe('eventBody', () => {
  it('sends the cost read in the dashboard’s language as the exact decimal, with its currency', () => {
    const state = {
      name: 'Aperitivo',
      kind: 'in-person',
      startsDay: '2026-11-20',
      startsTime: '18:30',
      cost: '1.212,50',
    };
    expect(eventBody(state, 'it', 'EUR')).toEqual({
      body: {
        name: 'Aperitivo',
        kind: 'in-person',
        startsAt: '2026-11-20T18:30:00.000Z',
        cost: '1212.50',
        currency: 'EUR',
      },
      problems: [],
    });
    expect(eventBody({ ...state, cost: '12.50' }, 'en', 'EUR').body.cost).toBe('12.50');
    expect(eventBody({ ...state, cost: '12.50' }, 'it', 'EUR').problems).toEqual([
      { field: 'cost', code: 'moneyFormat' },
    ]);
    expect(eventBody({ ...state, cost: '1500', currency: 'jpy' }, 'en', 'EUR').body).toMatchObject({
      cost: '1500',
      currency: 'JPY',
    });
  });

  it('requires name, kind and start; an end before the start is refused', () => {
    expect(eventBody({}, 'en', 'EUR').problems).toEqual([
      { field: 'name', code: 'isNotEmpty' },
      { field: 'kind', code: 'isNotEmpty' },
      { field: 'startsDay', code: 'isNotEmpty' },
    ]);
    expect(
      eventBody(
        { name: 'x', kind: 'online', startsDay: '2026-11-20', endsDay: '2026-11-19' },
        'en',
        'EUR',
      ).problems,
    ).toEqual([{ field: 'endsDay', code: 'dateOrder' }]);
    expect(
      eventBody({ name: 'x', kind: 'party', startsDay: '2026-11-20' }, 'en', 'EUR').problems,
    ).toEqual([{ field: 'kind', code: 'isIn' }]);
  });
});

describe('attendance, review, mention, referral and feedback bodies', () => {
  it('attendance: a member or an email, guests by email', () => {
    expect(
      attendanceBody({ memberId: 'm1', role: 'speaker', guestEmails: 'a@b.it, c@d.it' }),
    ).toEqual({
      body: { memberId: 'm1', role: 'speaker', guestEmails: ['a@b.it', 'c@d.it'] },
      problems: [],
    });
    expect(attendanceBody({ email: 'new@guest.it' }).body).toEqual({ email: 'new@guest.it' });
    expect(attendanceBody({}).problems).toEqual([{ field: 'memberId', code: 'memberOrEmail' }]);
    expect(attendanceBody({ email: 'x@y.it', guestEmails: 'nope' }).problems).toEqual([
      { field: 'guestEmails', code: 'isEmail' },
    ]);
  });

  it('review: whole stars, a url unless an external id, no date beyond tomorrow', () => {
    const state = {
      memberId: 'm1',
      platform: 'google',
      product: 'Scarpe',
      rating: '4',
      url: 'https://g.co/r/1',
      publishedAt: '2026-12-01',
      views: '1.200',
    };
    expect(reviewBody(state, NOW)).toEqual({
      body: {
        memberId: 'm1',
        platform: 'google',
        product: 'Scarpe',
        rating: 4,
        url: 'https://g.co/r/1',
        publishedAt: '2026-12-01T00:00:00.000Z',
        views: 1200,
      },
      problems: [],
    });
    expect(
      reviewBody({ ...state, url: '', rating: '6', publishedAt: '2026-12-10' }, NOW).problems,
    ).toEqual([
      { field: 'rating', code: 'max' },
      { field: 'url', code: 'isNotEmpty' },
      { field: 'publishedAt', code: 'isOccurrenceInstant' },
    ]);
    expect(reviewBody({ ...state, memberId: '', handle: '' }, NOW).problems).toEqual([
      { field: 'memberId', code: 'memberOrHandle' },
    ]);
  });

  it('mention: platform, handle, url and date required; counters as integers', () => {
    expect(
      mentionBody(
        {
          platform: 'instagram',
          handle: '@ada',
          url: 'https://instagram.com/p/1',
          postedAt: '2026-12-02',
          reach: '12,000',
        },
        NOW,
      ),
    ).toEqual({
      body: {
        platform: 'instagram',
        handle: '@ada',
        url: 'https://instagram.com/p/1',
        postedAt: '2026-12-02T00:00:00.000Z',
        reach: 12000,
      },
      problems: [],
    });
    expect(
      mentionBody({ platform: 'Insta gram', handle: '', url: 'instagram.com', postedAt: '' }, NOW)
        .problems,
    ).toEqual([
      { field: 'platform', code: 'matches' },
      { field: 'handle', code: 'isNotEmpty' },
      { field: 'url', code: 'isUrl' },
      { field: 'postedAt', code: 'isNotEmpty' },
    ]);
    expect(
      mentionBody(
        { platform: 'x', handle: 'h', url: 'https://x.com/1', postedAt: '2026-12-01', likes: '-3' },
        NOW,
      ).problems,
    ).toEqual([{ field: 'likes', code: 'min' }]);
  });

  it('referral: referrer and referee (or email); Italian reward read as minor units', () => {
    expect(
      referralBody(
        { referrerId: 'a', refereeEmail: 'b@c.it', rewardCost: '12,50', status: 'invited' },
        'it',
        'EUR',
        NOW,
      ),
    ).toEqual({
      body: {
        referrerId: 'a',
        refereeEmail: 'b@c.it',
        status: 'invited',
        rewardCost: '12.50',
        rewardCurrency: 'EUR',
      },
      problems: [],
    });
    expect(referralBody({}, 'en', 'EUR', NOW).problems).toEqual([
      { field: 'referrerId', code: 'isNotEmpty' },
      { field: 'refereeId', code: 'memberOrEmail' },
    ]);
    expect(referralBody({ referrerId: 'a', refereeId: 'a' }, 'en', 'EUR', NOW).problems).toEqual([
      { field: 'refereeId', code: 'SELF_REFERRAL' },
    ]);
  });

  it('feedback: member, kind and text; status changes follow the state machine', () => {
    expect(feedbackBody({ memberId: 'm', kind: 'idea', text: ' Modalità scura ' }, NOW)).toEqual({
      body: { memberId: 'm', kind: 'idea', text: 'Modalità scura' },
      problems: [],
    });
    expect(feedbackBody({ kind: 'wish' }, NOW).problems).toEqual([
      { field: 'memberId', code: 'isNotEmpty' },
      { field: 'kind', code: 'isIn' },
      { field: 'text', code: 'isNotEmpty' },
    ]);
    expect(feedbackStatusBody('submitted', { status: 'accepted', day: '2026-12-02' }, NOW)).toEqual(
      {
        body: { status: 'accepted', acceptedAt: '2026-12-02T00:00:00.000Z' },
        problems: [],
      },
    );
    expect(feedbackStatusBody('accepted', { status: 'shipped' }, NOW).body).toEqual({
      status: 'shipped',
    });
    expect(feedbackStatusBody('submitted', { status: 'shipped' }, NOW).problems).toEqual([
      { field: 'status', code: 'invalidTransition' },
    ]);
    expect(feedbackStatusBody('declined', { status: 'accepted' }, NOW).problems).toEqual([
      { field: 'status', code: 'invalidTransition' },
    ]);
  });
});

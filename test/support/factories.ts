import { TestApp } from './test-app';

let sequence = 0;
const next = () => `${Date.now().toString(36)}-${(sequence += 1)}`;

/** Request bodies with sensible defaults; overrides win. */
export function buildMember(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = next();
  return {
    externalId: `crm-${id}`,
    email: `member-${id}@example.com`,
    name: `Member ${id}`,
    ...overrides,
  };
}

export function buildPurchase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `order-${next()}`,
    amount: '49.90',
    currency: 'EUR',
    occurredAt: '2026-01-15T12:00:00Z',
    ...overrides,
  };
}

export function buildCampaign(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Campaign ${next()}`,
    channel: 'paid-search',
    spend: '1000.00',
    currency: 'EUR',
    startsAt: '2026-01-01',
    endsAt: '2026-03-31',
    prospects: 5000,
    ...overrides,
  };
}

/** Creates a member through the API and returns its body. */
export async function createMember(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await test
    .http()
    .post('/api/v1/members')
    .set('Authorization', test.keys.manager)
    .send(buildMember(overrides));
  if (response.status !== 201)
    throw new Error(`member not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createPurchase(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await test
    .http()
    .post('/api/v1/purchases')
    .set('Authorization', test.keys.manager)
    .send(buildPurchase(overrides));
  if (response.status !== 201)
    throw new Error(`purchase not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function buildReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = next();
  return {
    product: 'Trail shoes',
    rating: 5,
    title: 'Great shoes',
    body: 'Comfortable from the first day.',
    platform: 'trustpilot',
    url: `https://www.trustpilot.com/reviews/${id}`,
    publishedAt: '2026-02-01T09:00:00Z',
    ...overrides,
  };
}

export function buildMention(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = next();
  return {
    platform: 'instagram',
    handle: `@fan_${id}`,
    url: `https://instagram.com/p/${id}`,
    postedAt: '2026-02-01T09:00:00Z',
    reach: 1000,
    likes: 50,
    shares: 3,
    comments: 7,
    clicks: 20,
    sentiment: 0.5,
    ...overrides,
  };
}

export async function createMention(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await test
    .http()
    .post('/api/v1/mentions')
    .set('Authorization', test.keys.manager)
    .send(buildMention(overrides));
  if (response.status !== 201)
    throw new Error(`mention not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A referral body; name both sides with referrerId, refereeEmail, ... in the overrides. */
export function buildReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { invitedAt: '2026-01-01T00:00:00Z', channel: 'email', ...overrides };
}

export async function createReferral(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await test
    .http()
    .post('/api/v1/referrals')
    .set('Authorization', test.keys.manager)
    .send(buildReferral(overrides));
  if (response.status !== 201)
    throw new Error(`referral not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function buildEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Meetup ${next()}`,
    kind: 'in-person',
    startsAt: '2026-01-10T18:00:00Z',
    location: 'Berlin',
    ...overrides,
  };
}

export async function createEvent(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await test
    .http()
    .post('/api/v1/events')
    .set('Authorization', test.keys.manager)
    .send(buildEvent(overrides));
  if (response.status !== 201)
    throw new Error(`event not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A feedback body; name the member with member* fields in the overrides. */
export function buildFeedback(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'idea',
    text: `Please add a dark mode (${next()})`,
    submittedAt: '2026-01-05T09:00:00Z',
    ...overrides,
  };
}

async function created(
  test: TestApp,
  path: string,
  body: Record<string, unknown>,
): Promise<Record<string, any>> {
  const response = await test.http().post(path).set('Authorization', test.keys.manager).send(body);
  if (response.status !== 201)
    throw new Error(`POST ${path} did not create: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A review; name the member with member* fields in the overrides. */
export function createReview(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  return created(test, '/api/v1/reviews', buildReview(overrides));
}

/** Feedback; name the member with member* fields in the overrides. */
export function createFeedback(
  test: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  return created(test, '/api/v1/feedback', buildFeedback(overrides));
}

/** A person at an event; name them with member* fields or email in the body. */
export function createAttendance(
  test: TestApp,
  eventId: string,
  body: Record<string, unknown>,
): Promise<Record<string, any>> {
  return created(test, `/api/v1/events/${eventId}/attendance`, body);
}

/** A member's handle on a platform. */
export function addIdentity(
  test: TestApp,
  memberId: string,
  platform: string,
  handle: string,
): Promise<Record<string, any>> {
  return created(test, `/api/v1/members/${memberId}/identities`, { platform, handle });
}

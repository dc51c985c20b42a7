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

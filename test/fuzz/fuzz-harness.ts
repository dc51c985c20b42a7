import fc, { Arbitrary } from 'fast-check';
import { OpenAPIObject } from '@nestjs/swagger';
import { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../src/openapi-document';
import {
  createAttendance,
  createEvent,
  createFeedback,
  createMember,
  createMention,
  createPurchase,
  createReferral,
  createReview,
} from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';
import { Components, IdPools, Schema, idFor } from './arbitraries';

/**
 * FUZZ_RUNS cases per route (30 in `npm test`, 1,000 in `npm run test:fuzz`), from a fixed seed
 * (FUZZ_SEED overrides it to explore further; a failure prints the seed and path to replay).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261113);

/** Jest's per-test timeout, grown with the number of cases (the slow machine does ~50 requests a second). */
export const timeoutFor = (routes = 1) => 60_000 + routes * FUZZ_RUNS * 400;

export const fuzzOptions = (): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns: FUZZ_RUNS });

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  parameters: Array<{ name: string; in: string; schema?: Schema }>;
  body?: Schema;
}

export interface FuzzApp {
  test: TestApp;
  dataSource: DataSource;
  document: OpenAPIObject;
  components: Components;
  pools: IdPools;
  operations: Operation[];
  close(): Promise<void>;
}

/** The real app on a fresh database, a few records of each kind to aim at, and its OpenAPI operations. */
export async function createFuzzApp(): Promise<FuzzApp> {
  // Fuzzed sign-ins fail by the dozen: at the default limit every later route would answer 429.
  const test = await createTestApp({ AUTH_FAILURES_PER_MINUTE: '1000000' });
  const document = buildOpenApiDocument(test.app);
  const components = (document.components?.schemas ?? {}) as Components;
  const pools: IdPools = new Map();
  const add = (pool: string, record: Record<string, any>) =>
    pools.set(pool, [...(pools.get(pool) ?? []), record.id as string]);
  const members = [await createMember(test), await createMember(test), await createMember(test)];
  members.forEach((member) => add('members', member));
  const event = await createEvent(test);
  add('events', event);
  add('purchases', await createPurchase(test, { memberId: members[0].id, externalId: 'fuzz-1' }));
  add(
    'referrals',
    await createReferral(test, { referrerId: members[0].id, refereeEmail: 'r@example.com' }),
  );
  add('reviews', await createReview(test, { memberId: members[1].id }));
  add('mentions', await createMention(test, { memberId: members[2].id }));
  add('feedback', await createFeedback(test, { memberId: members[1].id }));
  add('attendance', await createAttendance(test, event.id as string, { memberId: members[0].id }));
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const operation = (item as Record<string, any>)[method];
      if (!operation) continue;
      operations.push({
        method,
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return {
    test,
    dataSource: test.app.get(DataSource),
    document,
    components,
    pools,
    operations,
    close: () => test.close(),
  };
}

/** The pool a path parameter draws from: `{id}` after `events` → events, `{attendanceId}` → attendance. */
function poolForParameter(path: string, name: string): string {
  if (name !== 'id') return name.replace(/Id$/, '');
  const segments = path.split('/');
  return segments[segments.indexOf(`{${name}}`) - 1];
}

/** Percent-encoded; a lone surrogate (not encodable) becomes the bytes of one, invalid UTF-8. */
export function encodePathSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

/** The path with every `{parameter}` filled: a known id mostly, a random uuid or hostile text sometimes. */
export function pathFor(operation: Operation, pools: IdPools): Arbitrary<string> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  if (names.length === 0) return fc.constant(operation.path);
  return fc
    .tuple(...names.map((name) => idFor(pools, poolForParameter(operation.path, name))))
    .map((ids) =>
      names.reduce(
        (path, name, index) => path.replace(`{${name}}`, encodePathSegment(ids[index])),
        operation.path,
      ),
    );
}

/** Sends the body's JSON text as it is, with the admin key (every role's routes are fuzzed). */
export function send(
  fuzz: FuzzApp,
  method: Operation['method'],
  path: string,
  body?: unknown,
): Promise<Response> {
  const call = fuzz.test.http()[method](path).set('Authorization', fuzz.test.keys.admin);
  if (body === undefined) return call;
  return call
    .set('Content-Type', 'application/json')
    .serialize((text: unknown) => text as string)
    .send(JSON.stringify(body));
}

/** Where a created record's id goes: the last fixed segment of the path it was posted to. */
export function remember(pools: IdPools, path: string, response: Response): void {
  const id = (response.body as { id?: unknown } | undefined)?.id;
  if (response.status !== 201 || typeof id !== 'string') return;
  const pool = path
    .split('/')
    .filter((segment) => segment && !segment.startsWith('{'))
    .pop()!;
  pools.set(pool, [...(pools.get(pool) ?? []), id]);
}

export const statusClass = (status: number) => Math.floor(status / 100);

/** What a failure shows: the request and the answer, the body cut short. */
export function describeExchange(label: string, response: Response): string {
  return `${label} → ${response.status} ${response.text.slice(0, 500)}`;
}

import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { OpenAPIV3 } from 'openapi-types';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { allErrorCodes, errorCodesByModule } from '../../src/error-codes';
import { TestApp, createTestApp } from '../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Calls a client would write against the generated types; they compile while the API keeps its shape. */
const TYPED_CALLS = `
import type { components, paths } from './api';

type CreateMember = paths['/api/v1/members']['post']['requestBody']['content']['application/json'];
type CreatedMember = paths['/api/v1/members']['post']['responses'][201]['content']['application/json'];
type AdvocateList = paths['/api/v1/advocates']['get']['responses'][200]['content']['application/json'];

export const member: CreateMember = {
  externalId: 'crm-1',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  acquisitionCampaignId: '00000000-0000-4000-8000-000000000000',
  tags: ['vip'],
  profilingObjection: false,
};

export function referralCode(created: CreatedMember): string {
  return created.referralCode;
}

export function topExtendedValue(list: AdvocateList): string | undefined {
  const total: number = list.total;
  const cursor: string | null = list.nextCursor;
  return total > 0 && cursor !== 'x' ? list.items[0]?.components.extendedValue : undefined;
}

type ErrorCode = components['schemas']['ErrorBodyDto']['code'];
type MemberRefusal = paths['/api/v1/members/{id}']['get']['responses']['default']['content']['application/json'];

export function isMissing(refusal: MemberRefusal): boolean {
  const missing: ErrorCode = 'MEMBER_NOT_FOUND';
  return refusal.code === missing && refusal.details.every((detail) => detail.field !== '');
}

export function byChannel(value: components['schemas']['InfluenceComponentDto']): string[] {
  const channels = value.byChannel;
  return Object.keys(channels).map((name) => channels[name].measured);
}
`;

/** The same client using a field the API does not have: the type check must refuse it. */
const DRIFTED_CALL = `
import type { components, paths } from './api';

type CreateMember = paths['/api/v1/members']['post']['requestBody']['content']['application/json'];

export const member: CreateMember = { nickname: 'ada' };

export const code: components['schemas']['ErrorBodyDto']['code'] = 'MEMBER_GONE';
`;

/** The type-check messages of each file, against types generated from the document. */
function typeCheckAgainst(document: OpenAPIV3.Document, folder: string, files: string[]) {
  const documentPath = join(folder, 'document.json');
  writeFileSync(documentPath, JSON.stringify(document));
  const output = execFileSync(
    process.execPath,
    [join(__dirname, '..', 'support', 'typed-client.mjs'), documentPath, folder, ...files],
    { cwd: join(__dirname, '..', '..'), encoding: 'utf8' },
  );
  return JSON.parse(output) as Record<string, string[]>;
}

describe('OpenAPI contract', () => {
  let test: TestApp;
  let document: OpenAPIV3.Document;
  let folder: string;

  beforeAll(async () => {
    test = await createTestApp();
    const response = await test.http().get('/docs-json').set('Authorization', test.keys.admin);
    expect(response.status).toBe(200);
    document = response.body as OpenAPIV3.Document;
    folder = mkdtempSync(join(tmpdir(), 'halo-openapi-'));
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await test.close();
  });

  it('is a valid OpenAPI document in which every $ref resolves', async () => {
    // validate() dereferences in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  });

  it('lists the error codes of every module in the error body every operation may answer with', () => {
    const errorBody = document.components!.schemas!.ErrorBodyDto as OpenAPIV3.SchemaObject & {
      'x-error-codes': Record<string, string[]>;
    };
    const code = errorBody.properties!.code as OpenAPIV3.SchemaObject;
    expect(code.enum).toEqual(allErrorCodes());
    expect(code.enum).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'MEMBER_NOT_FOUND', 'REFERRAL_CYCLE']),
    );
    expect(errorBody['x-error-codes']).toEqual(errorCodesByModule());
    expect(errorBody['x-error-codes'].members).toContain('MEMBER_EXISTS');
    const refusals = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item!)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => [
          `${method} ${path}`,
          (operation as OpenAPIV3.OperationObject).responses.default,
        ]),
    );
    expect(refusals.length).toBeGreaterThan(40);
    for (const [operation, refusal] of refusals) {
      expect([operation, refusal]).toEqual([
        operation,
        expect.objectContaining({
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } },
          },
        }),
      ]);
    }
  });

  it('generates a typed client that well-formed calls compile against, and drifted ones do not', () => {
    const calls = join(folder, 'calls.ts');
    const drifted = join(folder, 'drifted.ts');
    writeFileSync(calls, TYPED_CALLS);
    writeFileSync(drifted, DRIFTED_CALL);
    const messages = typeCheckAgainst(document, folder, [calls, drifted]);
    expect(messages[calls]).toEqual([]);
    expect(messages[drifted]).toEqual([
      expect.stringContaining("'nickname'"),
      expect.stringContaining('"MEMBER_GONE"'),
    ]);
  });
});

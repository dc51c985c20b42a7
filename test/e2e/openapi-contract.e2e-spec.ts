import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { OpenAPIV3 } from 'openapi-types';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { TestApp, createTestApp } from '../support/test-app';

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

export function byChannel(value: components['schemas']['InfluenceComponentDto']): string[] {
  return Object.values(value.byChannel).map((channel) => channel.measured);
}
`;

/** The same client using a field the API does not have: the type check must refuse it. */
const DRIFTED_CALL = `
import type { paths } from './api';

type CreateMember = paths['/api/v1/members']['post']['requestBody']['content']['application/json'];

export const member: CreateMember = { nickname: 'ada' };
`;

/**
 * openapi-typescript's CommonJS build requires ES-module-only dependencies, which jest's module
 * loader cannot run, so the generator runs in a plain node process.
 */
function generateClientTypes(document: OpenAPIV3.Document, output: string): void {
  const input = `${output}.json`;
  writeFileSync(input, JSON.stringify(document));
  const script = `
    import { readFileSync, writeFileSync } from 'node:fs';
    import openapiTS, { astToString } from 'openapi-typescript';
    const [input, output] = process.argv.slice(1);
    writeFileSync(output, astToString(await openapiTS(JSON.parse(readFileSync(input, 'utf8')))));
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', script, input, output], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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

  it('generates a typed client that well-formed calls compile against, and drifted ones do not', () => {
    generateClientTypes(document, join(folder, 'api.d.ts'));
    const calls = join(folder, 'calls.ts');
    const drifted = join(folder, 'drifted.ts');
    writeFileSync(calls, TYPED_CALLS);
    writeFileSync(drifted, DRIFTED_CALL);
    const program = ts.createProgram([calls, drifted], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const messages = (file: string) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(messages(calls)).toEqual([]);
    expect(messages(drifted)).toEqual([expect.stringContaining("'nickname'")]);
  });
});

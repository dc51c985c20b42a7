import { writeFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { TestApp, createTestApp } from '../support/test-app';

describe('graph dump', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());
  it('dumps', async () => {
    const response = await test.http().get('/docs-json').set('Authorization', test.keys.admin);
    writeFileSync(
      '' + (process.env.OA_OUT ?? '/tmp/graph-oa/doc.json') + '',
      JSON.stringify(response.body, null, 2),
    );
    await SwaggerParser.validate(structuredClone(response.body));
  });
});

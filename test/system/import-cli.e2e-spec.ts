import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_EXIT, importFileCommand } from '../../src/imports/import-file.command';
import { bulkMembers, toCsv, toNdjson } from '../support/import-files';
import { TestApp, createTestApp } from '../support/test-app';

describe('import from the command line', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let folder: string;
  let stdout: string;
  let stderr: string;
  beforeAll(async () => {
    test = await createTestApp();
    folder = mkdtempSync(join(tmpdir(), 'halo-import-cli-'));
  });
  afterAll(async () => {
    await test.close();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    [stdout, stderr] = ['', ''];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const file = (name: string, content: string) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };
  const total = async () =>
    (
      await test
        .http()
        .get('/api/v1/members')
        .query({ limit: 1 })
        .set('Authorization', test.keys.viewer)
    ).body.total as number;

  it('streams a file through the pipeline and prints the counts and the first refused rows', async () => {
    const rows = [...bulkMembers(1_200, 'cli'), { externalId: 'cli-bad', email: 'nope' }];
    const path = file(
      'members.csv',
      toCsv(rows, ['externalId', 'email', 'name', 'tags', 'acquiredAt']),
    );
    expect(await importFileCommand(test.app, 'members', path, {})).toBe(IMPORT_EXIT.refusedRows);
    expect(stdout).toContain(`members from ${path} (csv): 1201 rows`);
    expect(stdout).toContain('created 1200, updated 0, unchanged 0, refused 1');
    expect(stdout).toContain('line 1202 (cli-bad): email must be an email address [isEmail]');
    expect(await total()).toBe(1_200);

    const again = file('members.jsonl', toNdjson(bulkMembers(1_200, 'cli')));
    expect(await importFileCommand(test.app, 'members', again, {})).toBe(IMPORT_EXIT.ok);
    expect(stdout).toContain('created 0, updated 0, unchanged 1200, refused 0');
    expect(await total()).toBe(1_200);
  });

  it('takes the format from --format over the extension', async () => {
    const path = file('members.txt', '[{"externalId":"cli-json"}]');
    expect(await importFileCommand(test.app, 'members', path, {})).toBe(IMPORT_EXIT.usage);
    expect(stderr).toContain('pass --format json|ndjson|csv');
    expect(await importFileCommand(test.app, 'members', path, { format: 'json' })).toBe(
      IMPORT_EXIT.ok,
    );
  });

  it('reads an Italian CSV with --locale it and --columns, and refuses a bad --locale', async () => {
    const path = file(
      'soci.csv',
      'Codice;E-mail;acquiredAt\ncli-it-1;uno@example.com;31/12/2025\ncli-it-2;due@example.com;31/12/25\n',
    );
    const options = { locale: 'it', columns: 'Codice:externalId,E-mail:email' };
    expect(await importFileCommand(test.app, 'members', path, options)).toBe(
      IMPORT_EXIT.refusedRows,
    );
    expect(stdout).toContain('created 1, updated 0, unchanged 0, refused 1');
    expect(stdout).toContain('line 3');
    expect(stdout).toContain('acquiredAt "31/12/25" has a year of 2 digits');
    const member = await test
      .http()
      .get('/api/v1/members')
      .query({ q: 'uno@example.com' })
      .set('Authorization', test.keys.viewer);
    // brand.timezone is UTC here.
    expect(member.body.items[0].acquiredAt).toBe('2025-12-31T00:00:00.000Z');
    expect(await importFileCommand(test.app, 'members', path, { locale: 'fr' })).toBe(
      IMPORT_EXIT.usage,
    );
    expect(stderr).toContain('--locale must be one of en, it');
  });

  it('refuses a bad header with the columns named, an unknown type, and a missing file', async () => {
    const path = file('bad.csv', 'externalId,colour\nx,red\n');
    expect(await importFileCommand(test.app, 'members', path, {})).toBe(IMPORT_EXIT.dataError);
    expect(stderr).toContain('colour is not a known field');
    expect(await importFileCommand(test.app, 'unicorns', path, {})).toBe(IMPORT_EXIT.usage);
    expect(stderr).toContain('unknown import type unicorns; one of');
    expect(await importFileCommand(test.app, 'members', join(folder, 'none.csv'), {})).toBe(
      IMPORT_EXIT.noInput,
    );
  });

  it('reads --charset windows-1252 (or latin1), refuses an unknown one, and keeps the run', async () => {
    const path = join(folder, 'latin.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('externalId,name\ncli-cp,Ren'),
        Buffer.from([0xe9, 0x20, 0x80, 0x0a]),
      ]),
    );
    expect(await importFileCommand(test.app, 'members', path, { charset: 'klingon' })).toBe(
      IMPORT_EXIT.usage,
    );
    expect(stderr).toContain('charset klingon is not supported');
    expect(await importFileCommand(test.app, 'members', path, { charset: 'latin1' })).toBe(
      IMPORT_EXIT.ok,
    );
    const listed = await test
      .http()
      .get('/api/v1/members')
      .query({ q: 'cli-cp' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(listed.body.items[0].name).toBe('René €');
    const id = /kept as import ([0-9a-f-]{36})/.exec(stdout)?.[1];
    const kept = await test
      .http()
      .get(`/api/v1/imports/${id}`)
      .set('Authorization', test.keys.manager)
      .expect(200);
    expect(kept.body).toMatchObject({
      status: 'succeeded',
      created: 1,
      rowsStored: 1,
      keyId: null,
    });
  });
});

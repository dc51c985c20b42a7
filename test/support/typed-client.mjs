/* global process */
/**
 * Generates TypeScript types from an OpenAPI document (openapi-typescript) into `<folder>/api.d.ts`
 * and type-checks the given files against them; prints `{ file: [message, ...] }` as JSON.
 * A plain node script because openapi-typescript needs ES modules that jest's loader cannot run.
 *
 * Usage: node test/support/typed-client.mjs <document.json> <folder> <file.ts>...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const [documentPath, folder, ...files] = process.argv.slice(2);
const document = JSON.parse(readFileSync(documentPath, 'utf8'));
writeFileSync(join(folder, 'api.d.ts'), astToString(await openapiTS(document)));

// ES5's lib is enough for the calls and keeps the check to about a second.
const program = ts.createProgram(files, {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es5.d.ts'],
  types: [],
  skipLibCheck: true,
});
const messages = Object.fromEntries(
  files.map((file) => [
    file,
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  ]),
);
process.stdout.write(JSON.stringify(messages));

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { fieldProblemError } from './common/errors/field-problem';
import { ERROR_CODES_BY_MODULE, allErrorCodes } from './error-codes';

const SOURCE_ROOT = __dirname;
/** Calls whose first argument (second for DomainError) is the error code. */
const CODE_ARGUMENT: Record<string, number> = {
  DomainError: 1,
  conflict: 0,
  notFound: 0,
  unknownReference: 0,
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const checked = entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts');
    return checked && !entry.name.endsWith('-error-code.ts') ? [path] : [];
  });
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/** Where each file of src/ (enums and specs aside) names an error code by a string literal. */
function literalCodes(): string[] {
  const codes = new Set(allErrorCodes());
  const found: string[] = [];
  for (const path of sourceFiles(SOURCE_ROOT)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    const where = (node: ts.Node) =>
      `${relative(SOURCE_ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    visit(source, (node) => {
      if (ts.isStringLiteral(node) && codes.has(node.text))
        found.push(`${where(node)} '${node.text}'`);
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
      const callee = node.expression.getText(source);
      const argument = node.arguments?.[CODE_ARGUMENT[callee] ?? -1];
      if (argument && (ts.isStringLiteral(argument) || ts.isTemplateExpression(argument))) {
        found.push(`${where(node)} ${callee}(${argument.getText(source)})`);
      }
    });
  }
  return found;
}

/** The camelCase codes of the unprocessable FieldProblems written in src/, which become error codes. */
function unprocessableProblemCodes(): string[] {
  const found: string[] = [];
  for (const path of sourceFiles(SOURCE_ROOT)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    visit(source, (node) => {
      if (!ts.isObjectLiteralExpression(node)) return;
      const text = (name: string) => {
        const property = node.properties.find(
          (candidate) =>
            ts.isPropertyAssignment(candidate) && candidate.name.getText(source) === name,
        ) as ts.PropertyAssignment | undefined;
        return property && ts.isStringLiteral(property.initializer)
          ? property.initializer.text
          : undefined;
      };
      const code = text('code');
      if (text('kind') === 'unprocessable' && code) found.push(code);
    });
  }
  return found;
}

describe('error codes', () => {
  it('are each declared once, by one module, with the value of its name', () => {
    const declared = Object.values(ERROR_CODES_BY_MODULE).flatMap((codes) =>
      Object.entries(codes).map(([name, value]) => {
        expect(value).toBe(name);
        return value;
      }),
    );
    expect(new Set(declared).size).toBe(declared.length);
    expect(allErrorCodes()).toEqual([...declared].sort());
  });

  it('are named through the enums in src/, never as string literals', () => {
    expect(literalCodes()).toEqual([]);
  });

  it('include the codes that unprocessable field problems turn into', () => {
    const problems = unprocessableProblemCodes();
    expect(problems).toEqual(expect.arrayContaining(['invalidTransition', 'eventNotStarted']));
    const codes = problems.map(
      (code) => fieldProblemError({ field: 'f', reason: 'r', code, kind: 'unprocessable' }).code,
    );
    expect(codes.filter((code) => !allErrorCodes().includes(code))).toEqual([]);
  });
});

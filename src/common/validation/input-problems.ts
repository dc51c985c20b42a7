import { ErrorDetail } from '../errors/domain-error';

/** Deeper than any DTO nests; class-transformer recurses and would overflow the stack far below the 1 MB body limit. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that name an object's machinery, never a field of Halo's API: refused as unknown fields. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// NUL is the character looked for here.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_PROBLEMS = 10;
const MAX_FIELD_LENGTH = 200;

interface Problem {
  reason: string;
  code: string;
}

const NUL: Problem = { reason: 'must not contain a NUL character (U+0000)', code: 'nulCharacter' };
const SURROGATE: Problem = {
  reason: 'must be well-formed Unicode (holds a lone surrogate)',
  code: 'loneSurrogate',
};
const RESERVED: Problem = { reason: 'is not a known field', code: 'unknownField' };

interface Node {
  value: unknown;
  parent: Node | undefined;
  key: string;
  depth: number;
}

/**
 * What no field of any route accepts, found in one iterative walk before validation: nesting
 * deeper than MAX_INPUT_DEPTH, NUL characters (PostgreSQL text cannot hold them; refused on
 * SQLite too so that both databases answer alike), lone surrogates (not Unicode; validator's
 * isEmail throws on them) and reserved keys. At most 10 details, field paths cut to 200 characters.
 */
export function inputProblems(value: unknown, root = ''): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) problems.push(detail(root || '(body)', problem));
    return problems;
  }
  if (typeof value !== 'object' || value === null) return problems;
  const stack: Node[] = [{ value, parent: undefined, key: root, depth: 1 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const node = stack.pop()!;
    if (node.depth > MAX_INPUT_DEPTH) {
      return [
        {
          field: root || '(body)',
          reason: `nests deeper than ${MAX_INPUT_DEPTH} levels`,
          code: 'maxDepth',
        },
      ];
    }
    const container = node.value as Record<string, unknown>;
    const keys = Array.isArray(container) ? undefined : Object.keys(container);
    const length = keys ? keys.length : (container as unknown as unknown[]).length;
    for (let index = 0; index < length; index += 1) {
      const key = keys ? keys[index] : String(index);
      const child = container[key];
      if (keys) {
        const keyProblem = RESERVED_KEYS.has(key) ? RESERVED : stringProblem(key);
        if (keyProblem) {
          problems.push(detail(pathOf(node, key), keyProblem));
          continue;
        }
      }
      if (typeof child === 'string') {
        const problem = stringProblem(child);
        if (problem) problems.push(detail(pathOf(node, key), problem));
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, parent: node, key, depth: node.depth + 1 });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function stringProblem(text: string): Problem | undefined {
  if (!SUSPECT.test(text)) return undefined;
  if (text.includes('\u0000')) return NUL;
  if (LONE_SURROGATE.test(text)) return SURROGATE;
  return undefined;
}

function detail(field: string, problem: Problem): ErrorDetail {
  return {
    field: field.length > MAX_FIELD_LENGTH ? `${field.slice(0, MAX_FIELD_LENGTH)}…` : field,
    reason: problem.reason,
    code: problem.code,
  };
}

/** `tags.0`, `items.2.email`: the dotted path class-validator's details use. */
function pathOf(parent: Node, key: string): string {
  const parts = [key];
  for (let node: Node | undefined = parent; node; node = node.parent)
    if (node.key) parts.push(node.key);
  return parts.reverse().join('.');
}

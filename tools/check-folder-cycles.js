/**
 * Folder-level import rules for src/ (docs/architecture.md, "Which folder may import which").
 *
 * Every .ts/.js file under the source folder (specs excepted) is read; each relative import
 * counts as an edge from the importer's top-level folder to the imported file's. Files at the
 * root of src/ compose everything and are exempt as importers. The check fails on every cycle
 * between folders and on every import that breaks the layers:
 *   common   imports no other folder;
 *   config   imports common only;
 *   database imports common and config only;
 *   features import the three above and each other (without cycles);
 *   cli and demo, like the root files, compose everything, and nothing else imports them.
 *
 * Usage: node tools/check-folder-cycles.js [sourceFolder=src]
 */
const { readdirSync, readFileSync, existsSync, statSync } = require('node:fs');
const { dirname, isAbsolute, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');

const ROOT = '(root)';
const LAYERS = { common: 0, config: 1, database: 2 };
const FEATURE_LAYER = 3;
const COMPOSITION = new Set(['cli', 'demo', ROOT]);
const COMPOSITION_LAYER = 4;
const EXTENSIONS = ['.ts', '.js', '.mjs', '.cjs'];

function layerOf(folder) {
  if (folder in LAYERS) return LAYERS[folder];
  return COMPOSITION.has(folder) ? COMPOSITION_LAYER : FEATURE_LAYER;
}

/** A folder may import lower layers, and features (or composition folders) their peers. */
function mayImport(from, to) {
  const fromLayer = layerOf(from);
  const toLayer = layerOf(to);
  if (toLayer < fromLayer) return true;
  return toLayer === fromLayer && (fromLayer === FEATURE_LAYER || fromLayer === COMPOSITION_LAYER);
}

function sourceFiles(directory) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (isCheckedFile(entry.name)) files.push(path);
  }
  return files;
}

function isCheckedFile(name) {
  if (name.endsWith('.d.ts')) return false;
  if (/\.(spec|e2e-spec|test)\.[cm]?[jt]s$/.test(name)) return false;
  return EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** The file a relative specifier names, if it exists (`./x` may be `x.ts`, `x.js` or `x/index.ts`). */
function resolveSpecifier(importer, specifier) {
  const base = resolve(dirname(importer), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => base + extension),
    ...EXTENSIONS.map((extension) => join(base, `index${extension}`)),
  ];
  // TypeScript sources may name their siblings with the compiled extension.
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, '.$1ts'));
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The top-level folder of src/ a path lies in, ROOT for files at src/ itself, null outside. */
function folderOf(sourceRoot, path) {
  const inside = relative(sourceRoot, path);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  const parts = inside.split(sep);
  return parts.length === 1 ? ROOT : parts[0];
}

/** Every folder-to-folder edge, each with the imports that make it. */
function folderGraph(sourceRoot) {
  const edges = new Map(); // "from\0to" -> edge
  for (const file of sourceFiles(sourceRoot)) {
    const from = folderOf(sourceRoot, file);
    if (from === ROOT) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveSpecifier(file, specifier);
      const to = target ? folderOf(sourceRoot, target) : null;
      if (to === null || to === from) continue;
      const key = `${from}\0${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, imports: [] });
      edges.get(key).imports.push({ file: relative(process.cwd(), file), specifier });
    }
  }
  return [...edges.values()];
}

/** Tarjan's strongly connected components. */
function components(nodes, successors) {
  let index = 0;
  const indexes = new Map();
  const lowLinks = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indexes.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of successors(node)) {
      if (!indexes.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node), indexes.get(next)));
      }
    }
    if (lowLinks.get(node) === indexes.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      found.push(component);
    }
  };
  for (const node of nodes) if (!indexes.has(node)) visit(node);
  return found;
}

/** The shortest path from `start` back to `goal` inside `allowed`, by breadth-first search. */
function shortestPath(start, goal, allowed, successors) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === goal) break;
    for (const next of successors(node)) {
      if (!allowed.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  const path = [];
  for (let node = goal; node !== null; node = previous.get(node)) path.unshift(node);
  return path;
}

/**
 * The cycles to report: for each edge inside a strongly connected component, the shortest cycle
 * through it; the same cycle reached from several of its edges is reported once.
 */
function findCycles(edges) {
  const successorMap = new Map();
  for (const { from, to } of edges) {
    if (!successorMap.has(from)) successorMap.set(from, []);
    successorMap.get(from).push(to);
  }
  const successors = (node) => (successorMap.get(node) ?? []).slice().sort();
  const nodes = [...new Set(edges.flatMap(({ from, to }) => [from, to]))].sort();
  const cycles = new Map();
  for (const component of components(nodes, successors)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    for (const edge of edges) {
      if (!members.has(edge.from) || !members.has(edge.to)) continue;
      const back = shortestPath(edge.to, edge.from, members, successors);
      const cycle = [edge.from, ...back.slice(0, -1)];
      const rotation = cycle.indexOf([...cycle].sort()[0]);
      const canonical = [...cycle.slice(rotation), ...cycle.slice(0, rotation)];
      cycles.set(canonical.join(' -> '), canonical);
    }
  }
  return [...cycles.values()].sort(
    (a, b) => a.length - b.length || a.join().localeCompare(b.join()),
  );
}

/** The folder graph's cycles and layer violations, each edge with the imports that make it. */
function checkFolders(sourceRoot) {
  const edges = folderGraph(resolve(sourceRoot));
  const byEnds = new Map(edges.map((edge) => [`${edge.from}\0${edge.to}`, edge]));
  const cycles = findCycles(edges).map((cycle) =>
    cycle.map((from, position) => byEnds.get(`${from}\0${cycle[(position + 1) % cycle.length]}`)),
  );
  const violations = edges
    .filter(({ from, to }) => !mayImport(from, to))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { edges, cycles, violations };
}

function describe(edge, { file, specifier }) {
  return `${edge.from} -> ${edge.to}   (${file} imports '${specifier}')`;
}

function report({ cycles, violations }) {
  const lines = [];
  for (const cycle of cycles) {
    const names = [...cycle.map((edge) => edge.from), cycle[0].from];
    lines.push(`Folder cycle: ${names.join(' -> ')}`);
    for (const edge of cycle) lines.push(`  ${describe(edge, edge.imports[0])}`);
  }
  for (const edge of violations) {
    for (const anImport of edge.imports) lines.push(`Layer violation: ${describe(edge, anImport)}`);
  }
  if (cycles.length + violations.length > 0) {
    lines.push(
      `${cycles.length} folder cycle(s), ${violations.length} folder edge(s) against the layers.`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  const sourceRoot = process.argv[2] ?? 'src';
  const result = checkFolders(sourceRoot);
  const text = report(result);
  if (text) {
    console.error(text);
    process.exitCode = 1;
  }
}

module.exports = { checkFolders, report };

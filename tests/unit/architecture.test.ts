/**
 * Guard rails for the shape of the code, checked on the project's own sources in plain Node (in the
 * spirit of Refined GitHub's convention tests). Each rule says what it protects:
 *
 * - `lib/` never imports from `components/`: the logic does not reach up into the UI.
 * - No import cycles among the project's modules, type-only imports included: every file can be read
 *   after the files it imports.
 * - The pure core (detection, the data, the settings logic) uses no DOM and no browser API, so it runs
 *   and is tested in Node, and a reader knows it cannot touch the page.
 * - Comments cite the project's own documents, which a clone has: `docs/contract.md` and
 *   `docs/platform-notes.md`, never the outside documents' old names, and every cited `docs/….md` exists.
 *
 * Imports are read with the TypeScript compiler's parser: static imports and re-exports (`import type`
 * too), `import()` calls and `typeof import()` types. Globals are found as identifiers in the syntax
 * tree, so comments and strings never count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The folders whose TypeScript the rules read. */
const SOURCE_FOLDERS = ['lib', 'components', 'entrypoints', 'data', 'scripts', 'tests'];
/** Pages served to the browser in e2e tests: not the project's modules. */
const NOT_SOURCES = ['tests/fixtures/'];

/** The pure core: no DOM, no browser API, no import of anything that has them. */
const PURE_CORE: readonly RegExp[] = [/^lib\/core\//, /^data\//];

/**
 * Modules outside the core that a core file may still import, each with its reason. Keep this short:
 * every entry is a place where the core is not quite pure, and no other core file may import one.
 */
const CORE_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'lib/core/settings-file.ts': {
    'lib/browser/i18n.ts': 'its error words come from the browser’s i18n.getMessage (the unit tests fake it)',
    'lib/browser/memory/db.ts': 'the Sighting type only, for the sightings export (erased from the build)',
  },
};

/** Packages that are the browser or the page. */
const BROWSER_PACKAGES =
  /^(?:wxt\/browser|webextension-polyfill|@wxt-dev\/webextension-polyfill|idb|preact|@floating-ui\/dom)(?:\/|$)/;

/** Globals of the page and of the extension APIs. */
const BROWSER_GLOBALS = new Set([
  'document',
  'window',
  'globalThis',
  'Node',
  'NodeFilter',
  'Element',
  'HTMLElement',
  'ShadowRoot',
  'Range',
  'StaticRange',
  'Highlight',
  'navigator',
  'location',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'CSS',
  'MutationObserver',
  'ResizeObserver',
  'IntersectionObserver',
  'getComputedStyle',
  'requestAnimationFrame',
  'requestIdleCallback',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
]);

interface ImportEdge {
  /** As written. */
  readonly specifier: string;
  /** Project-relative path of the file it names, when it is one of ours. */
  readonly target?: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

interface SourceFile {
  readonly path: string;
  readonly ast: ts.SourceFile;
  readonly imports: readonly ImportEdge[];
}

const posix = (path: string): string => path.split(sep).join('/');

/** Project-relative paths of the files under `folder` whose names match `wanted`. */
function listFiles(folder: string, wanted: RegExp, skip: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = posix(relative(ROOT, full));
      if (skip.some((prefix) => rel.startsWith(prefix))) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (wanted.test(name)) found.push(rel);
    }
  };
  walk(join(ROOT, folder));
  return found;
}

const listSources = (folder: string): string[] =>
  listFiles(folder, /\.tsx?$/, NOT_SOURCES).filter((path) => !path.endsWith('.d.ts'));

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function isFile(rel: string): boolean {
  try {
    return statSync(join(ROOT, rel)).isFile();
  } catch {
    return false;
  }
}

/** The project file a specifier names, or undefined for a package. WXT's `@/` and `~/` mean the root. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const bare = specifier.replace(/[?#].*$/, '');
  let base: string;
  if (bare.startsWith('.')) base = posix(join(dirname(from), bare));
  else if (/^[@~]\//.test(bare)) base = bare.slice(2);
  else return undefined;
  for (const extension of EXTENSIONS) if (isFile(base + extension)) return base + extension;
  return base;
}

function lineOf(ast: ts.SourceFile, node: ts.Node): number {
  return ast.getLineAndCharacterOfPosition(node.getStart(ast)).line + 1;
}

function readImports(path: string, ast: ts.SourceFile): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean): void => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const target = resolveSpecifier(path, literal.text);
    edges.push({ specifier: literal.text, target, typeOnly, line: lineOf(ast, node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return edges;
}

function loadProject(): Map<string, SourceFile> {
  const files = new Map<string, SourceFile>();
  for (const folder of SOURCE_FOLDERS) {
    for (const path of listSources(folder)) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const ast = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
      files.set(path, { path, ast, imports: readImports(path, ast) });
    }
  }
  return files;
}

const PROJECT = loadProject();

/** `file:line imports 'specifier'`, one per line, for failure messages. */
const describeEdge = (file: SourceFile, edge: ImportEdge): string =>
  `${file.path}:${edge.line} imports '${edge.specifier}'`;

function upwardImports(files: ReadonlyMap<string, SourceFile>): string[] {
  const found: string[] = [];
  for (const file of files.values()) {
    if (!file.path.startsWith('lib/')) continue;
    for (const edge of file.imports) if (edge.target?.startsWith('components/')) found.push(describeEdge(file, edge));
  }
  return found;
}

/**
 * Every strongly connected group of modules, each reported as one concrete cycle ("a → b → a"),
 * type-only and lazy (`import()`) edges included.
 */
function importCycles(files: ReadonlyMap<string, SourceFile>): string[] {
  const graph = new Map<string, string[]>();
  for (const file of files.values()) {
    const targets = file.imports
      .map((edge) => edge.target)
      .filter((target): target is string => target !== undefined && files.has(target));
    graph.set(file.path, [...new Set(targets)].sort());
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  // One shortest cycle through the first module of each group, found breadth first inside the group.
  return groups.map((group) => {
    const members = new Set(group);
    const start = group[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of graph.get(node) ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          const path = [node];
          while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
          const knot = group.length > path.length ? ` (one of the cycles among ${group.join(', ')})` : '';
          return [...path, start].join(' → ') + knot;
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    return group.join(', ');
  });
}

const isCore = (path: string): boolean => PURE_CORE.some((pattern) => pattern.test(path));

/** A use of an identifier as a name in scope (not a property name, not a declaration's own name). */
function isFreeUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isBindingElement(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isExportSpecifier(parent) ||
      ts.isJsxAttribute(parent)) &&
    (parent as { name?: ts.Node }).name === node
  ) {
    return false;
  }
  return true;
}

function coreViolations(files: ReadonlyMap<string, SourceFile>): string[] {
  const found: string[] = [];
  for (const file of files.values()) {
    if (!isCore(file.path)) continue;
    const allowed = CORE_EXCEPTIONS[file.path] ?? {};
    for (const edge of file.imports) {
      if (edge.target === undefined) {
        if (BROWSER_PACKAGES.test(edge.specifier)) found.push(`${describeEdge(file, edge)}: a browser package`);
      } else if (edge.target.startsWith('lib/page/')) {
        found.push(`${describeEdge(file, edge)}: page code (lib/page)`);
      } else if (/\.(?:tsx?|js)$/.test(edge.target) && !isCore(edge.target) && !(edge.target in allowed)) {
        found.push(`${describeEdge(file, edge)}: outside the pure core`);
      } else if (edge.target in CORE_EXCEPTIONS) {
        found.push(`${describeEdge(file, edge)}: pure only with exceptions, which must not spread`);
      } else if (!/\.(?:tsx?|js|json)$/.test(edge.target)) {
        found.push(`${describeEdge(file, edge)}: not code (a style sheet?)`);
      }
    }
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text) && isFreeUse(node)) {
        found.push(`${file.path}:${lineOf(file.ast, node)} uses the browser global '${node.text}'`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file.ast);
  }
  return found;
}

/**
 * What the content script imports, transitively and type-only edges left out (they are erased): a
 * database opened there would belong to the page's origin, not the extension's.
 */
function contentScriptDatabases(files: ReadonlyMap<string, SourceFile>, entry = 'entrypoints/content/index.ts'): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string, via: readonly string[]) => {
    if (seen.has(path)) return;
    seen.add(path);
    const file = files.get(path);
    if (!file) return;
    for (const edge of file.imports) {
      if (edge.typeOnly) continue;
      const chain = [...via, path];
      if (edge.target === undefined) {
        if (/^idb(?:\/|$)/.test(edge.specifier)) found.push(`${chain.join(' → ')} → ${edge.specifier}`);
      } else if (edge.target.startsWith('lib/browser/memory/')) {
        found.push(`${chain.join(' → ')} → ${edge.target}`);
      } else {
        visit(edge.target, chain);
      }
    }
  };
  visit(entry, []);
  return found;
}

/**
 * The outside contract and the platform notes were first cited by the names of documents that live
 * beside the project, not in a clone. The code cites the project's own copies, under `docs/`. The
 * pattern is built from pieces so that this file does not match it.
 */
const OLD_DOC_NAME = new RegExp(`\\b(?:${['CONTRACT', 'NOTES'].join('|')})\\.md\\b`);
/** A path under `docs/` ending in `.md`, as comments cite them. */
const DOCS_PATH = /(?<![\w-])docs\/[\w./-]*[\w-]\.md\b/g;
/** Text files the citation rules read: sources, styles, pages and fixtures. */
const TEXT_FILE = /\.(?:tsx?|js|css|html|md)$/;

function textFiles(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const folder of SOURCE_FOLDERS) {
    for (const path of listFiles(folder, TEXT_FILE, [])) {
      files.set(path, readFileSync(join(ROOT, path), 'utf8').split('\n'));
    }
  }
  return files;
}

/** `path:line: text` of every line that cites an outside document by its old name. */
function oldCitations(files: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [path, lines] of files) {
    lines.forEach((line, index) => {
      if (OLD_DOC_NAME.test(line)) found.push(`${path}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/** `path:line cites docs/…` for every cited `docs/….md` that does not exist. */
function missingDocs(files: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [path, lines] of files) {
    lines.forEach((line, index) => {
      for (const [cited] of line.matchAll(DOCS_PATH)) {
        if (!isFile(cited)) found.push(`${path}:${index + 1} cites ${cited}, which does not exist`);
      }
    });
  }
  return found;
}

describe('the shape of the code', () => {
  it('reads the whole project', () => {
    // A broken walk would make every rule below pass on nothing.
    expect(PROJECT.size).toBeGreaterThan(100);
    expect([...PROJECT.keys()].filter(isCore).length).toBeGreaterThan(10);
    expect([...PROJECT.values()].reduce((sum, file) => sum + file.imports.length, 0)).toBeGreaterThan(300);
  });

  it('finds every import it claims to (static, type-only, re-export, lazy, typeof import)', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "export { D } from './d';",
      "export type { E } from './e';",
      "const f = () => import('./f');",
      "type G = typeof import('./g');",
      "import './h.css';",
    ].join('\n');
    const ast = ts.createSourceFile('lib/x.ts', text, ts.ScriptTarget.Latest, true);
    const edges = readImports('lib/x.ts', ast);
    expect(edges.map((edge) => [edge.specifier, edge.typeOnly])).toEqual([
      ['./a', false],
      ['./b', true],
      ['./c', true],
      ['./d', false],
      ['./e', true],
      ['./f', false],
      ['./g', true],
      ['./h.css', false],
    ]);
  });

  it('lib/ never imports from components/', () => {
    const advice = 'lib/ must not reach up into the UI: move the file into components/';
    expect(upwardImports(PROJECT), advice).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const advice = 'break each cycle, e.g. by moving shared types into a module that imports none of the others';
    expect(importCycles(PROJECT), advice).toEqual([]);
  });

  it('cites the outside contract and the platform notes as docs/contract.md and docs/platform-notes.md', () => {
    const files = textFiles();
    expect(oldCitations(files), 'cite docs/contract.md or docs/platform-notes.md: a clone has no other copy').toEqual([]);
    expect(missingDocs(files)).toEqual([]);
  });

  it('recognises old citations and docs paths', () => {
    const nowhere = ['docs', 'nowhere.md'].join('/'); // pieces again, so this file cites no missing doc
    const sample = new Map([
      ['a.ts', [`// see ${'NOTES'}.md, "Speed"`, `// (${'CONTRACT'}.md)`, '// docs/contract.md', `// ${nowhere}`]],
    ]);
    expect(oldCitations(sample)).toHaveLength(2);
    expect(missingDocs(sample)).toEqual([`a.ts:4 cites ${nowhere}, which does not exist`]);
  });

  it('keeps IndexedDB out of the content script', () => {
    expect(contentScriptDatabases(PROJECT), 'ask the background instead: IndexedDB in a content script is the page origin\'s').toEqual([]);
    // The walk follows imports: a project where the content script reached the database is caught.
    const reaching = new Map(PROJECT);
    const entry = PROJECT.get('entrypoints/content/index.ts')!;
    const db = { specifier: '../../lib/browser/memory/db', target: 'lib/browser/memory/db.ts', typeOnly: false, line: 1 };
    reaching.set(entry.path, { ...entry, imports: [...entry.imports, db] });
    expect(contentScriptDatabases(reaching)).toHaveLength(1);
  });

  it('keeps the pure core free of the DOM and the browser', () => {
    expect(coreViolations(PROJECT), 'detection, data and settings logic must run in plain Node').toEqual([]);
  });
});

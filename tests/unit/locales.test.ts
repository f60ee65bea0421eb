/**
 * The UI's words live in public/_locales/en/messages.json (lib/browser/i18n.ts). These checks keep the file
 * and the code in step: every message is well formed and described for translators, every key the
 * code asks for exists with as many substitutions as the message has placeholders, and no message is
 * left that nothing uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { t } from '../../lib/browser/i18n';
import { formatMessage, loadMessages, MESSAGES_PATH, type LocaleMessage } from './locale-messages';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where UI code lives. */
const SOURCE_DIRS = ['components', 'entrypoints', 'lib'];
/** The message functions of lib/browser/i18n.ts, and where their substitutions start. */
const MESSAGE_CALLS: Record<string, 'rest' | 'count'> = { t: 'rest', tParts: 'rest', plural: 'count' };

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** How many substitutions a message takes: the highest `$n` its placeholders stand for. */
function substitutionCount(entry: LocaleMessage): number {
  const numbers = Object.values(entry.placeholders ?? {}).flatMap(({ content }) => [...content.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));
  return Math.max(0, ...numbers);
}

interface KeyUse {
  key: string;
  /** Substitutions passed, when the call shows them all (no spread). */
  substitutions?: number;
  where: string;
}

/** The string literals an argument can be: `'a'`, or either side of `cond ? 'a' : 'b'`. */
function literals(node: ts.Expression): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  return [];
}

/** Every call of t / tParts / plural in the UI code, and every string literal (keys kept in maps). */
function scanSources(): { calls: KeyUse[]; strings: Set<string> } {
  const calls: KeyUse[] = [];
  const strings = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap((dir) => filesUnder(dir, /\.tsx?$/))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    // The message functions this file imports from lib/browser/i18n.ts (another `plural` is not ours).
    const imported = new Set<string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!/(^|\/)i18n$/.test(statement.moduleSpecifier.text)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) imported.add(element.name.text);
    }
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node)) strings.add(node.text);
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && imported.has(node.expression.text) && node.expression.text in MESSAGE_CALLS) {
        const kind = MESSAGE_CALLS[node.expression.text];
        const where = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const args = [...node.arguments];
        const spread = args.some((arg) => ts.isSpreadElement(arg));
        const keyArgs = kind === 'count' ? args.slice(1, 3) : args.slice(0, 1);
        const substitutions = kind === 'count' ? 1 : spread ? undefined : args.length - 1;
        for (const arg of keyArgs) for (const key of literals(arg)) calls.push({ key, substitutions, where });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { calls, strings };
}

/** `__MSG_name__` in the manifest's config and the entrypoints' HTML. */
function manifestKeys(): Set<string> {
  const files = [path.join(ROOT, 'wxt.config.ts'), ...filesUnder('entrypoints', /\.html$/)];
  return new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!)));
}

const messages = loadMessages();
const { calls, strings } = scanSources();

describe('public/_locales/en/messages.json', () => {
  it('is JSON of messages the browser accepts, each described for translators', () => {
    expect(() => JSON.parse(readFileSync(MESSAGES_PATH, 'utf8'))).not.toThrow();
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, 'key names: letters, digits and _').toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), `${key} has a description`).toBeTruthy();
    }
  });

  it('declares every $PLACEHOLDER$ a message uses, uses every one it declares, and numbers them $1, $2… in order', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      expect(new Set(used), key).toEqual(new Set(declared));
      const contents = Object.values(entry.placeholders ?? {}).map(({ content }) => content);
      expect(contents, key).toEqual(contents.map((_, index) => `$${index + 1}`));
      expect(contents.length, `${key}: getMessage takes at most 9 substitutions`).toBeLessThanOrEqual(9);
    }
  });

  it('has every key the code asks for, with as many substitutions as the message takes', () => {
    expect(calls.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const { key, substitutions, where } of calls) {
      const entry = messages[key];
      if (!entry) problems.push(`${where}: no message "${key}"`);
      else if (substitutions !== undefined && substitutions !== substitutionCount(entry)) {
        problems.push(`${where}: "${key}" takes ${substitutionCount(entry)} substitutions, given ${substitutions}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no message that nothing uses', () => {
    const manifest = manifestKeys();
    const unused = Object.keys(messages).filter((key) => !strings.has(key) && !manifest.has(key));
    expect(unused).toEqual([]);
  });

  it('gives the manifest its name and description, with English as the default locale', () => {
    const config = readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/default_locale:\s*'en'/);
    expect([...manifestKeys()]).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    expect(messages.extDescription!.message.length, 'the stores cut descriptions at 132 characters').toBeLessThanOrEqual(132);
  });
});

describe('t', () => {
  it('fills in substitutions as the browser does', () => {
    expect(t('stepMentionRole', 3, 12, 'Al Pacino', 'plays Vincent Hanna')).toBe('Mention 3 of 12: Al Pacino, plays Vincent Hanna');
    expect(t('otpTotal', '6 mentions', '3 names')).toBe('6 mentions of 3 names');
    expect(formatMessage({ message: 'Costs $$5 for $WHO$', placeholders: { who: { content: '$1' } } }, ['you'])).toBe('Costs $5 for you');
  });
});

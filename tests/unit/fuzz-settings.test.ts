/**
 * Fuzzing settings (issue 6, point 5): randomly corrupted stored settings (`parseSettings`) and import
 * files (`importSettings`). Whatever comes in:
 * - nothing throws;
 * - what comes out is always valid settings (every field of the right type and range, nothing else),
 *   and keeps every stored field that was valid;
 * - the input is never modified, and the frozen defaults never handed out;
 * - a refused import says why, in words; an accepted one holds only clean site names;
 * - importing touches no storage (the caller saves only on `ok`): the settings already stored are
 *   exactly as they were after any number of refused or accepted reads.
 *
 * Seeded: `FUZZ_SEED=1234 npx vitest run tests/unit/fuzz-settings.test.ts` replays a run; failures name
 * the seed of their case.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CATEGORIES,
  DEFAULT_SETTINGS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_STYLES,
  MODIFIER_KEYS,
  OPEN_DELAY_RANGE,
  SETTINGS_VERSION,
  SITE_MODES,
  THEMES,
  TRIGGERS,
  defaultSettings,
  parseSettings,
  type Settings,
} from '../../lib/core/settings';
import { EXPORT_FORMAT, exportSettings, importSettings } from '../../lib/core/settings-file';
import { normalizeSite } from '../../lib/core/site-rules';
import { loadSettings, saveSettings } from '../../lib/browser/settings-store';
import { FUZZ_BASE_SEED, prng, type Rng } from '../fuzz';

const BASE_SEED = FUZZ_BASE_SEED;
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
console.log(`[fuzz-settings] base seed ${BASE_SEED}, ${RUNS} cases each (replay: FUZZ_SEED=${BASE_SEED})`);


// ---------------------------------------------------------------------------------------------------
// What valid settings are, written from the field list (not from the code's checks)

const FIELDS = [
  'version', 'enabled', 'pausedUntil', 'siteMode', 'categories', 'highlightStyle', 'highlightColor', 'firstMentionOnly',
  'trigger', 'modifierKey', 'openDelayMs', 'theme', 'spoilersRevealed', 'rememberSightings',
] as const;
const CHOICES: Record<string, readonly string[]> = {
  siteMode: SITE_MODES,
  highlightStyle: HIGHLIGHT_STYLES,
  highlightColor: HIGHLIGHT_COLORS,
  trigger: TRIGGERS,
  modifierKey: MODIFIER_KEYS,
  theme: THEMES,
};
const BOOLEANS = ['enabled', 'firstMentionOnly', 'spoilersRevealed', 'rememberSightings'];

/** Why `value` is not valid settings, or '' when it is. */
function invalidity(value: Settings): string {
  const record = value as unknown as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join() !== [...FIELDS].sort().join()) return `fields ${keys.join()}`;
  if (record.version !== SETTINGS_VERSION) return `version ${String(record.version)}`;
  for (const field of BOOLEANS) if (typeof record[field] !== 'boolean') return `${field} ${String(record[field])}`;
  for (const [field, options] of Object.entries(CHOICES)) if (!options.includes(record[field] as string)) return `${field} ${String(record[field])}`;
  const paused = record.pausedUntil;
  if (typeof paused !== 'number' || !Number.isFinite(paused) || paused < 0) return `pausedUntil ${String(paused)}`;
  const delay = record.openDelayMs;
  if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < OPEN_DELAY_RANGE.min || delay > OPEN_DELAY_RANGE.max) {
    return `openDelayMs ${String(delay)}`;
  }
  const categories = record.categories as Record<string, unknown>;
  if (typeof categories !== 'object' || categories === null || Array.isArray(categories)) return 'categories';
  if (Object.keys(categories).sort().join() !== [...CATEGORIES].sort().join()) return `categories ${Object.keys(categories).join()}`;
  for (const category of CATEGORIES) if (typeof categories[category] !== 'boolean') return `categories.${category}`;
  if (Object.isFrozen(categories) || categories === DEFAULT_SETTINGS.categories) return 'categories shared with the defaults';
  return '';
}

// ---------------------------------------------------------------------------------------------------
// Random corruption

const STRINGS = ['', ' ', 'true', 'false', 'on', 'dark', 'Dark', 'amber ', 'hover', '__proto__', 'constructor', '💥', 'x'.repeat(5000), '\u0000', 'null'];
const NUMBERS = [0, -0, 1, -1, 2, 3, 99, 100, 300, 500, 501, 1.5, 299.9, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 1e308, -1e-9, 2 ** 31];

/** Any JSON-like value, including the ones JSON cannot hold but storage or a bug could produce. */
function randomValue(rng: Rng, depth = 0): unknown {
  const roll = rng.int(depth > 2 ? 6 : 9);
  switch (roll) {
    case 0: return null;
    case 1: return undefined;
    case 2: return rng.chance(0.5);
    case 3: return rng.pick(NUMBERS);
    case 4: return rng.pick(STRINGS);
    case 5: return rng.pick([...Object.values(CHOICES).flat(), ...CATEGORIES, ...FIELDS]);
    case 6: return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = rng.int(5); i > 0; i--) object[rng.pick([...FIELDS, ...CATEGORIES, 'extra', '__proto__', 'prototype'])] = randomValue(rng, depth + 1);
      return object;
    }
  }
}

/** A valid stored value, then damaged: fields replaced, dropped, added, versions changed. */
function corruptedSettings(rng: Rng): unknown {
  if (rng.chance(0.1)) return randomValue(rng);
  const base: Record<string, unknown> = JSON.parse(JSON.stringify(randomValidSettings(rng)));
  for (let i = rng.int(5); i > 0; i--) {
    const field = rng.pick([...FIELDS, 'extra']);
    const action = rng.int(4);
    if (action === 0) delete base[field];
    else if (action === 1) base[field] = randomValue(rng);
    else if (action === 2 && field === 'categories') base.categories = { ...(base.categories as object), [rng.pick([...CATEGORIES, 'music'])]: randomValue(rng) };
    else base[field] = rng.pick([...STRINGS, ...NUMBERS, null, true, false, [], {}]);
  }
  if (rng.chance(0.2)) base.version = rng.pick([0, 1, 2, 3, -1, 1.5, NaN, '2', null, 1e9]);
  if (rng.chance(0.05)) Object.defineProperty(base, '__proto__', { value: { enabled: false }, enumerable: true });
  return base;
}

function randomValidSettings(rng: Rng): Settings {
  const settings = defaultSettings();
  const record = settings as unknown as Record<string, unknown>;
  for (const field of BOOLEANS) record[field] = rng.chance(0.5);
  for (const [field, options] of Object.entries(CHOICES)) record[field] = rng.pick(options);
  settings.pausedUntil = rng.chance(0.5) ? 0 : rng.int(2 ** 40);
  settings.openDelayMs = OPEN_DELAY_RANGE.min + rng.int(OPEN_DELAY_RANGE.max - OPEN_DELAY_RANGE.min + 1);
  for (const category of CATEGORIES) settings.categories[category] = rng.chance(0.5);
  return settings;
}

/** An import file's text: a real export damaged in its JSON, its shape or its fields, or junk. */
function corruptedImport(rng: Rng): string {
  const sites = Array.from({ length: rng.int(4) }, () => rng.pick(['example.com', 'https://www.News.example.org/x', 'not a site', '', 'localhost', 'a..b', 'ÿ.com', 42, null]));
  const file: Record<string, unknown> = { format: EXPORT_FORMAT, exportedAt: new Date(0).toISOString(), settings: corruptedSettings(rng), sites };
  const roll = rng.int(10);
  if (roll === 0) file.format = rng.pick(['heat-notes', '', null, 'HEAT-NOTES-SETTINGS']);
  if (roll === 1) delete file.settings;
  if (roll === 2) file.sites = randomValue(rng);
  if (roll === 3) return JSON.stringify(randomValue(rng)) ?? 'undefined';
  let text = JSON.stringify(file, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
  if (roll === 4) text = text.slice(0, rng.int(text.length)); // cut short, as a failed download
  if (roll === 5) {
    const chars = [...text];
    for (let i = 1 + rng.int(4); i > 0; i--) chars[rng.int(chars.length)] = rng.pick(['{', '"', ',', '\u0000', '\\', ']', 'é']);
    text = chars.join('');
  }
  if (roll === 6) text = '\ufeff' + text; // a byte-order mark from a text editor
  if (roll === 7 && rng.chance(0.2)) text = text + ' '.repeat(70 * 1024); // a huge file
  return text;
}

/** A faithful copy of a value for before/after comparison (NaN, -0, undefined and key order kept). */
function snapshot(value: unknown): string {
  const seen = new Set<unknown>();
  const walk = (v: unknown): string => {
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (v === undefined) return 'undefined';
    if (typeof v !== 'object' || v === null) return JSON.stringify(v);
    if (seen.has(v)) return '<cycle>';
    seen.add(v);
    const out = Array.isArray(v) ? `[${v.map(walk).join(',')}]` : `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${walk((v as Record<string, unknown>)[k])}`).join(',')}}`;
    seen.delete(v);
    return out;
  };
  return walk(value);
}

// ---------------------------------------------------------------------------------------------------

describe(`fuzz: corrupted stored settings (base seed ${BASE_SEED})`, () => {
  it(`parseSettings: ${RUNS} corrupted values never throw, always give valid settings, keep every valid field`, () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = BASE_SEED + run;
      const at = `seed ${seed}`;
      const rng = prng(seed);
      const stored = corruptedSettings(rng);
      const before = snapshot(stored);
      let result: ReturnType<typeof parseSettings>;
      try {
        result = parseSettings(stored);
      } catch (error) {
        throw new Error(`${at}: parseSettings threw on ${before}: ${(error as Error).message}`);
      }
      expect(invalidity(result.settings), `${at}: ${before}`).toBe('');
      expect(snapshot(stored), `${at}: the stored value was modified`).toBe(before);
      expect(result.invalidFields.every((f) => typeof f === 'string' && f.length > 0), at).toBe(true);
      // Parsing valid settings again changes nothing and finds nothing to complain about.
      // (Through JSON, as storage keeps it: -0 comes back as 0.)
      const kept = JSON.parse(JSON.stringify(result.settings)) as Settings;
      expect(parseSettings(kept), at).toEqual({ settings: kept, invalidFields: [] });
      // What the user set and is still valid is kept, field by field (same version only: no migration).
      if (typeof stored === 'object' && stored !== null && !Array.isArray(stored) && (stored as Record<string, unknown>).version === SETTINGS_VERSION) {
        const source = stored as Record<string, unknown>;
        const target = result.settings as unknown as Record<string, unknown>;
        for (const field of BOOLEANS) if (typeof source[field] === 'boolean') expect(target[field], `${at}: ${field}`).toBe(source[field]);
        for (const [field, options] of Object.entries(CHOICES)) if (options.includes(source[field] as string)) expect(target[field], `${at}: ${field}`).toBe(source[field]);
      }
    }
  });
});

describe(`fuzz: corrupted import files (base seed ${BASE_SEED})`, () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it(`importSettings: ${RUNS} damaged files never throw; refusals say why; acceptances are valid; storage untouched`, async () => {
    // The user's settings as they stand before any import attempt.
    const mine = randomValidSettings(prng(BASE_SEED - 1));
    await saveSettings(mine);
    const stored = snapshot(await fakeBrowser.storage.sync.get(null));
    let refused = 0;
    let accepted = 0;
    for (let run = 0; run < RUNS; run++) {
      const seed = BASE_SEED + run;
      const rng = prng(seed);
      const text = corruptedImport(rng);
      const at = `seed ${seed}: ${text.slice(0, 300)}`;
      let result: ReturnType<typeof importSettings>;
      try {
        result = importSettings(text);
      } catch (error) {
        throw new Error(`${at}: importSettings threw: ${(error as Error).message}`);
      }
      if (result.ok) {
        accepted++;
        expect(invalidity(result.settings), at).toBe('');
        expect(new Set(result.sites).size, `${at}: duplicate sites`).toBe(result.sites.length);
        for (const site of result.sites) expect(normalizeSite(site), `${at}: site ${site}`).toBe(site);
        expect(result.notices.every((n) => typeof n === 'string' && n.length > 0), at).toBe(true);
      } else {
        refused++;
        expect(typeof result.reason, at).toBe('string');
        // A sentence a person can read, not a stack trace or an empty string.
        expect(result.reason, at).toMatch(/^[A-Z].{10,200}[.!]$/s);
        expect(result.reason, at).not.toMatch(/\bat \w+ \(|undefined|\[object/);
      }
    }
    // Reading files stores nothing: the user's settings are exactly as they were.
    expect(snapshot(await fakeBrowser.storage.sync.get(null))).toBe(stored);
    expect(await loadSettings()).toEqual(mine);
    // Both paths were exercised.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(accepted).toBeGreaterThan(RUNS / 10);
    console.log(`[fuzz-settings] imports: ${accepted} accepted, ${refused} refused`);
  });

  it(`an exported file imports back to the same settings and sites (${Math.round(RUNS / 4)} random settings)`, () => {
    for (let run = 0; run < RUNS / 4; run++) {
      const seed = BASE_SEED + run;
      const rng = prng(seed);
      const settings = randomValidSettings(rng);
      const sites = [...new Set(Array.from({ length: rng.int(5) }, () => rng.pick(['example.com', 'news.example.org', 'localhost', 'a.b.c.example'])))];
      const result = importSettings(exportSettings(settings, sites));
      expect(result, `seed ${seed}`).toEqual({ ok: true, settings, sites, notices: [] });
    }
  });
});

/**
 * User settings: their shape, defaults, validation, migration, and the JSON export format. Pure: the
 * storage wrapper lives in `settings-store.ts`, so this file tests in plain Node.
 *
 * Settings live in `storage.sync` (8 KB an item): everything here is small. Long lists (sites,
 * corrections) live elsewhere.
 */

export const SETTINGS_VERSION = 2;

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
/**
 * Predeclared `::highlight()` names, one per colour: highlight colours cannot be computed
 * (docs/platform-notes.md, "Painting marks").
 */
export const HIGHLIGHT_COLORS = ['amber', 'blue', 'green', 'pink'] as const;
export const TRIGGERS = ['hover', 'click', 'modifier'] as const;
export const MODIFIER_KEYS = ['Alt', 'Shift', 'Control', 'Meta'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const SITE_MODES = ['never', 'only'] as const;
export const CATEGORIES = ['films', 'people', 'characters', 'studios'] as const;

export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export type Trigger = (typeof TRIGGERS)[number];
export type ModifierKey = (typeof MODIFIER_KEYS)[number];
export type Theme = (typeof THEMES)[number];
export type SiteMode = (typeof SITE_MODES)[number];
export type Category = (typeof CATEGORIES)[number];

/** The card opens after the pointer rests this long; WCAG-friendly and never slower than 500 ms. */
export const OPEN_DELAY_RANGE = { min: 100, max: 500, default: 300 } as const;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Master switch: when off, no page is scanned and no highlight is painted. */
  enabled: boolean;
  /** Epoch milliseconds until which Heat Notes is paused everywhere ("Pause for an hour"), or 0. */
  pausedUntil: number;
  /** Whether the site list names the sites to skip, or the only sites to mark. */
  siteMode: SiteMode;
  /** Films; people; the two characters; studios and the festival. */
  categories: Record<Category, boolean>;
  highlightStyle: HighlightStyle;
  highlightColor: HighlightColor;
  /** Mark only the first mention of each entity on a page. */
  firstMentionOnly: boolean;
  trigger: Trigger;
  /** With the `modifier` trigger: the key to hold while hovering. */
  modifierKey: ModifierKey;
  openDelayMs: number;
  theme: Theme;
  /** The user has seen Heat: show facts about the ending without "Reveal". */
  spoilersRevealed: boolean;
  /** Keep a local history of pages where names were met. Off until the user turns it on. */
  rememberSightings: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  pausedUntil: 0,
  siteMode: 'never',
  categories: Object.freeze({ films: true, people: true, characters: true, studios: true }),
  highlightStyle: 'underline',
  highlightColor: 'amber',
  firstMentionOnly: false,
  trigger: 'hover',
  modifierKey: 'Alt',
  openDelayMs: OPEN_DELAY_RANGE.default,
  theme: 'system',
  spoilersRevealed: false,
  rememberSightings: false,
}) as Readonly<Settings>;

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories } };
}

type FieldCheck = (value: unknown) => boolean;

const oneOf =
  (options: readonly string[]): FieldCheck =>
  (value) =>
    typeof value === 'string' && options.includes(value);
const isBoolean: FieldCheck = (value) => typeof value === 'boolean';

/** Every field but `version` and `categories`, with what a valid value looks like. */
const FIELD_CHECKS: { [K in Exclude<keyof Settings, 'version' | 'categories'>]: FieldCheck } = {
  enabled: isBoolean,
  pausedUntil: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
  siteMode: oneOf(SITE_MODES),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  highlightColor: oneOf(HIGHLIGHT_COLORS),
  firstMentionOnly: isBoolean,
  trigger: oneOf(TRIGGERS),
  modifierKey: oneOf(MODIFIER_KEYS),
  openDelayMs: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= OPEN_DELAY_RANGE.min && value <= OPEN_DELAY_RANGE.max,
  theme: oneOf(THEMES),
  spoilersRevealed: isBoolean,
  rememberSightings: isBoolean,
};

/**
 * Earlier shapes, brought forward one version at a time. Version 1 held only `enabled`; anything it
 * did not know takes its default.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => ({ ...old, version: 2 }),
};

/** A plain object (not null, not an array): what stored or received data must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ParsedSettings {
  settings: Settings;
  /** Fields whose stored value was invalid and fell back to the default (for a visible notice). */
  invalidFields: string[];
}

/**
 * Reads whatever storage holds into valid settings. Older versions are migrated forward; each field
 * that is of the wrong type or out of range falls back to its default alone, and its name is
 * returned so the UI can say so. Missing fields take their defaults silently (a newer release adds
 * fields); unknown fields are dropped.
 */
export function parseSettings(stored: unknown): ParsedSettings {
  const settings = defaultSettings();
  if (stored === undefined || stored === null) return { settings, invalidFields: [] };
  if (!isRecord(stored)) return { settings, invalidFields: ['settings'] };

  let source = stored;
  let version = typeof source.version === 'number' ? source.version : 1;
  while (version < SETTINGS_VERSION && MIGRATIONS[version]) {
    source = MIGRATIONS[version]!(source);
    version++;
  }

  const invalidFields: string[] = [];
  const target = settings as unknown as Record<string, unknown>;
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    if (!Object.hasOwn(source, field)) continue;
    if (check(source[field])) target[field] = source[field];
    else invalidFields.push(field);
  }
  if (Object.hasOwn(source, 'categories')) {
    const categories = source.categories;
    if (!isRecord(categories)) invalidFields.push('categories');
    else {
      for (const category of CATEGORIES) {
        if (!Object.hasOwn(categories, category)) continue;
        if (typeof categories[category] === 'boolean') settings.categories[category] = categories[category];
        else invalidFields.push(`categories.${category}`);
      }
    }
  }
  return { settings, invalidFields };
}

/** Whether Heat Notes is paused at `now` by "Pause for an hour". */
export function isPaused(settings: Settings, now: number): boolean {
  return settings.pausedUntil > now;
}

/**
 * The words the UI shows for values of the data (`data/` holds no UI words): what kind of thing an
 * entity is, why a mention was marked, the reader's themes and text sizes. In the user's language,
 * from `public/_locales` (`lib/browser/i18n.ts`).
 */
import type { EntityKind } from '../../data/entities';
import type { MatchReason } from '../../lib/core/detection';
import { t, type PlainKey } from '../../lib/browser/i18n';
import type { ReaderTheme, TextSize } from '../reader/reader-prefs';

const KIND_KEYS: Readonly<Record<EntityKind, PlainKey>> = {
  film: 'kindFilm',
  person: 'kindPerson',
  character: 'kindCharacter',
  organization: 'kindOrganization',
  event: 'kindEvent',
};

/** "Film", "Person"…: as the card and the popup label an entity. */
export function kindLabel(kind: EntityKind): string {
  return t(KIND_KEYS[kind]);
}

const REASON_KEYS: Readonly<Record<MatchReason, PlainKey>> = {
  'full-name': 'reasonFullName',
  'marked-title': 'reasonMarkedTitle',
  'named-in-full': 'reasonNamedInFull',
  'related-names': 'reasonRelatedNames',
};

/** The card's "why this matched" line ("Marked because it is named in full."); none for a reason it does not know. */
export function reasonLine(reason: MatchReason | undefined): string | undefined {
  const key = reason && REASON_KEYS[reason];
  return key ? t(key) : undefined;
}

const THEME_KEYS: Readonly<Record<ReaderTheme, PlainKey>> = {
  system: 'themeSystem',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};

/** "Auto", "Light", "Sepia", "Dark". */
export function themeLabel(theme: ReaderTheme): string {
  return t(THEME_KEYS[theme]);
}

const SIZE_KEYS: Readonly<Record<TextSize, PlainKey>> = {
  small: 'sizeSmall',
  medium: 'sizeMedium',
  large: 'sizeLarge',
  larger: 'sizeLarger',
  largest: 'sizeLargest',
};

/** "Small", "Default"…: the text size as the reader controls show it. */
export function textSizeLabel(size: TextSize): string {
  return t(SIZE_KEYS[size]);
}

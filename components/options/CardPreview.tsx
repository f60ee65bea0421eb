import { EntityCard } from '../card/EntityCard';
import { cardEntity } from '../../data/catalog';
import type { EntityId } from '../../data/entities';
import { t, type PlainKey } from '../../lib/browser/i18n';
import type { Theme } from '../../lib/core/settings';
import '../card/card.css';
import './previews.css';

/**
 * Vincent Hanna rather than Al Pacino: his card holds a fact about the ending among the three it
 * shows, so "I’ve seen Heat" visibly changes the preview.
 */
const PREVIEW_ENTITY: EntityId = 'vincent-hanna';

const CAPTIONS: Readonly<Record<Theme, PlainKey>> = {
  system: 'optionsCardPreviewSystem',
  light: 'optionsCardPreviewLight',
  dark: 'optionsCardPreviewDark',
};

/** What the card's colour scheme is for a theme (`--hn-scheme`, as the in-page card host sets it). */
const SCHEMES: Record<Theme, string> = { system: 'light dark', light: 'light', dark: 'dark' };

/** The card as pages show it, in the chosen colours, with spoilers hidden or shown as chosen. */
export function CardPreview({ theme, spoilersRevealed }: { theme: Theme; spoilersRevealed: boolean }) {
  return (
    <figure class="card-preview" style={{ '--hn-scheme': SCHEMES[theme] }} data-theme={theme} aria-labelledby="card-preview-caption">
      <div class={`card-preview__stage card-preview__stage--${theme}`}>
        {/* Keyed by the setting, so a fact revealed by hand hides again when the setting goes off. */}
        <EntityCard
          key={String(spoilersRevealed)}
          entity={cardEntity(PREVIEW_ENTITY)}
          headingId="card-preview-heading"
          reason="full-name"
          spoilersRevealed={spoilersRevealed}
        />
      </div>
      <figcaption class="preview__caption" id="card-preview-caption">
        {t(CAPTIONS[theme])}
      </figcaption>
    </figure>
  );
}

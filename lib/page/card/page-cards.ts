import type { HoverCards, HoverCardsOptions } from './hover-card';
import type { MentionStepper } from '../keyboard/mention-stepper';
import type { PlacedMention } from '../mark/mention-index';
import { leftBy } from '../own-script';

/**
 * The cards and the keyboard path to the mentions, loaded when a page first has a mention. Most
 * pages hold none of our names, and the content script is compiled on every one of them: the code
 * that opens cards, follows the pointer and steps through the marks (`hover-card.ts` and all it
 * puts together, `mention-stepper.ts`) is a script of its own, `entrypoints/page-cards.ts`, imported
 * after the first paint that holds a mention or when the user asks to step through them.
 */

/** Where `page-cards.js` leaves what it exports (see `own-script.ts`). */
export const PAGE_CARDS_GLOBAL = '__heatNotesPageCards';

/** The cards on a page, and the keyboard path through its mentions, working with them. */
export interface Cards {
  readonly hover: HoverCards;
  readonly stepper: MentionStepper;
}

/** What `page-cards.js` provides. The card's own view, `card-ui.js`, it loads itself on first use. */
export interface PageCards {
  create(options: Omit<HoverCardsOptions, 'loadCard'>, mentions: () => readonly PlacedMention[]): Cards;
}

/** The one piece of the extension API this module uses; typed here, being the same in every browser. */
declare const chrome: { runtime: { getURL(path: string): string } };

/** Runs `page-cards.js` from its extension URL (the form Firefox's linter accepts; see `lazy-card.ts`). */
export async function importPageCards(): Promise<PageCards> {
  await import(/* @vite-ignore */ chrome.runtime.getURL('/page-cards.js'));
  return leftBy<PageCards>('page-cards.js', PAGE_CARDS_GLOBAL);
}

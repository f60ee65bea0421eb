import type { CardActions, CardAnchor, CardContent, CardView } from './card-view';
import type { Box } from './geometry';
import { leftBy, loadOnce } from '../own-script';

/**
 * The card, loaded when first needed. Most pages, even with our names in them, never open a card:
 * Preact, the card's component and stylesheet and Floating UI are a script of their own
 * (`entrypoints/card-ui.ts`), imported when the pointer first lands on a name. Until then there is no
 * card: nothing is open, nothing has focus, nothing on the page is ours.
 */

/** Where the card's script leaves what it exports (see `../own-script.ts`). */
export const CARD_UI_GLOBAL = '__heatNotesCardUi';

/** What the card's script provides. */
export interface CardUi {
  createCard(document: Document, actions: CardActions): CardView;
}

/** The one piece of the extension API this module uses; typed here, being the same in every browser. */
declare const chrome: { runtime: { getURL(path: string): string } };

/**
 * Runs the card's script from its extension URL and returns what it set up. The URL is asked of
 * `chrome.runtime` (`browser.runtime.getURL` is the same function) inside the `import()` itself: that
 * is the form Firefox's add-on linter recognises as the extension's own file, where an `import()` of
 * a variable is flagged as unsafe.
 */
export async function importCardUi(): Promise<CardUi> {
  await import(/* @vite-ignore */ chrome.runtime.getURL('/card-ui.js'));
  return leftBy<CardUi>('card-ui.js', CARD_UI_GLOBAL);
}

export class LazyCard implements CardView {
  #view: CardView | undefined;
  /** Loads the card's script and makes the card (once; again after a failure, warned of once). */
  readonly #prepare: () => Promise<void>;
  #destroyed = false;

  constructor(load: () => Promise<CardUi>, document: Document, actions: CardActions) {
    this.#prepare = loadOnce(async () => {
      const ui = await load();
      if (!this.#destroyed) this.#view ??= ui.createCard(document, actions);
    }, 'Heat Notes could not load its card:');
  }

  /** Loads the card's script (once; again after a failure). Resolves when a card can be shown. */
  prepare(): Promise<void> {
    return this.#prepare();
  }

  get isOpen(): boolean {
    return this.#view?.isOpen ?? false;
  }

  get hasFocus(): boolean {
    return this.#view?.hasFocus ?? false;
  }

  owns(target: EventTarget | null): boolean {
    return this.#view?.owns(target) ?? false;
  }

  rect(): Box | undefined {
    return this.#view?.rect();
  }

  show(content: CardContent, anchor: CardAnchor): void {
    this.#view?.show(content, anchor);
  }

  setPinned(pinned: boolean): void {
    this.#view?.setPinned(pinned);
  }

  hide(): void {
    this.#view?.hide();
  }

  focusInto(where: 'heading' | 'first' | 'last'): void {
    this.#view?.focusInto(where);
  }

  focusAtEdge(edge: 'first' | 'last'): boolean {
    return this.#view?.focusAtEdge(edge) ?? false;
  }

  restoreFocus(): void {
    this.#view?.restoreFocus();
  }

  /** Says `text` in the card's live region, once the card's script is there. */
  announce(text: string): void {
    if (this.#view) this.#view.announce(text);
    else void this.prepare().then(() => this.#view?.announce(text));
  }

  destroy(): void {
    this.#destroyed = true;
    this.#view?.destroy();
    this.#view = undefined;
  }
}

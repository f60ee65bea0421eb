import { render } from 'preact';
import { EntityCard } from '../../components/EntityCard';
import type { CardEntity } from '../../data/card-entity';
import type { MatchReason } from '../detection';
import type { EssayPassage } from '../messages';
import { UI_TAG } from './block-tags';
import { pickLine, placeCard, type Side } from './card-placement';
import type { Box, Point } from './safe-corridor';

/**
 * The one node Heat Notes adds to a page: `<heat-notes-ui>`, added at the end of <body> the first time
 * it is needed (or inside the open modal <dialog>, since everything outside one is inert), holding the
 * card and a live region in an open shadow root, so that page styles stay out and ours stay in. The
 * card is a manual popover, so it sits in the top layer above the page (an `auto` popover would close
 * the page's own).
 *
 * The shadow root is open, so page scripts can read the card: it shows essay content only.
 */

const HEADING_ID = 'heat-notes-card-heading';

/**
 * How long after clearing the live region its new text goes in: screen readers announce a change,
 * and a region that has just been added needs a moment to be noticed at all.
 */
const ANNOUNCE_DELAY_MS = 150;

/**
 * Styles for the host, the live region and the positioning wrapper; the card's own look is
 * `components/card.css`. `all: initial` on the host with `!important` (which beats the page's
 * `!important` rules, being the inner context) stops inherited page styles at the door, and
 * `display: contents` keeps the host out of the page's layout (no flex or grid gap for it). Every
 * custom property the card reads is set here, since custom properties inherit through the host.
 */
const HOST_CSS = `
:host { all: initial !important; display: contents !important; }
.hn-live { position: fixed; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.hn-popover {
  --hn-card-max-height: none;
  position: fixed;
  inset: auto;
  top: 0;
  left: 0;
  width: max-content;
  height: auto;
  max-width: none;
  max-height: none;
  margin: 0;
  padding: 0;
  border: 0;
  background: transparent;
  color: inherit;
  overflow: visible;
  z-index: 2147483647;
}
/* Where the viewport has no room for the whole card, the card scrolls. */
.hn-popover .hn-card { max-height: var(--hn-available-height, none); }
`;

/** The card's colour scheme: `light dark` follows the system. */
export type CardScheme = 'light' | 'dark' | 'light dark';

export interface CardContent {
  readonly entity: CardEntity;
  /** The mention's text on the page. */
  readonly surface: string;
  readonly reason?: MatchReason;
  readonly pinned: boolean;
  readonly spoilersRevealed: boolean;
  readonly scheme: CardScheme;
}

export interface CardAnchor {
  /** The mention's text, measured live. */
  readonly range: Range;
  /** Where the pointer was, to pick the line of a mention that wraps (none: opened from the keyboard). */
  readonly pointer?: Point;
}

export interface CardActions {
  /** The card must close on its own: × pressed, mention gone or scrolled away. */
  onDismiss(): void;
  onPin(pinned: boolean): void;
  /** "Not this one": the match is wrong. */
  onNotThis(): void;
  /**
   * The card's stylesheet (`components/card.css`), from the background: it is a fifth of the content
   * script's size budget, and only pages where a card opens need it.
   */
  loadStyles(): Promise<string>;
  loadParagraph(paragraph: string): Promise<EssayPassage | undefined>;
  openEssay(paragraph: string, quote?: string): void;
}

/**
 * The open modal dialog (the last one, when several are open), if any. Through the document's live
 * list of dialogs, which the browser keeps: a selector query would walk the whole page at every show.
 */
function openModalDialog(dialogs: HTMLCollectionOf<HTMLDialogElement>): HTMLDialogElement | null {
  for (let index = dialogs.length - 1; index >= 0; index--) {
    const dialog = dialogs[index]!;
    if (!dialog.open) continue;
    try {
      if (dialog.matches(':modal')) return dialog;
    } catch {
      return null; // no `:modal` support
    }
  }
  return null;
}

function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

export class CardHost {
  #host: HTMLElement | undefined;
  #shadow: ShadowRoot | undefined;
  #popover: HTMLElement | undefined;
  #live: HTMLElement | undefined;
  #announceTimer: number | undefined;
  #content: CardContent | undefined;
  #anchor: CardAnchor | undefined;
  /** The side of the line the card was put on; kept while it is shown. */
  #side: Side | undefined;
  #stopFollowing: (() => void) | undefined;
  #frame = 0;
  #open = false;
  /** Where focus was before it entered the card: it goes back there when the card closes. */
  #returnFocus: HTMLElement | null = null;
  #styles: Promise<void> | undefined;
  #styleText = '';
  #style: HTMLStyleElement | undefined;
  readonly #dialogs: HTMLCollectionOf<HTMLDialogElement>;
  readonly #view: Window;

  readonly #document: Document;
  readonly #actions: CardActions;

  constructor(document: Document, actions: CardActions) {
    this.#document = document;
    this.#actions = actions;
    this.#dialogs = document.getElementsByTagName('dialog');
    this.#view = document.defaultView ?? window;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Loads the card's styles (once; again after a failure). Resolves when a card can show styled. */
  prepare(): Promise<void> {
    this.#styles ??= this.#actions.loadStyles().then(
      (css) => {
        this.#styleText = css;
        if (this.#style) this.#style.textContent = `${css}\n${HOST_CSS}`;
      },
      () => {
        this.#styles = undefined;
      },
    );
    return this.#styles;
  }

  /** Whether an event target is our UI (events from inside a shadow root reach the page as its host). */
  owns(target: EventTarget | null): boolean {
    return target !== null && target === this.#host;
  }

  /** The card's visible box, while it is open. */
  rect(): Box | undefined {
    const card = this.#open ? this.#popover?.firstElementChild : undefined;
    return card ? card.getBoundingClientRect() : undefined;
  }

  /** Whether focus is inside the card. */
  get hasFocus(): boolean {
    const active = this.#shadow?.activeElement;
    return !!active && !!this.#popover?.contains(active);
  }

  show(content: CardContent, anchor: CardAnchor): void {
    const sameMention = this.#anchor?.range === anchor.range;
    const popover = this.#attach();
    this.#content = content;
    this.#anchor = anchor;
    if (!sameMention) this.#side = undefined;
    popover.style.setProperty('--hn-scheme', content.scheme);
    this.#render();
    if (!this.#open) {
      this.#open = true;
      popover.style.visibility = 'hidden'; // until placed
      if (supportsPopover(popover)) popover.showPopover();
      this.#follow(popover);
    }
    this.#place();
  }

  /** Shows the open card again with `pinned` changed. */
  setPinned(pinned: boolean): void {
    if (!this.#content || !this.#open) return;
    this.#content = { ...this.#content, pinned };
    this.#render();
  }

  hide(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    this.#anchor = undefined;
    this.#content = undefined;
    if (!this.#open || !this.#popover) return;
    if (this.hasFocus) this.restoreFocus();
    this.#open = false;
    render(null, this.#popover);
    if (supportsPopover(this.#popover)) {
      try {
        this.#popover.hidePopover();
      } catch {
        // already hidden (its host was moved or removed)
      }
    }
  }

  /** Moves focus into the card: its heading (pinned from the keyboard), or its first or last control. */
  focusInto(where: 'heading' | 'first' | 'last'): void {
    if (!this.#open || !this.#popover) return;
    const controls = this.#focusables();
    const target =
      where === 'heading' ? this.#popover.querySelector<HTMLElement>(`#${HEADING_ID}`) : controls[where === 'first' ? 0 : controls.length - 1];
    target?.focus({ preventScroll: true });
  }

  /** Whether focus is on the card's first (or last) control: Tab past it leaves the card. */
  focusAtEdge(edge: 'first' | 'last'): boolean {
    const controls = this.#focusables();
    const active = this.#shadow?.activeElement;
    return !!active && active === controls[edge === 'first' ? 0 : controls.length - 1];
  }

  /** Gives focus back to where it was before it entered the card. */
  restoreFocus(): void {
    const back = this.#returnFocus;
    this.#returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
    else (this.#shadow?.activeElement as HTMLElement | null)?.blur();
  }

  /** Says `text` in the live region (polite). */
  announce(text: string): void {
    if (!this.#live) this.#attach();
    const live = this.#live!;
    live.textContent = '';
    if (this.#announceTimer !== undefined) clearTimeout(this.#announceTimer);
    this.#announceTimer = this.#view.setTimeout(() => {
      this.#announceTimer = undefined;
      live.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  /** Closes and removes `<heat-notes-ui>` from the page. */
  destroy(): void {
    this.hide();
    if (this.#announceTimer !== undefined) clearTimeout(this.#announceTimer);
    this.#host?.remove();
    this.#host = undefined;
    this.#popover = undefined;
  }

  #focusables(): HTMLElement[] {
    return this.#popover ? [...this.#popover.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]')] : [];
  }

  #render(): void {
    const content = this.#content;
    const popover = this.#popover;
    const actions = this.#actions;
    if (!content || !popover) return;
    render(
      <EntityCard
        key={content.entity.id}
        entity={content.entity}
        reason={content.reason}
        headingId={HEADING_ID}
        onClose={actions.onDismiss}
        pinned={content.pinned}
        onPin={actions.onPin}
        loadParagraph={actions.loadParagraph}
        openEssay={actions.openEssay}
        spoilersRevealed={content.spoilersRevealed}
        onNotThis={actions.onNotThis}
        surface={content.surface}
      />,
      popover,
    );
  }

  /** Creates `<heat-notes-ui>` once, and puts it where a card can be seen and used right now. */
  #attach(): HTMLElement {
    const document = this.#document;
    if (!this.#host || !this.#popover) {
      const host = document.createElement(UI_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `${this.#styleText}\n${HOST_CSS}`;
      this.#style = style;
      const live = document.createElement('div');
      live.className = 'hn-live';
      live.setAttribute('role', 'status');
      const popover = document.createElement('div');
      popover.className = 'hn-popover';
      popover.setAttribute('role', 'dialog');
      popover.setAttribute('aria-modal', 'false');
      popover.setAttribute('aria-labelledby', HEADING_ID);
      if (supportsPopover(popover)) popover.setAttribute('popover', 'manual');
      popover.addEventListener('focusin', (event) => {
        const from = event.relatedTarget as HTMLElement | null;
        if (!from || !popover.contains(from)) this.#returnFocus = from;
      });
      shadow.append(style, live, popover);
      this.#host = host;
      this.#shadow = shadow;
      this.#popover = popover;
      this.#live = live;
    }
    const parent = openModalDialog(this.#dialogs) ?? document.body ?? document.documentElement;
    if (this.#host.parentNode !== parent) {
      if (this.#open) this.hide(); // moving a popover hides it
      parent.append(this.#host);
    }
    return this.#popover;
  }

  /** Keeps the card by its mention while the page scrolls or resizes, and while the card grows. */
  #follow(popover: HTMLElement): void {
    const update = () => {
      if (this.#frame) return;
      this.#frame = this.#view.requestAnimationFrame(() => {
        this.#frame = 0;
        this.#place();
      });
    };
    const options = { capture: true, passive: true };
    this.#document.addEventListener('scroll', update, options);
    this.#view.addEventListener('resize', update, options);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    observer?.observe(popover);
    this.#stopFollowing = () => {
      this.#document.removeEventListener('scroll', update, options);
      this.#view.removeEventListener('resize', update, options);
      observer?.disconnect();
      if (this.#frame) this.#view.cancelAnimationFrame(this.#frame);
      this.#frame = 0;
    };
  }

  #place(): void {
    const anchor = this.#anchor;
    const popover = this.#popover;
    const card = popover?.firstElementChild as HTMLElement | null | undefined;
    if (!this.#open || !anchor || !popover || !card) return;
    const view = this.#document.documentElement;
    const viewport = { width: view.clientWidth, height: view.clientHeight };
    const line = pickLine([...anchor.range.getClientRects()], anchor.pointer);
    if (!line || line.bottom < 0 || line.right < 0 || line.top > viewport.height || line.left > viewport.width) {
      this.#actions.onDismiss(); // the mention is gone, or scrolled out of view
      return;
    }
    // The natural size, whatever height cap the last placement set. The popover's size follows the
    // card's, and a ResizeObserver on it calls this again as the card grows or shrinks.
    const size = { width: card.offsetWidth, height: card.scrollHeight + card.offsetHeight - card.clientHeight };
    const placement = placeCard(line, size, viewport, this.#side);
    this.#side = placement.side;
    const below = placement.side === 'below';
    popover.style.setProperty('--hn-available-height', `${placement.maxHeight}px`);
    popover.style.left = `${placement.x}px`;
    popover.style.top = below ? `${placement.edge}px` : 'auto';
    popover.style.bottom = below ? 'auto' : `${viewport.height - placement.edge}px`;
    popover.style.visibility = 'visible';
  }
}

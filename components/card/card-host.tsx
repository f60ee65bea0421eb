import { render } from 'preact';
import { EntityCard } from './EntityCard';
import cardCss from './card.css?inline';
import { UI_TAG } from '../../lib/page/read/block-tags';
import { followAnchor } from '../../lib/page/card/card-position';
import type { CardActions, CardAnchor, CardContent, CardView } from '../../lib/page/card/card-view';
import type { Box, Point } from '../../lib/page/card/geometry';
import { isSwipeDown } from '../../lib/page/card/touch-gesture';

/**
 * The card in a web page. This module, with Preact, the card's component and stylesheet and Floating
 * UI, is the card's own script (`entrypoints/card-ui.ts`), loaded when a card is first needed; the
 * content script that runs in every page knows it only by its type (`CardView`, `lib/page/card/card-view.ts`).
 *
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
 * A card a finger opens in a viewport this narrow (CSS px) is a bottom sheet: fixed to the bottom,
 * full width, scrolling inside itself, closed by its × button, a tap outside or a swipe down its
 * header. Wider (a tablet), it is the usual card by the name. Phones are 320–480 px wide; a small
 * tablet held upright starts near 600.
 */
export const SHEET_MAX_WIDTH_PX = 600;

/** The class that makes the popover a bottom sheet (`HOST_CSS` here, `.hn-sheet` rules in `card.css`). */
const SHEET_CLASS = 'hn-sheet';

/**
 * How long after clearing the live region its new text goes in: screen readers announce a change,
 * and a region that has just been added needs a moment to be noticed at all.
 */
const ANNOUNCE_DELAY_MS = 150;

/**
 * Styles for the host, the live region and the positioning wrapper; the card's own look is
 * `components/card/card.css`. `all: initial` on the host with `!important` (which beats the page's
 * `!important` rules, being the inner context) stops inherited page styles at the door, and
 * `display: contents` keeps the host out of the page's layout (no flex or grid gap for it). Every
 * custom property the card reads is set here, since custom properties inherit through the host.
 */
const HOST_CSS = `
:host { all: initial !important; display: contents !important; }
.hn-live { position: fixed; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.hn-popover.hn-sheet {
  top: auto;
  right: 0;
  bottom: 0;
  left: 0;
  width: auto;
}
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
`;

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

export class CardHost implements CardView {
  #host: HTMLElement | undefined;
  #shadow: ShadowRoot | undefined;
  #popover: HTMLElement | undefined;
  #live: HTMLElement | undefined;
  #announceTimer: number | undefined;
  #content: CardContent | undefined;
  #anchor: CardAnchor | undefined;
  #stopFollowing: (() => void) | undefined;
  #open = false;
  /** Whether the open card is a bottom sheet. */
  #sheet = false;
  /** A finger dragging the sheet's header: where and when it went down. */
  #drag: { id: number; from: Point; at: number } | undefined;
  /** Where focus was before it entered the card: it goes back there when the card closes. */
  #returnFocus: HTMLElement | null = null;
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
    const popover = this.#attach(); // may close the card, moving it into a dialog
    const sheet = !!anchor.touch && this.#view.innerWidth <= SHEET_MAX_WIDTH_PX;
    const sameMention = this.#open && this.#anchor?.range === anchor.range && sheet === this.#sheet;
    this.#content = content;
    this.#anchor = anchor;
    this.#sheet = sheet;
    popover.classList.toggle(SHEET_CLASS, sheet);
    popover.style.setProperty('--hn-scheme', content.scheme);
    this.#render();
    if (!this.#open) {
      this.#open = true;
      if (supportsPopover(popover)) popover.showPopover();
    }
    if (sameMention) return;
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    if (sheet) {
      // Fixed to the bottom by its stylesheet: no placement by the name, and it stays while the page
      // scrolls behind it. Focus goes to its heading, so a screen reader reads the sheet that opened.
      popover.style.removeProperty('left');
      popover.style.removeProperty('top');
      popover.style.removeProperty('--hn-card-max-height');
      popover.style.visibility = 'visible';
      this.focusInto('heading');
      return;
    }
    popover.style.visibility = 'hidden'; // until placed
    this.#stopFollowing = followAnchor(anchor.range, popover, {
      pointer: anchor.pointer,
      onPlaced: () => (popover.style.visibility = 'visible'),
      onHidden: this.#actions.onDismiss, // the mention is gone, or scrolled out of view
    });
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
    this.#drag = undefined;
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

  /**
   * A finger dragging the sheet down by its header (the handle is drawn there) moves it along, and
   * closes it when let go far or fast enough (`isSwipeDown`); otherwise it settles back. The header
   * has `touch-action: none` in sheet mode, so the browser leaves the drag to us. Touch pointers are
   * captured by the element they went down on, so moves and the lift reach the popover.
   */
  #listenForSwipe(popover: HTMLElement): void {
    const card = () => popover.firstElementChild as HTMLElement | null;
    const settle = () => {
      const box = card();
      if (!box) return;
      box.style.removeProperty('transform');
      box.classList.remove('hn-card--dragging');
    };
    popover.addEventListener('pointerdown', (event) => {
      if (!this.#sheet || (event.pointerType !== 'touch' && event.pointerType !== 'pen') || !event.isPrimary) return;
      const head = popover.querySelector('.hn-card__head');
      if (!head || !(event.target instanceof Node) || !head.contains(event.target)) return;
      this.#drag = { id: event.pointerId, from: { x: event.clientX, y: event.clientY }, at: event.timeStamp };
    });
    popover.addEventListener('pointermove', (event) => {
      const drag = this.#drag;
      const box = card();
      if (!drag || drag.id !== event.pointerId || !box) return;
      const dy = Math.max(0, event.clientY - drag.from.y);
      box.classList.add('hn-card--dragging');
      box.style.transform = `translateY(${Math.round(dy)}px)`;
    });
    const end = (event: PointerEvent) => {
      const drag = this.#drag;
      if (!drag || drag.id !== event.pointerId) return;
      this.#drag = undefined;
      const to = { x: event.clientX, y: event.clientY };
      if (event.type === 'pointerup' && isSwipeDown(drag.from, to, event.timeStamp - drag.at)) {
        settle();
        this.#actions.onDismiss();
      } else {
        settle();
      }
    };
    popover.addEventListener('pointerup', end);
    popover.addEventListener('pointercancel', end);
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
      style.textContent = `${cardCss}\n${HOST_CSS}`;
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
      this.#listenForSwipe(popover);
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
}

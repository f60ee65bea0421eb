import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import cardCss from '../../components/card.css?inline';
import { EntityCard } from '../../components/EntityCard';
import type { CardEntity } from '../../data/card-entity';
import type { MatchReason } from '../detection';
import { UI_TAG } from './block-tags';

/**
 * The one node Heat Notes adds to a page: `<heat-notes-ui>`, added at the end of <body> the first time
 * a card opens (or inside the open modal <dialog>, since everything outside one is inert), holding the
 * card in an open shadow root so that page styles stay out and ours stay in. The card is a manual
 * popover, so it sits in the top layer above the page (an `auto` popover would close the page's own).
 *
 * The shadow root is open, so page scripts can read the card: it shows essay content only.
 */

const HEADING_ID = 'heat-notes-card-heading';

/** Gap between the mention and the card, in CSS px. */
const CARD_OFFSET_PX = 6;
/** Least distance between the card and the viewport's edges, in CSS px. */
const VIEWPORT_PADDING_PX = 8;

/**
 * Styles for the positioning wrapper; the card's own look is `components/card.css`. `all: initial` on
 * the host with `!important` (which beats page rules in the outer context) stops inherited page styles
 * at the door; the popover's UA box (centred, bordered, padded) is undone.
 */
const HOST_CSS = `
:host { all: initial !important; }
.hn-popover {
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
/* Where the viewport has no room for the whole card, the card scrolls (size() sets the height). */
.hn-popover .hn-card {
  max-height: var(--hn-available-height, none);
  overflow-y: auto;
  overscroll-behavior: contain;
}
`;

export interface CardContent {
  readonly entity: CardEntity;
  readonly reason?: MatchReason;
}

export interface CardAnchor {
  /** The mention's text, measured live. */
  readonly range: Range;
  /** Where the pointer was, to pick the line of a mention that wraps. */
  readonly pointer: { readonly x: number; readonly y: number };
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
  private host: HTMLElement | undefined;
  private popover: HTMLElement | undefined;
  private stopFollowing: (() => void) | undefined;
  /** Bumped on every show and hide, so a late placement of an older card is ignored. */
  private placement = 0;
  private open = false;
  private readonly dialogs: HTMLCollectionOf<HTMLDialogElement>;

  /** `onDismiss` is called when the card must close on its own: × pressed, mention gone or scrolled away. */
  constructor(
    private readonly document: Document,
    private readonly onDismiss: () => void,
  ) {
    this.dialogs = document.getElementsByTagName('dialog');
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Whether an event target is our UI (events from inside a shadow root reach the page as its host). */
  owns(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  show(content: CardContent, anchor: CardAnchor): void {
    const popover = this.attach();
    this.stopFollowing?.();
    const placement = ++this.placement;
    render(
      <EntityCard
        key={content.entity.id}
        entity={content.entity}
        reason={content.reason}
        onClose={this.onDismiss}
        headingId={HEADING_ID}
      />,
      popover,
    );
    if (!this.open) {
      this.open = true;
      popover.style.visibility = 'hidden'; // until placed
      if (supportsPopover(popover)) popover.showPopover();
    }
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.range.getBoundingClientRect(),
      getClientRects: () => anchor.range.getClientRects(),
      contextElement: anchor.range.startContainer.parentElement ?? undefined,
    };
    this.stopFollowing = autoUpdate(reference, popover, () => void this.place(reference, popover, anchor, placement));
  }

  hide(): void {
    this.placement++;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    if (!this.open || !this.popover) return;
    this.open = false;
    render(null, this.popover);
    if (supportsPopover(this.popover)) {
      try {
        this.popover.hidePopover();
      } catch {
        // already hidden (its host was moved or removed)
      }
    }
  }

  /** Closes and removes `<heat-notes-ui>` from the page. */
  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.popover = undefined;
  }

  /** Creates `<heat-notes-ui>` once, and puts it where a card can be seen and used right now. */
  private attach(): HTMLElement {
    const document = this.document;
    if (!this.host || !this.popover) {
      const host = document.createElement(UI_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `${cardCss}\n${HOST_CSS}`;
      const popover = document.createElement('div');
      popover.className = 'hn-popover';
      popover.setAttribute('role', 'dialog');
      popover.setAttribute('aria-modal', 'false');
      popover.setAttribute('aria-labelledby', HEADING_ID);
      if (supportsPopover(popover)) popover.setAttribute('popover', 'manual');
      shadow.append(style, popover);
      this.host = host;
      this.popover = popover;
    }
    const parent = openModalDialog(this.dialogs) ?? document.body ?? document.documentElement;
    if (this.host.parentNode !== parent) {
      if (this.open) this.hide(); // moving a popover hides it
      parent.append(this.host);
    }
    return this.popover;
  }

  private async place(reference: VirtualElement, popover: HTMLElement, anchor: CardAnchor, placement: number): Promise<void> {
    const box = reference.getBoundingClientRect();
    const view = this.document.documentElement;
    const gone = box.width === 0 && box.height === 0;
    const outOfView = box.bottom < 0 || box.right < 0 || box.top > view.clientHeight || box.left > view.clientWidth;
    if (gone || outOfView) {
      this.onDismiss();
      return;
    }
    const { x, y } = await computePosition(reference, popover, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(anchor.pointer),
        offset(CARD_OFFSET_PX),
        // Below the name, else above it, else beside it: never over it while there is room.
        flip({
          padding: VIEWPORT_PADDING_PX,
          crossAxis: false, // a card that only sticks out sideways is shifted, not flipped
          fallbackPlacements: ['top-start', 'right-start', 'left-start'],
        }),
        // Along the name's line (or column, beside it); before size(), which then knows that axis is free.
        shift({ padding: VIEWPORT_PADDING_PX }),
        size({
          padding: VIEWPORT_PADDING_PX,
          apply: ({ availableHeight }) => {
            popover.style.setProperty('--hn-available-height', `${Math.max(0, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    });
    if (placement !== this.placement) return;
    popover.style.left = `${x}px`;
    popover.style.top = `${y}px`;
    popover.style.visibility = 'visible';
  }
}

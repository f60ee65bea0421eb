import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size, type Padding, type VirtualElement } from '@floating-ui/dom';
import type { Point } from './geometry';

/**
 * Keeps a card next to what it is about, with Floating UI: below the line, else above it, never over
 * it; shifted along the line to stay inside the viewport; on the line under the pointer when a name
 * wraps; scrolling inside itself where neither side has room. It follows scrolling (the page's and any
 * scrolling box around the name), resizing, and the card's own growth. Used by the card in web pages
 * (`components/card/card-host.tsx`) and by the essay view's cards.
 */

/** Gap between the line and the card, in CSS px. */
export const CARD_OFFSET_PX = 6;
/** Least distance between the card and the viewport's edges, in CSS px. */
export const VIEWPORT_PADDING_PX = 8;
/**
 * The card's height is capped at the room on its side, but never below this (or its natural height):
 * a card squeezed smaller overflows its side, and the next placement moves it to the roomier one.
 * The cap is also what keeps a card on its side while it is shown: a card that grows ("More from the
 * essay") scrolls inside itself rather than jumping across the line, away from the pointer.
 */
export const MIN_CARD_HEIGHT_PX = 120;

/** The custom property the card's stylesheet reads its height cap from (`components/card/card.css`). */
const MAX_HEIGHT_PROPERTY = '--hn-card-max-height';

export interface FollowOptions {
  /** Room kept clear at the viewport's edges: VIEWPORT_PADDING_PX by default. */
  readonly padding?: Padding;
  /** Where the pointer was: a name that wraps is placed by the line under it (none: the keyboard). */
  readonly pointer?: Point;
  /** After each placement (the card's `left` and `top` are set). */
  readonly onPlaced?: () => void;
  /**
   * The name has gone from view: scrolled away, clipped by a scrolling box, or removed. Without this
   * the card stays put until its owner closes it.
   */
  readonly onHidden?: () => void;
}

/** What a card is placed against: an element (the essay's marks) or a range of page text. */
export type PlacementAnchor = Element | Range;

/** A range as Floating UI takes it, with the element around it so that its scrolling boxes are followed. */
function rangeReference(range: Range): VirtualElement {
  const node = range.startContainer;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node.parentElement ?? undefined),
  };
}

function hasBox(anchor: PlacementAnchor): boolean {
  for (const rect of anchor.getClientRects()) if (rect.width > 0 || rect.height > 0) return true;
  return false;
}

/**
 * Places `floating` (a `position: fixed` element, in the top layer or not) by `anchor`, now and
 * whenever the layout changes, until the returned function is called.
 */
export function followAnchor(anchor: PlacementAnchor, floating: HTMLElement, options: FollowOptions = {}): () => void {
  const padding = options.padding ?? VIEWPORT_PADDING_PX;
  const reference = anchor instanceof Element ? anchor : rangeReference(anchor);
  // A new card is measured at its natural height: the cap from the last one would choose its side.
  floating.style.removeProperty(MAX_HEIGHT_PROPERTY);
  let following = true;
  const update = () => {
    if (options.onHidden && !hasBox(anchor)) {
      options.onHidden();
      return;
    }
    // Its height as if uncapped: what it has to show, scrolled or not, plus its borders.
    const card = floating.firstElementChild as HTMLElement | null;
    const naturalHeight = card ? card.scrollHeight + card.offsetHeight - card.clientHeight : 0;
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(options.pointer),
        offset(CARD_OFFSET_PX),
        // Where neither side has room for the whole card: the roomier one.
        flip({ padding, crossAxis: false, fallbackStrategy: 'bestFit' }),
        shift({ padding }),
        size({
          padding,
          apply({ availableHeight }) {
            const cap = Math.max(Math.floor(availableHeight), Math.min(naturalHeight, MIN_CARD_HEIGHT_PX));
            floating.style.setProperty(MAX_HEIGHT_PROPERTY, `${cap}px`);
          },
        }),
        ...(options.onHidden ? [hide({ strategy: 'referenceHidden' })] : []),
      ],
    }).then(({ x, y, middlewareData }) => {
      if (!following) return; // placed after the card closed
      if (middlewareData.hide?.referenceHidden) {
        options.onHidden?.();
        return;
      }
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
      options.onPlaced?.();
    });
  };
  const stop = autoUpdate(reference, floating, update);
  return () => {
    following = false;
    stop();
  };
}

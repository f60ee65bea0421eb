import type { CardEntity } from '../../../data/card-entity';
import type { MatchReason } from '../../core/detection';
import type { EssayPassage } from '../../core/messages';
import type { Box, Point } from './geometry';

/**
 * The card as the content script knows it: only these types. The card itself (`CardHost` in
 * `components/card/card-host.tsx`, with Preact, the card's component and stylesheet and Floating UI) is the
 * card's own script, `entrypoints/card-ui.ts`, loaded when a card is first needed (`lazy-card.ts`).
 */

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
  /**
   * Opened by a finger or a pen (a tap or a long press). On a narrow screen such a card is a bottom
   * sheet (`components/card/card-host.tsx`) rather than a card by the name.
   */
  readonly touch?: boolean;
}

export interface CardActions {
  /** The card must close on its own: × pressed, mention gone or scrolled away. */
  onDismiss(): void;
  onPin(pinned: boolean): void;
  /** "Not this one": the match is wrong. */
  onNotThis(): void;
  loadParagraph(paragraph: string): Promise<EssayPassage | undefined>;
  openEssay(paragraph: string, quote?: string): void;
}

/** What the content script uses of the card: `CardHost`'s public side. */
export interface CardView {
  readonly isOpen: boolean;
  readonly hasFocus: boolean;
  owns(target: EventTarget | null): boolean;
  rect(): Box | undefined;
  show(content: CardContent, anchor: CardAnchor): void;
  setPinned(pinned: boolean): void;
  hide(): void;
  focusInto(where: 'heading' | 'first' | 'last'): void;
  focusAtEdge(edge: 'first' | 'last'): boolean;
  restoreFocus(): void;
  announce(text: string): void;
  destroy(): void;
}

import type { CardEntity } from '../../../data/card-entity';
import type { EntityId } from '../../../data/entities';
import type { EssayPassage } from '../../core/messages';
import type { Mention } from '../../core/detection';
import type { ModifierKey, Theme, Trigger } from '../../core/settings';
import type { CardScheme } from './card-view';
import type { Timers } from '../../core/timers';
import type { MentionHit } from '../mark/hit-test';
import { CardKeys } from './card-keys';
import { EntityCache } from './entity-cache';
import { HoverIntent, OPEN_DELAY_MS } from './hover-intent';
import { LazyCard, type CardUi } from './lazy-card';
import { MentionFlash } from './mention-flash';
import { sameMention, type MentionIndex, type PlacedMention } from '../mark/mention-index';
import { darkBehind } from './page-theme';
import { PointerTracker, type PointedMention } from './pointer-tracker';
import { isTouch, TouchCards } from './touch-cards';

/**
 * The cards on the page: what opens and closes them, put together. Resting the pointer on a mention
 * (`pointer-tracker.ts`: hit-tests, scrolling, the safe corridor) feeds `HoverIntent`, which opens
 * and closes the card (`components/card/card-host.tsx`, loaded on first use through `LazyCard`); so do a
 * click with the `click` trigger, a tap or long press (`touch-cards.ts`), and the keyboard path to
 * the mentions (`mention-stepper.ts`, through `StepperCards`). The card follows WCAG 1.4.13:
 * dismissible (Escape, `card-keys.ts`), hoverable (the pointer can travel to it and stay on it),
 * persistent (open until the pointer leaves, or pinned until closed). `entity-cache.ts` holds what
 * the cards show; `mention-flash.ts` the popup's "show me where".
 */

/** The settings the cards follow. */
export interface CardSettings {
  /** What opens a card: resting the pointer, a click, or resting while holding `modifierKey`. */
  readonly trigger: Trigger;
  readonly modifierKey: ModifierKey;
  readonly openDelayMs: number;
  readonly theme: Theme;
  readonly spoilersRevealed: boolean;
}

const MODIFIER_HELD: Record<ModifierKey, (event: MouseEvent | KeyboardEvent) => boolean> = {
  Alt: (event) => event.altKey,
  Shift: (event) => event.shiftKey,
  Control: (event) => event.ctrlKey,
  Meta: (event) => event.metaKey,
};

export interface HoverCardsOptions {
  readonly document: Document;
  readonly window: Window;
  /** What the card shows of an entity; asked of the background, so the page script carries no facts. */
  readonly lookup: (entity: EntityId) => Promise<CardEntity | undefined>;
  /** One essay paragraph, for "More from the essay" (from the background too). */
  readonly loadParagraph: (paragraph: string) => Promise<EssayPassage | undefined>;
  /** Opens the essay at a paragraph ("Read in the essay"). */
  readonly openEssay: (paragraph: string, quote?: string) => void;
  /** The card's own script (`lazy-card.ts`), loaded the first time a card is needed. */
  readonly loadCard: () => Promise<CardUi>;
  /** "Not this one" on a card: the user says this match is wrong. */
  readonly notThis: (mention: Mention) => void;
  /** A card was shown for `entity` (by pointer, keyboard or touch): the side panel follows it. */
  readonly shown?: (entity: CardEntity) => void;
  /** The mention under a viewport point. */
  readonly hitTest: (x: number, y: number) => MentionHit | undefined;
  /** Paints the mention under the pointer or with its card open as active (or none). */
  readonly setActive: (range: AbstractRange | undefined) => void;
  /** `ctx.addEventListener`, so every listener goes when the content script ends. */
  readonly listen: <T extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: T) => void,
    options?: AddEventListenerOptions,
  ) => void;
  readonly requestFrame: (callback: () => void) => number;
  /** The content script's timers (`ctx.setTimeout`), cancelled with it. */
  readonly timers: Timers;
}

/** What the keyboard path (`mention-stepper.ts`) needs of the cards. */
export interface StepperCards {
  /** The mention whose card is open. */
  readonly current: PlacedMention | undefined;
  /** Opens a mention's card at once, held open until the pointer takes over; resolves when it shows. */
  openFromKeyboard(hit: MentionHit): Promise<void>;
  /** What the card shows of an entity. */
  entity(id: EntityId): Promise<CardEntity | undefined>;
  /** Says `text` in the card's live region. */
  announce(text: string): void;
  /** Marks a mention as active for about a second. */
  flash(range: AbstractRange, reducedMotion: boolean): void;
}

export class HoverCards implements StepperCards {
  readonly #card: LazyCard;
  readonly #intent: HoverIntent<PointedMention>;
  readonly #keys: CardKeys;
  readonly #touch: TouchCards;
  readonly #flash: MentionFlash;
  readonly #entities: EntityCache;
  readonly #pointer: PointerTracker;
  #settings: CardSettings = { trigger: 'hover', modifierKey: 'Alt', openDelayMs: OPEN_DELAY_MS, theme: 'system', spoilersRevealed: false };
  /** With the `modifier` trigger: whether the key is held now. */
  #modifierHeld = false;
  /** Resolves when the card being opened is shown (or was not, the entity being unknown). */
  #opening: Promise<void> = Promise.resolve();

  readonly #options: HoverCardsOptions;

  constructor(options: HoverCardsOptions) {
    this.#options = options;
    const { timers } = options;
    this.#entities = new EntityCache(options.lookup);
    this.#flash = new MentionFlash(timers, () => this.#paintActive());
    this.#card = new LazyCard(options.loadCard, options.document, {
      onDismiss: () => this.close(),
      onPin: (pinned) => this.#pin(pinned, false),
      onNotThis: () => {
        const open = this.#intent.current;
        if (!open) return;
        this.close();
        options.notThis(open.placed.mention);
      },
      loadParagraph: options.loadParagraph,
      openEssay: options.openEssay,
    });
    this.#keys = new CardKeys(this.#card, {
      close: () => this.close(),
      isPinned: () => this.#intent.pinned,
      setPinned: (pinned) => this.#pin(pinned, true),
    });
    this.#pointer = new PointerTracker({
      document: options.document,
      requestFrame: options.requestFrame,
      timers,
      hitTest: options.hitTest,
      ownsCard: (target) => this.#card.owns(target),
      cardRect: () => this.#card.rect(),
      openMention: () => this.#intent.current?.placed,
      onCard: () => this.#intent.pointerOnCard(),
      onWayToCard: () => {
        this.#intent.pointerOnCard();
        this.#paintActive();
      },
      at: (hit, restedMs) => this.#pointerAt(hit, restedMs),
    });
    this.#touch = new TouchCards({
      document: options.document,
      timers,
      ownsCard: (target) => this.#card.owns(target),
      hitTest: options.hitTest,
      prefetch: (hit) => this.#prefetch(hit),
      open: (hit, pointer) => {
        this.#pointer.openedOn(undefined);
        this.#intent.openNow({ ...hit, pointer, touch: true }, 'keyboard');
        this.#paintActive();
      },
      tappedElsewhere: () => {
        if (!this.#intent.pinned) this.close();
      },
    });
    this.#intent = new HoverIntent<PointedMention>({
      same: (a, b) => sameMention(a.placed, b.placed),
      open: (target) => {
        this.#opening = Promise.all([this.entity(target.placed.mention.entity), this.#card.prepare()]).then(([entity]) => {
          // The pointer may have moved on while the background answered.
          if (!entity || this.#intent.current !== target) return;
          this.#card.show(
            {
              entity,
              surface: target.placed.mention.text,
              reason: target.placed.mention.reason,
              pinned: this.#intent.pinned,
              spoilersRevealed: this.#settings.spoilersRevealed,
              scheme: this.#scheme(target.range),
            },
            { range: target.range, pointer: target.pointer, touch: target.touch },
          );
          this.#paintActive();
          options.shown?.(entity);
        });
      },
      close: () => {
        this.#keys.closed();
        this.#pointer.cardClosed();
        this.#card.hide();
        this.#paintActive();
      },
      timers,
    });
  }

  start(): void {
    const { document, window, listen } = this.#options;
    const passive = { capture: true, passive: true };
    listen<PointerEvent>(document, 'pointermove', (event) => this.#onPointerMove(event), passive);
    listen<PointerEvent>(
      document,
      'pointerout',
      (event) => {
        if (event.relatedTarget === null) this.#pointerLeft(); // left the window
      },
      passive,
    );
    listen<PointerEvent>(
      document,
      'pointerdown',
      (event) => {
        if (isTouch(event)) this.#touch.down(event);
        else if (!this.#card.owns(event.target) && !this.#intent.pinned) this.close();
      },
      passive,
    );
    listen<PointerEvent>(document, 'pointerup', (event) => this.#touch.up(event), passive);
    listen<PointerEvent>(document, 'pointercancel', (event) => this.#touch.cancel(event), passive);
    const afterLongPress = (event: Event) => this.#touch.afterLongPress(event);
    listen(window, 'click', afterLongPress, { capture: true });
    listen(window, 'contextmenu', afterLongPress, { capture: true });
    listen<MouseEvent>(window, 'mousedown', (event) => this.#touch.afterTap(event), { capture: true });
    listen(
      document,
      'scroll',
      () => {
        this.#pointer.scrolled();
        this.#intent.cancelPendingOpen();
      },
      passive,
    );
    listen<MouseEvent>(document, 'click', (event) => this.#onClick(event), passive);
    listen<KeyboardEvent>(
      window,
      'keydown',
      (event) => {
        this.#onModifier(event);
        this.#keys.onKeyDown(event);
      },
      { capture: true },
    );
    listen<KeyboardEvent>(window, 'keyup', (event) => this.#onModifier(event), passive);
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden' && !this.#intent.pinned) this.close();
    });
  }

  /** The card settings (trigger, rest delay, theme, spoilers); an open card keeps its look until it reopens. */
  configure(settings: CardSettings): void {
    if (settings.trigger !== this.#settings.trigger && !this.#intent.pinned) this.close();
    this.#settings = settings;
    this.#intent.setOpenDelay(settings.openDelayMs);
  }

  get current(): PlacedMention | undefined {
    return this.#intent.current?.placed;
  }

  /** Closes the card now (focus inside it goes back where it was). */
  close(): void {
    this.#intent.dismiss();
  }

  async openFromKeyboard(hit: MentionHit): Promise<void> {
    this.#intent.openNow({ placed: hit.placed, range: hit.range }, 'keyboard');
    this.#paintActive();
    await this.#opening;
  }

  announce(text: string): void {
    this.#card.announce(text);
  }

  /** What the card shows of an entity (asked of the background once per page). */
  entity(id: EntityId): Promise<CardEntity | undefined> {
    return this.#entities.get(id);
  }

  /** Marks a mention as active for about a second (once, steadily, with reduced motion; else it blinks). */
  flash(range: AbstractRange, reducedMotion: boolean): void {
    this.#flash.flash(range, reducedMotion);
  }

  /** The page's mentions were repainted: a card whose mention is gone closes. */
  mentionsChanged(index: MentionIndex): void {
    const open = this.#intent.current;
    if (open && !index.mentions.some((placed) => sameMention(placed, open.placed))) this.close();
    this.#pointer.keepIf((under) => index.mentions.some((placed) => sameMention(placed, under)));
    this.#paintActive();
  }

  /** Closes the card and removes `<heat-notes-ui>` (the content script ends). */
  destroy(): void {
    this.close();
    this.#flash.stop();
    this.#card.destroy();
  }

  // Pointer --------------------------------------------------------------------------------------

  #onPointerMove(event: PointerEvent): void {
    if (isTouch(event)) {
      this.#touch.move(event); // no hover on touch
      return;
    }
    this.#modifierHeld = MODIFIER_HELD[this.#settings.modifierKey](event);
    this.#pointer.moved(event);
  }

  /** The pointer rests on a mention, or on none. */
  #pointerAt(hit: PointedMention | undefined, restedMs: number): void {
    // Ask for the card's content as soon as the pointer lands: the rest delay hides the round trip.
    if (hit) this.#prefetch(hit);
    const { trigger } = this.#settings;
    // A click opens the card in the `click` mode; the pointer only shows what a click would open.
    if (trigger !== 'click') this.#intent.pointerOn(trigger === 'hover' || this.#modifierHeld ? hit : undefined, restedMs);
    this.#paintActive();
  }

  #prefetch(hit: MentionHit): void {
    void this.entity(hit.placed.mention.entity);
    void this.#card.prepare();
  }

  #pointerLeft(): void {
    this.#pointer.left();
    this.#intent.pointerOn(undefined);
    this.#paintActive();
  }

  // Clicks and keys ------------------------------------------------------------------------------

  /** With the `click` trigger: a click on a mention opens its card (a link's click stays the link's). */
  #onClick(event: MouseEvent): void {
    if (this.#settings.trigger !== 'click' || event.button !== 0 || this.#card.owns(event.target)) return;
    // A tap's click: the tap was handled when the finger lifted.
    if ((event as PointerEvent).pointerType === 'touch' || (event as PointerEvent).pointerType === 'pen') return;
    if (this.#touch.clickIsTap) return;
    if (event.target instanceof Element && event.target.closest('a[href]')) return;
    const selection = this.#options.document.getSelection();
    if (selection && !selection.isCollapsed) return; // the click ended a selection
    const found = this.#options.hitTest(event.clientX, event.clientY);
    if (!found) return;
    const clicked = { ...found, pointer: { x: event.clientX, y: event.clientY } };
    this.#pointer.openedOn(clicked);
    this.#intent.openNow(clicked, 'keyboard');
    this.#paintActive();
  }

  /** With the `modifier` trigger: pressing or letting go of the key while the pointer rests counts as a move. */
  #onModifier(event: KeyboardEvent): void {
    if (this.#settings.trigger !== 'modifier' || event.key !== this.#settings.modifierKey) return;
    const held = event.type === 'keydown';
    if (held === this.#modifierHeld) return;
    this.#modifierHeld = held;
    this.#pointer.recheck(event.timeStamp);
  }

  #pin(pinned: boolean, fromKeyboard: boolean): void {
    if (!this.#intent.current) return;
    this.#intent.pin(pinned);
    this.#card.setPinned(pinned);
    this.#keys.pinned(pinned, fromKeyboard);
  }

  // Looks ----------------------------------------------------------------------------------------

  /** The card's colours: the user's theme; with "system", dark on a dark page too. */
  #scheme(range: Range): CardScheme {
    const { theme } = this.#settings;
    if (theme !== 'system') return theme;
    const node = range.startContainer;
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    return darkBehind(element, this.#options.window) ? 'dark' : 'light dark';
  }

  #paintActive(): void {
    this.#options.setActive(this.#flash.range ?? (this.#intent.current ?? this.#pointer.under)?.placed.range);
  }
}

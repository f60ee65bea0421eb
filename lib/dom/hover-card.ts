import type { CardEntity } from '../../data/card-entity';
import type { EntityId } from '../../data/entities';
import type { EssayPassage } from '../messages';
import type { Mention } from '../detection';
import type { ModifierKey, Theme, Trigger } from '../settings';
import type { CardScheme } from './card-view';
import type { MentionHit } from './hit-test';
import { HoverIntent, OPEN_DELAY_MS } from './hover-intent';
import { LazyCard, type CardUi } from './lazy-card';
import { sameMention, type MentionIndex, type PlacedMention } from './mention-index';
import { darkBehind } from './page-theme';
import { inSafeCorridor, type Point } from './safe-corridor';
import { TouchPress } from './touch-gesture';

/**
 * Resting the pointer on a mention opens its card: pointer moves, at most one hit-test per animation
 * frame, feed `HoverIntent`, which opens and closes the card (`CardHost`, loaded on first use through
 * `LazyCard`). The card follows WCAG 1.4.13: dismissible (Escape), hoverable (the pointer can travel
 * to it through a safe corridor and stay on it), persistent (open until the pointer leaves, or pinned
 * until closed). No card opens while the user selects text or scrolls. The keyboard path
 * (`mention-stepper.ts`) opens cards here too.
 */

/**
 * Hit-tests wait this long after the page scrolls: the text moves under a still pointer, and a card
 * popping up over whatever name passes by would interrupt reading.
 */
export const SCROLL_SETTLE_MS = 150;

/** How long `flash` marks a mention (the popup's "show me where"). */
export const FLASH_MS = 1000;

/** After a long press opens a card, the click and context menu that may follow within this time are ours. */
const LONG_PRESS_AFTERMATH_MS = 1000;

/** A finger or a pen: input that has no hover (docs/platform-notes.md). */
function isTouch(event: PointerEvent): boolean {
  return event.pointerType === 'touch' || event.pointerType === 'pen';
}

/** The link a mention's text lies in, if any: a tap there is the link's. */
function linkAround(range: Range): Element | null {
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest('a[href]') ?? null;
}

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
  readonly setTimeout: (callback: () => void, ms: number) => number;
  readonly clearTimeout: (id: number) => void;
}

/** A mention a card is for, with where the pointer was (none when the keyboard opened it). */
interface CardTarget extends MentionHit {
  readonly pointer?: Point;
  /** Opened by a finger or a pen (a tap or a long press): on a narrow screen the card is a bottom sheet. */
  readonly touch?: boolean;
}

/** Whether a key event comes from a place where the user types (a P there is a letter, not a command). */
function fromEditable(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName);
}

export class HoverCards {
  readonly #card: LazyCard;
  readonly #intent: HoverIntent<CardTarget>;
  #settings: CardSettings = { trigger: 'hover', modifierKey: 'Alt', openDelayMs: OPEN_DELAY_MS, theme: 'system', spoilersRevealed: false };
  /** With the `modifier` trigger: whether the key is held now. */
  #modifierHeld = false;
  #framePending = false;
  #pointer: Point = { x: 0, y: 0 };
  /** When the last pointer move happened (`performance.now()` time). */
  #movedAt = 0;
  #buttonsHeld = false;
  #pointerTarget: EventTarget | null = null;
  #underPointer: CardTarget | undefined;
  /** Where the pointer left the open card's mention: the narrow end of the safe corridor. */
  #corridorFrom: Point | undefined;
  #scrolledAt = -Infinity;
  #settleTimer: number | undefined;
  /** The first Tab after pinning goes into the card. */
  #tabIntoCard = false;
  #flashing: AbstractRange | undefined;
  #flashTimers: number[] = [];
  /** The finger (or pen) on the page now, with the mention it went down on. */
  #press: { press: TouchPress; id: number; hit: MentionHit | undefined; onCard: boolean } | undefined;
  /** Until when a click or context menu is the aftermath of a long press (`performance.now()` time). */
  #longPressUntil = -Infinity;
  /** Until when a click is the one a touch tap makes (handled on the finger's lift). */
  #touchClickUntil = -Infinity;
  /** Resolves when the card being opened is shown (or was not, the entity being unknown). */
  #opening: Promise<void> = Promise.resolve();
  /** One lookup per entity per page: cards reopen at once, and a failed lookup is tried again. */
  readonly #entities = new Map<EntityId, Promise<CardEntity | undefined>>();

  readonly #options: HoverCardsOptions;

  constructor(options: HoverCardsOptions) {
    this.#options = options;
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
    this.#intent = new HoverIntent<CardTarget>({
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
        this.#tabIntoCard = false;
        this.#corridorFrom = undefined;
        this.#card.hide();
        this.#paintActive();
      },
      timers: { set: options.setTimeout, clear: options.clearTimeout },
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
        if (isTouch(event)) this.#onTouchDown(event);
        else if (!this.#card.owns(event.target) && !this.#intent.pinned) this.close();
      },
      passive,
    );
    listen<PointerEvent>(document, 'pointerup', (event) => this.#onTouchUp(event), passive);
    listen<PointerEvent>(
      document,
      'pointercancel',
      (event) => {
        if (this.#press?.id === event.pointerId) this.#endPress();
      },
      passive,
    );
    // After a long press opened a card, the click it may still make must not follow a link, nor the
    // press open the browser's context menu: only then is anything of the page's held back.
    const afterLongPress = (event: Event) => {
      // A browser whose own long press comes before ours (its context menu): the press is ours now.
      const current = this.#press;
      if (event.type === 'contextmenu' && current?.hit && !current.press.moved && !current.press.longPressed) {
        current.press.cancel();
        this.#onLongPress();
      }
      if (performance.now() < this.#longPressUntil) {
        event.preventDefault();
        event.stopPropagation();
        if (event.type === 'click') this.#longPressUntil = -Infinity;
      }
    };
    listen(window, 'click', afterLongPress, { capture: true });
    listen(window, 'contextmenu', afterLongPress, { capture: true });
    listen(
      document,
      'scroll',
      () => {
        this.#scrolledAt = performance.now();
        this.#intent.cancelPendingOpen();
      },
      passive,
    );
    listen<MouseEvent>(document, 'click', (event) => this.#onClick(event), passive);
    listen<KeyboardEvent>(window, 'keydown', (event) => this.#onKeyDown(event), { capture: true });
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

  /** The mention whose card is open. */
  get current(): PlacedMention | undefined {
    return this.#intent.current?.placed;
  }

  /** Closes the card now (focus inside it goes back where it was). */
  close(): void {
    this.#intent.dismiss();
  }

  /**
   * Opens the card of a mention the keyboard stepped to, at once and held open until the pointer
   * takes over; resolves when it shows.
   */
  async openFromKeyboard(hit: MentionHit): Promise<void> {
    this.#intent.openNow({ placed: hit.placed, range: hit.range }, 'keyboard');
    this.#paintActive();
    await this.#opening;
  }

  /** Says `text` in the card's live region. */
  announce(text: string): void {
    this.#card.announce(text);
  }

  /** What the card shows of an entity (cached). */
  entity(id: EntityId): Promise<CardEntity | undefined> {
    let pending = this.#entities.get(id);
    if (!pending) {
      pending = this.#options.lookup(id).catch(() => undefined);
      this.#entities.set(id, pending);
      void pending.then((entity) => {
        if (!entity) this.#entities.delete(id);
      });
    }
    return pending;
  }

  /** Marks a mention as active for about a second (once, steadily, with reduced motion; else it blinks). */
  flash(range: AbstractRange, reducedMotion: boolean): void {
    for (const timer of this.#flashTimers) this.#options.clearTimeout(timer);
    // On, off, on: a blink draws the eye; with reduced motion it stays on. Even phases show it.
    const phases = reducedMotion ? [FLASH_MS] : [FLASH_MS * 0.35, FLASH_MS * 0.15, FLASH_MS * 0.5];
    let at = 0;
    this.#flashTimers = phases.map((ms, index) => {
      at += ms;
      const next = index + 1;
      return this.#options.setTimeout(() => {
        this.#flashing = next < phases.length && next % 2 === 0 ? range : undefined;
        this.#paintActive();
      }, at);
    });
    this.#flashing = range;
    this.#paintActive();
  }

  /** The page's mentions were repainted: a card whose mention is gone closes. */
  mentionsChanged(index: MentionIndex): void {
    const open = this.#intent.current;
    if (open && !index.mentions.some((placed) => sameMention(placed, open.placed))) this.close();
    if (this.#underPointer && !index.mentions.some((placed) => sameMention(placed, this.#underPointer!.placed))) {
      this.#underPointer = undefined;
    }
    this.#paintActive();
  }

  /** Closes the card and removes `<heat-notes-ui>` (the content script ends). */
  destroy(): void {
    this.close();
    for (const timer of this.#flashTimers) this.#options.clearTimeout(timer);
    this.#card.destroy();
  }

  // Pointer --------------------------------------------------------------------------------------

  #onPointerMove(event: PointerEvent): void {
    if (isTouch(event)) {
      // No hover on touch: a finger that moves is scrolling, not tapping or pressing.
      if (this.#press?.id === event.pointerId) this.#press.press.move({ x: event.clientX, y: event.clientY });
      return;
    }
    this.#modifierHeld = MODIFIER_HELD[this.#settings.modifierKey](event);
    this.#pointer = { x: event.clientX, y: event.clientY };
    this.#pointerTarget = event.target;
    this.#movedAt = event.timeStamp;
    this.#buttonsHeld = event.buttons !== 0;
    if (this.#framePending) return;
    this.#framePending = true;
    this.#options.requestFrame(() => {
      this.#framePending = false;
      this.#hitTest();
    });
  }

  /** Whether the user is selecting text (a button held, or a selection made): no card opens then. */
  #selecting(): boolean {
    if (this.#buttonsHeld) return true;
    const selection = this.#options.document.getSelection();
    return !!selection && !selection.isCollapsed;
  }

  #hitTest(): void {
    // Just scrolled: the text moved under the pointer. Look again once scrolling has settled.
    const sinceScroll = performance.now() - this.#scrolledAt;
    if (sinceScroll < SCROLL_SETTLE_MS) {
      if (this.#settleTimer === undefined) {
        this.#settleTimer = this.#options.setTimeout(() => {
          this.#settleTimer = undefined;
          this.#hitTest();
        }, SCROLL_SETTLE_MS - sinceScroll);
      }
      return;
    }
    if (this.#card.owns(this.#pointerTarget)) {
      this.#corridorFrom = undefined;
      this.#intent.pointerOnCard();
      return;
    }
    const found = this.#selecting() ? undefined : this.#options.hitTest(this.#pointer.x, this.#pointer.y);
    const hit: CardTarget | undefined = found && { ...found, pointer: this.#pointer };
    const open = this.#intent.current;
    if (open && hit && sameMention(hit.placed, open.placed)) {
      this.#corridorFrom = undefined;
    } else if (open && this.#onWayToCard()) {
      // Between the mention and its card: hold on, whatever text the pointer crosses.
      this.#underPointer = undefined;
      this.#intent.pointerOnCard();
      this.#paintActive();
      return;
    }
    // Ask for the card's content as soon as the pointer lands: the rest delay hides the round trip.
    if (hit) {
      void this.entity(hit.placed.mention.entity);
      void this.#card.prepare();
    }
    this.#underPointer = hit;
    const { trigger } = this.#settings;
    // A click opens the card in the `click` mode; the pointer only shows what a click would open.
    if (trigger !== 'click') {
      const opens = trigger === 'hover' || this.#modifierHeld ? hit : undefined;
      this.#intent.pointerOn(opens, Math.max(0, performance.now() - this.#movedAt));
    }
    this.#paintActive();
  }

  // Touch ----------------------------------------------------------------------------------------

  /**
   * A finger (or pen) goes down: remember where, and the mention under it. Whatever the trigger, a tap
   * on a mention opens its card, except in a link, whose tap stays the link's; a long press opens any
   * mention's card, a linked one's too (README, "On a phone or tablet").
   */
  #onTouchDown(event: PointerEvent): void {
    if (!event.isPrimary) {
      this.#endPress(); // a second finger: a pinch, not a tap
      return;
    }
    this.#endPress();
    const onCard = this.#card.owns(event.target);
    const point = { x: event.clientX, y: event.clientY };
    const selection = this.#options.document.getSelection();
    const selecting = !!selection && !selection.isCollapsed;
    const hit = onCard || selecting ? undefined : this.#options.hitTest(point.x, point.y);
    if (hit) {
      // Ask for the card's content at once: the finger's lift comes soon.
      void this.entity(hit.placed.mention.entity);
      void this.#card.prepare();
    }
    const { setTimeout, clearTimeout } = this.#options;
    const press = new TouchPress(point, event.timeStamp, { set: setTimeout, clear: clearTimeout }, hit ? () => this.#onLongPress() : undefined);
    this.#press = { press, id: event.pointerId, hit, onCard };
  }

  #onTouchUp(event: PointerEvent): void {
    const current = this.#press;
    if (!isTouch(event) || !current || current.id !== event.pointerId) return;
    this.#press = undefined;
    const outcome = current.press.release({ x: event.clientX, y: event.clientY }, event.timeStamp);
    if (outcome !== 'tap' || current.onCard) return;
    this.#touchClickUntil = performance.now() + LONG_PRESS_AFTERMATH_MS;
    const { hit } = current;
    if (hit && !linkAround(hit.range)) {
      this.#openByTouch(hit, current.press.start);
    } else if (!hit && !this.#intent.pinned) {
      this.close(); // a tap elsewhere on the page
    }
  }

  #onLongPress(): void {
    const current = this.#press;
    if (!current?.hit) return;
    this.#longPressUntil = performance.now() + LONG_PRESS_AFTERMATH_MS;
    this.#openByTouch(current.hit, current.press.start);
  }

  #openByTouch(hit: MentionHit, pointer: Point): void {
    this.#underPointer = undefined;
    this.#intent.openNow({ ...hit, pointer, touch: true }, 'keyboard');
    this.#paintActive();
  }

  #endPress(): void {
    this.#press?.press.cancel();
    this.#press = undefined;
  }

  // Clicks ---------------------------------------------------------------------------------------

  /** With the `click` trigger: a click on a mention opens its card (a link's click stays the link's). */
  #onClick(event: MouseEvent): void {
    if (this.#settings.trigger !== 'click' || event.button !== 0 || this.#card.owns(event.target)) return;
    // A tap's click: the tap was handled when the finger lifted.
    if ((event as PointerEvent).pointerType === 'touch' || (event as PointerEvent).pointerType === 'pen') return;
    if (performance.now() < this.#touchClickUntil) return;
    if (event.target instanceof Element && event.target.closest('a[href]')) return;
    const selection = this.#options.document.getSelection();
    if (selection && !selection.isCollapsed) return; // the click ended a selection
    const found = this.#options.hitTest(event.clientX, event.clientY);
    if (!found) return;
    this.#underPointer = { ...found, pointer: { x: event.clientX, y: event.clientY } };
    this.#intent.openNow(this.#underPointer, 'keyboard');
    this.#paintActive();
  }

  /** With the `modifier` trigger: pressing or letting go of the key while the pointer rests counts as a move. */
  #onModifier(event: KeyboardEvent): void {
    if (this.#settings.trigger !== 'modifier' || event.key !== this.#settings.modifierKey) return;
    const held = event.type === 'keydown';
    if (held === this.#modifierHeld) return;
    this.#modifierHeld = held;
    this.#movedAt = event.timeStamp;
    this.#hitTest();
  }

  /**
   * Whether the pointer, having just left the open card's mention, is inside the safe corridor to the
   * card. The corridor starts where it left; once the pointer is outside it, it is gone.
   */
  #onWayToCard(): boolean {
    // The last hit-test found the pointer on the open mention: it has just left, from there.
    const last = this.#underPointer;
    if (last?.pointer && this.#intent.current && sameMention(last.placed, this.#intent.current.placed)) {
      this.#corridorFrom = last.pointer;
    }
    const box = this.#card.rect();
    if (this.#corridorFrom && box && inSafeCorridor(this.#corridorFrom, box, this.#pointer)) return true;
    this.#corridorFrom = undefined;
    return false;
  }

  #pointerLeft(): void {
    this.#underPointer = undefined;
    this.#corridorFrom = undefined;
    this.#intent.pointerOn(undefined);
    this.#paintActive();
  }

  // Keyboard -------------------------------------------------------------------------------------

  #onKeyDown(event: KeyboardEvent): void {
    this.#onModifier(event);
    if (!this.#card.isOpen || event.defaultPrevented) return;
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    let consumed = false;
    if (event.key === 'Escape') {
      this.close();
      consumed = true;
    } else if (plain && (event.key === 'p' || event.key === 'P') && !event.shiftKey && !fromEditable(event)) {
      this.#pin(!this.#intent.pinned, true);
      consumed = true;
    } else if (event.key === 'Tab' && plain) {
      consumed = this.#onTab(event.shiftKey);
    }
    if (consumed) {
      // Only what we acted on: the page's own Escape (its dialog, its menu) is not ours to take otherwise.
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /**
   * Tab with a pinned card: the first Tab goes into the card; tabbing past either end of the card
   * returns to where focus was, so the card sits in the tab order right after the user's place.
   */
  #onTab(backwards: boolean): boolean {
    if (this.#card.hasFocus) {
      if (!this.#card.focusAtEdge(backwards ? 'first' : 'last')) return false;
      this.#card.restoreFocus();
      return true;
    }
    if (backwards || !this.#tabIntoCard || !this.#intent.pinned) return false;
    this.#tabIntoCard = false;
    this.#card.focusInto('first');
    return true;
  }

  #pin(pinned: boolean, fromKeyboard: boolean): void {
    if (!this.#intent.current) return;
    this.#intent.pin(pinned);
    this.#card.setPinned(pinned);
    this.#tabIntoCard = pinned;
    if (pinned && fromKeyboard) {
      this.#tabIntoCard = false;
      this.#card.focusInto('heading');
    }
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
    this.#options.setActive(this.#flashing ?? (this.#intent.current ?? this.#underPointer)?.placed.range);
  }
}

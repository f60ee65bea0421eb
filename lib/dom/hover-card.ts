import type { CardEntity } from '../../data/card-entity';
import type { EntityId } from '../../data/entities';
import { CardHost } from './card-host';
import type { MentionHit } from './hit-test';
import { HoverIntent } from './hover-intent';
import { sameMention, type MentionIndex } from './mention-index';

/**
 * Resting the pointer on a mention opens its card: pointer moves, at most one hit-test per animation
 * frame, feed `HoverIntent`, which opens and closes the card in `CardHost`. Escape, a click elsewhere
 * or the tab going hidden close it.
 */

export interface HoverCardsOptions {
  readonly document: Document;
  readonly window: Window;
  /** What the card shows of an entity; asked of the background, so the page script carries no facts. */
  readonly lookup: (entity: EntityId) => Promise<CardEntity | undefined>;
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

export class HoverCards {
  private readonly card: CardHost;
  private readonly intent: HoverIntent<MentionHit>;
  private framePending = false;
  private pointer = { x: 0, y: 0 };
  /** When the last pointer move happened (`performance.now()` time). */
  private movedAt = 0;
  private pointerTarget: EventTarget | null = null;
  private underPointer: MentionHit | undefined;
  /** One lookup per entity per page: cards reopen at once, and a failed lookup is tried again. */
  private readonly entities = new Map<EntityId, Promise<CardEntity | undefined>>();

  constructor(private readonly options: HoverCardsOptions) {
    this.card = new CardHost(options.document, () => this.close());
    this.intent = new HoverIntent<MentionHit>({
      same: (a, b) => sameMention(a.placed, b.placed),
      open: (hit) => {
        void this.entity(hit.placed.mention.entity).then((entity) => {
          // The pointer may have moved on while the background answered.
          if (!entity || this.intent.current !== hit) return;
          this.card.show({ entity, reason: hit.placed.mention.reason }, { range: hit.range, pointer: this.pointer });
          this.paintActive();
        });
      },
      close: () => {
        this.card.hide();
        this.paintActive();
      },
      timers: { set: options.setTimeout, clear: options.clearTimeout },
    });
  }

  start(): void {
    const { document, window, listen } = this.options;
    listen<PointerEvent>(document, 'pointermove', (event) => this.onPointerMove(event), { capture: true, passive: true });
    listen<PointerEvent>(
      document,
      'pointerout',
      (event) => {
        if (event.relatedTarget === null) this.pointerLeft(); // left the window
      },
      { capture: true, passive: true },
    );
    listen<PointerEvent>(
      document,
      'pointerdown',
      (event) => {
        if (!this.card.owns(event.target)) this.close();
      },
      { capture: true, passive: true },
    );
    listen<KeyboardEvent>(window, 'keydown', (event) => {
      if (event.key === 'Escape' && this.card.isOpen) this.close();
    }, { capture: true });
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.close();
    });
  }

  /** Closes the card now. */
  close(): void {
    this.intent.dismiss();
  }

  /** The page's mentions were repainted: a card whose mention is gone closes. */
  mentionsChanged(index: MentionIndex): void {
    const open = this.intent.current;
    if (open && !index.mentions.some((placed) => sameMention(placed, open.placed))) this.close();
    if (this.underPointer && !index.mentions.some((placed) => sameMention(placed, this.underPointer!.placed))) {
      this.underPointer = undefined;
    }
    this.paintActive();
  }

  /** Closes the card and removes `<heat-notes-ui>` (the content script ends). */
  destroy(): void {
    this.close();
    this.card.destroy();
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return; // no hover on touch
    this.pointer = { x: event.clientX, y: event.clientY };
    this.pointerTarget = event.target;
    this.movedAt = event.timeStamp;
    if (this.framePending) return;
    this.framePending = true;
    this.options.requestFrame(() => {
      this.framePending = false;
      this.hitTest();
    });
  }

  private hitTest(): void {
    if (this.card.owns(this.pointerTarget)) {
      this.intent.pointerOnCard();
      return;
    }
    const hit = this.options.hitTest(this.pointer.x, this.pointer.y);
    // Ask for the card's content as soon as the pointer lands: the rest delay hides the round trip.
    if (hit) void this.entity(hit.placed.mention.entity);
    this.underPointer = hit;
    this.intent.pointerOn(hit, Math.max(0, performance.now() - this.movedAt));
    this.paintActive();
  }

  private entity(id: EntityId): Promise<CardEntity | undefined> {
    let pending = this.entities.get(id);
    if (!pending) {
      pending = this.options.lookup(id).catch(() => undefined);
      this.entities.set(id, pending);
      void pending.then((entity) => {
        if (!entity) this.entities.delete(id);
      });
    }
    return pending;
  }

  private pointerLeft(): void {
    this.underPointer = undefined;
    this.intent.pointerOn(undefined);
    this.paintActive();
  }

  private paintActive(): void {
    this.options.setActive((this.intent.current ?? this.underPointer)?.placed.range);
  }
}

import type { EntityId } from '../../../data/entities';
import type { StepperCards } from '../card/hover-card';
import { sameMention, type PlacedMention } from '../mark/mention-index';
import { liveRange } from '../mark/mention-ranges';
import type { StepAnswer, StepDirection } from '../../core/messages';
import { firstAtOrAfter, revealTarget, stepAnnouncement, stepTarget } from './step-targets';

/**
 * The keyboard path to the mentions, for users who do not hover (and for screen readers, which do
 * not see highlights): `mentions/step` goes to the next or previous mention, scrolls it into view,
 * outlines it, opens its card and says where it is in the live region; `mentions/reveal` (the popup's
 * "On this page") scrolls to an entity's mentions one by one and flashes each.
 */

/** Where a mention stepped to is brought in the viewport: a third down, leaving room for its card below. */
const SCROLL_TARGET_FRACTION = 1 / 3;
/** A mention whose line lies within these fractions of the viewport's height is left where it is. */
const COMFORT_TOP_FRACTION = 0.1;
const COMFORT_BOTTOM_FRACTION = 0.75;
/** The longest wait for a smooth scroll to end (`scrollend` does not fire where nothing scrolled). */
const SCROLL_WAIT_MAX_MS = 1000;

export interface MentionStepperOptions {
  readonly window: Window;
  /** The painted mentions in document order. */
  readonly mentions: () => readonly PlacedMention[];
  readonly cards: StepperCards;
}

export class MentionStepper {
  #lastStep: PlacedMention | undefined;
  #lastReveal: PlacedMention | undefined;

  readonly #options: MentionStepperOptions;

  constructor(options: MentionStepperOptions) {
    this.#options = options;
  }

  async step(direction: StepDirection): Promise<StepAnswer | undefined> {
    const list = this.#options.mentions();
    const total = list.length;
    if (total === 0) return undefined;
    const ranges = list.map((placed) => liveRange(placed.range));
    const visible = (index: number) => (ranges[index]?.getClientRects().length ?? 0) > 0;
    const indexOf = (placed: PlacedMention | undefined) => (placed ? list.findIndex((other) => sameMention(other, placed)) : -1);
    // From the open card's mention, else the last one stepped to while it is still in view.
    let current = indexOf(this.#options.cards.current);
    if (current < 0) {
      const last = indexOf(this.#lastStep);
      if (last >= 0 && this.#inView(ranges[last])) current = last;
    }
    const firstInView =
      current >= 0
        ? current
        : firstAtOrAfter(total, (index) => (visible(index) ? ranges[index]!.getBoundingClientRect().top : -Infinity));
    const target = stepTarget(total, direction, current >= 0 ? current : undefined, firstInView, visible);
    const range = target === undefined ? undefined : ranges[target];
    if (target === undefined || !range) return undefined;
    const placed = list[target]!;
    this.#lastStep = placed;
    await this.#scrollTo(range);
    await this.#options.cards.openFromKeyboard({ placed, range });
    const entity = await this.#options.cards.entity(placed.mention.entity);
    this.#options.cards.announce(stepAnnouncement(target + 1, total, entity?.name ?? placed.mention.text, entity?.role));
    return { index: target + 1, total };
  }

  /** Scrolls to the entity's first mention, or to the next one when asked again; flashes it. */
  async reveal(entity: EntityId): Promise<StepAnswer | undefined> {
    const list = this.#options.mentions();
    const previous = this.#lastReveal?.mention.entity === entity ? list.findIndex((other) => sameMention(other, this.#lastReveal!)) : -1;
    const target = revealTarget(
      list.map((placed) => placed.mention.entity),
      entity,
      previous >= 0 ? previous : undefined,
    );
    const placed = target && list[target.at];
    const range = placed && liveRange(placed.range);
    if (!target || !placed || !range) return undefined;
    this.#lastReveal = placed;
    await this.#scrollTo(range);
    this.#options.cards.flash(placed.range, this.#reducedMotion());
    return { index: target.index, total: target.total };
  }

  #reducedMotion(): boolean {
    return this.#options.window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  #inView(range: Range | undefined): boolean {
    const box = range?.getBoundingClientRect();
    const view = this.#options.window.document.documentElement;
    return !!box && box.bottom > 0 && box.top < view.clientHeight;
  }

  /** Brings the mention's first line into view (`scrollIntoView` for a range), smoothly unless motion is reduced. */
  async #scrollTo(range: Range): Promise<void> {
    const view = this.#options.window;
    const root = view.document.documentElement;
    const line = range.getClientRects()[0];
    if (!line) return;
    const height = root.clientHeight;
    const width = root.clientWidth;
    let top = 0;
    if (line.top < height * COMFORT_TOP_FRACTION || line.bottom > height * COMFORT_BOTTOM_FRACTION) {
      top = line.top - height * SCROLL_TARGET_FRACTION;
    }
    const left = line.left < 0 || line.right > width ? line.left - width / 2 : 0;
    // What the page can actually scroll by: no wait for a scroll that cannot happen.
    const maxY = Math.max(0, root.scrollHeight - height);
    const maxX = Math.max(0, root.scrollWidth - width);
    top = Math.min(maxY, Math.max(0, view.scrollY + top)) - view.scrollY;
    const dx = Math.min(maxX, Math.max(0, view.scrollX + left)) - view.scrollX;
    if (Math.abs(top) < 1 && Math.abs(dx) < 1) return;
    const smooth = !this.#reducedMotion();
    const ended = smooth ? scrollEnd(view) : Promise.resolve();
    view.scrollBy({ top, left: dx, behavior: smooth ? 'smooth' : 'auto' });
    await ended;
  }
}

/** Resolves when the window's scroll ends (or after `SCROLL_WAIT_MAX_MS`). */
function scrollEnd(view: Window): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      view.removeEventListener('scrollend', done);
      view.clearTimeout(timer);
      resolve();
    };
    const timer = view.setTimeout(done, SCROLL_WAIT_MAX_MS);
    view.addEventListener('scrollend', done);
  });
}

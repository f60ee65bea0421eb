import type { Timers } from '../../core/timers';

/** How long a mention is flashed on a page (the popup's "show me where"); not the essay's `PARAGRAPH_FLASH_MS`, a different thing. */
export const MENTION_FLASH_MS = 1000;

/**
 * A mention marked for about a second, to draw the eye to where the popup's "On this page" took the
 * reader: on, off, on (a blink), or steadily on with reduced motion.
 */
export class MentionFlash {
  #range: AbstractRange | undefined;
  #timers: number[] = [];
  readonly #timersApi: Timers;
  readonly #onChange: () => void;

  /** `onChange` repaints the active mention whenever `range` changes. */
  constructor(timers: Timers, onChange: () => void) {
    this.#timersApi = timers;
    this.#onChange = onChange;
  }

  /** The mention shown as flashing now, if any. */
  get range(): AbstractRange | undefined {
    return this.#range;
  }

  flash(range: AbstractRange, reducedMotion: boolean): void {
    this.stop();
    // Even phases show it.
    const phases = reducedMotion ? [MENTION_FLASH_MS] : [MENTION_FLASH_MS * 0.35, MENTION_FLASH_MS * 0.15, MENTION_FLASH_MS * 0.5];
    let at = 0;
    this.#timers = phases.map((ms, index) => {
      at += ms;
      const next = index + 1;
      return this.#timersApi.set(() => {
        this.#range = next < phases.length && next % 2 === 0 ? range : undefined;
        this.#onChange();
      }, at);
    });
    this.#range = range;
    this.#onChange();
  }

  /** Cancels what is pending (the mark stays as it is). */
  stop(): void {
    for (const timer of this.#timers) this.#timersApi.clear(timer);
    this.#timers = [];
  }
}

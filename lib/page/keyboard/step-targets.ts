/**
 * Stepping through the page's mentions from the keyboard (`mentions/step`) and revealing an entity's
 * mentions one by one (`mentions/reveal`): which mention comes next, and what the live region says.
 * Pure but for the announcement's words (`browser.i18n`): mentions are indices in document order,
 * measurements are passed in.
 */
import { t } from '../../browser/i18n';
import type { StepDirection } from '../../core/messages';

/**
 * Index of the first mention whose top is at or below `y` (the viewport's top), by binary search over
 * mentions in document order, whose tops rise with the index on all but odd layouts; `count` if none.
 */
export function firstAtOrAfter(count: number, topOf: (index: number) => number, y = 0): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (topOf(middle) < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The mention to step to: the one after (or before) `current`, or, with none current, the first at or
 * after the viewport's top (`firstInView`; for "previous", the one before it). Wraps around at either
 * end, and skips mentions that `visible` rejects (text the page hides). Undefined when there is none.
 */
export function stepTarget(
  count: number,
  direction: StepDirection,
  current: number | undefined,
  firstInView: number,
  visible: (index: number) => boolean = () => true,
): number | undefined {
  const delta = direction === 'next' ? 1 : -1;
  let index = current === undefined ? (direction === 'next' ? firstInView : firstInView - 1) : current + delta;
  for (let tries = 0; tries < count; tries++, index += delta) {
    const wrapped = ((index % count) + count) % count;
    if (visible(wrapped)) return wrapped;
  }
  return undefined;
}

export interface RevealTarget {
  /** Index of the mention in the page's list (document order). */
  readonly at: number;
  /** 1-based position among the entity's own mentions. */
  readonly index: number;
  /** How many mentions the entity has on the page. */
  readonly total: number;
}

/**
 * The entity's mention to reveal: its first, or on a repeat call (`previous` = the index revealed
 * last time) the next one, wrapping around.
 */
export function revealTarget(entities: readonly string[], entity: string, previous?: number): RevealTarget | undefined {
  const positions: number[] = [];
  entities.forEach((id, index) => {
    if (id === entity) positions.push(index);
  });
  if (positions.length === 0) return undefined;
  let k = previous === undefined ? 0 : positions.findIndex((at) => at > previous);
  if (k < 0) k = 0;
  return { at: positions[k]!, index: k + 1, total: positions.length };
}

/** What the live region says when a step lands on a mention: "Mention 3 of 12: Al Pacino, plays Vincent Hanna". */
export function stepAnnouncement(position: number, total: number, name: string, role?: string): string {
  return role ? t('stepMentionRole', position, total, name, role) : t('stepMention', position, total, name);
}

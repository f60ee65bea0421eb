import { countMaybeNames, mayHoldWholeNames } from '../../core/detection/lexicon';
import type { Damage } from '../watch/page-damage';
import type { PageRecord } from './page-record';
import { readBlocks, type ReadOptions } from '../read/page-text';
import { ReadSequence, type BlockKey, type ReadBlock } from '../read/read-block';
import { shadowRootsToRead } from '../read/shadow-roots';
import type { SliceClock } from './time-slicer';

/**
 * About a 4 MB page of ordinary markup: past it, reading its text natively takes one call of 30 ms
 * or more, which cannot be sliced. Not lower: below it, testing a page's blocks one by one instead of
 * its root once made a 2 MB page without our names pay 1.7× (BENCHMARKS.md, tenth session).
 */
export const HUGE_ELEMENTS = 100_000;

/** What the scanner tells the reader about a root. */
export type RootOptions = Pick<ReadOptions, 'base' | 'nested' | 'sequence'>;

export interface ReaderOptions {
  /** Read every block (the full walk the equivalence tests compare with), not only where names may be. */
  readonly readEverything?: boolean;
  /** Past this many elements a root is entered untested, its smaller blocks tested (`ReadOptions.hugeRoot`). */
  readonly hugeElements: number;
  /** Called for each shadow root met for the first time: its changes are to be watched. */
  readonly watch: (shadowRoot: ShadowRoot) => void;
}

/**
 * Reads `root` (and the open shadow roots inside it) into `record`, only where names may be (unless
 * `readEverything`), in slices of `clock`. A numbered walk (`sequence`) numbers each shadow root's
 * walk with a sequence of its own, as it is walked apart from its host's tree. Where the page pulled
 * nodes away under a paused walk, the subtree to read again is added to `damage`.
 */
export async function readRoot(
  record: PageRecord,
  root: Node,
  options: RootOptions,
  damage: Damage,
  clock: SliceClock,
  reader: ReaderOptions,
): Promise<void> {
  const roots: Array<{ root: Node; options: RootOptions }> = [{ root, options }];
  const numbered = options.sequence !== undefined;
  const onDisturbed = (anchor: Node) => damage.disturbed.push(anchor);
  const onBlock = (block: ReadBlock) => record.setBlock(block);
  const onSkipped = (key: BlockKey) => record.deleteBlock(key);
  const onShadowRoot = (shadowRoot: ShadowRoot) => {
    if (record.shadowRoots.has(shadowRoot)) return;
    record.shadowRoots.add(shadowRoot);
    reader.watch(shadowRoot);
    const sequence = numbered ? new ReadSequence() : undefined;
    roots.push({ root: shadowRoot, options: { base: shadowRoot, nested: true, sequence } });
  };
  for (let next = roots.shift(); next; next = roots.shift()) {
    // A block read again for its own text alone (after a change) is walked through its own inline
    // content only, meeting the custom elements there: counting or querying its whole subtree
    // would cost a feed's container a pass over the whole feed on every batch, for nested blocks
    // whose shadow roots are known already. A huge root is not tested as a whole: a native read of
    // all its text is one call that cannot be cut into slices, and at 10 MB it alone outlasts a long
    // task. It is entered untested, and the blocks in it of at most a quarter of that size are tested
    // (`hugeRoot`); its custom elements are looked for with one query per subtree of that size, a
    // pause after each.
    const ownTextOnly = !next.options.nested;
    const huge =
      !ownTextOnly && next.root.nodeType === Node.ELEMENT_NODE && (next.root as Element).getElementsByTagName('*').length > reader.hugeElements;
    // The most elements a block of a huge root, or a piece of one, may hold to be read at once.
    const piece = huge ? reader.hugeElements / 4 : undefined;
    const maybeNames = reader.readEverything ? undefined : countMaybeNames;
    // Shadow roots hold text the light tree's `textContent` does not: custom elements' are looked
    // for everywhere else.
    if (!ownTextOnly) {
      for (const found of shadowRootsToRead(next.root as Element | ShadowRoot, piece)) {
        for (const shadowRoot of found) onShadowRoot(shadowRoot);
        if (clock.sliceIsOver) await clock.yield();
      }
    }
    if (clock.sliceIsOver) await clock.yield();
    const reading = readBlocks(next.root, { ...next.options, onBlock, onSkipped, onShadowRoot, onDisturbed, maybeNames, wholeNames: mayHoldWholeNames, customHosts: ownTextOnly, hugeRoot: piece });
    await clock.drain(reading);
  }
}

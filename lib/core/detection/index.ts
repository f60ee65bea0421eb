import { matchBlock } from './candidates';
import { PageEvidence, readBlockEvidence, type BlockEvidence } from './page-evidence';
import { decideBlock } from './decide';
import type { Mention, Span, TextBlock } from './types';

export type { MatchReason, Mention, Span, TextBlock } from './types';

interface BlockState {
  block: TextBlock;
  evidence: BlockEvidence;
}

/**
 * Detection over a whole page that changes. Matching a block is the costly part and happens once per
 * block text; deciding is cheap and reruns over every block, because the page-level evidence that
 * decides an ambiguous name ("Mann", "Heat") can change when another block arrives.
 *
 * `K` is whatever identifies a block for the caller (an element in the content script, an index in
 * the eval script).
 */
export class PageDetector<K> {
  private readonly blocks = new Map<K, BlockState>();
  /** The blocks that hold any candidate: on most pages a small share of all blocks, and all `decide` needs. */
  private readonly withCandidates = new Set<K>();
  private readonly evidence = new PageEvidence();

  set(key: K, block: TextBlock): void {
    const previous = this.blocks.get(key);
    if (previous && sameBlock(previous.block, block)) return;
    const evidence = readBlockEvidence(block.text, matchBlock(block.text, block.emphasis, block.gaps, block.breaks));
    // A block that matches nothing says nothing to the page: it is not kept (most blocks of a page
    // dense with text; set again, it is matched again).
    if (evidence.candidates.length === 0 && evidence.competitors.length === 0) {
      this.delete(key);
      return;
    }
    if (previous) this.evidence.remove(previous.evidence);
    this.evidence.add(evidence);
    this.blocks.set(key, { block, evidence });
    if (evidence.candidates.length > 0) this.withCandidates.add(key);
    else this.withCandidates.delete(key);
  }

  delete(key: K): void {
    const previous = this.blocks.get(key);
    if (!previous) return;
    this.evidence.remove(previous.evidence);
    this.blocks.delete(key);
    this.withCandidates.delete(key);
  }

  /** Whether a block holds any candidate: one without can hold no mention, whatever the page says. */
  holdsCandidates(key: K): boolean {
    return this.withCandidates.has(key);
  }

  /** Blocks with any candidate at all; the rest cannot hold a mention. */
  get candidateBlockCount(): number {
    return this.withCandidates.size;
  }

  /** The accepted mentions of every block that has any, in each block's text order. */
  decide(): Map<K, Mention[]> {
    return new Map(this.decisions());
  }

  /**
   * `decide`, one block at a time, so that a caller can spread it over slices. The detector must not
   * change until the iteration ends.
   */
  *decisions(): Generator<[K, Mention[]], void, void> {
    // Most pages have no candidate at all: they need no summary of the page's evidence either.
    if (this.withCandidates.size === 0) return;
    const summary = this.evidence.summarize();
    for (const key of this.withCandidates) {
      const mentions = decideBlock(this.blocks.get(key)!.evidence.candidates, summary);
      if (mentions.length > 0) yield [key, mentions];
    }
  }
}

function sameBlock(a: TextBlock, b: TextBlock): boolean {
  return (
    a.text === b.text &&
    sameSpans(a.emphasis ?? [], b.emphasis ?? []) &&
    sameSpans(a.gaps ?? [], b.gaps ?? []) &&
    String(a.breaks ?? []) === String(b.breaks ?? [])
  );
}

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((span, i) => span.start === b[i]!.start && span.end === b[i]!.end);
}

/** One-shot detection over a page given as its blocks; used by the eval script and tests. */
export function detectMentions(blocks: readonly TextBlock[]): Mention[][] {
  const detector = new PageDetector<number>();
  blocks.forEach((block, index) => detector.set(index, block));
  const decisions = detector.decide();
  return blocks.map((_, index) => decisions.get(index) ?? []);
}

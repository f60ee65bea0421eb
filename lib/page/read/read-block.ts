import type { Span } from '../../core/detection';
import { lastAtOrBefore } from './block-offsets';

/**
 * A block of the page's text as the reader read it (`page-text.ts`): its text, where emphasis and
 * gaps stand in it, the text nodes it came from, and its place in the walk. What the detector is
 * given of it is a `TextBlock` (`lib/core/detection/types.ts`): text, emphasis and gaps only.
 */

/** What identifies a block: its element, or a shadow root for text in no block inside that root. */
export type BlockKey = Element | ShadowRoot;

/**
 * Numbers the stretches of text a walk meets, in the order it meets them: one per block, plus one each
 * time an outer block's text resumes after a nested block. Mentions are then put in document order by
 * comparing numbers instead of asking the DOM (`compareDocumentPosition` costs microseconds a pair,
 * hundreds of ms for thousands of mentions). Valid within one walk only: shadow roots are walked on
 * their own, and a re-read block is not numbered.
 */
export class ReadSequence {
  last = 0;
}

/** Where a block's text stands in its walk. */
export interface BlockOrder {
  readonly sequence: ReadSequence;
  /** The number of its first stretch of text… */
  readonly first: number;
  /** …and those of the stretches after a nested block, with where each starts (none on most blocks). */
  readonly later?: { readonly numbers: readonly number[]; readonly starts: readonly number[] };
}

/** The number of the stretch of a block's text that holds `offset`, or -1 when the block has no order. */
export function orderAt(block: ReadBlock, offset: number): number {
  const order = block.order;
  if (!order) return -1;
  const index = order.later ? lastAtOrBefore(order.later.starts, offset) : -1;
  return index < 0 ? order.first : order.later!.numbers[index]!;
}

export interface ReadBlock {
  readonly key: BlockKey;
  readonly text: string;
  /** Stretches inside `i`, `em`, `cite`, `q`, in block offsets, merged where they touch. */
  readonly emphasis: readonly Span[];
  /**
   * What is not words in the text, ascending: markers (`sup`, `sub`, footnote links: "Mann³"), and,
   * with no length, each place where a nested block or unread content (a script, a form field, code)
   * stood. No name crosses one (`matchBlock`).
   */
  readonly gaps: readonly Span[];
  /** Where line breaks (`br`) stand, ascending: read as spaces between words (`matchBlock`). */
  readonly breaks: readonly number[] | undefined;
  /**
   * The text nodes it was read from, with where each starts in `text`; dropped once the block is
   * known to hold no candidate (it will never need ranges), so a page dense with text keeps no
   * wrapper for every node it read.
   */
  readonly nodes: BlockNodes | undefined;
  /** How many text nodes it was read from. */
  readonly nodeCount: number;
  /** Its place in the walk that read it, or undefined when the walk was not numbered. */
  readonly order: BlockOrder | undefined;
}

/** A block's text nodes. */
export interface BlockNodes {
  /** The block's text nodes in tree order… */
  readonly nodes: readonly Text[];
  /** …and where each one starts in `text` (ascending). */
  readonly starts: readonly number[];
}

/**
 * A block's text nodes, or undefined when its text is no longer what was read (the page changed it;
 * the change is on its way to the scanner as a mutation record).
 */
export function currentBlockNodes(block: ReadBlock): BlockNodes | undefined {
  if (!block.nodes) return undefined;
  const { nodes, starts } = block.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const end = i + 1 < nodes.length ? starts[i + 1]! : block.text.length;
    if (!node.isConnected || node.data.length !== end - starts[i]! || !block.text.startsWith(node.data, starts[i])) return undefined;
  }
  return block.nodes;
}

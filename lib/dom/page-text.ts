import type { Span } from '../detection';
import { lastAtOrBefore } from './block-offsets';
import { TAG_BLOCK, TAG_EMPHASIS, TAG_HOST, TAG_KINDS, TAG_SKIP, isSkippedElement } from './block-tags';

/**
 * Reading a part of the page into blocks of text (CONTRACT.md: a block's text is its own text nodes
 * joined in tree order; text inside a nested block belongs to the nested block). Reads only: never
 * writes to the page.
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
export function orderAt(block: BlockText, offset: number): number {
  const order = block.order;
  if (!order) return -1;
  const index = order.later ? lastAtOrBefore(order.later.starts, offset) : -1;
  return index < 0 ? order.first : order.later!.numbers[index]!;
}

export interface BlockText {
  readonly key: BlockKey;
  readonly text: string;
  /** Stretches inside `i`, `em`, `cite`, `q`, in block offsets, merged where they touch. */
  readonly emphasis: readonly Span[];
  /** How many text nodes the text was read from. */
  readonly nodeCount: number;
  /** Its place in the walk that read it, or undefined when the walk was not numbered. */
  readonly order: BlockOrder | undefined;
}

/**
 * A block's text nodes. Kept by no one: most blocks never hold a mention, and a list of every text
 * node of the page costs a wrapper per node for as long as it is kept. `readBlockNodes` reads them again
 * for the few blocks that need ranges.
 */
export interface BlockNodes {
  /** The block's text nodes in tree order… */
  readonly nodes: readonly Text[];
  /** …and where each one starts in `text` (ascending). */
  readonly starts: readonly number[];
}

export interface ReadOptions {
  /**
   * The block that text outside any block inside the walked root belongs to (the root itself when it
   * is a block or a shadow root), or null to drop such text (when reading a subtree added to a block
   * that is re-read on its own).
   */
  readonly base: BlockKey | null;
  /** Also read the blocks nested inside the root; false reads only `base`'s own text. */
  readonly nested: boolean;
  /** Receives each block once it is closed (so a nested block comes before the rest of its outer block). */
  readonly onBlock: (block: BlockText) => void;
  /** Numbers the blocks' text in walk order (`BlockText.order`). */
  readonly sequence?: ReadSequence;
  /** Called for each open shadow root met on the way; its text is not part of this walk. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Called when the walk finds that the node it stopped at was removed from the page while it was
   * paused: the walk goes on after `anchor` (the nearest ancestor still in place), whose subtree the
   * caller must read again.
   */
  readonly onDisturbed?: (anchor: Node) => void;
}

/** Yielded every few nodes, so the caller can check its time budget. */
export const PAUSE = null;

/** How many nodes the walk visits between pauses. */
const NODES_PER_PAUSE = 256;

const TEXT_NODE = 3; // Node.TEXT_NODE, without a global lookup per node
const ENTERED_BLOCK = 1;
const ENTERED_EMPHASIS = 2;

/** The editable elements under `root` (their subtrees are never read), or undefined for none. */
function editableRoots(root: Node): Set<Element> | undefined {
  if (!('querySelectorAll' in root)) return undefined;
  const found = (root as ParentNode).querySelectorAll('[contenteditable]');
  if (found.length === 0) return undefined;
  const editable = new Set<Element>();
  for (const element of found) if (isSkippedElement(element)) editable.add(element);
  return editable;
}

class OpenBlock {
  readonly parts: string[] = [];
  readonly emphasis: Span[] = [];
  length = 0;
  nodeCount = 0;
  /** The numbers of the first stretch and of the one being read (see `ReadSequence`)… */
  #first = -1;
  #number = -1;
  /** …and of the stretches after the first, with where they start. */
  #later: { numbers: number[]; starts: number[] } | undefined;

  constructor(
    readonly key: BlockKey,
    readonly sequence: ReadSequence | undefined,
    /** Only for `readBlockNodes`. */
    readonly nodes?: { nodes: Text[]; starts: number[] },
  ) {}

  append(node: Text, emphasised: boolean): void {
    const data = node.data;
    const start = this.length;
    const sequence = this.sequence;
    // Another block took a number since this one last did: its text resumes after a nested block.
    if (sequence !== undefined && this.#number !== sequence.last) {
      this.#number = ++sequence.last;
      if (this.#first < 0) {
        this.#first = this.#number;
      } else {
        this.#later ??= { numbers: [], starts: [] };
        this.#later.numbers.push(this.#number);
        this.#later.starts.push(start);
      }
    }
    if (this.nodes) {
      this.nodes.nodes.push(node);
      this.nodes.starts.push(start);
    }
    this.nodeCount++;
    this.parts.push(data);
    this.length += data.length;
    if (!emphasised || data.length === 0) return;
    const last = this.emphasis[this.emphasis.length - 1];
    if (last && last.end === start) last.end = this.length;
    else this.emphasis.push({ start, end: this.length });
  }

  close(): BlockText {
    const order =
      this.sequence && this.#first >= 0 ? { sequence: this.sequence, first: this.#first, later: this.#later } : undefined;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    return { key: this.key, text, emphasis: this.emphasis, nodeCount: this.nodeCount, order };
  }
}

/**
 * Walks `root` in tree order and hands each block to `onBlock` once it is closed, yielding `PAUSE` every
 * few nodes. The caller may hand the main thread to the page at a pause: the walk checks that the page
 * did not pull the ground from under it before it touches the page again. A `TreeWalker` without a
 * filter callback (a JS `NodeFilter` costs ~10× per node, NOTES.md); skipped subtrees are stepped over
 * in the loop.
 */
export function readBlocks(root: Node, options: ReadOptions): Generator<typeof PAUSE, void, void> {
  return walk(root, options);
}

/**
 * A block's text nodes as they are now, or undefined when its text is no longer what was read (the
 * page changed it; the change is on its way to the scanner as a mutation record).
 */
export function readBlockNodes(block: BlockText): BlockNodes | undefined {
  const nodes = { nodes: [] as Text[], starts: [] as number[] };
  let text: string | undefined;
  const reading = walk(block.key, { base: block.key, nested: false, onBlock: (read) => (text = read.text) }, nodes);
  while (!reading.next().done) {
    // no pause: one block's own text
  }
  return text === block.text ? nodes : undefined;
}

function* walk(
  root: Node,
  options: ReadOptions,
  keepNodes?: { nodes: Text[]; starts: number[] },
): Generator<typeof PAUSE, void, void> {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const { sequence, onBlock, onShadowRoot, nested } = options;
  const blocks: OpenBlock[] = options.base ? [new OpenBlock(options.base, sequence, keepNodes)] : [];
  /** Elements entered and not yet left, root excluded, with what entering each did (`ENTERED_*`). */
  const path: Element[] = [];
  const pathFlags: number[] = [];
  // Editable regions, found with one query rather than an attribute read per element.
  const editable = editableRoots(root);
  let emphasisDepth = 0;
  let sincePause = 0;

  /** Leaves an element entered with `flags`, handing over the block it closes, if it opened one. */
  const leave = (flags: number, deliver: boolean): void => {
    if (flags & ENTERED_EMPHASIS) emphasisDepth--;
    if (flags & ENTERED_BLOCK) {
      const closed = blocks.pop()!;
      if (deliver) onBlock(closed.close());
    }
  };

  /** Enters `element`: what that did (`ENTERED_*`), or -1 when its subtree is to be stepped over. */
  const enter = (element: Element): number => {
    const name = element.localName;
    const kind = TAG_KINDS.get(name);
    if (editable !== undefined && editable.has(element)) return -1;
    let flags = 0;
    if (kind !== undefined) {
      if (kind & TAG_SKIP) return -1;
      if (kind & TAG_BLOCK) {
        if (!nested) return -1;
        blocks.push(new OpenBlock(element, sequence));
        flags |= ENTERED_BLOCK;
      }
      if (kind & TAG_EMPHASIS) {
        emphasisDepth++;
        flags |= ENTERED_EMPHASIS;
      }
    }
    // Only some elements can host a shadow root: the getter is skipped for links, emphasis, lists…
    if (onShadowRoot && (kind === undefined ? name.includes('-') : kind & TAG_HOST)) {
      const shadow = element.shadowRoot;
      if (shadow) onShadowRoot(shadow);
    }
    return flags;
  };

  // An element root is entered like any other element (a subtree added to the page may be a block);
  // a root that is the base block is already open.
  const rootElement = root.nodeType === Node.ELEMENT_NODE && root !== options.base ? (root as Element) : null;
  const rootFlags = rootElement ? enter(rootElement) : 0;
  if (rootFlags < 0) return;

  let node: Node | null = walker.firstChild();
  while (node) {
    let stepOver = false;
    if (++sincePause >= NODES_PER_PAUSE) {
      sincePause = 0;
      yield PAUSE;
      // The caller may have given the page the main thread: check that we are still in the page.
      if (!root.isConnected) return;
      if (!node.isConnected) {
        // The page removed the node we stopped at. Leave every removed element (their blocks are
        // dropped), go on after the nearest one still in place, and have the caller read it again.
        let anchor: Element | null = null;
        while (path.length > 0) {
          const element = path[path.length - 1]!;
          if (element.isConnected) {
            anchor = element;
            break;
          }
          path.pop();
          leave(pathFlags.pop()!, false);
        }
        options.onDisturbed?.(anchor ?? root);
        if (!anchor) return;
        path.pop();
        leave(pathFlags.pop()!, true);
        walker.currentNode = anchor;
        stepOver = true;
      }
    }

    if (!stepOver) {
      if (node.nodeType === TEXT_NODE) {
        blocks[blocks.length - 1]?.append(node as Text, emphasisDepth > 0);
      } else {
        const flags = enter(node as Element); // the walker shows only elements and text
        if (flags >= 0) {
          const child = walker.firstChild();
          if (child) {
            path.push(node as Element);
            pathFlags.push(flags);
            node = child;
            continue;
          }
          leave(flags, true);
        }
      }
    }

    // Next sibling, or up until there is one, leaving each element on the way.
    node = walker.nextSibling();
    while (!node) {
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      path.pop();
      leave(pathFlags.pop()!, true);
      node = walker.nextSibling();
    }
  }
  if (rootElement) leave(rootFlags, true);
  while (blocks.length > 0) onBlock(blocks.pop()!.close());
}

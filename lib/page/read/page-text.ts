import type { Span } from '../../core/detection';
import { latinFirst } from '../../core/detection/latin';
import { BLOCK_SELECTOR, GAP_SELECTOR, TAG_BLOCK, TAG_BREAK, TAG_EMPHASIS, TAG_HOST, TAG_KINDS, TAG_LEAF, TAG_MARKER, TAG_SKIP, isSkippedElement } from './block-tags';
import type { BlockKey, ReadBlock, ReadSequence } from './read-block';

/**
 * Reading a part of the page into blocks of text (docs/contract.md: a block's text is its own text
 * nodes joined in tree order; text inside a nested block belongs to the nested block). Reads only:
 * never writes to the page.
 *
 * Most pages hold none of our names, so a walk may be given a native test (`countMaybeNames`, on
 * `textContent`): a root or a block that cannot hold a name is stepped over whole, its text nodes never
 * visited. Names never cross a nested block or unread content (a zero-length gap stands there), so a
 * name in a block's text is always whole in the `textContent` of the block and of every ancestor: the
 * test can say "maybe" wrongly, never "no".
 *
 * Testing a block costs a native read of all its text, so a walk tests a nested block where that can
 * spare reading most of what is beside it: where the places that may hold a name, as counted in the
 * nearest tested ancestor, are fewer than half the elements beside the block. A wrapper of one big
 * column is entered untested; the many sections inside it are tested. A paragraph, a list item, a
 * heading or a cell (`LEAF_BLOCK_TAGS`) is always tested: its `textContent` is about its own text,
 * read natively at a fraction of what walking its nodes costs, so even on a page dense with names
 * only the blocks that may hold one are walked. Where such a block holds no gap (`GAP_SELECTOR`, one
 * native query), its `textContent` is its text exactly, and only words that end as a name's would
 * count (`wholeNames`): a page whose only "maybes" are "Studio" or "Heather" reads nothing.
 */

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
  readonly onBlock: (block: ReadBlock) => void;
  /** Numbers the blocks' text in walk order (`ReadBlock.order`). */
  readonly sequence?: ReadSequence;
  /**
   * A native test of a root's or a block's `textContent`: how many places in it may hold a name,
   * counted so that a stretch of a text has no more than the text has inside it (`countMaybeNames`).
   * A root or block with none is stepped over unread and handed to `onSkipped`, and so are the blocks
   * after those that hold all of a tested block's places (`Budget`). Every block is read when absent.
   */
  readonly maybeNames?: (text: string) => number;
  /**
   * The same test, as tight as the matcher where a word ends (`mayHoldWholeNames`), for a leaf block
   * with no gap inside, whose `textContent` is its text: "Studio" or "Manning" holds no name there.
   */
  readonly wholeNames?: (text: string) => boolean;
  /** Receives each block stepped over by `maybeNames` (whatever was read of it before is stale). */
  readonly onSkipped?: (key: BlockKey) => void;
  /**
   * Called for each open shadow root of a built-in element the walk meets (read, or stepped over as a
   * block without names); its text is not part of this walk. Custom elements' are found apart
   * (`shadow-roots.ts`).
   */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
  /** Report custom elements' open shadow roots met too (when they are not looked for apart). */
  readonly customHosts?: boolean;
  /**
   * Set when the root is too big for one native read of its text (`HUGE_ELEMENTS`): it is entered
   * untested, and so is each block in it that holds another block and more than this many elements
   * (a layout cell holding most of the page, the column of a long article). Every other block that
   * no tested block holds is tested on its own: the sections of that column, its paragraphs.
   */
  readonly hugeRoot?: number;
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
const ENTERED_MARKER = 4;

/**
 * A footnote link's text: "3", "[12]", "*", "†", or a letter in brackets, "[a]". A bare letter is
 * not: it may be a piece of a word ("<a href="#cast">W</a>es Studi") or an alphabet's index.
 */
const FOOTNOTE_TEXT = latinFirst(String.raw`^\s*(?:\[\s*(?:\d{1,3}|\p{L}|[*†‡§¶]{1,3})\s*\]|\(\s*(?:\d{1,3}|\p{L}|[*†‡§¶]{1,3})\s*\)|\d{1,3}|[*†‡§¶]{1,3})\s*$`, 'u');

/** A link to a note on the same page: marked as one (`doc-noteref`), or whose text is only a note's number or sign. */
function isFootnoteLink(element: Element): boolean {
  // One attribute read for the links of a page, which mostly lead elsewhere.
  if (element.getAttribute('href')?.startsWith('#') !== true) return false;
  if (element.getAttribute('role') === 'doc-noteref') return true;
  const text = element.textContent ?? '';
  return FOOTNOTE_TEXT(text).test(text);
}

/** Whether a block in a huge root is small enough to be read natively at once (`hugeRoot`). */
function fitsOneRead(element: Element, mostElements: number): boolean {
  return element.querySelector(BLOCK_SELECTOR) === null || element.getElementsByTagName('*').length <= mostElements;
}

/** The editable elements under `root` (their subtrees are never read), or undefined for none. */
function editableRoots(root: Node): Set<Element> | undefined {
  if (!('querySelectorAll' in root)) return undefined;
  const found = (root as ParentNode).querySelectorAll('[contenteditable]');
  if (found.length === 0) return undefined;
  const editable = new Set<Element>();
  for (const element of found) if (isSkippedElement(element)) editable.add(element);
  return editable;
}

/**
 * What is left to find in a tested block's text (or the root's): the places that may hold a name in
 * it (`maybeNames`), less those of the blocks tested inside it so far. A block's places are places of
 * every block around it too, so once nothing is left, nothing after them in that block can hold a
 * name, and its other blocks are stepped over untested. Untested blocks share the budget around them.
 */
interface Budget {
  left: number;
}

class OpenBlock {
  /** The budget of the nearest tested block around, or this one's, if tested. */
  budget: Budget = { left: Infinity };
  /** Its element's `childElementCount`, once asked. */
  elementCount: number | undefined;
  readonly parts: string[] = [];
  readonly emphasis: Span[] = [];
  readonly gaps: Span[] = [];
  /** Where a line break stands (`br`), ascending: none on most blocks. */
  breaks: number[] | undefined;
  readonly nodes: Text[] = [];
  readonly starts: number[] = [];
  length = 0;
  /** The numbers of the first stretch and of the one being read (see `ReadSequence`)… */
  #first = -1;
  #number = -1;
  /** …and of the stretches after the first, with where they start. */
  #later: { numbers: number[]; starts: number[] } | undefined;

  constructor(
    readonly key: BlockKey,
    readonly sequence: ReadSequence | undefined,
  ) {}

  /** A line break stands here: the words before and after it are apart, though no character is. */
  lineBreak(): void {
    this.breaks ??= [];
    if (this.breaks[this.breaks.length - 1] !== this.length) this.breaks.push(this.length);
  }

  /** A nested block or unread content stands here: no name crosses this place. */
  gap(): void {
    const last = this.gaps[this.gaps.length - 1];
    if (last && last.end === this.length) return;
    this.gaps.push({ start: this.length, end: this.length });
  }

  append(node: Text, emphasised: boolean, marker: boolean): void {
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
    this.nodes.push(node);
    this.starts.push(start);
    this.parts.push(data);
    this.length += data.length;
    if (data.length === 0) return;
    if (marker) {
      const last = this.gaps[this.gaps.length - 1];
      if (last && last.end === start) last.end = this.length;
      else this.gaps.push({ start, end: this.length });
    }
    if (!emphasised) return;
    const last = this.emphasis[this.emphasis.length - 1];
    if (last && last.end === start) last.end = this.length;
    else this.emphasis.push({ start, end: this.length });
  }

  close(): ReadBlock {
    const order =
      this.sequence && this.#first >= 0 ? { sequence: this.sequence, first: this.#first, later: this.#later } : undefined;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    const nodes = { nodes: this.nodes, starts: this.starts };
    return { key: this.key, text, emphasis: this.emphasis, gaps: this.gaps, breaks: this.breaks, nodes, nodeCount: this.nodes.length, order };
  }
}

/**
 * Walks `root` in tree order and hands each block to `onBlock` once it is closed, yielding `PAUSE` every
 * few nodes. The caller may hand the main thread to the page at a pause: the walk checks that the page
 * did not pull the ground from under it before it touches the page again. A `TreeWalker` without a
 * filter callback (a JS `NodeFilter` costs ~10× per node, docs/platform-notes.md); skipped subtrees are stepped over
 * in the loop.
 */
export function readBlocks(root: Node, options: ReadOptions): Generator<typeof PAUSE, void, void> {
  // A root that cannot hold a name costs one native read of its text and nothing more: no walker,
  // and not even the walk's code, compiled on its first call (most of what a page without names
  // would pay otherwise). A block read for its own text alone (`nested: false`, after a change) is
  // not tested: its `textContent` holds its nested blocks too, a whole feed for a feed's container,
  // while reading its own text steps over them. An element root that is a block is tested as the
  // walk enters it, as any block is.
  let rootMaybeNames = Infinity;
  const rootIsBlock = root.nodeType === Node.ELEMENT_NODE && root !== options.base && (TAG_KINDS.get((root as Element).localName) ?? 0) & TAG_BLOCK;
  if (options.maybeNames && options.nested && !rootIsBlock && options.hugeRoot === undefined) {
    rootMaybeNames = options.maybeNames(root.textContent ?? '');
    if (rootMaybeNames === 0) {
      if (options.base) options.onSkipped?.(options.base);
      return nothingToRead();
    }
  }
  return walk(root, options, rootMaybeNames);
}

function* nothingToRead(): Generator<typeof PAUSE, void, void> {}

/** Reads `root`, whose text holds `rootMaybeNames` places that may hold a name (Infinity: not tested). */
function* walk(root: Node, options: ReadOptions, rootMaybeNames: number): Generator<typeof PAUSE, void, void> {
  const { sequence, onBlock, nested, maybeNames, wholeNames, onSkipped, onShadowRoot, customHosts, hugeRoot } = options;
  // An element root is entered like any other element (a subtree added to the page may be a block,
  // tested as it is entered); a root that is the base block is already open.
  const rootElement = root.nodeType === Node.ELEMENT_NODE && root !== options.base ? (root as Element) : null;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const blocks: OpenBlock[] = options.base ? [new OpenBlock(options.base, sequence)] : [];
  const rootBudget: Budget = { left: rootMaybeNames };
  if (blocks[0]) blocks[0].budget = rootBudget;
  /** Elements entered and not yet left, root excluded, with what entering each did (`ENTERED_*`). */
  const path: Element[] = [];
  const pathFlags: number[] = [];
  // Editable regions, found with one query rather than an attribute read per element.
  const editable = editableRoots(root);
  // A root inside the page (a block read again, an added subtree) starts inside whatever emphasis or
  // marker its ancestors open, as the full walk would have entered them.
  let emphasisDepth = 0;
  let markerDepth = 0;
  for (let above = root.parentNode; above && above.nodeType === Node.ELEMENT_NODE; above = above.parentNode) {
    const kind = TAG_KINDS.get((above as Element).localName) ?? 0;
    if (kind & TAG_EMPHASIS) emphasisDepth++;
    if (kind & TAG_MARKER || ((above as Element).localName === 'a' && isFootnoteLink(above as Element))) markerDepth++;
  }
  let sincePause = 0;

  /** Leaves an element entered with `flags`, handing over the block it closes, if it opened one. */
  const leave = (flags: number, deliver: boolean): void => {
    if (flags & ENTERED_EMPHASIS) emphasisDepth--;
    if (flags & ENTERED_MARKER) markerDepth--;
    if (flags & ENTERED_BLOCK) {
      const closed = blocks.pop()!;
      if (deliver) onBlock(closed.close());
    }
  };

  /** Enters `element`: what that did (`ENTERED_*`), or -1 when its subtree is to be stepped over. */
  const enter = (element: Element): number => {
    const name = element.localName;
    const kind = TAG_KINDS.get(name);
    if (kind === undefined) {
      if (editable !== undefined && editable.has(element)) return skip();
      if (customHosts && name.includes('-')) reportShadowRoot(element);
      return 0;
    }
    if (kind & TAG_SKIP || (editable !== undefined && editable.has(element))) return skip();
    if (kind & TAG_BREAK) {
      blocks[blocks.length - 1]?.lineBreak();
      return 0;
    }
    let flags = 0;
    if (kind & TAG_BLOCK) {
      // The outer block's text stops here and goes on after this one, whether it is read or not.
      blocks[blocks.length - 1]?.gap();
      if (!nested) return -1;
      if (onShadowRoot && kind & TAG_HOST) reportShadowRoot(element);
      const around = blocks.length > 0 ? blocks[blocks.length - 1]!.budget : rootBudget;
      let budget = around;
      if (maybeNames && around.left <= 0) {
        onSkipped?.(element);
        return -1;
      }
      const tested =
        maybeNames !== undefined &&
        (around.left === Infinity
          ? hugeRoot === undefined ? kind & TAG_LEAF : fitsOneRead(element, hugeRoot)
          : kind & TAG_LEAF || around.left < elementsBeside(element) / 2);
      if (tested) {
        const text = element.textContent ?? '';
        const places = maybeNames(text);
        around.left -= places;
        // A leaf without gaps whose maybes are all parts of longer words ("Studio").
        const onlyPartsOfWords =
          places > 0 && kind & TAG_LEAF && wholeNames !== undefined && !wholeNames(text) && element.querySelector(GAP_SELECTOR) === null;
        if (places === 0 || onlyPartsOfWords) {
          onSkipped?.(element);
          return -1;
        }
        budget = { left: places };
      }
      const block = new OpenBlock(element, sequence);
      block.budget = budget;
      blocks.push(block);
      flags |= ENTERED_BLOCK;
    }
    else if (onShadowRoot && kind & TAG_HOST) reportShadowRoot(element);
    if (kind & TAG_EMPHASIS) {
      emphasisDepth++;
      flags |= ENTERED_EMPHASIS;
    }
    if (kind & TAG_MARKER || (name === 'a' && isFootnoteLink(element))) {
      markerDepth++;
      flags |= ENTERED_MARKER;
    }
    return flags;
  };
  // How many elements share the block's parent, asked once per parent (`childElementCount` counts
  // them): most often the parent is the open block, which keeps the answer.
  let lastParent: Node | null = null;
  let lastParentElements = 0;
  const elementsBeside = (element: Element): number => {
    const parent = element.parentNode;
    const open = blocks[blocks.length - 1];
    if (open !== undefined && parent === open.key) return (open.elementCount ??= (parent as ParentNode).childElementCount);
    if (parent !== lastParent) {
      lastParent = parent;
      lastParentElements = (parent as ParentNode | null)?.childElementCount ?? 0;
    }
    return lastParentElements;
  };
  const reportShadowRoot = (element: Element) => {
    const shadow = element.shadowRoot;
    if (shadow) onShadowRoot!(shadow);
  };
  /** Unread content stands here: no name crosses it. */
  const skip = (): number => {
    blocks[blocks.length - 1]?.gap();
    return -1;
  };

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
        blocks[blocks.length - 1]?.append(node as Text, emphasisDepth > 0, markerDepth > 0);
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

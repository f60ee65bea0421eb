import type { Span } from '../detection';
import { BLOCK_TAGS, EMPHASIS_TAGS, SKIP_TAGS, isSkippedElement } from './block-tags';

/**
 * Reading a part of the page into blocks of text (CONTRACT.md: a block's text is its own text nodes
 * joined in tree order; text inside a nested block belongs to the nested block). Reads only: never
 * writes to the page.
 */

/** What identifies a block: its element, or a shadow root for text in no block inside that root. */
export type BlockKey = Element | ShadowRoot;

export interface BlockText {
  readonly key: BlockKey;
  readonly text: string;
  /** Stretches inside `i`, `em`, `cite`, `q`, in block offsets, merged where they touch. */
  readonly emphasis: readonly Span[];
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
  /** Called for each open shadow root met on the way; its text is not part of this walk. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Called when the walk finds that the node it stopped at was removed from the page while it was
   * paused: the walk goes on after `anchor` (the nearest ancestor still in place), whose subtree the
   * caller must read again.
   */
  readonly onDisturbed?: (anchor: Node) => void;
}

/** Yielded every few nodes without a block, so the caller can check its time budget inside a huge block. */
export const PAUSE = null;

/** How many nodes the walk visits between pauses. */
const NODES_PER_PAUSE = 128;

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
  readonly nodes: Text[] = [];
  readonly starts: number[] = [];
  readonly emphasis: Span[] = [];
  length = 0;

  constructor(readonly key: BlockKey) {}

  append(node: Text, emphasised: boolean): void {
    const data = node.data;
    const start = this.length;
    this.nodes.push(node);
    this.starts.push(start);
    this.parts.push(data);
    this.length += data.length;
    if (!emphasised || data.length === 0) return;
    const last = this.emphasis[this.emphasis.length - 1];
    if (last && last.end === start) last.end = this.length;
    else this.emphasis.push({ start, end: this.length });
  }

  close(): BlockText {
    return { key: this.key, text: this.parts.join(''), emphasis: this.emphasis, nodes: this.nodes, starts: this.starts };
  }
}

/**
 * Walks `root` in tree order and yields each block once it is closed (so a nested block comes before
 * the rest of its outer block), with `PAUSE` every few nodes between blocks. The caller may hand the
 * main thread to the page after anything yielded: the walk checks that the page did not pull the
 * ground from under it before it touches the page again. A `TreeWalker` without a filter callback (a JS
 * `NodeFilter` costs ~10× per node, NOTES.md); skipped subtrees are stepped over in the loop.
 */
export function* readBlocks(root: Node, options: ReadOptions): Generator<BlockText | typeof PAUSE, void, void> {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const blocks: OpenBlock[] = options.base ? [new OpenBlock(options.base)] : [];
  /** Elements entered and not yet left, root excluded, with what entering each did (`ENTERED_*`). */
  const path: Element[] = [];
  const pathFlags: number[] = [];
  // Editable regions, found with one query rather than an attribute read per element.
  const editable = editableRoots(root);
  let emphasisDepth = 0;
  let sincePause = 0;

  /** Leaves an element entered with `flags`; returns the block it closes, if it opened one. */
  const leave = (flags: number): BlockText | undefined => {
    if (flags & ENTERED_EMPHASIS) emphasisDepth--;
    return flags & ENTERED_BLOCK ? blocks.pop()?.close() : undefined;
  };

  /** Enters `element`: what that did (`ENTERED_*`), or -1 when its subtree is to be stepped over. */
  const enter = (element: Element): number => {
    const name = element.localName;
    if (SKIP_TAGS.has(name) || (editable !== undefined && editable.has(element))) return -1;
    let flags = 0;
    if (BLOCK_TAGS.has(name)) {
      if (!options.nested) return -1;
      blocks.push(new OpenBlock(element));
      flags |= ENTERED_BLOCK;
    }
    if (EMPHASIS_TAGS.has(name)) {
      emphasisDepth++;
      flags |= ENTERED_EMPHASIS;
    }
    if (options.onShadowRoot) {
      const shadow = element.shadowRoot;
      if (shadow) options.onShadowRoot(shadow);
    }
    return flags;
  };

  // An element root is entered like any other element (a subtree added to the page may be a block);
  // a root that is the base block is already open.
  const rootElement = root.nodeType === Node.ELEMENT_NODE && root !== options.base ? (root as Element) : null;
  const rootFlags = rootElement ? enter(rootElement) : 0;
  if (rootFlags < 0) return;

  /** Blocks closed since the last hand-over. */
  const ready: BlockText[] = [];
  const close = (flags: number) => {
    const closed = leave(flags);
    if (closed) ready.push(closed);
  };

  let node: Node | null = walker.firstChild();
  while (node) {
    let stepOver = false;
    if (ready.length > 0 || ++sincePause >= NODES_PER_PAUSE) {
      sincePause = 0;
      if (ready.length === 0) yield PAUSE;
      for (const block of ready.splice(0)) yield block;
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
          leave(pathFlags.pop()!);
        }
        options.onDisturbed?.(anchor ?? root);
        if (!anchor) return;
        path.pop();
        close(pathFlags.pop()!);
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
          close(flags);
        }
      }
    }

    // Next sibling, or up until there is one, leaving each element on the way.
    node = walker.nextSibling();
    while (!node) {
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      path.pop();
      close(pathFlags.pop()!);
      node = walker.nextSibling();
    }
  }
  if (rootElement) close(rootFlags);
  for (const block of ready) yield block;
  while (blocks.length > 0) yield blocks.pop()!.close();
}

import { BLOCK_TAGS, isSkippedElement } from '../read/block-tags';
import type { BlockKey } from '../read/read-block';
import { isShadowRoot } from '../read/shadow-roots';

/**
 * What a batch of the page's changes (mutation records) asks the scanner to read again: blocks whose
 * own text changed, subtrees added, or the whole page.
 */
export interface Damage {
  /** Blocks whose own text may have changed. */
  readonly blocks: Set<BlockKey>;
  /** Subtrees (added) whose blocks are all to be read. */
  readonly trees: Node[];
  /**
   * Subtrees a walk was cut off in (the page removed nodes under it): their blocks are all to be read,
   * and the block that holds them too.
   */
  readonly disturbed: Node[];
  /** Something was removed: blocks no longer in the page are to be forgotten. */
  removed: boolean;
  /** Read the whole page again instead. */
  everything: boolean;
}

export const emptyDamage = (): Damage => ({ blocks: new Set(), trees: [], disturbed: [], removed: false, everything: false });

/** Whether `damage` names nothing to read again (removals are swept apart). */
export function isEmpty(damage: Damage): boolean {
  return damage.blocks.size === 0 && damage.trees.length === 0 && damage.disturbed.length === 0;
}

/** What `records` ask to read again; `blockOf` says which read block holds a node, if any. */
export function damageFrom(records: readonly MutationRecord[], document: Document, blockOf: (node: Node) => BlockKey | null): Damage {
  const damage = emptyDamage();
  for (const record of records) {
    if (record.type === 'characterData') {
      const key = blockOf(record.target);
      if (key) damage.blocks.add(key);
      continue;
    }
    if (record.type !== 'childList') continue;
    if (record.target === document || record.target === document.documentElement) {
      damage.everything = true; // a new <body>
      return damage;
    }
    // Whatever was removed, and from where: blocks no longer in the page are swept out below.
    if (record.removedNodes.length > 0) damage.removed = true;
    const key = blockOf(record.target);
    if (!key) continue; // inside text we never read (a textarea, an editor, our own UI…)
    damage.blocks.add(key);
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) damage.trees.push(node);
    }
  }
  return damage;
}

/**
 * The block whose text holds `node` (the node itself when it is a block), or null when the node's
 * text is never read: inside a skipped element, outside `body`, in a shadow root not in `shadowRoots`.
 */
export function blockOf(node: Node, body: HTMLElement | null, shadowRoots: ReadonlySet<ShadowRoot>): BlockKey | null {
  let block: BlockKey | null = null;
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      const element = current as Element;
      if (isSkippedElement(element)) return null;
      if (!block && BLOCK_TAGS.has(element.localName)) block = element;
      if (element === body) return block;
    } else if (isShadowRoot(current)) {
      return shadowRoots.has(current) ? (block ?? current) : null;
    }
  }
  return null;
}

/** The trees not inside another one of them. */
export function outermost(trees: readonly Node[]): Node[] {
  const set = new Set(trees);
  return [...set].filter((tree) => tree.parentNode === null || !insideAny(tree.parentNode, set));
}

/** Whether `node` is one of `trees` or lies inside one (within its own tree). */
export function insideAny(node: Node, trees: ReadonlySet<Node>): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (trees.has(current)) return true;
  return false;
}

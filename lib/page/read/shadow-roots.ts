import { SHADOW_HOST_TAGS, SKIP_TAGS } from './block-tags';

/**
 * Finding open shadow roots, whose text is not in the light tree's `textContent`. Most belong to
 * custom elements (web components): those are looked for everywhere, with one native XPath query for
 * names with a hyphen, so a page without names still has them read. A built-in element that hosts
 * one (a `div` given a shadow root by a script) is found among the children of the root read (where
 * single-page apps mount their panels: `<body><div id="app">`) and where the walk passes
 * (`page-text.ts`): in the blocks that are read and at the edges of those stepped over. Looking at
 * every built-in element would cost more than reading the page's text.
 */

/** Whether a node is a shadow root (a document fragment with a host). */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

/** The custom elements at and under a context node (the bench's least scan asks the same). */
export const CUSTOM_ELEMENTS = "descendant-or-self::*[contains(local-name(), '-')]";

/** Content never read (`isSkippedElement`), as a selector, for the few hosts found. */
const SKIPPED_SELECTOR = [...SKIP_TAGS, '[contenteditable]:not([contenteditable="false" i])'].join(',');

/** The custom elements at and under `root`, in tree order. */
function customElementsUnder(root: Element | ShadowRoot): Element[] {
  const document = root.ownerDocument;
  if (typeof document.evaluate !== 'function') {
    // Without XPath (happy-dom in unit tests): the same elements, found one by one.
    const all = [...root.querySelectorAll('*')];
    if (root.nodeType === Node.ELEMENT_NODE) all.unshift(root as Element);
    return all.filter((element) => element.localName.includes('-'));
  }
  // XPath takes no shadow root as its context: a shadow root's top-level elements stand in for it.
  const contexts = root.nodeType === Node.ELEMENT_NODE ? [root as Element] : [...root.children];
  const elements: Element[] = [];
  for (const context of contexts) {
    const found = document.evaluate(CUSTOM_ELEMENTS, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < found.snapshotLength; i++) elements.push(found.snapshotItem(i) as Element);
  }
  return elements;
}

/**
 * The open shadow roots to read for `root`: those of custom elements at and under it, and of the
 * built-in elements among its children (not `root`'s own, when it is a shadow root), outside content
 * that is never read. Those inside them are not included: look inside each.
 *
 * Yielded a batch at a time, in tree order. Custom elements are looked for with one native query per
 * subtree of at most `pieceElements` elements (all at once by default): under a huge root, one query
 * would be one long task, and the caller can let the page run between batches (one per query, found
 * or not). A root given pieces is known to hold more elements than that: it is split unasked.
 */
export function* shadowRootsToRead(root: Element | ShadowRoot, pieceElements = Infinity): Generator<ShadowRoot[], void, void> {
  const seen = new Set<ShadowRoot>();
  const take = (element: Element, into: ShadowRoot[]) => {
    const shadow = element.shadowRoot;
    if (shadow && !seen.has(shadow) && !element.closest(SKIPPED_SELECTOR)) {
      seen.add(shadow);
      into.push(shadow);
    }
  };
  const hosts: ShadowRoot[] = [];
  for (const child of root.children) if (SHADOW_HOST_TAGS.has(child.localName)) take(child, hosts);
  if (hosts.length > 0) yield hosts;
  // Subtrees still to look in, the next one last.
  const pending: Array<Element | ShadowRoot> = [root];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const found: ShadowRoot[] = [];
    const tooBig = next === root ? pieceElements < Infinity : (next as Element).getElementsByTagName('*').length > pieceElements;
    if (next.nodeType === Node.ELEMENT_NODE && tooBig) {
      // Too big for one query: this element on its own, then each child's subtree.
      const element = next as Element;
      if (element.localName.includes('-')) take(element, found);
      for (let child = element.lastElementChild; child; child = child.previousElementSibling) pending.push(child);
    } else {
      for (const element of customElementsUnder(next)) take(element, found);
    }
    yield found;
  }
}

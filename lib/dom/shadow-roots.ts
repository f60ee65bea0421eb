import { SKIP_TAGS } from './block-tags';

/**
 * Finding open shadow roots, whose text is not in the light tree's `textContent`. Most belong to
 * custom elements (web components): those are looked for everywhere, with one native XPath query for
 * names with a hyphen, so a page without names still has them read. A built-in element that hosts
 * one (a `div` given a shadow root by a script) is found where the walk passes (`page-text.ts`): in
 * the blocks that are read and at the edges of those stepped over.
 */

const CUSTOM_ELEMENTS = "descendant-or-self::*[contains(local-name(), '-')]";

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
  const found = document.evaluate(CUSTOM_ELEMENTS, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  const elements: Element[] = [];
  for (let i = 0; i < found.snapshotLength; i++) elements.push(found.snapshotItem(i) as Element);
  return elements;
}

/**
 * The open shadow roots of custom elements at and under `root` (not `root`'s own, when it is a shadow
 * root), outside content that is never read. Those inside them are not included: look inside each.
 */
export function customElementShadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of customElementsUnder(root)) {
    const shadow = element.shadowRoot;
    if (shadow && !element.closest(SKIPPED_SELECTOR)) roots.push(shadow);
  }
  return roots;
}

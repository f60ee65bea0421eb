import { LEAF_BLOCK_TAGS, SKIP_TAGS, SKIPPED_SELECTOR } from './block-tags';

/**
 * Where a root's few "maybes" are, found natively instead of by walking to them: on most pages that
 * have any, they are a handful of capitalised words ("Studio", "Town", "Artists") in a few
 * paragraphs, and walking every container on the way costs more than everything else the page pays.
 *
 * One query finds the text nodes that hold one of the words found in the root's text, and around
 * each the leaf block (`LEAF_BLOCK_TAGS`) or unread element (`SKIP_TAGS`) it stands in; those inside
 * another one found are kept, not the outer one. The answer stands only if they account for every
 * place: the test finds, in their texts together, as many places as in the root's. A place is where
 * the test matches, whatever follows, and an element's `textContent` is a stretch of its ancestor's,
 * so every place is then inside one of them, and no other block of the root can hold a name (a name
 * in a block's own text is a stretch of the root's text too). Otherwise (a maybe in a container's
 * own text, split across text nodes, or glued across two blocks), or with many places or words, or
 * on a long page, the caller walks the root as before.
 */

/**
 * Past these, the walk costs less than the query and the accounting: an article full of names, or a
 * long page, where one query visits every text node at once (interleaved A/B, BENCHMARKS.md: 40 KB
 * without names 11.3 → 8.0 ms, 2 MB 64 → 78 ms).
 */
const MAX_PLACES = 256;
const MAX_WORDS = 8;
const MAX_CHARS = 200_000;

const TEXT_NODE = 3;

/** Elements that may account for places: read leaf blocks, and content never read. */
const ACCOUNTING_TAGS = [...LEAF_BLOCK_TAGS, ...SKIP_TAGS].filter((tag) => !tag.includes('-'));
const ACCOUNTING_SELECTOR = ACCOUNTING_TAGS.join(',');

/**
 * The leaf blocks to read for `root`, whose text is `text`, in document order (possibly none: every
 * place is in unread content), or undefined when they cannot be found this way. `placesIn` lists the
 * words at every place in a text that may hold a name, overlapping places too.
 */
export function maybeLeaves(root: Element, text: string, placesIn: (text: string) => string[]): Element[] | undefined {
  if (text.length > MAX_CHARS) return undefined;
  const places = placesIn(text);
  if (places.length > MAX_PLACES) return undefined;
  const words = [...new Set(places)];
  if (words.length > MAX_WORDS) return undefined;
  const found = elementsHolding(root, words);
  if (!found) return undefined;
  // Innermost only: in document order, an element that holds another comes right before it.
  const innermost = found.filter((element, i) => !element.contains(found[i + 1] ?? null));
  let accounted = 0;
  for (const element of innermost) accounted += placesIn(element.textContent ?? '').length;
  if (accounted !== places.length) return undefined;
  return innermost.filter((element) => !element.closest(SKIPPED_SELECTOR));
}

/**
 * The leaf blocks and unread elements under `root` around the text nodes that hold one of `words`, in
 * document order, or undefined when such a text node stands in no leaf block or unread element. (A
 * word split across text nodes is not found this way: the places then do not add up.)
 */
function elementsHolding(root: Element, words: readonly string[]): Element[] | undefined {
  const texts = textsHolding(root, words);
  if (!texts) return undefined;
  const elements = new Set<Element>();
  for (const text of texts) {
    const element = text.parentElement?.closest(ACCOUNTING_SELECTOR);
    if (!element || !root.contains(element)) return undefined;
    elements.add(element);
  }
  return [...elements];
}

/** The text nodes under `root` that hold one of `words`, in document order. */
function textsHolding(root: Element, words: readonly string[]): Text[] | undefined {
  const document = root.ownerDocument;
  const texts: Text[] = [];
  if (typeof document.evaluate !== 'function') {
    // Without XPath (happy-dom in unit tests): the same text nodes, found one by one.
    const visit = (node: Node): void => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === TEXT_NODE && words.some((word) => (child as Text).data.includes(word))) texts.push(child as Text);
        visit(child);
      }
    };
    visit(root);
    return texts;
  }
  const literals = words.map((word) => (!word.includes('"') ? `"${word}"` : !word.includes("'") ? `'${word}'` : undefined));
  if (literals.includes(undefined)) return undefined;
  const query = `descendant::text()[${literals.map((literal) => `contains(., ${literal})`).join(' or ')}]`;
  const result = document.evaluate(query, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < result.snapshotLength; i++) texts.push(result.snapshotItem(i) as Text);
  return texts;
}

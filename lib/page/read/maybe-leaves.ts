import { LEAF_BLOCK_TAGS, SKIP_TAGS, SKIPPED_SELECTOR } from './block-tags';

/**
 * Where a root's few "maybes" are, found natively instead of by walking to them: on most pages that
 * have any, they are a handful of capitalised words ("Studio", "Town", "Artists") in a few
 * paragraphs, and walking every container on the way costs more than everything else the page pays.
 *
 * One query finds the leaf blocks (`LEAF_BLOCK_TAGS`) and the unread elements (`SKIP_TAGS`) whose
 * text holds one of the words found in the root's text; those inside another one found are kept, not
 * the outer one. The answer stands only if they account for every place: the test finds, in their
 * texts together, as many places as in the root's. A place is where the test matches, whatever
 * follows, and an element's `textContent` is a stretch of its ancestor's, so every place is then
 * inside one of them, and no other block of the root can hold a name (a name in a block's own text is
 * a stretch of the root's text too). Otherwise (a maybe in a container's own text, or glued across
 * two blocks), or with many places or words, the caller walks the root as before.
 */

/** Past these, the walk costs less than the query and the accounting (an article full of names). */
const MAX_PLACES = 256;
const MAX_WORDS = 8;

/** Elements that may account for places: read leaf blocks, and content never read. */
const ACCOUNTING_TAGS = [...LEAF_BLOCK_TAGS, ...SKIP_TAGS].filter((tag) => !tag.includes('-'));
const ACCOUNTING_TEST = ACCOUNTING_TAGS.map((tag) => `self::${tag}`).join(' or ');
const ACCOUNTING_SELECTOR = ACCOUNTING_TAGS.join(',');

/**
 * The leaf blocks to read for `root`, whose text is `text`, in document order (possibly none: every
 * place is in unread content), or undefined when they cannot be found this way. `placesIn` lists the
 * words at every place in a text that may hold a name, overlapping places too.
 */
export function maybeLeaves(root: Element, text: string, placesIn: (text: string) => string[]): Element[] | undefined {
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

/** The leaf blocks and unread elements under `root` whose text holds one of `words`, in document order. */
function elementsHolding(root: Element, words: readonly string[]): Element[] | undefined {
  const document = root.ownerDocument;
  if (typeof document.evaluate !== 'function') {
    // Without XPath (happy-dom in unit tests): the same elements, found one by one.
    return [...root.querySelectorAll(ACCOUNTING_SELECTOR)].filter((element) => {
      const text = element.textContent ?? '';
      return words.some((word) => text.includes(word));
    });
  }
  const literals = words.map((word) => (!word.includes('"') ? `"${word}"` : !word.includes("'") ? `'${word}'` : undefined));
  if (literals.includes(undefined)) return undefined;
  const holds = literals.map((literal) => `contains(., ${literal})`).join(' or ');
  const query = `descendant::*[(${ACCOUNTING_TEST}) and (${holds})]`;
  const result = document.evaluate(query, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  const elements: Element[] = [];
  for (let i = 0; i < result.snapshotLength; i++) elements.push(result.snapshotItem(i) as Element);
  return elements;
}

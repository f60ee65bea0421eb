import { SHADOW_HOST_TAGS, SKIP_TAGS } from './block-tags';

/**
 * Finding the open shadow roots of a part of the page. Their text is not in the light tree's
 * `textContent`, so they are looked for apart from reading: with one native query for elements that
 * can host one (the built-ins of `SHADOW_HOST_TAGS`, and custom elements, which are whatever no
 * standard tag names), then a look at those alone.
 */

/** Every element name of the HTML standard: what a custom element is not. */
const STANDARD_TAGS = (
  'a abbr acronym address area article aside audio b base basefont bdi bdo big blink blockquote body br button ' +
  'canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed ' +
  'fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i ' +
  'iframe img input ins kbd label legend li link listing main map mark marquee menu meta meter nav nobr noembed ' +
  'noframes noscript object ol optgroup option output p param picture plaintext pre progress q rb rp rt rtc ruby ' +
  's samp search script section select slot small source span strike strong style sub summary sup table tbody ' +
  'td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp svg math'
).split(' ');

const HOST_SELECTOR = [...SHADOW_HOST_TAGS, `:not(${STANDARD_TAGS.join(',')})`].join(',');

/** Content never read (`isSkippedElement`), as a selector, for the few hosts found. */
const SKIPPED_SELECTOR = [...SKIP_TAGS, '[contenteditable]:not([contenteditable="false" i])'].join(',');

/**
 * The open shadow roots of elements inside `root` (not of `root` itself), outside content that is
 * never read, in tree order. Those inside them are not included: look inside each one in turn.
 */
export function openShadowRootsIn(root: Element | ShadowRoot | Document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const element of root.querySelectorAll(HOST_SELECTOR)) {
    const shadow = element.shadowRoot;
    if (!shadow) continue;
    const name = element.localName;
    if (!SHADOW_HOST_TAGS.has(name) && !name.includes('-')) continue;
    if (element.closest(SKIPPED_SELECTOR)) continue;
    found.push(shadow);
  }
  return found;
}

/** `openShadowRootsIn`, plus the root's own when it is such a host (a subtree added to the page). */
export function openShadowRootsAt(root: Element): ShadowRoot[] {
  const found = openShadowRootsIn(root);
  const own = root.matches(HOST_SELECTOR) ? root.shadowRoot : null;
  if (own && (SHADOW_HOST_TAGS.has(root.localName) || root.localName.includes('-')) && !root.closest(SKIPPED_SELECTOR)) {
    found.unshift(own);
  }
  return found;
}

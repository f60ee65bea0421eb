/**
 * Which elements shape the page's text, by tag name (`localName`, always lower case in HTML
 * documents, for SVG and MathML too). Pure data: the walker (`page-text.ts`) and the mutation
 * handling (`page-scanner.ts`) must agree on these, or offsets would differ between a full scan and a
 * re-read.
 */

/** The custom element that holds all of Heat Notes' in-page UI; never scanned. */
export const UI_TAG = 'heat-notes-ui';

/**
 * Elements that start a block (docs/contract.md, "Blocks and their text": a text node's block is its
 * nearest ancestor that is a block-level element by tag name). Text inside a nested block belongs to the
 * nested block only.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p',
  'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Subtrees whose text is never read: form controls, code, scripts and styles, embedded content,
 * SVG/MathML, media fallback text, the document head and our own UI (docs/contract.md, "The page stays
 * the page's").
 * `[contenteditable]` is checked separately since it is an attribute, not a tag.
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'input', 'textarea', 'select', 'option', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'code',
  'pre', 'iframe', 'object', 'canvas', 'video', 'audio', 'head', 'title', UI_TAG,
]);

/** Elements that mark a title or a quotation: evidence that a name inside them is a work's title. */
export const EMPHASIS_TAGS: ReadonlySet<string> = new Set(['i', 'em', 'cite', 'q']);

/** Footnote and reference markers ("Mann³", "Heat[4]"): not words of the text around them. */
export const MARKER_TAGS: ReadonlySet<string> = new Set(['sup', 'sub']);

/**
 * Built-in elements that may host a shadow root (DOM standard, `attachShadow`); any other element that
 * can is a custom element, whose name has a hyphen.
 */
export const SHADOW_HOST_TAGS: ReadonlySet<string> = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'main', 'nav', 'p', 'section', 'span',
]);

/**
 * Blocks that seldom hold another block (a paragraph, a list item, a heading, a cell): their
 * `textContent` is about their own text, so a native test of it costs little more than the walk
 * would read anyway.
 */
export const LEAF_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'summary', 'legend',
]);

/** Any block, as a selector. */
export const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');

/**
 * What stands for a gap in a block's text, as a selector: a nested block, unread content, a marker,
 * a line break, a link to a note. An element with none of these inside reads, as its `textContent`,
 * exactly the text of its block, with nothing between its words that the text does not show.
 */
export const GAP_SELECTOR = [...BLOCK_TAGS, ...SKIP_TAGS, ...MARKER_TAGS, 'br', '[contenteditable]', 'a[href^="#"]'].join(',');

/** What a tag does to the walk, as bits: one map lookup per element instead of one per set. */
export const TAG_SKIP = 1;
export const TAG_BLOCK = 2;
export const TAG_EMPHASIS = 4;
export const TAG_HOST = 8;
export const TAG_MARKER = 16;
export const TAG_LEAF = 32;
/** A line break (`br`): it adds no character, but words on either side of it are apart. */
export const TAG_BREAK = 64;
/** Known to the walk but none of the above: no lookup of a shadow root. */
const TAG_PLAIN = 0;

export const TAG_KINDS: ReadonlyMap<string, number> = (() => {
  const kinds = new Map<string, number>();
  const mark = (tags: ReadonlySet<string>, bit: number) => {
    for (const tag of tags) kinds.set(tag, (kinds.get(tag) ?? 0) | bit);
  };
  mark(SKIP_TAGS, TAG_SKIP);
  mark(BLOCK_TAGS, TAG_BLOCK);
  mark(EMPHASIS_TAGS, TAG_EMPHASIS);
  mark(SHADOW_HOST_TAGS, TAG_HOST);
  mark(MARKER_TAGS, TAG_MARKER);
  mark(LEAF_BLOCK_TAGS, TAG_LEAF);
  mark(new Set(['br']), TAG_BREAK);
  // Common inline and table elements that can host no shadow root.
  const plain = ['a', 'b', 'strong', 'small', 'abbr', 'time', 'mark', 'img', 'wbr', 'u', 's', 'label'];
  mark(new Set(plain), TAG_PLAIN);
  return kinds;
})();

/** True when an element's subtree must not be read: a skipped tag, or editable content. */
export function isSkippedElement(element: Element): boolean {
  if (SKIP_TAGS.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

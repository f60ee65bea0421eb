/**
 * The essay page's address, built in one place: the background opens it for a card's "Read in the
 * essay", the essay view writes it into the address bar as the reader moves, the popup and the welcome
 * page link to it. `parseEssayTarget` (components/essay/essay-target.ts) reads it back. Pure.
 */

/** The essay page, as a path inside the extension. */
export const ESSAY_PAGE = '/essay.html';

/** `/essay.html?quote=…#p3`: the essay at a paragraph, with the words to mark there (no paragraph: the top). */
export function essayPath(paragraph?: string, quote?: string): `${typeof ESSAY_PAGE}${string}` {
  const query = paragraph && quote ? `?quote=${encodeURIComponent(quote)}` : '';
  const hash = paragraph ? `#${encodeURIComponent(paragraph)}` : '';
  return `${ESSAY_PAGE}${query}${hash}`;
}

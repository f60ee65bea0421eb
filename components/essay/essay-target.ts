/**
 * Where the essay page was asked to land: `essay.html?quote=…#p3` (built by `essayPath` in
 * `lib/background/answer.ts`) means "paragraph 3, with these words marked". Pure.
 */

export interface EssayTarget {
  /** A paragraph id that exists ("p3"), or undefined. */
  paragraph?: string;
  /** The words to mark in that paragraph, as given. */
  quote?: string;
}

export interface Span {
  start: number;
  end: number;
}

/** Reads the target from `location.search` and `location.hash`; ids not in `paragraphIds` are dropped. */
export function parseEssayTarget(search: string, hash: string, paragraphIds: readonly string[]): EssayTarget {
  let paragraph: string | undefined;
  try {
    paragraph = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    paragraph = undefined;
  }
  if (!paragraph || !paragraphIds.includes(paragraph)) paragraph = undefined;
  const quote = new URLSearchParams(search).get('quote')?.trim() || undefined;
  return { paragraph, quote: paragraph ? quote : undefined };
}

/** Typographic quotes and dashes as their plain forms, so a quote typed with straight quotes still finds its words. */
const FOLD: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‛': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '\u00a0': ' ',
};

/** The text folded for matching (case, quotes, dashes, runs of spaces), and where each folded character came from. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const raw = text[i]!;
    const ch = (FOLD[raw] ?? raw).toLowerCase();
    if (/\s/.test(ch)) {
      if (folded.endsWith(' ')) continue;
      folded += ' ';
    } else {
      folded += ch;
    }
    from.push(i);
  }
  return { folded, from };
}

/**
 * Where `quote` stands in `text`: exactly if it does, else ignoring case, quote style, dashes and
 * spacing. Undefined if it is not there (then nothing is marked: the paragraph is never altered).
 */
export function findQuote(text: string, quote: string | undefined): Span | undefined {
  if (!quote) return undefined;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const hay = fold(text);
  const needle = fold(quote.trim()).folded;
  if (!needle) return undefined;
  const at = hay.folded.indexOf(needle);
  if (at < 0) return undefined;
  const start = hay.from[at]!;
  const end = hay.from[at + needle.length - 1]! + 1;
  return { start, end };
}

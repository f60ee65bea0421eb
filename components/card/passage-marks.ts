import { escapeForRegExp } from '../../lib/core/detection/regexp';
import { t } from '../../lib/browser/i18n';

/**
 * An essay paragraph as a card shows it: the entity's names in bold, the quoted words set apart,
 * spoilers not revealed left out. Pure but for the words put in a hidden spoiler's place.
 */

export interface PassagePiece {
  readonly text: string;
  /** One of the entity's names: shown in bold. */
  readonly name?: boolean;
}

/** An essay paragraph cut around the quoted words (`quote` is empty when they are not found). */
export interface MarkedPassage {
  readonly before: PassagePiece[];
  readonly quote: PassagePiece[];
  readonly after: PassagePiece[];
}

/**
 * The forms of a name to find in the essay: the name, and its surname: the last word when it is a
 * capitalised word ("Pacino"), with a short particle before it ("De Niro").
 */
export function nameForms(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const forms = [words.join(' ')];
  const last = words[words.length - 1]!;
  if (words.length > 1 && /^\p{Lu}\p{L}{2,}/u.test(last)) {
    const particle = words[words.length - 2]!;
    forms.push(words.length > 2 && particle.length <= 3 ? `${particle} ${last}` : last);
  }
  return forms;
}

/** `text` cut into pieces, the forms of the name (whole words, longest first) flagged. */
export function namePieces(text: string, forms: readonly string[]): PassagePiece[] {
  const pieces: PassagePiece[] = [];
  const alternatives = [...forms].filter(Boolean).sort((a, b) => b.length - a.length).map(escapeForRegExp);
  let at = 0;
  if (alternatives.length > 0) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      if (match.index > at) pieces.push({ text: text.slice(at, match.index) });
      pieces.push({ text: match[0], name: true });
      at = match.index + match[0].length;
    }
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * A paragraph ready to show: the words of spoilers not revealed (`hidden`) replaced ("[spoiler
 * hidden]"), the quoted words set apart, the entity's names flagged.
 */
export function markPassage(text: string, quote: string | undefined, forms: readonly string[], hidden: readonly string[] = []): MarkedPassage {
  let shown = text;
  for (const words of hidden) if (words && words !== quote) shown = shown.split(words).join(t('cardSpoilerHidden'));
  const at = quote ? shown.indexOf(quote) : -1;
  if (!quote || at < 0) return { before: namePieces(shown, forms), quote: [], after: [] };
  return {
    before: namePieces(shown.slice(0, at), forms),
    quote: namePieces(quote, forms),
    after: namePieces(shown.slice(at + quote.length), forms),
  };
}

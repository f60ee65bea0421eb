import { useLayoutEffect, useRef } from 'preact/hooks';
import { entityNames, type EntityId } from '../../data/entities';
import { mentionHighlightName } from '../../lib/core/highlight-names';
import type { Category, HighlightColor, HighlightStyle } from '../../lib/core/settings';
import { categoryOf } from '../../lib/core/site-rules';
import { plural, t, tParts, type KeyWithPlaceholders, type PlainKey } from '../../lib/browser/i18n';
import './previews.css';

/**
 * The names in the sample paragraph, as pages write them, each with the entity it is. The paragraph is
 * two messages (`optionsPreviewSample1` takes the first seven names, `…2` the last three: a message
 * takes at most nine), so a translation puts the names where its words need them.
 */
const SAMPLE_NAMES: ReadonlyArray<readonly [string, EntityId]> = [
  ['Michael Mann', 'michael-mann'],
  ['Heat', 'heat'],
  ['Warner Bros.', 'warner-bros'],
  ['Al Pacino', 'al-pacino'],
  ['Vincent Hanna', 'vincent-hanna'],
  ['Robert De Niro', 'robert-de-niro'],
  ['Neil McCauley', 'neil-mccauley'],
  ['Pacino', 'al-pacino'],
  ['De Niro', 'robert-de-niro'],
  ['Mann', 'michael-mann'],
];

/** The sample paragraph in the user's language: its words, and the names as indices into SAMPLE_NAMES. */
function samplePieces(): Array<string | number> {
  return [...tParts('optionsPreviewSample1', 0, 1, 2, 3, 4, 5, 6), ' ', ...tParts('optionsPreviewSample2', 7, 8, 9)];
}

/** The colours as the caption's sentence says them ("in amber"). */
const COLOR_IN_SENTENCE: Readonly<Record<HighlightColor, PlainKey>> = {
  amber: 'optionsPreviewAmber',
  blue: 'optionsPreviewBlue',
  green: 'optionsPreviewGreen',
  pink: 'optionsPreviewPink',
};

/** The caption for a painted sample, by style: "10 names underlined in amber." */
const CAPTIONS: Readonly<Record<Exclude<HighlightStyle, 'none'>, KeyWithPlaceholders>> = {
  underline: 'optionsPreviewUnderline',
  background: 'optionsPreviewBackground',
};

/** The registry names this preview painted, so a change can take them down. */
const PREFIX = 'heat-notes-';

export interface HighlightPreviewProps {
  style: HighlightStyle;
  color: HighlightColor;
  firstMentionOnly: boolean;
  categories: Readonly<Record<Category, boolean>>;
}

/**
 * Which sample names the settings mark: indices into `pieces` (the sample as samplePieces gives it; by
 * default, the names alone in their English order). "First mention" is the first in the paragraph as
 * the language writes it. Pure.
 */
export function markedSampleNames(
  choices: Omit<HighlightPreviewProps, 'style' | 'color'>,
  pieces: ReadonlyArray<string | number> = SAMPLE_NAMES.map((_, index) => index),
): number[] {
  const seen = new Set<EntityId>();
  const marked: number[] = [];
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') return;
    const entity = SAMPLE_NAMES[piece]![1];
    if (!choices.categories[categoryOf(entityNames()[entity].kind)]) return;
    if (choices.firstMentionOnly && seen.has(entity)) return;
    seen.add(entity);
    marked.push(index);
  });
  return marked;
}

function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * A short paragraph painted the way pages will be: the same `::highlight()` names as the content
 * script (lib/highlight-names.ts), registered in this page's own highlight registry, with the same
 * rules in the options page's CSS. It follows the settings as they change.
 */
export function HighlightPreview(props: HighlightPreviewProps) {
  const { style, color } = props;
  const paragraph = useRef<HTMLParagraphElement>(null);
  const pieces = samplePieces();
  const marked = markedSampleNames(props, pieces);
  const canPaint = supportsHighlights();

  useLayoutEffect(() => {
    const root = paragraph.current;
    if (!root || !canPaint) return;
    const clear = () => {
      for (const name of [...CSS.highlights.keys()]) if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
    };
    clear();
    if (style === 'none' || marked.length === 0) return clear;
    // Each piece of the sample is its own text node, in order.
    const nodes = [...root.childNodes];
    const ranges = marked.flatMap((index) => {
      const node = nodes[index];
      return node && node.nodeType === Node.TEXT_NODE
        ? [new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: (node as Text).length })]
        : [];
    });
    CSS.highlights.set(mentionHighlightName(style, color), new Highlight(...ranges));
    return clear;
  }, [style, color, marked.join(',')]);

  const caption = !canPaint
    ? t('optionsPreviewUnsupported')
    : style === 'none'
      ? t('optionsPreviewNone')
      : marked.length === 0
        ? t('optionsPreviewNothing')
        : t(CAPTIONS[style], plural(marked.length, 'namesOne', 'namesMany'), t(COLOR_IN_SENTENCE[color]));

  return (
    <figure class="preview" aria-labelledby="highlight-preview-caption">
      <p class="preview__sample" ref={paragraph} data-highlight={style === 'none' ? 'none' : mentionHighlightName(style, color)}>
        {pieces.map((piece) => (typeof piece === 'string' ? piece : SAMPLE_NAMES[piece]![0]))}
      </p>
      <figcaption class="preview__caption" id="highlight-preview-caption">
        <span class="preview__label">{t('optionsPreviewLabel')}</span> <span aria-live="polite">{caption}</span>
      </figcaption>
    </figure>
  );
}

import { useLayoutEffect, useRef } from 'preact/hooks';
import { ENTITY_NAMES, type EntityId } from '../../data/entities';
import { mentionHighlightName } from '../../lib/highlight-names';
import type { Category, HighlightColor, HighlightStyle } from '../../lib/settings';
import { categoryOf } from '../../lib/site-rules';
import { COLOR_NAMES } from './ColorChoice';
import { plural } from './format';

/** A sample of our own, naming people, a film, characters and a studio, some of them twice. */
const SAMPLE: ReadonlyArray<string | readonly [string, EntityId]> = [
  ['Michael Mann', 'michael-mann'],
  '’s ',
  ['Heat', 'heat'],
  ' (1995), made at ',
  ['Warner Bros.', 'warner-bros'],
  ', sets ',
  ['Al Pacino', 'al-pacino'],
  '’s ',
  ['Vincent Hanna', 'vincent-hanna'],
  ' against ',
  ['Robert De Niro', 'robert-de-niro'],
  '’s ',
  ['Neil McCauley', 'neil-mccauley'],
  '. When ',
  ['Pacino', 'al-pacino'],
  ' and ',
  ['De Niro', 'robert-de-niro'],
  ' at last share a table, ',
  ['Mann', 'michael-mann'],
  ' keeps the camera still.',
];

const TEXT = {
  label: 'Preview',
  styles: { underline: 'underlined', background: 'on a soft background' } satisfies Record<Exclude<HighlightStyle, 'none'>, string>,
  caption: (count: number, style: Exclude<HighlightStyle, 'none'>, color: HighlightColor) =>
    `${plural(count, 'name', 'names')} ${TEXT.styles[style]} in ${COLOR_NAMES[color].toLowerCase()}.`,
  none: 'Names are not marked; resting the pointer on one still opens its card.',
  nothing: 'Nothing is marked: every kind of name is switched off.',
  unsupported: 'This browser cannot paint highlights, so the preview shows plain text.',
};

/** The registry names this preview painted, so a change can take them down. */
const PREFIX = 'heat-notes-';

export interface HighlightPreviewProps {
  style: HighlightStyle;
  color: HighlightColor;
  firstMentionOnly: boolean;
  categories: Readonly<Record<Category, boolean>>;
}

/** Which sample names the settings mark (indices into SAMPLE). Pure. */
export function markedSampleNames(choices: Omit<HighlightPreviewProps, 'style' | 'color'>): number[] {
  const seen = new Set<EntityId>();
  const marked: number[] = [];
  SAMPLE.forEach((piece, index) => {
    if (typeof piece === 'string') return;
    const entity = piece[1];
    if (!choices.categories[categoryOf(ENTITY_NAMES[entity].kind)]) return;
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
  const marked = markedSampleNames(props);
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
    ? TEXT.unsupported
    : style === 'none'
      ? TEXT.none
      : marked.length === 0
        ? TEXT.nothing
        : TEXT.caption(marked.length, style, color);

  return (
    <figure class="preview" aria-labelledby="highlight-preview-caption">
      <p class="preview__sample" ref={paragraph} data-highlight={style === 'none' ? 'none' : mentionHighlightName(style, color)}>
        {SAMPLE.map((piece) => (typeof piece === 'string' ? piece : piece[0]))}
      </p>
      <figcaption class="preview__caption" id="highlight-preview-caption">
        <span class="preview__label">{TEXT.label}:</span> <span aria-live="polite">{caption}</span>
      </figcaption>
    </figure>
  );
}

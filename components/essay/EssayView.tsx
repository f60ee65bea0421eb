import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATALOG, type EntityId } from '../../data/catalog';
import { ESSAY, type EssayParagraph } from '../../data/essay';
import type { MatchReason, Mention } from '../../lib/core/detection';
import { VIEWPORT_PADDING_PX, followAnchor } from '../../lib/page/card/card-position';
import { HoverIntent } from '../../lib/page/card/hover-intent';
import { essayPath } from '../../lib/core/essay-address';
import { globalTimers } from '../../lib/core/timers';
import { plural, t } from '../../lib/browser/i18n';
import { EntityCard } from '../card/EntityCard';
import { findQuote, type EssayTarget } from './essay-target';
import { countWords, essayMarks, readingMinutes, renderMarked } from './essay-text';
import '../card/card.css';
import '../reader/reader.css';
import './essay.css';

export interface EssayViewProps {
  /** The paragraphs to show, in order; the essay by default. */
  paragraphs?: readonly EssayParagraph[];
  /** `popup`: narrow, in the toolbar popup or the side panel (the default). `page`: the full-page reader, `essay.html`. */
  variant?: 'popup' | 'page';
  /**
   * Where to open: the paragraph is scrolled into view on first render, and the quoted words in it are
   * marked (a `<mark>` around them; the paragraph's text stays exactly the essay's).
   */
  target?: EssayTarget;
  /**
   * Where to go now, asked from outside after the first render (the side panel following a card on
   * the page): each new object scrolls to its paragraph, flashes it and marks its quoted words, as a
   * card's "Read in the essay" does.
   */
  follow?: EssayTarget;
  /** Shown at the end of the title's line: a link. */
  titleAside?: ComponentChildren;
  /** Shown under the title and reading time: reader controls, pictures. */
  headerExtra?: ComponentChildren;
  /** Content set after a paragraph, keyed by its id: the essay page's figures. */
  after?: Readonly<Record<string, ComponentChildren>>;
  /** The user has seen Heat: the card shows facts about the ending without "Reveal". */
  spoilersRevealed?: boolean;
}

interface Active {
  /** Identifies the mark: `${paragraphId}:${start}`. */
  key: string;
  entity: EntityId;
  reason: MatchReason;
  anchor: HTMLElement;
}

/**
 * The essay's marks open their card after a shorter rest than a page's names (`OPEN_DELAY_MS`, 300):
 * here every mark is asked for, in a text about the film, so a card is rarely unwanted.
 */
export const ESSAY_OPEN_DELAY_MS = 150;
/** How long the essay's card stays once the pointer leaves its mark or the card. */
export const ESSAY_CLOSE_DELAY_MS = 220;
/** How long a paragraph the view went to stays tinted, so the eye finds where it landed. */
export const PARAGRAPH_FLASH_MS = 1600;

/** How much of the top of the view a sticky bar covers, read from the root's `scroll-padding-top`. */
function obscuredTop(): number {
  const value = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop);
  return Number.isFinite(value) ? value : 0;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The whole essay, every paragraph in full and addressable by its id, with the entities it names
 * marked; resting on (or focusing) a mark shows that entity's card in a popover.
 */
export function EssayView({ paragraphs = ESSAY, variant = 'popup', target, follow, titleAside, headerExtra, after, spoilersRevealed = false }: EssayViewProps) {
  const baseId = useId();
  const popoverId = `${baseId}-card`;
  const headingId = `${baseId}-card-title`;
  const marks = useMemo(() => essayMarks(paragraphs), [paragraphs]);
  /** Where the view is asked to be: the `target` prop at first, then a card's "Read in the essay". */
  const [goal, setGoal] = useState<EssayTarget | undefined>(target);
  const mounted = useRef(false);
  const quoted = useMemo(() => {
    const paragraph = goal?.paragraph ? paragraphs.find((p) => p.id === goal.paragraph) : undefined;
    const span = paragraph ? findQuote(paragraph.text, goal?.quote) : undefined;
    return paragraph && span ? { paragraph: paragraph.id, span } : undefined;
  }, [paragraphs, goal]);
  const words = useMemo(() => paragraphs.reduce((sum, p) => sum + countWords(p.text), 0), [paragraphs]);

  const rootRef = useRef<HTMLDivElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [flashed, setFlashed] = useState<string | null>(null);

  /** The pointer is on a mark or on the card. */
  const hovering = useRef(false);
  /** Set while we move focus back to a mark ourselves, so that focus does not reopen its card. */
  const quietFocus = useRef(false);
  /** Focus the card once it is placed (opened from the keyboard). */
  const focusCardWhenPlaced = useRef(false);

  /** Mirrors `active` for handlers that run between renders. */
  const activeRef = useRef<Active | null>(null);
  const show = (next: Active | null) => {
    if (activeRef.current?.key === next?.key) return;
    activeRef.current = next;
    setActive(next);
  };

  /** When the card opens and closes: the same machine as a page's cards, with the essay's delays. */
  const intent = useMemo(
    () =>
      new HoverIntent<Active>({
        same: (a, b) => a.key === b.key,
        open: (next) => show(next),
        close: () => show(null),
        timers: globalTimers,
        openDelayMs: ESSAY_OPEN_DELAY_MS,
        closeDelayMs: ESSAY_CLOSE_DELAY_MS,
        restBeforeMoving: true,
        keepOpen: () => !!popoverRef.current?.contains(document.activeElement),
      }),
    [],
  );

  const open = (next: Active, focusCard = false) => {
    if (activeRef.current?.key === next.key) {
      // Already open: only move focus in if asked (it is placed already, nothing will re-place it).
      if (focusCard) popoverRef.current?.focus();
    } else focusCardWhenPlaced.current = focusCard;
    intent.openNow(next, 'none');
  };

  const close = (returnFocus: boolean) => {
    const current = activeRef.current;
    intent.dismiss();
    if (!current) return;
    if (returnFocus) {
      quietFocus.current = true;
      current.anchor.focus();
      quietFocus.current = false;
    }
  };

  // Place the popover next to its mark and keep it there while the essay scrolls.
  useLayoutEffect(() => {
    const floating = popoverRef.current;
    if (!active || !floating) return;
    const anchor = active.anchor;
    // Keep clear of what covers the top of the view (the essay page's sticky bar), as the page
    // declares it for scrolling: `scroll-padding-top`.
    const padding = { top: VIEWPORT_PADDING_PX + obscuredTop(), right: VIEWPORT_PADDING_PX, bottom: VIEWPORT_PADDING_PX, left: VIEWPORT_PADDING_PX };
    return followAnchor(anchor, floating, {
      padding,
      onPlaced: () => {
        floating.dataset.placed = 'true';
        if (focusCardWhenPlaced.current) {
          focusCardWhenPlaced.current = false;
          floating.focus();
        }
      },
    });
  }, [active]);

  // While a card is open: Escape closes it, and a press anywhere else does too.
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const popover = popoverRef.current;
      const focusInside = !!popover && popover.contains(document.activeElement);
      event.preventDefault();
      close(focusInside || document.activeElement === active.anchor);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target) return;
      if (popoverRef.current?.contains(target) || active.anchor.contains(target)) return;
      close(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [active]);

  useEffect(() => () => intent.dismiss(), []);

  useEffect(() => {
    if (!flashed) return;
    const timer = setTimeout(() => setFlashed(null), PARAGRAPH_FLASH_MS);
    return () => clearTimeout(timer);
  }, [flashed]);

  const goToParagraph = (paragraphId: string) => {
    const target = rootRef.current?.querySelector<HTMLElement>(`[id="${CSS.escape(paragraphId)}"]`);
    close(false);
    if (!target) return;
    target.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
    setFlashed(paragraphId);
  };

  // Go to the goal paragraph, with the quoted words in view: at once on opening, smoothly after.
  useLayoutEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    const id = goal?.paragraph;
    const root = rootRef.current;
    const element = id && root?.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!element) return;
    const behavior: ScrollBehavior = first || prefersReducedMotion() ? 'auto' : 'smooth';
    const quote = element.querySelector<HTMLElement>('.hn-quote');
    // A paragraph taller than the view: centre the quoted words rather than the paragraph's top.
    const tall = element.getBoundingClientRect().height > window.innerHeight * 0.8;
    (quote && tall ? quote : element).scrollIntoView({ block: quote && tall ? 'center' : 'start', behavior });
    element.focus({ preventScroll: true });
    setFlashed(id);
  }, [goal]);

  // Asked from outside: go there as "Read in the essay" would (a card open in this view closes).
  useEffect(() => {
    if (!follow) return;
    close(false);
    setGoal(follow);
  }, [follow]);

  /** A card's "Read in the essay": this view is the essay, so go to the paragraph and mark the words. */
  const openInEssay = (paragraphId: string, quote?: string) => {
    close(false);
    setGoal({ paragraph: paragraphId, quote });
    if (variant === 'page') {
      history.replaceState(null, '', essayPath(paragraphId, quote));
    }
  };

  // A link to a paragraph (`#p3`, from a card or a figure) scrolls to it and flashes it.
  useEffect(() => {
    const onHashChange = () => {
      const id = location.hash.slice(1);
      if (paragraphs.some((p) => p.id === id)) goToParagraph(id);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  });

  const markHandlers = (key: string, mention: Mention) => {
    const descriptor = (anchor: HTMLElement): Active => ({ key, entity: mention.entity, reason: mention.reason, anchor });
    return {
      onPointerEnter: (event: PointerEvent) => {
        hovering.current = true;
        intent.pointerOn(descriptor(event.currentTarget as HTMLElement));
      },
      onPointerLeave: () => {
        hovering.current = false;
        intent.pointerOn(undefined);
      },
      onFocus: (event: FocusEvent) => {
        if (quietFocus.current) return;
        open(descriptor(event.currentTarget as HTMLElement));
      },
      onBlur: (event: FocusEvent) => {
        const next = event.relatedTarget as Node | null;
        if (next && popoverRef.current?.contains(next)) return;
        if (!hovering.current) close(false);
      },
      onClick: (event: MouseEvent) => open(descriptor(event.currentTarget as HTMLElement)),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open(descriptor(event.currentTarget as HTMLElement), true);
        }
      },
    };
  };

  const activeEntity = active ? CATALOG[active.entity] : undefined;
  const quoteIn = (paragraphId: string) => (quoted?.paragraph === paragraphId ? quoted.span : undefined);

  return (
    <div class={`hn-essay hn-essay--${variant}`} ref={rootRef}>
      <header class="hn-essay__header">
        <div class="hn-essay__title-row">
          {variant === 'page' ? <h1 class="hn-essay__title">{t('essayTitle')}</h1> : <h2 class="hn-essay__title">{t('essayTitle')}</h2>}
          {titleAside}
        </div>
        <p class="hn-essay__meta">
          {t(
            'essayMeta',
            plural(readingMinutes(words), 'readingOne', 'readingMany'),
            plural(words, 'wordsOne', 'wordsMany', words.toLocaleString()),
            plural(paragraphs.length, 'paragraphsOne', 'paragraphsMany'),
          )}
        </p>
        {headerExtra}
        <p class="hn-essay__hint">{t('essayHint')}</p>
      </header>
      <div class="hn-essay__body">
        {paragraphs.map((paragraph, index) => (
          <Fragment key={paragraph.id}>
            <p
              id={paragraph.id}
              tabIndex={-1}
              class={flashed === paragraph.id ? 'hn-essay__para hn-essay__para--flash' : 'hn-essay__para'}
              data-number={index + 1}
            >
              {renderMarked(paragraph, marks[index] ?? [], quoteIn(paragraph.id), (mention, text) => {
                const key = `${paragraph.id}:${mention.start}`;
                const isActive = active?.key === key;
                return (
                  <mark
                    key={key}
                    class={isActive ? 'hn-mention hn-mention--active' : 'hn-mention'}
                    data-entity-ref={mention.entity}
                    tabIndex={0}
                    role="button"
                    aria-haspopup="dialog"
                    aria-expanded={isActive}
                    aria-controls={isActive ? popoverId : undefined}
                    {...markHandlers(key, mention)}
                  >
                    {text}
                  </mark>
                );
              })}
            </p>
            {after?.[paragraph.id]}
          </Fragment>
        ))}
      </div>
      {active && activeEntity && (
        <div
          key={active.key}
          ref={popoverRef}
          id={popoverId}
          class="hn-popover"
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          data-key={active.key}
          onPointerEnter={() => {
            hovering.current = true;
            intent.pointerOnCard();
          }}
          onPointerLeave={() => {
            hovering.current = false;
            intent.pointerOn(undefined);
          }}
          onFocusOut={() => {
            // Decide once focus has landed: a button that removes itself (Reveal) sends focus nowhere
            // for a moment, and the card moves it on. Close only when focus went somewhere else for real.
            setTimeout(() => {
              const now = document.activeElement;
              if (!now || now === document.body || now === active.anchor) return;
              if (popoverRef.current?.contains(now)) return;
              if (!hovering.current) close(false);
            }, 0);
          }}
        >
          <EntityCard
            entity={activeEntity}
            reason={active.reason}
            headingId={headingId}
            onClose={() => close(!!popoverRef.current?.contains(document.activeElement))}
            onCite={goToParagraph}
            openEssay={openInEssay}
            spoilersRevealed={spoilersRevealed}
          />
        </div>
      )}
    </div>
  );
}

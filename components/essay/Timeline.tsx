import { useId, useMemo } from 'preact/hooks';
import { paragraphNumber } from '../../data/essay';
import { t } from '../../lib/browser/i18n';
import { ParagraphLink } from './ParagraphLink';
import { layoutTimeline, timelineEvents, type TimelineEvent } from './timeline-events';
import { useMeasuredWidth } from './use-measured-width';
import './pictures.css';

export interface TimelineProps {
  /** The events to draw; derived from the essay and the catalog by default. */
  events?: readonly TimelineEvent[];
  /** Width to lay out at before the figure is measured. */
  initialWidth?: number;
}

const DOT_R = 5;

/**
 * The essay's dates on a proportional line (1989 to 2025), drawn as inline SVG from the catalog, and
 * the same events as a list with what the essay says and where.
 */
export function Timeline({ events: given, initialWidth = 600 }: TimelineProps) {
  const id = useId();
  const events = useMemo(() => given ?? timelineEvents(), [given]);
  const [ref, width] = useMeasuredWidth<HTMLDivElement>(initialWidth);
  const layout = layoutTimeline(events, width);
  if (events.length === 0) return null;
  const first = events[0]!.year;
  const last = events[events.length - 1]!.year;
  const summary = events.map((event) => t('timelineEvent', event.year, event.name, paragraphNumber(event.paragraph))).join('; ');
  return (
    <figure class="hn-figure hn-timeline" aria-labelledby={`${id}-caption`}>
      <figcaption class="hn-figure__caption" id={`${id}-caption`}>
        <span class="hn-figure__title">{t('timelineTitle')}</span>
        <span class="hn-figure__subtitle">{t('timelineSubtitle', first, last)}</span>
      </figcaption>
      <div class="hn-figure__canvas" ref={ref}>
        <svg
          class="hn-timeline__svg"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
        >
          <title id={`${id}-title`}>{t('timelineSvgTitle')}</title>
          <desc id={`${id}-desc`}>{t('timelineDesc', events.length, first, last, summary)}</desc>
          <line class="hn-timeline__axis" x1={layout.items[0]!.x} x2={layout.items[layout.items.length - 1]!.x} y1={layout.axisY} y2={layout.axisY} />
          {layout.gaps.map((gap) => {
            const w = gap.label.length * 6.2 + 14;
            return (
              <g key={gap.label} class="hn-timeline__gap">
                <rect x={gap.x - w / 2} y={layout.axisY - 9} width={w} height={18} rx={9} />
                <text x={gap.x} y={layout.axisY + 4} text-anchor="middle">
                  {gap.label}
                </text>
              </g>
            );
          })}
          {layout.items.map((item) => (
            <g key={`${item.event.year}-${item.event.entity}`} class="hn-timeline__event" data-year={item.event.year}>
              <line class="hn-timeline__stem" x1={item.x} x2={item.x} y1={layout.axisY} y2={item.stemY} />
              <circle class="hn-timeline__dot" cx={item.x} cy={layout.axisY} r={DOT_R} />
              <text class="hn-timeline__year" x={item.x} y={item.yearY} text-anchor={item.anchor}>
                {item.event.year}
              </text>
              <text class="hn-timeline__name" x={item.x} y={item.nameY} text-anchor={item.anchor}>
                {item.event.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ol class="hn-timeline__list">
        {events.map((event) => (
          <li key={`${event.year}-${event.entity}`} class="hn-timeline__item" data-year={event.year} data-paragraph={event.paragraph}>
            <span class="hn-timeline__item-year">{event.year}</span>
            <span class="hn-timeline__item-body">
              <span class="hn-timeline__item-name">{event.name}</span> {event.note}
              {event.more ? ` ${event.more}` : ''} <ParagraphLink paragraph={event.paragraph} />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

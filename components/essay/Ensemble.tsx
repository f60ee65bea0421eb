import { useId, useMemo } from 'preact/hooks';
import { paragraphNumber } from '../../data/essay';
import { t } from '../../lib/browser/i18n';
import { buildEnsemble, initials, layoutEnsemble, type Ensemble as EnsembleData } from './ensemble-cast';
import { ParagraphLink } from './ParagraphLink';
import { useMeasuredWidth } from './use-measured-width';
import './pictures.css';

export interface EnsembleProps {
  ensemble?: EnsembleData;
  initialWidth?: number;
}

/** A list for the picture's description, followed by the paragraph it comes from, if any. */
function cited(list: string, paragraph: string | undefined): string {
  return paragraph ? `${list} ${t('paragraphAside', paragraphNumber(paragraph))}` : list;
}

/** "A, B and C", in the words and punctuation of the page's language. */
function listOf(items: string[]): string {
  return new Intl.ListFormat(undefined, { type: 'conjunction' }).format(items);
}

/**
 * Heat's cast from the catalog as inline SVG: the two leads facing each other with the characters they
 * play, and the rest of the ensemble in the essay's order.
 */
export function Ensemble({ ensemble: given, initialWidth = 600 }: EnsembleProps) {
  const id = useId();
  const ensemble = useMemo(() => given ?? buildEnsemble(), [given]);
  const [ref, width] = useMeasuredWidth<HTMLDivElement>(initialWidth);
  const layout = layoutEnsemble(ensemble, width);
  const leadsText = listOf(ensemble.leads.map((lead) => t('ensembleLeadAs', lead.name, lead.plays?.name ?? '')));
  const castText = listOf(ensemble.cast.map((member) => member.name));
  return (
    <figure class="hn-figure hn-ensemble" aria-labelledby={`${id}-caption`}>
      <figcaption class="hn-figure__caption" id={`${id}-caption`}>
        <span class="hn-figure__title">{t('ensembleTitle')}</span>
        <span class="hn-figure__subtitle">{t('ensembleSubtitle', ensemble.leads.length + ensemble.cast.length)}</span>
      </figcaption>
      <div class="hn-figure__canvas" ref={ref}>
        <svg
          class="hn-ensemble__svg"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
        >
          <title id={`${id}-title`}>{t('ensembleSvgTitle')}</title>
          <desc id={`${id}-desc`}>{t('ensembleDesc', cited(leadsText, ensemble.leadsParagraph), cited(castText, ensemble.castParagraph))}</desc>
          {layout.between && (
            <g class="hn-ensemble__between">
              <line x1={layout.between.x1} x2={layout.between.x2} y1={layout.between.y} y2={layout.between.y} />
              <circle cx={(layout.between.x1 + layout.between.x2) / 2} cy={layout.between.y} r={4} />
            </g>
          )}
          {layout.leads.map((lead) => (
            <g key={lead.member.entity} class="hn-ensemble__lead" data-entity-ref={lead.member.entity}>
              <circle class="hn-ensemble__medallion" cx={lead.cx} cy={lead.cy} r={lead.r} />
              <text class="hn-ensemble__initials" x={lead.cx} y={lead.cy + 6} text-anchor="middle">
                {initials(lead.member.name)}
              </text>
              <text class="hn-ensemble__lead-name" x={lead.cx} y={lead.nameY} text-anchor="middle">
                {lead.member.name}
              </text>
              {lead.member.plays && (
                <text class="hn-ensemble__plays" x={lead.cx} y={lead.playsY} text-anchor="middle">
                  {t('ensemblePlays', lead.member.plays.name)}
                </text>
              )}
            </g>
          ))}
          <text class="hn-ensemble__heading" x={6} y={layout.castTitleY}>
            {t(layout.leads.length ? 'ensembleWith' : 'ensembleCast')}
          </text>
          <line class="hn-ensemble__rule" x1={layout.leads.length ? 44 : 74} x2={layout.width - 6} y1={layout.castTitleY - 4} y2={layout.castTitleY - 4} />
          {layout.cast.map(({ member, x, y }) => (
            <g key={member.entity} class="hn-ensemble__member" data-entity-ref={member.entity}>
              <circle class="hn-ensemble__dot" cx={x + 4} cy={y - 4.5} r={3} />
              <text class="hn-ensemble__name" x={x + 14} y={y}>
                {member.name}
              </text>
            </g>
          ))}
        </svg>
      </div>
      {(ensemble.leadsParagraph || ensemble.castParagraph) && (
        <p class="hn-figure__note">
          {ensemble.leadsParagraph && (
            <span>
              {t('ensembleLeadsNote')} <ParagraphLink paragraph={ensemble.leadsParagraph} />
            </span>
          )}
          {ensemble.castParagraph && (
            <span>
              {t('ensembleCastNote')} <ParagraphLink paragraph={ensemble.castParagraph} />
            </span>
          )}
        </p>
      )}
    </figure>
  );
}

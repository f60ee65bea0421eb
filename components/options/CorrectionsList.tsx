import { useEffect, useRef, useState } from 'preact/hooks';
import { entityNames, type EntityId } from '../../data/entities';
import { t, tParts } from '../../lib/browser/i18n';
import { shownSurface, type Correction } from '../../lib/browser/memory/db';
import { LiveStatus } from './controls';
import { formatDay } from './format';
import { openMemoryOnce, useMemoryRead } from './use-memory';
import './memory.css';

const entityName = (id: string) => (Object.hasOwn(entityNames(), id) ? entityNames()[id as EntityId].name : id);
const keyOf = (c: Pick<Correction, 'site' | 'entity' | 'surface'>) => `${c.site}\n${c.entity}\n${c.surface}`;

/**
 * "Not this one" corrections: which name, as which words, on which site, since when; each undone on its
 * own. Undoing tells open tabs to re-read their corrections (`bumpCorrectionsRevision`), since
 * IndexedDB has no change events.
 */
export function CorrectionsList() {
  const { result, reload } = useMemoryRead((db, memory) => memory.allCorrections(db));
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' }>({ text: '', tone: 'ok' });
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  /**
   * After an undo removed the row that had focus, focus goes to the row that took its place (or the
   * one before, or the empty note), once the list is re-read without the undone row.
   */
  const focusAfter = useRef<{ index: number; key: string } | null>(null);

  useEffect(() => {
    const pending = focusAfter.current;
    if (pending === null || result.state !== 'ready') return;
    if (result.value.some((correction) => keyOf(correction) === pending.key)) return;
    focusAfter.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const target = buttons[Math.min(pending.index, buttons.length - 1)];
    (target ?? heading.current)?.focus();
  });

  if (result.state !== 'ready') {
    return <p class="memory__empty">{t(result.state === 'loading' ? 'optionsCorrectionsLoading' : 'optionsCorrectionsUnavailable')}</p>;
  }
  const corrections = result.value;

  const undo = async (correction: Correction, index: number) => {
    try {
      const { db, memory } = await openMemoryOnce();
      await memory.removeCorrection(db, correction);
      const store = await import('../../lib/browser/settings-store');
      await store.bumpCorrectionsRevision();
      setStatus({ text: t('optionsCorrectionUndone', shownSurface(correction), correction.site), tone: 'ok' });
      focusAfter.current = { index, key: keyOf(correction) };
    } catch {
      setStatus({ text: t('optionsCorrectionUndoFailed'), tone: 'error' });
    }
    reload();
  };

  return (
    <div class="corrections">
      {corrections.length === 0 ? (
        <p class="memory__empty" ref={heading} tabIndex={-1}>
          {t('optionsCorrectionsEmpty')}
        </p>
      ) : (
        <ul class="corrections__list" aria-label={t('optionsCorrectionsList')} ref={list}>
          {corrections.map((correction, index) => {
            const name = entityName(correction.entity);
            return (
              <li class="corrections__item" key={keyOf(correction)} data-correction={keyOf(correction)}>
                <span class="corrections__text">
                  {tParts(
                    'optionsCorrection',
                    <span class="corrections__name">{name}</span>,
                    <span class="corrections__surface">{shownSurface(correction)}</span>,
                    <span class="corrections__site">{correction.site}</span>,
                  )}
                  <span class="corrections__date">
                    <time dateTime={new Date(correction.createdAt).toISOString()}>{formatDay(correction.createdAt)}</time>
                  </span>
                </span>
                <button
                  class="button button--small"
                  type="button"
                  aria-label={t('optionsCorrectionUndoLabel', name, shownSurface(correction), correction.site)}
                  onClick={() => void undo(correction, index)}
                >
                  {t('optionsUndo')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <LiveStatus text={status.text} tone={status.tone} />
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { entityNames, type EntityId } from '../../data/entities';
import { plural, t, type KeyWithPlaceholders } from '../../lib/browser/i18n';
import { MAX_SIGHTING_AGE_MS, MAX_SIGHTINGS, groupSightings, type Sighting } from '../../lib/browser/memory/db';
import { exportFileName, exportSightings } from '../../lib/core/settings-file';
import { ConfirmStep, LiveStatus } from './controls';
import { downloadText } from './download';
import { formatDay, safeWebUrl } from './format';
import { openMemoryOnce, useMemoryRead } from './use-memory';
import './memory.css';

/** How long a record is kept, in days (said under the list). */
const RETENTION_DAYS = Math.round(MAX_SIGHTING_AGE_MS / 86_400_000);

/** A count in words, the number as the user's locale writes it ("1,024 records"). */
const count = (n: number, one: KeyWithPlaceholders, many: KeyWithPlaceholders) => plural(n, one, many, n.toLocaleString());

const entityName = (id: string) => (Object.hasOwn(entityNames(), id) ? entityNames()[id as EntityId].name : id);

/** The remembered pages, grouped by name; export as JSON and clear all, with a confirm step. */
export function SightingsList({ remembering }: { remembering: boolean }) {
  const { result, reload } = useMemoryRead((db, memory) => memory.allSightings(db));
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' | 'neutral' }>({ text: '', tone: 'neutral' });
  const clearButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Turning remembering on or off: show what is there now.
  useEffect(() => reload(), [remembering, reload]);

  if (result.state !== 'ready') {
    return <p class="memory__empty">{t(result.state === 'loading' ? 'optionsHistoryLoading' : 'optionsHistoryUnavailable')}</p>;
  }
  const sightings: Sighting[] = result.value;
  const groups = groupSightings(sightings);

  const exportAll = () => {
    downloadText(exportFileName('history'), exportSightings(sightings));
    setStatus({ text: t('optionsHistoryExported'), tone: 'ok' });
  };
  const clearAll = async () => {
    try {
      const { db, memory } = await openMemoryOnce();
      await memory.clearSightings(db);
      setStatus({ text: t('optionsHistoryCleared'), tone: 'ok' });
      // The buttons are disabled once nothing is left: focus goes to the part's heading.
      heading.current?.focus();
    } catch {
      setStatus({ text: t('optionsHistoryClearFailed'), tone: 'error' });
    }
    setConfirming(false);
    reload();
  };
  const cancel = () => {
    setConfirming(false);
    clearButton.current?.focus();
  };

  return (
    <div class="memory">
      <h3 class="memory__heading" ref={heading} tabIndex={-1}>{t('optionsHistoryHeading')}</h3>
      <p class="memory__note">{t('optionsHistoryRetention', RETENTION_DAYS, MAX_SIGHTINGS.toLocaleString())}</p>
      {groups.length === 0 ? (
        <p class="memory__empty">{t(remembering ? 'optionsHistoryEmptyOn' : 'optionsHistoryEmptyOff')}</p>
      ) : (
        <>
          <p class="memory__summary">{t('optionsHistorySummary', count(groups.length, 'namesOne', 'namesMany'), count(new Set(sightings.map((s) => s.url)).size, 'pagesOne', 'pagesMany'))}</p>
          <ul class="sightings">
            {groups.map((group) => {
              const name = entityName(group.entity);
              return (
                <li class="sightings__group" key={group.entity} data-entity-group={group.entity}>
                  <details>
                    <summary class="sightings__summary">
                      <span class="sightings__name">{name}</span>{' '}
                      <span class="sightings__meta">
                        {t('optionsHistoryGroup', count(group.pages.length, 'pagesOne', 'pagesMany'))} · {t('optionsHistoryLast', formatDay(group.latest))}
                      </span>
                    </summary>
                    <ul class="sightings__pages" aria-label={t('optionsHistoryPagesOf', name)}>
                      {group.pages.map((page) => {
                        const href = safeWebUrl(page.url);
                        const title = page.title.trim() || t('optionsHistoryUntitled');
                        return (
                          <li class="sightings__page" key={page.url}>
                            {href ? (
                              <a class="sightings__link" href={href} target="_blank" rel="noopener noreferrer">
                                {title}
                              </a>
                            ) : (
                              <span class="sightings__link">{title}</span>
                            )}
                            <span class="sightings__url">{page.url}</span>
                            <span class="sightings__when">
                              <time dateTime={new Date(page.time).toISOString()}>{formatDay(page.time)}</time> · {count(page.count, 'mentionsOne', 'mentionsMany')}
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div class="actions">
        <button class="button" type="button" disabled={groups.length === 0} onClick={exportAll}>
          {t('optionsHistoryExport')}
        </button>
        <button
          class="button button--danger"
          type="button"
          ref={clearButton}
          disabled={groups.length === 0}
          aria-expanded={confirming}
          aria-controls={confirming ? 'sightings-confirm' : undefined}
          onClick={() => setConfirming(!confirming)}
        >
          {t('optionsHistoryClear')}
        </button>
      </div>
      {confirming && (
        <ConfirmStep
          id="sightings-confirm"
          question={t('optionsHistoryConfirm', count(sightings.length, 'recordsOne', 'recordsMany'))}
          confirmLabel={t('optionsHistoryClearConfirm')}
          onConfirm={() => void clearAll()}
          onCancel={cancel}
        />
      )}
      <LiveStatus text={status.text} tone={status.tone} />
    </div>
  );
}

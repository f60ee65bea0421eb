import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_NAMES, type EntityId } from '../../data/entities';
import { MAX_SIGHTING_AGE_MS, MAX_SIGHTINGS, groupSightings, type Sighting } from '../../lib/memory/db';
import { exportFileName, exportSightings } from '../../lib/settings-file';
import { LiveStatus } from './controls';
import { downloadText } from './download';
import { formatDay, plural, safeWebUrl } from './format';
import { openMemoryOnce, useMemoryRead } from './use-memory';

const TEXT = {
  heading: 'Where you met these names',
  loading: 'Reading the history…',
  unavailable: 'The history could not be read here.',
  emptyOn: 'Nothing yet. Pages where Heat Notes finds names will be listed here.',
  emptyOff: 'Nothing is remembered. Turn on “Remember where I met these names” to keep a list here.',
  summary: (names: number, pages: number) => `${plural(names, 'name', 'names')}, met on ${plural(pages, 'page', 'pages')}.`,
  retention: `Kept on this device only, for ${Math.round(MAX_SIGHTING_AGE_MS / 86_400_000)} days and at most ${MAX_SIGHTINGS.toLocaleString()} records; the oldest go first.`,
  groupSummary: (pages: number) => `seen on ${plural(pages, 'page', 'pages')}`,
  last: (day: string) => `last ${day}`,
  mentions: (count: number) => plural(count, 'mention', 'mentions'),
  untitled: 'Untitled page',
  export: 'Export history',
  exported: 'History exported as a JSON file.',
  clear: 'Clear history…',
  confirm: (records: number) => `Clear the whole history (${plural(records, 'record', 'records')})? This cannot be undone.`,
  confirmClear: 'Clear history',
  cancel: 'Cancel',
  cleared: 'History cleared.',
  clearFailed: 'Couldn’t clear the history.',
  pagesOf: (name: string) => `Pages where you met ${name}`,
};

const entityName = (id: string) => (Object.hasOwn(ENTITY_NAMES, id) ? ENTITY_NAMES[id as EntityId].name : id);

/** The remembered pages, grouped by name; export as JSON and clear all, with a confirm step. */
export function SightingsList({ remembering }: { remembering: boolean }) {
  const { result, reload } = useMemoryRead((db, memory) => memory.allSightings(db));
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' | 'neutral' }>({ text: '', tone: 'neutral' });
  const confirmButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Turning remembering on or off: show what is there now.
  useEffect(() => reload(), [remembering, reload]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (result.state !== 'ready') {
    return <p class="memory__empty">{result.state === 'loading' ? TEXT.loading : TEXT.unavailable}</p>;
  }
  const sightings: Sighting[] = result.value;
  const groups = groupSightings(sightings);

  const exportAll = () => {
    downloadText(exportFileName('history'), exportSightings(sightings));
    setStatus({ text: TEXT.exported, tone: 'ok' });
  };
  const clearAll = async () => {
    try {
      const { db, memory } = await openMemoryOnce();
      await memory.clearSightings(db);
      setStatus({ text: TEXT.cleared, tone: 'ok' });
      // The buttons are disabled once nothing is left: focus goes to the part's heading.
      heading.current?.focus();
    } catch {
      setStatus({ text: TEXT.clearFailed, tone: 'error' });
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
      <h3 class="memory__heading" ref={heading} tabIndex={-1}>{TEXT.heading}</h3>
      <p class="memory__note">{TEXT.retention}</p>
      {groups.length === 0 ? (
        <p class="memory__empty">{remembering ? TEXT.emptyOn : TEXT.emptyOff}</p>
      ) : (
        <>
          <p class="memory__summary">{TEXT.summary(groups.length, new Set(sightings.map((s) => s.url)).size)}</p>
          <ul class="sightings">
            {groups.map((group) => {
              const name = entityName(group.entity);
              return (
                <li class="sightings__group" key={group.entity} data-entity-group={group.entity}>
                  <details>
                    <summary class="sightings__summary">
                      <span class="sightings__name">{name}</span>{' '}
                      <span class="sightings__meta">
                        {TEXT.groupSummary(group.pages.length)} · {TEXT.last(formatDay(group.latest))}
                      </span>
                    </summary>
                    <ul class="sightings__pages" aria-label={TEXT.pagesOf(name)}>
                      {group.pages.map((page) => {
                        const href = safeWebUrl(page.url);
                        const title = page.title.trim() || TEXT.untitled;
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
                              <time dateTime={new Date(page.time).toISOString()}>{formatDay(page.time)}</time> · {TEXT.mentions(page.count)}
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
          {TEXT.export}
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
          {TEXT.clear}
        </button>
      </div>
      {confirming && (
        <div class="confirm" id="sightings-confirm" role="group" aria-labelledby="sightings-confirm-text">
          <p class="confirm__text" id="sightings-confirm-text">
            {TEXT.confirm(sightings.length)}
          </p>
          <div class="actions">
            <button class="button button--danger-solid" type="button" ref={confirmButton} onClick={() => void clearAll()}>
              {TEXT.confirmClear}
            </button>
            <button class="button" type="button" onClick={cancel}>
              {TEXT.cancel}
            </button>
          </div>
        </div>
      )}
      <LiveStatus text={status.text} tone={status.tone} />
    </div>
  );
}

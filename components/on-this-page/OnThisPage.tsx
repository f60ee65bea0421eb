import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EntityId } from '../../data/catalog';
import { plural, t } from '../../lib/browser/i18n';
import type { EntitySightings } from '../../lib/browser/memory/db';
import { mentionsLabel, readPage, type EntitySummary, type PageApi, type PageView } from './page-mentions';
import './on-this-page.css';

export interface OnThisPageProps {
  /** Heat Notes is switched on (settings). */
  enabled: boolean;
  /** Paused for a while ("Pause for an hour"). */
  paused?: boolean;
  /** Switched off for this tab's site (the site list). */
  siteOff?: boolean;
  /** Where each name was met before (the sightings history, when the user keeps one). */
  loadSightings?: (entities: EntityId[]) => Promise<Map<EntityId, EntitySightings>>;
  /** Offers to keep that history (it is off until the user turns it on). */
  onRemember?: () => void;
  /** Settings are loaded: until then, wait rather than ask a page that may be switched off. */
  ready?: boolean;
  /** The browser calls; loaded lazily so the popup renders before the browser API is needed. */
  loadApi?: () => Promise<PageApi>;
  /**
   * Bumped to read the page again where it is (the side panel: the page's names changed): the list
   * stays as it is until the new answer, rather than going back to "Reading the page…".
   */
  revision?: number;
  /** How many names show before "Show all". */
  visible?: number;
  /** How long to keep asking a page that is loading, or that was just reloaded. */
  patienceMs?: number;
  retryEveryMs?: number;
}

/** Past this many names the rest wait behind "Show all": the essay below stays in reach. */
const VISIBLE_NAMES = 6;
/** A page loads its content script at document idle: allow it this long before giving up on it. */
const PATIENCE_MS = 10_000;
const RETRY_EVERY_MS = 500;

async function defaultApi(): Promise<PageApi> {
  return (await import('./page-api')).browserPageApi;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The names Heat Notes found on the active tab, most mentioned first; choosing one scrolls the page to
 * it (the popup stays open). When the tab cannot be asked, says why in plain words.
 */
export function OnThisPage({
  enabled,
  paused = false,
  siteOff = false,
  loadSightings,
  onRemember,
  ready = true,
  loadApi = defaultApi,
  revision = 0,
  visible = VISIBLE_NAMES,
  patienceMs = PATIENCE_MS,
  retryEveryMs = RETRY_EVERY_MS,
}: OnThisPageProps) {
  const headingId = useId();
  const [view, setView] = useState<PageView>({ state: 'loading' });
  const [expanded, setExpanded] = useState(false);
  const [status, setStatus] = useState('');
  /** Bumped to read the page again (after Reload). */
  const [round, setRound] = useState(0);
  const [sightings, setSightings] = useState<Map<EntityId, EntitySightings>>(new Map());
  const afterReload = useRef(false);
  const api = useRef<PageApi | null>(null);
  /** The revision last read: a new one alone re-reads quietly. */
  const readRevision = useRef(revision);

  useEffect(() => {
    if (!ready) return;
    if (!enabled || paused || siteOff) {
      setView({ state: 'off', paused: enabled && paused, siteOff: enabled && !paused && siteOff });
      return;
    }
    let cancelled = false;
    const reloading = afterReload.current;
    afterReload.current = false;
    const quietly = readRevision.current !== revision && !reloading;
    readRevision.current = revision;
    void (async () => {
      if (!quietly) setView({ state: 'loading' });
      try {
        api.current ??= await loadApi();
      } catch {
        if (!cancelled) setView({ state: 'cant-read' });
        return;
      }
      const deadline = Date.now() + patienceMs;
      for (;;) {
        const next = await readPage(api.current);
        if (cancelled) return;
        // Just reloaded: the tab is still on the list from before install, or loading, for a moment.
        const waiting = next.state === 'page-loading' || (reloading && next.state === 'reload');
        if (!waiting || Date.now() > deadline) {
          setView(next.state === 'page-loading' ? { state: 'cant-read' } : next);
          return;
        }
        setView(reloading ? { state: 'loading' } : next);
        await sleep(retryEveryMs);
        if (cancelled) return;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [ready, enabled, paused, siteOff, round, revision]);

  const found = view.state === 'found' ? view.entries.map((entry) => entry.entity).join(' ') : '';
  useEffect(() => {
    if (!loadSightings || found === '') {
      setSightings(new Map());
      return;
    }
    let cancelled = false;
    loadSightings(found.split(' ') as EntityId[]).then(
      (loaded) => !cancelled && setSightings(loaded),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [found, loadSightings]);

  const reveal = async (tabId: number, entry: EntitySummary) => {
    try {
      const answer = await api.current?.reveal(tabId, entry.entity);
      setStatus(answer && answer.total > 0 ? t('otpRevealed', entry.name, answer.index, answer.total) : t('otpShown', entry.name));
    } catch {
      setStatus(t('otpNoAnswer'));
      setRound((n) => n + 1);
    }
  };

  const reload = async (tabId: number) => {
    try {
      await api.current?.reload(tabId);
    } catch {
      setStatus(t('otpReloadFailed'));
      return;
    }
    afterReload.current = true;
    setRound((n) => n + 1);
  };

  const total = view.state === 'found' ? view.total : 0;
  return (
    <section class="otp" aria-labelledby={headingId} data-state={view.state}>
      <div class="otp__head">
        <h2 class="otp__title" id={headingId}>
          {t('otpTitle')}
        </h2>
        {view.state === 'found' && view.total > 0 && (
          <p class="otp__total">{t('otpTotal', mentionsLabel(total), plural(view.entries.length, 'namesOne', 'namesMany'))}</p>
        )}
      </div>
      <Body
        view={view}
        expanded={expanded}
        visible={visible}
        onExpand={() => setExpanded(true)}
        onReveal={reveal}
        onReload={reload}
        sightings={sightings}
      />
      {view.state === 'found' && view.entries.length > 0 && onRemember && (
        <p class="otp__offer">
          {t('otpRememberAsk')}{' '}
          <button type="button" class="otp__link" onClick={onRemember}>
            {t('otpRemember')}
          </button>
        </p>
      )}
      <p class="otp__status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

interface BodyProps {
  view: PageView;
  expanded: boolean;
  visible: number;
  onExpand: () => void;
  onReveal: (tabId: number, entry: EntitySummary) => void;
  onReload: (tabId: number) => void;
  sightings: ReadonlyMap<EntityId, EntitySightings>;
}

function Body({ view, expanded, visible, onExpand, onReveal, onReload, sightings }: BodyProps) {
  switch (view.state) {
    case 'loading':
    case 'page-loading':
      return <p class="otp__message otp__message--quiet">{t('otpReading')}</p>;
    case 'off':
      return (
        <p class="otp__message" data-reason="off">
          {t(view.paused ? 'otpPaused' : view.siteOff ? 'otpSiteOff' : 'otpOff')}
        </p>
      );
    case 'cant-read':
      return (
        <div class="otp__message" data-reason="cant-read">
          <p class="otp__lead">{t('otpCantRead')}</p>
          <p class="otp__detail">{t('otpCantReadWhy')}</p>
        </div>
      );
    case 'reload':
      return (
        <div class="otp__message otp__message--action" data-reason="reload">
          <div>
            <p class="otp__lead">{t('otpReloadLead')}</p>
            <p class="otp__detail">{t('otpReloadWhy')}</p>
          </div>
          <button type="button" class="otp__button" onClick={() => onReload(view.tabId)}>
            {t('otpReload')}
          </button>
        </div>
      );
    case 'found': {
      if (view.entries.length === 0) {
        return (
          <p class="otp__message" data-reason="none">
            {t('otpNone')}
          </p>
        );
      }
      const shown = expanded ? view.entries : view.entries.slice(0, visible);
      const hidden = view.entries.length - shown.length;
      const most = view.entries[0]!.count;
      return (
        <>
          <ul class="otp__list">
            {shown.map((entry) => (
              <li key={entry.entity} class="otp__row">
                <button
                  type="button"
                  class="otp__entry"
                  data-entity-ref={entry.entity}
                  data-count={entry.count}
                  aria-label={t('otpEntry', entry.name, entry.kindLabel, mentionsLabel(entry.count))}
                  onClick={() => onReveal(view.tabId, entry)}
                >
                  <span class="otp__label">
                    <span class="otp__name">{entry.name}</span> <span class="otp__kind">{entry.kindLabel}</span>
                  </span>
                  <span class="otp__bar" aria-hidden="true">
                    <span class="otp__bar-fill" style={{ width: `${Math.max(8, (entry.count / most) * 100)}%` }} />
                  </span>
                  <span class="otp__count">{entry.count}</span>
                </button>
                <Seen entry={entry} seen={sightings.get(entry.entity)} />
              </li>
            ))}
          </ul>
          {hidden > 0 && (
            <button type="button" class="otp__more" onClick={onExpand}>
              {t('otpShowMore', hidden)}
            </button>
          )}
        </>
      );
    }
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "Seen on 4 pages", opening onto the most recent of them. */
function Seen({ entry, seen }: { entry: EntitySummary; seen: EntitySightings | undefined }) {
  if (!seen || seen.pages === 0) return null;
  return (
    <details class="otp__seen">
      <summary class="otp__seen-summary" aria-label={t('otpSeenLabel', entry.name, pagesLabel(seen.pages))}>
        {t('otpSeen', pagesLabel(seen.pages))}
      </summary>
      <ul class="otp__seen-list">
        {seen.recent.map((sighting) => (
          <li key={sighting.url} class="otp__seen-page">
            <a href={sighting.url} target="_blank" rel="noopener noreferrer" class="otp__seen-link">
              {sighting.title.trim() || sighting.url}
            </a>{' '}
            <time class="otp__seen-time" dateTime={new Date(sighting.time).toISOString()}>
              {dateFormat.format(sighting.time)}
            </time>
          </li>
        ))}
      </ul>
    </details>
  );
}

function pagesLabel(pages: number): string {
  return plural(pages, 'pagesOne', 'pagesMany');
}

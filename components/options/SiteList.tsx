import { useEffect, useRef, useState } from 'preact/hooks';
import { normalizeSite } from '../../lib/settings-file';
import { SITE_MODES, type SiteMode } from '../../lib/settings';
import { RadioSetting } from './controls';

const TEXT = {
  modeLabel: 'Site list',
  modeDescription: 'A site on the list covers its subdomains too: example.com also covers news.example.com.',
  modes: { never: 'Never on these sites', only: 'Only on these sites' } satisfies Record<SiteMode, string>,
  modeHints: {
    never: 'Heat Notes marks every page except those on the listed sites.',
    only: 'Heat Notes marks pages on the listed sites and nowhere else.',
  } satisfies Record<SiteMode, string>,
  addLabel: 'Add a site',
  addPlaceholder: 'example.com',
  addButton: 'Add',
  notASite: (input: string) => `“${input}” is not a site name. Type one like example.com or paste a page’s address.`,
  empty: 'Type a site name to add it.',
  alreadyListed: (site: string) => `${site} is already on the list.`,
  emptyList: { never: 'No sites yet: Heat Notes marks every page.', only: 'No sites yet: with an empty list, Heat Notes marks no page at all.' },
  listLabel: (mode: SiteMode) => (mode === 'never' ? 'Sites where Heat Notes is off' : 'The only sites Heat Notes marks'),
  remove: (site: string) => `Remove ${site}`,
  removed: (site: string) => `Removed ${site}.`,
  added: (site: string) => `Added ${site}.`,
  undo: 'Undo',
  restored: (site: string) => `${site} is back on the list.`,
  failed: 'Couldn’t save the site list: extension storage is unavailable.',
};

interface SiteListProps {
  mode: SiteMode;
  onModeChange: (mode: SiteMode) => void;
  sites: readonly string[];
  save: (sites: string[]) => Promise<boolean>;
  disabled?: boolean;
}

/** The site list: "never on" or "only on" these sites; add with a check, remove with an undo. */
export function SiteList({ mode, onModeChange, sites, save, disabled }: SiteListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [removed, setRemoved] = useState<{ site: string; index: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<'undo' | string | null>(null);

  // Focus moves once what it moves to is on the page (a render may come between the change and it).
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    const element = target === 'undo' ? undoButton.current : list.current?.querySelector<HTMLButtonElement>(`button[data-site="${CSS.escape(target)}"]`);
    if (!element) return;
    focusAfter.current = null;
    element.focus();
  });

  const add = async (event: Event) => {
    event.preventDefault();
    const typed = draft.trim();
    if (typed === '') {
      setError(TEXT.empty);
      return;
    }
    const site = normalizeSite(typed);
    if (!site) {
      setError(TEXT.notASite(typed));
      return;
    }
    if (sites.includes(site)) {
      setError(TEXT.alreadyListed(site));
      return;
    }
    setError('');
    const kept = await save([...sites, site]);
    if (!kept) {
      setError(TEXT.failed);
      return;
    }
    setDraft('');
    setRemoved(null);
    setStatus(TEXT.added(site));
    input.current?.focus();
  };

  const remove = async (site: string) => {
    const index = sites.indexOf(site);
    setError('');
    const kept = await save(sites.filter((entry) => entry !== site));
    if (!kept) {
      setStatus(TEXT.failed);
      return;
    }
    setRemoved({ site, index });
    setStatus(TEXT.removed(site));
    focusAfter.current = 'undo';
  };

  const undo = async () => {
    if (!removed) return;
    const next = sites.filter((entry) => entry !== removed.site);
    next.splice(Math.min(removed.index, next.length), 0, removed.site);
    const kept = await save(next);
    if (!kept) {
      setStatus(TEXT.failed);
      return;
    }
    setStatus(TEXT.restored(removed.site));
    focusAfter.current = removed.site;
    setRemoved(null);
  };

  const errorId = 'site-add-error';
  return (
    <RadioSetting
      id="setting-site-mode"
      label={TEXT.modeLabel}
      description={TEXT.modeDescription}
      value={mode}
      options={SITE_MODES}
      labels={TEXT.modes}
      hints={TEXT.modeHints}
      disabled={disabled}
      onChange={onModeChange}
    >
      <div class="sites">
        <form class="sites__add" onSubmit={add} noValidate>
          <label class="sites__add-label" for="site-add">
            {TEXT.addLabel}
          </label>
          <div class="sites__add-row">
            <input
              class="text-input"
              id="site-add"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder={TEXT.addPlaceholder}
              value={draft}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onInput={(event) => {
                setDraft(event.currentTarget.value);
                if (error) setError('');
              }}
            />
            <button class="button" type="submit" disabled={disabled}>
              {TEXT.addButton}
            </button>
          </div>
          {error && (
            <p class="field-error" id={errorId} role="alert">
              {error}
            </p>
          )}
        </form>
        {sites.length > 0 ? (
          <ul class="sites__list" aria-label={TEXT.listLabel(mode)} ref={list}>
            {sites.map((site) => (
              <li class="sites__item" key={site}>
                <span class="sites__name">{site}</span>
                <button class="button button--quiet button--small" type="button" data-site={site} aria-label={TEXT.remove(site)} onClick={() => void remove(site)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class={mode === 'only' ? 'sites__empty sites__empty--warn' : 'sites__empty'}>{TEXT.emptyList[mode]}</p>
        )}
        <div class="sites__status">
          <p class="live-status" role="status" aria-live="polite">
            {status}
          </p>
          {removed && (
            <button class="button button--small" type="button" ref={undoButton} onClick={() => void undo()} aria-label={`${TEXT.undo}: put ${removed.site} back`}>
              {TEXT.undo}
            </button>
          )}
        </div>
      </div>
    </RadioSetting>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { normalizeSite } from '../../lib/core/site-rules';
import { t, type PlainKey } from '../../lib/browser/i18n';
import { SITE_MODES, type SiteMode } from '../../lib/core/settings';
import { RadioSetting } from './controls';

/** What the list says while empty, by mode (with "only", an empty list marks nothing: a warning). */
const EMPTY_LIST: Readonly<Record<SiteMode, PlainKey>> = { never: 'optionsSitesEmptyNever', only: 'optionsSitesEmptyOnly' };

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
      setError(t('optionsSiteEmpty'));
      return;
    }
    const site = normalizeSite(typed);
    if (!site) {
      setError(t('optionsSiteNotASite', typed));
      return;
    }
    if (sites.includes(site)) {
      setError(t('optionsSiteListed', site));
      return;
    }
    setError('');
    const kept = await save([...sites, site]);
    if (!kept) {
      setError(t('optionsSitesSaveFailed'));
      return;
    }
    setDraft('');
    setRemoved(null);
    setStatus(t('optionsSiteAdded', site));
    input.current?.focus();
  };

  const remove = async (site: string) => {
    const index = sites.indexOf(site);
    setError('');
    const kept = await save(sites.filter((entry) => entry !== site));
    if (!kept) {
      setStatus(t('optionsSitesSaveFailed'));
      return;
    }
    setRemoved({ site, index });
    setStatus(t('optionsSiteRemoved', site));
    focusAfter.current = 'undo';
  };

  const undo = async () => {
    if (!removed) return;
    const next = sites.filter((entry) => entry !== removed.site);
    next.splice(Math.min(removed.index, next.length), 0, removed.site);
    const kept = await save(next);
    if (!kept) {
      setStatus(t('optionsSitesSaveFailed'));
      return;
    }
    setStatus(t('optionsSiteRestored', removed.site));
    focusAfter.current = removed.site;
    setRemoved(null);
  };

  const errorId = 'site-add-error';
  return (
    <RadioSetting
      id="setting-site-mode"
      label={t('optionsSites')}
      description={t('optionsSitesHint')}
      value={mode}
      options={SITE_MODES}
      labels={{ never: t('optionsSitesNever'), only: t('optionsSitesOnly') }}
      hints={{ never: t('optionsSitesNeverHint'), only: t('optionsSitesOnlyHint') }}
      disabled={disabled}
      onChange={onModeChange}
    >
      <div class="sites">
        <form class="sites__add" onSubmit={add} noValidate>
          <label class="sites__add-label" for="site-add">
            {t('optionsSiteAdd')}
          </label>
          <div class="sites__add-row">
            <input
              class="text-input"
              id="site-add"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder={t('optionsSiteAddPlaceholder')}
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
              {t('optionsSiteAddButton')}
            </button>
          </div>
          {error && (
            <p class="field-error" id={errorId} role="alert">
              {error}
            </p>
          )}
        </form>
        {sites.length > 0 ? (
          <ul class="sites__list" aria-label={t(mode === 'never' ? 'optionsSitesListNever' : 'optionsSitesListOnly')} ref={list}>
            {sites.map((site) => (
              <li class="sites__item" key={site}>
                <span class="sites__name">{site}</span>
                <button class="button button--quiet button--small" type="button" data-site={site} aria-label={t('optionsSiteRemoveLabel', site)} onClick={() => void remove(site)}>
                  {t('optionsSiteRemove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class={mode === 'only' ? 'sites__empty sites__empty--warn' : 'sites__empty'}>{t(EMPTY_LIST[mode])}</p>
        )}
        <div class="sites__status">
          <p class="live-status" role="status" aria-live="polite">
            {status}
          </p>
          {removed && (
            <button class="button button--small" type="button" ref={undoButton} onClick={() => void undo()} aria-label={t('optionsSiteUndoLabel', removed.site)}>
              {t('optionsUndo')}
            </button>
          )}
        </div>
      </div>
    </RadioSetting>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { EssayView } from '../../components/essay/EssayView';
import { OnThisPage } from '../../components/on-this-page/OnThisPage';
import { citedPassage } from '../../components/side-panel/panel-follow';
import { ReaderControls } from '../../components/reader/ReaderControls';
import { useFollowedTab } from '../../components/side-panel/use-followed-tab';
import { useReaderPrefs } from '../../components/reader/use-reader-prefs';
import { useSettings } from '../../components/shared/use-settings';
import { useSites } from '../../components/shared/use-sites';
import { t } from '../../lib/browser/i18n';
import { isPaused } from '../../lib/core/settings';
import { siteAllowed } from '../../lib/core/site-rules';

/** The site of the followed tab, asked of its content script (no `tabs` permission to read addresses). */
function useTabSite(tabId: number | undefined, revision: number): string | undefined {
  const [site, setSite] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (tabId === undefined) return setSite(undefined);
    let cancelled = false;
    import('../../components/on-this-page/page-api')
      .then((api) => api.tabSite(tabId))
      .then((found) => !cancelled && setSite(found), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [tabId, revision]);
  return site;
}

/**
 * "Read alongside": Heat Notes in the browser's side panel (Chrome's side_panel, Firefox's sidebar),
 * beside the page and in step with it. "On this page" for the tab in front, then the whole essay in
 * the reader's theme and size. When a card opens on the page, the essay scrolls to the paragraph its
 * first fact cites and marks the quoted words; choosing a name in the list steps the page to it.
 */
export function App() {
  const { settings, state } = useSettings();
  const { sites } = useSites();
  const reader = useReaderPrefs();
  const followed = useFollowedTab();
  const site = useTabSite(followed.tabId, followed.revision);
  const goal = useMemo(() => followed.card && citedPassage(followed.card.entity, followed.card.facts), [followed.card]);
  const tabId = followed.tabId;
  return (
    <div class="panel">
      <header class="panel__bar">
        <h1 class="panel__title">{t('extName')}</h1>
        <ReaderControls compact prefs={reader.prefs} onChange={(next) => void reader.update(next)} />
      </header>
      <main class="panel__main">
        <OnThisPage
          // Another tab is another list: start afresh ("Reading the page…") rather than show the last one's.
          key={tabId ?? 'none'}
          enabled={settings.enabled}
          paused={isPaused(settings, Date.now())}
          siteOff={site !== undefined && !siteAllowed(settings, sites, site)}
          ready={state !== 'loading' && tabId !== undefined}
          loadApi={async () => (await import('../../components/on-this-page/page-api')).tabPageApi(tabId!)}
          revision={followed.revision}
        />
        <EssayView spoilersRevealed={settings.spoilersRevealed} follow={goal} />
      </main>
    </div>
  );
}

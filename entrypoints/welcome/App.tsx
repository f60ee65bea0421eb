import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { entityNames } from '../../data/entities';
import { ESSAY_PAGE } from '../../lib/core/essay-address';
import { t, tParts, type PlainKey } from '../../lib/browser/i18n';
import { browserFamily, declaredShortcuts, shortcutRows, shortcutSettingsUrl, type BrowserFamily, type ShortcutRow } from '../../lib/background/welcome';

/** "What it does", point by point. */
const WHAT_ITEMS: readonly PlainKey[] = ['welcomeWhatMarks', 'welcomeWhatCard', 'welcomeWhatButton', 'welcomeWhatContext'];

/** "What it keeps, and where": what, then where. */
const STORED_ITEMS: ReadonlyArray<readonly [PlainKey, PlainKey]> = [
  ['welcomeStoredSettings', 'welcomeStoredSettingsWhere'],
  ['welcomeStoredReader', 'welcomeStoredReaderWhere'],
  ['welcomeStoredSites', 'welcomeStoredSitesWhere'],
  ['welcomeStoredHistory', 'welcomeStoredHistoryWhere'],
];

/** "Switching it off": the scope, then how. */
const OFF_ITEMS: ReadonlyArray<readonly [PlainKey, PlainKey]> = [
  ['welcomeOffSite', 'welcomeOffSiteHow'],
  ['welcomeOffPause', 'welcomeOffPauseHow'],
  ['welcomeOffList', 'welcomeOffListHow'],
  ['welcomeOffAll', 'welcomeOffAllHow'],
];

/** Where this browser changes an extension's shortcuts. */
const CHANGE_KEYS: Readonly<Record<BrowserFamily, PlainKey>> = {
  chromium: 'welcomeKeysChromium',
  edge: 'welcomeKeysEdge',
  opera: 'welcomeKeysOpera',
  firefox: 'welcomeKeysFirefox',
};

interface CommandsApi {
  getAll(): Promise<Array<{ name?: string; shortcut?: string }>>;
  openShortcutSettings?: () => Promise<void>;
}

async function extensionApi() {
  try {
    const { browser } = await import('wxt/browser');
    return browser;
  } catch {
    return undefined;
  }
}

/** The shortcuts as the browser has them now; the declared defaults until it answers (or outside the extension). */
function useShortcuts(family: BrowserFamily): ShortcutRow[] {
  const declared = declaredShortcuts(family);
  const [rows, setRows] = useState(() => shortcutRows(declared, undefined));
  useEffect(() => {
    void (async () => {
      const commands = (await extensionApi())?.commands as CommandsApi | undefined;
      const reported = await commands?.getAll().catch(() => undefined);
      if (reported) setRows(shortcutRows(declared, reported));
    })();
  }, []);
  return rows;
}

/** Opens the browser's shortcut settings: a tab in Chromium browsers, Firefox's own panel there. */
async function openShortcutSettings(family: BrowserFamily): Promise<boolean> {
  const browser = await extensionApi();
  if (!browser) return false;
  try {
    const url = shortcutSettingsUrl(family);
    if (url) await browser.tabs.create({ url });
    else await (browser.commands as unknown as CommandsApi).openShortcutSettings!();
    return true;
  } catch {
    return false;
  }
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 class="section__title" id={`${id}-title`}>
        {title}
      </h2>
      <div class="section__body section__body--prose">{children}</div>
    </section>
  );
}

function Keys({ keys }: { keys: string }) {
  if (!keys) return <span class="keys keys--none">{t('welcomeKeysNotSet')}</span>;
  const parts = keys.split('+');
  return (
    <kbd class="keys">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <span class="keys__plus">+</span>}
          <kbd>{part}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
}

/**
 * The page a new user sees once, right after installing (`welcome.html`, opened by the background on
 * `runtime.onInstalled` with reason `install`): what Heat Notes does, what it keeps and where, how to
 * switch it off, and its keyboard shortcuts with where to change them in this browser.
 */
export function App() {
  const family = browserFamily(navigator.userAgent);
  const shortcuts = useShortcuts(family);
  const [openFailed, setOpenFailed] = useState(false);
  return (
    <div class="page">
      <header class="page__header">
        <img class="page__icon" src="/icon/96.png" width="64" height="64" alt="" />
        <div>
          <p class="page__eyebrow">{t('welcomeEyebrow')}</p>
          <h1 class="page__title">{t('welcomeTitle')}</h1>
        </div>
      </header>
      <main class="page__main">
        <p class="page__lede">{tParts('welcomeLede', <cite>{t('filmHeat')}</cite>)}</p>
        <figure class="sample">
          <p class="sample__text">
            {tParts('welcomeSample', <cite>{t('filmHeat')}</cite>, <mark class="sample__mark">{entityNames()['al-pacino'].name}</mark>)}
          </p>
          <figcaption class="sample__caption">{t('welcomeSampleLabel')}</figcaption>
        </figure>

        <Section id="what" title={t('welcomeWhatTitle')}>
          <ul class="list">
            {WHAT_ITEMS.map((item) => (
              <li key={item}>{t(item)}</li>
            ))}
          </ul>
        </Section>

        <Section id="stored" title={t('welcomeStoredTitle')}>
          <dl class="facts">
            {STORED_ITEMS.map(([what, where]) => (
              <div class="facts__row" key={what}>
                <dt>{t(what)}</dt>
                <dd>{t(where)}</dd>
              </div>
            ))}
          </dl>
          <p class="callout">
            <strong>{t('welcomeNothing')}</strong> {t('welcomeNothingDetail')}
          </p>
        </Section>

        <Section id="off" title={t('welcomeOffTitle')}>
          <dl class="facts">
            {OFF_ITEMS.map(([what, how]) => (
              <div class="facts__row" key={what}>
                <dt>{t(what)}</dt>
                <dd>{t(how)}</dd>
              </div>
            ))}
          </dl>
          <p>
            <a class="accent-button" href="options.html">
              {t('welcomeOpenSettings')}
            </a>
          </p>
        </Section>

        <Section id="keys" title={t('welcomeKeysTitle')}>
          <p>{t('welcomeKeysIntro')}</p>
          <table class="shortcuts">
            <thead>
              <tr>
                <th scope="col">{t('welcomeKeysColumn')}</th>
                <th scope="col">{t('welcomeKeysActionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {shortcuts.map((row) => (
                <tr key={row.name} data-command={row.name}>
                  <td>
                    <Keys keys={row.key} />
                  </td>
                  <td>{row.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('welcomeKeysCard')}</p>
          <h3 class="section__subtitle">{t('welcomeKeysChangeTitle')}</h3>
          <p data-browser={family}>{t(CHANGE_KEYS[family])}</p>
          <p>
            <button
              type="button"
              class="accent-button"
              onClick={async () => setOpenFailed(!(await openShortcutSettings(family)))}
            >
              {t('welcomeKeysOpen')}
            </button>
          </p>
          <p class="status" role="status">
            {openFailed ? t('welcomeKeysOpenFailed') : ''}
          </p>
        </Section>
      </main>
      <footer class="page__footer">
        <p>{t('welcomeClosing')}</p>
        <nav class="page__links" aria-label={t('welcomeFooterNav')}>
          <a href={ESSAY_PAGE}>{t('welcomeFooterEssay')}</a>
          <a href="options.html">{t('welcomeFooterSettings')}</a>
        </nav>
      </footer>
    </div>
  );
}

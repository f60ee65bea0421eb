import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { COMMANDS } from '../../lib/background/commands';
import { browserFamily, shortcutRows, shortcutSettingsUrl, type BrowserFamily, type ShortcutRow } from '../../lib/background/welcome';

// Every string the page shows, together, so they can move to _locales/en/messages.json in one step.
const TEXT = {
  eyebrow: 'Heat Notes is installed',
  title: 'Welcome to Heat Notes',
  lede: {
    before: 'Heat Notes marks the names of Michael Mann’s ',
    film: 'Heat',
    after: ' (1995) — its cast, its two leads, the films tied to it, the studios and the festival — on the pages you read, and shows what one essay says about each.',
  },
  sample: {
    label: 'How a marked name looks on a page',
    before: 'In ',
    film: 'Heat',
    middle: ', ',
    name: 'Al Pacino',
    after: ' plays Vincent Hanna.',
  },
  what: {
    title: 'What it does',
    items: [
      'Names are marked with a thin amber line, painted over the page: the page’s own text and code are left exactly as they were.',
      'Rest the pointer on a marked name: after a moment a card shows what the essay says about it, each fact with its paragraph.',
      'The toolbar button counts the names on the page. Its menu lists them and holds the whole essay.',
      'A name that could mean something else — the Miami Heat, another Mann — is marked only when the page shows it is about the film.',
    ],
  },
  stored: {
    title: 'What it keeps, and where',
    items: [
      {
        what: 'Your settings',
        where: 'in your browser’s extension storage (storage.sync), which your browser copies to your other devices if you use its sync.',
      },
      {
        what: 'The essay’s theme and text size',
        where: 'in this browser only (storage.local).',
      },
      {
        what: 'Where you met these names',
        where: 'only if you turn on “Remember where I met these names” in Settings; it is off until you do. Kept in this browser, in Heat Notes’ own database (IndexedDB), and you can clear it there.',
      },
    ],
    nothing: 'Nothing leaves your browser.',
    nothingDetail: 'Heat Notes reads the text of a page inside your browser to find names, and keeps none of it. It makes no network requests, sends nothing anywhere, and has no analytics and no remote code.',
  },
  off: {
    title: 'Switching it off',
    items: [
      { what: 'On one site', how: 'open the Heat Notes button in the toolbar and choose “Off on this site”.' },
      { what: 'For a while', how: '“Pause for an hour” in the same menu stops marking on every site for an hour.' },
      { what: 'A list of sites', how: 'in Settings, name the sites where Heat Notes stays off — or the only sites it may mark.' },
      { what: 'Everywhere', how: 'the “Mark mentions on pages” switch in the menu or in Settings.' },
    ],
    settingsLink: 'Open Settings',
  },
  keys: {
    title: 'Keyboard shortcuts',
    intro: 'Step through the marked names on a page without the mouse: the page scrolls to the name, its card opens, and screen readers hear which name it is.',
    keyColumn: 'Keys',
    actionColumn: 'What they do',
    notSet: 'Not set',
    card: 'In an open card: P pins it, Tab then moves into it, and Escape closes it and returns you where you were.',
    changeTitle: 'Changing them',
    change: {
      chromium: 'In Chrome, open chrome://extensions/shortcuts.',
      edge: 'In Edge, open edge://extensions/shortcuts.',
      opera: 'In Opera, open opera://extensions/shortcuts.',
      firefox: 'In Firefox, open about:addons, then the gear button (⚙), then “Manage Extension Shortcuts”.',
    } satisfies Record<BrowserFamily, string>,
    openButton: 'Open shortcut settings',
    openFailed: 'Your browser did not open its shortcut settings; follow the steps above.',
  },
  footer: {
    essay: 'Read the essay',
    settings: 'Settings',
    closing: 'You can close this tab: Heat Notes is already at work on the pages you open.',
    navLabel: 'More from Heat Notes',
  },
} as const;

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
function useShortcuts(): ShortcutRow[] {
  const [rows, setRows] = useState(() => shortcutRows(COMMANDS, undefined));
  useEffect(() => {
    void (async () => {
      const commands = (await extensionApi())?.commands as CommandsApi | undefined;
      const reported = await commands?.getAll().catch(() => undefined);
      if (reported) setRows(shortcutRows(COMMANDS, reported));
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
      <div class="section__body">{children}</div>
    </section>
  );
}

function Keys({ keys }: { keys: string }) {
  if (!keys) return <span class="keys keys--none">{TEXT.keys.notSet}</span>;
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
  const shortcuts = useShortcuts();
  const [openFailed, setOpenFailed] = useState(false);
  return (
    <div class="page">
      <header class="page__header">
        <img class="page__icon" src="/icon/96.png" width="64" height="64" alt="" />
        <div>
          <p class="page__eyebrow">{TEXT.eyebrow}</p>
          <h1 class="page__title">{TEXT.title}</h1>
        </div>
      </header>
      <main class="page__main">
        <p class="page__lede">
          {TEXT.lede.before}
          <cite>{TEXT.lede.film}</cite>
          {TEXT.lede.after}
        </p>
        <figure class="sample">
          <p class="sample__text">
            {TEXT.sample.before}
            <cite>{TEXT.sample.film}</cite>
            {TEXT.sample.middle}
            <mark class="sample__mark">{TEXT.sample.name}</mark>
            {TEXT.sample.after}
          </p>
          <figcaption class="sample__caption">{TEXT.sample.label}</figcaption>
        </figure>

        <Section id="what" title={TEXT.what.title}>
          <ul class="list">
            {TEXT.what.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </Section>

        <Section id="stored" title={TEXT.stored.title}>
          <dl class="facts">
            {TEXT.stored.items.map(({ what, where }) => (
              <div class="facts__row" key={what}>
                <dt>{what}</dt>
                <dd>{where}</dd>
              </div>
            ))}
          </dl>
          <p class="callout">
            <strong>{TEXT.stored.nothing}</strong> {TEXT.stored.nothingDetail}
          </p>
        </Section>

        <Section id="off" title={TEXT.off.title}>
          <dl class="facts">
            {TEXT.off.items.map(({ what, how }) => (
              <div class="facts__row" key={what}>
                <dt>{what}</dt>
                <dd>{how}</dd>
              </div>
            ))}
          </dl>
          <p class="actions">
            <a class="button" href="options.html">
              {TEXT.off.settingsLink}
            </a>
          </p>
        </Section>

        <Section id="keys" title={TEXT.keys.title}>
          <p>{TEXT.keys.intro}</p>
          <table class="shortcuts">
            <thead>
              <tr>
                <th scope="col">{TEXT.keys.keyColumn}</th>
                <th scope="col">{TEXT.keys.actionColumn}</th>
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
          <p>{TEXT.keys.card}</p>
          <h3 class="section__subtitle">{TEXT.keys.changeTitle}</h3>
          <p data-browser={family}>{TEXT.keys.change[family]}</p>
          <p class="actions">
            <button
              type="button"
              class="button"
              onClick={async () => setOpenFailed(!(await openShortcutSettings(family)))}
            >
              {TEXT.keys.openButton}
            </button>
          </p>
          <p class="status" role="status">
            {openFailed ? TEXT.keys.openFailed : ''}
          </p>
        </Section>
      </main>
      <footer class="page__footer">
        <p>{TEXT.footer.closing}</p>
        <nav class="page__links" aria-label={TEXT.footer.navLabel}>
          <a href="essay.html">{TEXT.footer.essay}</a>
          <a href="options.html">{TEXT.footer.settings}</a>
        </nav>
      </footer>
    </div>
  );
}

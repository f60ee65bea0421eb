/**
 * First run: the welcome page (`entrypoints/welcome/`, built to `welcome.html`) opens once, when Heat
 * Notes is installed, and never on an update or a browser update. Pure, apart from the `openTab` it is
 * given and the words of the shortcut rows (`i18n.getMessage`), so it tests in Node; the background
 * passes `browser.tabs.create`.
 *
 * Also here, because the welcome page needs it and it is just as pure: which browser the page runs in,
 * to say where its keyboard shortcuts are changed.
 */

import { t, type PlainKey } from '../browser/i18n';
import { COMMANDS, READ_ALONGSIDE } from './commands';

/** The welcome page, as `browser.runtime.getURL` takes it. */
export const WELCOME_PATH = '/welcome.html';

/**
 * At `runtime.onInstalled`: opens the welcome page when `reason` is `install`, and does nothing for
 * `update`, `chrome_update`, `browser_update` or `shared_module_update`. Resolves to whether it opened.
 */
export async function openWelcomeOnInstall(
  reason: string,
  openTab: (path: typeof WELCOME_PATH) => Promise<unknown> | unknown,
): Promise<boolean> {
  if (reason !== 'install') return false;
  await openTab(WELCOME_PATH);
  return true;
}

/** The browsers whose shortcut settings live in different places. */
export type BrowserFamily = 'firefox' | 'edge' | 'opera' | 'chromium';

/**
 * Which browser a user agent string names. Firefox (and its forks) say `Firefox/` or `Gecko/` without
 * `Chrome/`; Edge says `Edg/`; Opera `OPR/`; every other Chromium (Chrome, Brave, Vivaldi) is `chromium`.
 */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/\bEdg(A|iOS)?\//.test(userAgent)) return 'edge';
  if (/\bOPR\//.test(userAgent)) return 'opera';
  if (/\bChrom(e|ium)\//.test(userAgent)) return 'chromium';
  if (/\bFirefox\/|\bGecko\/\d/.test(userAgent)) return 'firefox';
  return 'chromium';
}

/**
 * The address of the browser's own shortcut settings, which an extension page may open with
 * `tabs.create` (Chromium browsers). Firefox has no such address: there the page calls
 * `commands.openShortcutSettings()` (Firefox 137+) instead, so this is undefined.
 */
export function shortcutSettingsUrl(family: BrowserFamily): string | undefined {
  switch (family) {
    case 'edge':
      return 'edge://extensions/shortcuts';
    case 'opera':
      return 'opera://extensions/shortcuts';
    case 'chromium':
      return 'chrome://extensions/shortcuts';
    case 'firefox':
      return undefined;
  }
}

/**
 * The shortcuts Heat Notes declares in `family`'s manifest, in the order the page lists them: stepping
 * through the names, then "Read alongside", whose command is named differently in Firefox (its
 * sidebar's own `_execute_sidebar_action`).
 */
export function declaredShortcuts(family: BrowserFamily): Record<string, { key: string; message: PlainKey }> {
  const readAlongside = family === 'firefox' ? READ_ALONGSIDE.firefox : READ_ALONGSIDE.chrome;
  return { ...COMMANDS, [readAlongside]: { key: READ_ALONGSIDE.key, message: READ_ALONGSIDE.message } };
}

export interface ShortcutRow {
  name: string;
  /** What the shortcut does, in the user's language. */
  description: string;
  /** The key as the browser reports it now (the user may have changed it), or '' when none is set. */
  key: string;
}

/**
 * The shortcuts to show: the declared ones, in their declared order, with the key the browser reports
 * (`commands.getAll()`) where it reports one for that command, else the declared default. A command the
 * browser lists with an empty shortcut (the user removed it, or another extension holds the key) shows
 * as ''. Commands the browser adds on its own (`_execute_action`) are left out. Each description is
 * the command's `message`, in the user's language.
 */
export function shortcutRows(
  declared: Readonly<Record<string, { key: string; message: PlainKey }>>,
  reported: ReadonlyArray<{ name?: string; shortcut?: string }> | undefined,
): ShortcutRow[] {
  return Object.entries(declared).map(([name, { key, message }]) => {
    const live = reported?.find((command) => command.name === name);
    return { name, description: t(message), key: live ? (live.shortcut ?? '') : key };
  });
}

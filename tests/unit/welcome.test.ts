import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../lib/background/commands';
import { browserFamily, declaredShortcuts, openWelcomeOnInstall, shortcutRows, shortcutSettingsUrl, WELCOME_PATH } from '../../lib/background/welcome';

describe('the welcome page on install', () => {
  it('opens welcome.html once when Heat Notes is installed', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await openWelcomeOnInstall('install', openTab)).toBe(true);
    expect(openTab).toHaveBeenCalledTimes(1);
    expect(openTab).toHaveBeenCalledWith('/welcome.html');
    expect(WELCOME_PATH).toBe('/welcome.html');
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update', ''])('opens nothing on %j', async (reason) => {
    const openTab = vi.fn();
    expect(await openWelcomeOnInstall(reason, openTab)).toBe(false);
    expect(openTab).not.toHaveBeenCalled();
  });

  it('lets a failure to open the tab reach the caller', async () => {
    await expect(openWelcomeOnInstall('install', () => Promise.reject(new Error('no tabs')))).rejects.toThrow('no tabs');
  });
});

describe('which browser, for where its shortcuts are changed', () => {
  const AGENTS = {
    chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    chromiumHeadless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
    firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
    firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:141.0) Gecko/20100101 Firefox/141.0',
    firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0',
  };

  it('tells Firefox from Chrome, Edge and Opera, though they all say "Gecko"', () => {
    expect(browserFamily(AGENTS.chrome)).toBe('chromium');
    expect(browserFamily(AGENTS.chromiumHeadless)).toBe('chromium');
    expect(browserFamily(AGENTS.edge)).toBe('edge');
    expect(browserFamily(AGENTS.opera)).toBe('opera');
    expect(browserFamily(AGENTS.firefox)).toBe('firefox');
    expect(browserFamily(AGENTS.firefoxMac)).toBe('firefox');
    expect(browserFamily(AGENTS.firefoxAndroid)).toBe('firefox');
    expect(browserFamily('')).toBe('chromium');
  });

  it('gives the address of the shortcut settings in Chromium browsers, none in Firefox', () => {
    expect(shortcutSettingsUrl('chromium')).toBe('chrome://extensions/shortcuts');
    expect(shortcutSettingsUrl('edge')).toBe('edge://extensions/shortcuts');
    expect(shortcutSettingsUrl('opera')).toBe('opera://extensions/shortcuts');
    expect(shortcutSettingsUrl('firefox')).toBeUndefined();
  });
});

describe('the shortcuts the page lists', () => {
  it('shows the declared keys until the browser answers', () => {
    expect(shortcutRows(COMMANDS, undefined)).toEqual([
      { name: 'next-mention', description: 'Go to the next marked name', key: 'Alt+Shift+J' },
      { name: 'previous-mention', description: 'Go to the previous marked name', key: 'Alt+Shift+K' },
    ]);
  });

  it('shows the key the user chose, an empty key where none is set, and leaves out the browser’s own commands', () => {
    const rows = shortcutRows(COMMANDS, [
      { name: '_execute_action', shortcut: 'Ctrl+Shift+H' },
      { name: 'previous-mention', shortcut: '' },
      { name: 'next-mention', shortcut: 'Ctrl+Shift+Period' },
    ]);
    expect(rows.map((row) => [row.name, row.key])).toEqual([
      ['next-mention', 'Ctrl+Shift+Period'],
      ['previous-mention', ''],
    ]);
  });

  it('lists Read alongside under the name each browser gives its command', () => {
    const chromium = shortcutRows(declaredShortcuts('chromium'), [{ name: 'read-alongside', shortcut: 'Alt+Shift+E' }]);
    expect(chromium.map((row) => [row.name, row.key])).toEqual([
      ['next-mention', 'Alt+Shift+J'],
      ['previous-mention', 'Alt+Shift+K'],
      ['read-alongside', 'Alt+Shift+E'],
    ]);
    const firefox = shortcutRows(declaredShortcuts('firefox'), [{ name: '_execute_sidebar_action', shortcut: 'Ctrl+Alt+E' }]);
    expect(firefox.at(-1)).toEqual({ name: '_execute_sidebar_action', description: 'Read alongside: open Heat Notes in the side panel', key: 'Ctrl+Alt+E' });
  });

  it('keeps the default for a command the browser does not list', () => {
    expect(shortcutRows(COMMANDS, [{ name: 'next-mention' }]).map((row) => row.key)).toEqual(['', 'Alt+Shift+K']);
  });
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openAlongside } from '../lib/browser/side-panel';
import { answerBackgroundMessage, type BackgroundEffects } from '../lib/background/answer';
import { READ_ALONGSIDE, stepDirection } from '../lib/background/commands';
import {
  clearTabsBeforeInstall,
  forgetTabBeforeInstall,
  recordTabsBeforeInstall,
  type ReadinessStorage,
} from '../lib/background/tab-readiness';
import { openWelcomeOnInstall } from '../lib/background/welcome';
import { openMemory, type MemoryDb } from '../lib/browser/memory/db';
import type { ContentMessage } from '../lib/core/messages';
import { bumpCorrectionsRevision, loadSettings, loadSites } from '../lib/browser/settings-store';

/** The badge's colour: the highlight amber, dark enough for white text. */
const BADGE_COLOR = '#9a4a00';

export default defineBackground(() => {
  let memory: Promise<MemoryDb> | undefined;
  const effects: BackgroundEffects = {
    openPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as `/essay.html${string}`) });
    },
    setBadge: async (tabId, text) => {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      await browser.action.setBadgeText({ tabId, text });
    },
    loadSettings,
    loadSites,
    memory: () => (memory ??= openMemory()),
    correctionsChanged: bumpCorrectionsRevision,
    now: () => Date.now(),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => answerBackgroundMessage(message, sender, effects));

  browser.commands.onCommand.addListener(async (command, pressedOn) => {
    // Chrome lets a shortcut open the side panel in its own gesture, which the first `await` would
    // end: opened at once, in the window of the tab the shortcut was pressed on (lib/browser/side-panel.ts).
    if (command === READ_ALONGSIDE.chrome) {
      await openAlongside(pressedOn?.windowId).catch(() => undefined);
      return;
    }
    const direction = stepDirection(command);
    if (!direction) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: ContentMessage = { type: 'mentions/step', direction };
    // A tab without a content script (a browser page, one opened before install) has no receiver.
    await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });

  // Which tabs were open before install or update (they have no content script until they reload), so
  // the popup can tell "Reload to annotate" from a page no extension can read. See tab-readiness.ts.
  const readiness: ReadinessStorage = { session: browser.storage.session, local: browser.storage.local };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.tabs
      .query({})
      .then((tabs) => recordTabsBeforeInstall(readiness, reason, tabs, Date.now()))
      .catch(() => undefined);
  });
  // First run: the welcome page, on install only (not on an update). See lib/background/welcome.ts.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void openWelcomeOnInstall(reason, (path) => browser.tabs.create({ url: browser.runtime.getURL(path) })).catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void clearTabsBeforeInstall(readiness).catch(() => undefined));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTabBeforeInstall(readiness, tabId).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabBeforeInstall(readiness, tabId).catch(() => undefined));
});

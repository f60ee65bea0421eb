import { browser } from 'wxt/browser';
import type { EntityId } from '../../data/catalog';
import { readTabsBeforeInstall } from '../../lib/background/tab-readiness';
import type { ContentMessage, ContentMessages, MentionsResponse } from '../../lib/core/messages';
import type { PageApi } from './page-mentions';

/** The top frame only (docs/contract.md): frames have content scripts of their own that are not asked. */
const TOP_FRAME = { frameId: 0 };

/**
 * "On this page" through the real browser. The popup asks the active tab of its own window; no
 * `tabs` permission is needed for ids, messages or reload.
 */
export const browserPageApi: PageApi = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab && { id: tab.id, status: tab.status };
  },
  async getMentions(tabId) {
    const message: ContentMessage = { type: 'mentions/get' };
    return (await browser.tabs.sendMessage(tabId, message, TOP_FRAME)) as MentionsResponse | undefined;
  },
  async reveal(tabId, entity: EntityId) {
    const message: ContentMessage = { type: 'mentions/reveal', entity };
    return (await browser.tabs.sendMessage(tabId, message, TOP_FRAME)) as ContentMessages['mentions/reveal']['response'];
  },
  async reload(tabId) {
    await browser.tabs.reload(tabId);
  },
  tabsBeforeInstall: () => readTabsBeforeInstall({ session: browser.storage.session, local: browser.storage.local }),
};

/**
 * "On this page" for one given tab: the side panel's, which follows a tab rather than asking for the
 * active one each time.
 */
export function tabPageApi(tabId: number): PageApi {
  return {
    ...browserPageApi,
    async activeTab() {
      const tab = await browser.tabs.get(tabId);
      return { id: tab.id, status: tab.status };
    },
  };
}

/** The active tab's site as the site list names it, or undefined where no content script answers. */
export async function activeSite(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : tabSite(tab.id);
}

/** A tab's site as the site list names it, asked of its content script; undefined where none answers. */
export async function tabSite(tabId: number): Promise<string | undefined> {
  const message: ContentMessage = { type: 'page/site' };
  try {
    const answer = (await browser.tabs.sendMessage(tabId, message, TOP_FRAME)) as ContentMessages['page/site']['response'] | undefined;
    return answer?.site;
  } catch {
    return undefined;
  }
}

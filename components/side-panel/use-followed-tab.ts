import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EntityId } from '../../data/catalog';
import { isBackgroundMessage, isPageEvent } from '../../lib/core/messages';

export interface CardOnPage {
  entity: EntityId;
  /** Indices in the entity's facts of those the card shows (`card/shown`, lib/core/messages.ts). */
  facts: number[];
}

export interface FollowedTab {
  /** The tab the side panel follows: the active tab of its window (never the panel's own tab). */
  tabId: number | undefined;
  /** Bumped when that tab's page changed: it loads, or its content script found other names. */
  revision: number;
  /** The card shown last on that tab's page: a new object each time one opens. */
  card: CardOnPage | undefined;
}

/**
 * The tab the side panel is beside, followed as the reader moves: switching tabs (`tabs.onActivated`),
 * loading a page (`tabs.onUpdated`: only the status, since without the `tabs` permission addresses are
 * hidden), the page's names changing (`mentions/changed`, which its content script sends on its first
 * paint, after a route change and when text is added) and a card opening there (`card/shown`).
 * Messages from any other tab are ignored.
 *
 * Opened as a tab rather than in the side panel (a browser without one, or a test), the panel follows
 * the other tabs of its window, and keeps showing the last one while it is itself in front.
 */
export function useFollowedTab(): FollowedTab {
  const [state, setState] = useState<FollowedTab>({ tabId: undefined, revision: 0, card: undefined });

  useEffect(() => {
    let cancelled = false;
    let windowId: number | undefined;
    let ownTab: number | undefined;
    let current: number | undefined;
    const follow = (tabId: number) => {
      if (tabId === ownTab || tabId === current) return;
      current = tabId;
      setState((was) => ({ tabId, revision: was.revision, card: undefined }));
    };
    const changed = () => setState((was) => ({ ...was, revision: was.revision + 1 }));

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) follow(info.tabId);
    };
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (tabId === current && change.status !== undefined) changed();
    };
    const onRemoved = (tabId: number) => {
      if (tabId !== current) return;
      current = undefined;
      setState((was) => ({ tabId: undefined, revision: was.revision, card: undefined }));
    };
    // Never answers: the background answers `mentions/changed`, and nobody waits for `card/shown`.
    const onMessage = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }): undefined => {
      if (current === undefined || sender.tab?.id !== current) return undefined;
      if (isPageEvent(message)) {
        setState((was) => ({ ...was, card: { entity: message.entity, facts: message.facts } }));
      } else if (isBackgroundMessage(message) && message.type === 'mentions/changed' && sender.frameId === 0) {
        changed();
      }
      return undefined;
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.runtime.onMessage.addListener(onMessage);

    void (async () => {
      const [window, own] = await Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent().catch(() => undefined)]);
      windowId = window.id;
      ownTab = own?.id;
      const tabs = await browser.tabs.query({ windowId });
      const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== ownTab);
      const front = others.find((tab) => tab.active) ?? others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      if (!cancelled && front?.id !== undefined && current === undefined) follow(front.id);
    })().catch(() => undefined);

    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  return state;
}

/**
 * "On this page" in the popup: what the active tab's content script found, summed per entity, and
 * what to say when it cannot be asked. Pure: the browser calls come in as a `PageApi`.
 */
import { CATALOG, isEntityId, type EntityId, type EntityKind } from '../../data/catalog';
import { classifyUnreachable, type TabsBeforeInstall } from '../../lib/background/tab-readiness';
import { plural } from '../../lib/browser/i18n';
import type { MentionsResponse, StepAnswer } from '../../lib/core/messages';
import { kindLabel } from '../shared/labels';

export interface EntitySummary {
  entity: EntityId;
  name: string;
  kind: EntityKind;
  kindLabel: string;
  count: number;
  /** Index of its first mention on the page: ties in count keep the page's order. */
  first: number;
}

/** Mentions summed per entity, most mentioned first, then in the order the page first names them. */
export function summarizeMentions(mentions: ReadonlyArray<{ entity: string }>): EntitySummary[] {
  const byEntity = new Map<EntityId, EntitySummary>();
  mentions.forEach((mention, index) => {
    if (!isEntityId(mention.entity)) return;
    const found = byEntity.get(mention.entity);
    if (found) {
      found.count += 1;
      return;
    }
    const { name, kind } = CATALOG[mention.entity];
    byEntity.set(mention.entity, { entity: mention.entity, name, kind, kindLabel: kindLabel(kind), count: 1, first: index });
  });
  return [...byEntity.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}

export type PageView =
  | { state: 'loading' }
  /** Switched off, or paused for a while: pages are not read. */
  | { state: 'off'; paused: boolean; siteOff?: boolean }
  /** The page is loading and its content script has not answered yet. */
  | { state: 'page-loading'; tabId: number }
  | { state: 'cant-read' }
  | { state: 'reload'; tabId: number }
  | { state: 'found'; tabId: number; entries: EntitySummary[]; total: number };

/** The browser, as "On this page" uses it; the popup passes the real one, tests a fake. */
export interface PageApi {
  /** The active tab of the popup's window. */
  activeTab(): Promise<{ id?: number; status?: string } | undefined>;
  /** `mentions/get` to the tab's top frame; rejects when no content script is there. */
  getMentions(tabId: number): Promise<MentionsResponse | undefined>;
  /** `mentions/reveal`: the page scrolls to that entity's (next) mention and flashes it; `index` is 1-based. */
  reveal(tabId: number, entity: EntityId): Promise<StepAnswer | undefined>;
  reload(tabId: number): Promise<void>;
  tabsBeforeInstall(): Promise<TabsBeforeInstall | undefined>;
}

/** Asks the active tab what it found, or why it cannot say. */
export async function readPage(api: PageApi): Promise<PageView> {
  const tab = await api.activeTab().catch(() => undefined);
  const tabId = tab?.id;
  if (tabId === undefined) return { state: 'cant-read' };
  let response: MentionsResponse | undefined;
  try {
    response = await api.getMentions(tabId);
  } catch {
    const record = await api.tabsBeforeInstall().catch(() => undefined);
    const why = classifyUnreachable({ id: tabId, status: tab?.status }, record);
    if (why === 'reload') return { state: 'reload', tabId };
    if (why === 'loading') return { state: 'page-loading', tabId };
    return { state: 'cant-read' };
  }
  if (!response || !Array.isArray(response.mentions)) return { state: 'cant-read' };
  return { state: 'found', tabId, entries: summarizeMentions(response.mentions), total: response.mentions.length };
}

/** The words for a count: "1 mention", "12 mentions". */
export function mentionsLabel(count: number): string {
  return plural(count, 'mentionsOne', 'mentionsMany');
}

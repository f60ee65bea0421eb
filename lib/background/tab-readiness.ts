/**
 * Why a tab's content script does not answer, told apart without the `tabs` permission (which would
 * show us every URL the user visits).
 *
 * A tab that was already open when Heat Notes was installed or updated has no content script until it
 * reloads (docs/platform-notes.md, "Storage and privacy"); a browser page, the Web Store or the PDF
 * viewer never gets one. We cannot read the URL to tell which, but `tabs.query({})` gives every tab's id
 * without permission: at `runtime.onInstalled` the background records the ids open at that moment. A tab
 * that does not answer and is on that list was opened before install ("Reload to annotate"); any other
 * is a page extensions may not read. A recorded tab that loads a page is forgotten: it has our script
 * now, or, if it is a browser page, reloading would not help.
 *
 * The record lives in `storage.session` (cleared with the browser session, like tab ids). Where there
 * is none (older browsers), `storage.local` holds it with the install time, and the background clears
 * it at browser start (`runtime.onStartup`), when tab ids begin again.
 *
 * Pure: storage areas are passed in, so this tests in Node.
 */

export const TABS_BEFORE_INSTALL_KEY = 'tabsBeforeInstall';

export interface TabsBeforeInstall {
  /** Ids of the tabs open at install or update. */
  tabIds: number[];
  /** When they were recorded (epoch ms). */
  at: number;
}

/** The little of `storage.StorageArea` this module uses. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ReadinessStorage {
  /** `storage.session`, where the browser has it. */
  session?: StorageAreaLike;
  local: StorageAreaLike;
}

/** `runtime.onInstalled` reasons after which open tabs lack a (live) content script. */
export function shouldRecord(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}

export function makeRecord(tabs: ReadonlyArray<{ id?: number }>, now: number): TabsBeforeInstall {
  const tabIds = [...new Set(tabs.map((tab) => tab.id ?? -1).filter((id) => Number.isInteger(id) && id >= 0))];
  return { tabIds, at: now };
}

export function parseRecord(value: unknown): TabsBeforeInstall | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { tabIds, at } = value as Record<string, unknown>;
  if (!Array.isArray(tabIds) || typeof at !== 'number') return undefined;
  return { tabIds: tabIds.filter((id): id is number => Number.isInteger(id)), at };
}

export function forgetTab(record: TabsBeforeInstall, tabId: number): TabsBeforeInstall {
  return { ...record, tabIds: record.tabIds.filter((id) => id !== tabId) };
}

export type Unreachable =
  /** The page is still loading: its content script may not have run yet. Ask again shortly. */
  | 'loading'
  /** Open since before install or update: reloading the tab gives it Heat Notes. */
  | 'reload'
  /** A browser page, the Web Store, a PDF, a file…: no extension may read it. */
  | 'cant-read';

/** Why the tab's content script did not answer. */
export function classifyUnreachable(tab: { id: number; status?: string }, record: TabsBeforeInstall | undefined): Unreachable {
  if (record?.tabIds.includes(tab.id)) return 'reload';
  if (tab.status === 'loading') return 'loading';
  return 'cant-read';
}

function area(storage: ReadinessStorage): StorageAreaLike {
  return storage.session ?? storage.local;
}

/** At `runtime.onInstalled`: remembers the tabs open now (for `install` and `update` only). */
export async function recordTabsBeforeInstall(
  storage: ReadinessStorage,
  reason: string,
  tabs: ReadonlyArray<{ id?: number }>,
  now: number,
): Promise<void> {
  if (!shouldRecord(reason)) return;
  await area(storage).set({ [TABS_BEFORE_INSTALL_KEY]: makeRecord(tabs, now) });
}

export async function readTabsBeforeInstall(storage: ReadinessStorage): Promise<TabsBeforeInstall | undefined> {
  const stored = await area(storage).get(TABS_BEFORE_INSTALL_KEY);
  return parseRecord(stored[TABS_BEFORE_INSTALL_KEY]);
}

/** A tab started loading a page (or closed): it is no longer one from before install. */
export async function forgetTabBeforeInstall(storage: ReadinessStorage, tabId: number): Promise<void> {
  const record = await readTabsBeforeInstall(storage);
  if (!record?.tabIds.includes(tabId)) return;
  await area(storage).set({ [TABS_BEFORE_INSTALL_KEY]: forgetTab(record, tabId) });
}

/** At browser start (`runtime.onStartup`): tab ids begin again, so a kept list means nothing. */
export async function clearTabsBeforeInstall(storage: ReadinessStorage): Promise<void> {
  if (storage.session) return; // The session area is already empty.
  await storage.local.remove(TABS_BEFORE_INSTALL_KEY);
}

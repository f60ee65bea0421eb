import { browser } from 'wxt/browser';

/**
 * Opening Heat Notes in the browser's side panel ("Read alongside"): Chrome's `sidePanel`
 * (`side_panel` in the manifest) or Firefox's `sidebarAction` (`sidebar_action`). Neither is in
 * webextension-polyfill's types, so they are typed here as far as Heat Notes uses them.
 *
 * Both browsers open a panel only in answer to the user (a click, a keyboard shortcut), and lose that
 * permission at the first `await`: call `openAlongside` synchronously in the handler, with the window's
 * id read beforehand.
 */
interface SidePanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

function apis(): SidePanelApis {
  return browser as unknown as SidePanelApis;
}

/** Whether this browser has a side panel Heat Notes can open (not Firefox for Android, not Chrome before 114). */
export function canReadAlongside(): boolean {
  try {
    return typeof apis().sidePanel?.open === 'function' || typeof apis().sidebarAction?.open === 'function';
  } catch {
    return false;
  }
}

/** Opens the panel in `windowId` (Chrome needs it; Firefox opens the sidebar of the window in front). */
export function openAlongside(windowId: number | undefined): Promise<void> {
  const { sidePanel, sidebarAction } = apis();
  if (sidePanel && windowId !== undefined) return sidePanel.open({ windowId });
  if (sidebarAction) return sidebarAction.open();
  return Promise.reject(new Error('No side panel in this browser'));
}

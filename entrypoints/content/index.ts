import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HoverCards } from '../../lib/dom/hover-card';
import { PageScanner } from '../../lib/dom/page-scanner';
import { isContentMessage, type BackgroundMessage, type MentionsResponse } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import './style.css';

/**
 * Marks mentions on the page (painted with the CSS Custom Highlight API: the page's DOM is never
 * touched; `style.css` is the manifest's content-script CSS, which adds no node) and shows a card when
 * the pointer rests on one. Wiring only: the work is in `lib/dom/`.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  cssInjectionMode: 'manifest',
  main(ctx) {
    startHeatNotes(ctx);
  },
});

function startHeatNotes(ctx: ContentScriptContext): void {
  const scanner = new PageScanner({
    document,
    signal: ctx.signal,
    scheduleFrame: (callback) => void ctx.requestAnimationFrame(() => callback()),
    onRepaint: (index) => hoverCards.mentionsChanged(index), // called once scanning runs, after both exist
  });
  const hoverCards = new HoverCards({
    document,
    window,
    lookup: (entity) => browser.runtime.sendMessage({ type: 'entity/get', entity } satisfies BackgroundMessage),
    hitTest: (x, y) => scanner.hitTest(x, y),
    setActive: (range) => scanner.setActive(range),
    listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler as EventListener, options),
    requestFrame: (callback) => ctx.requestAnimationFrame(() => callback()),
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    clearTimeout: (id) => clearTimeout(id),
  });
  hoverCards.start();

  // Settings: switched off, nothing is read or painted, but we keep listening for switching on.
  let enabled = false;
  const apply = (settings: Settings) => {
    if (settings.enabled === enabled) return;
    enabled = settings.enabled;
    if (enabled) {
      scanner.start();
    } else {
      hoverCards.close();
      scanner.stop();
    }
  };
  const ready = loadSettings().then(apply, () => apply(DEFAULT_SETTINGS));
  const unwatch = watchSettings((settings) => void ready.then(() => apply(settings)));

  // Single-page navigation: the page is another one now.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    hoverCards.close();
    scanner.rescan();
  });

  ctx.onInvalidated(() => {
    unwatch();
    hoverCards.destroy();
    scanner.stop();
  });

  // `mentions/get` (CONTRACT.md): callers ask the top frame only.
  if (window !== window.top) return;
  const answer = async (): Promise<MentionsResponse> => {
    await ready;
    if (enabled) await scanner.settled();
    if (!enabled) return { mentions: [], stats: { scanMs: 0, textNodes: 0, chars: 0 } };
    return scanner.report();
  };
  const onMessage = (message: unknown) => (isContentMessage(message) ? answer() : undefined);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

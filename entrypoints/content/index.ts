import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HoverCards } from '../../lib/dom/hover-card';
import type { MentionIndex } from '../../lib/dom/mention-index';
import { MentionStepper } from '../../lib/dom/mention-stepper';
import { PageScanner } from '../../lib/dom/page-scanner';
import {
  isContentMessage,
  type BackgroundMessage,
  type BackgroundMessages,
  type ContentMessage,
  type MentionsResponse,
} from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import './style.css';

/**
 * Marks mentions on the page (painted with the CSS Custom Highlight API: the page's DOM is never
 * touched; `style.css` is the manifest's content-script CSS, which adds no node), shows a card when
 * the pointer rests on one, steps through them from the keyboard, and keeps the toolbar badge's count.
 * Wiring only: the work is in `lib/dom/`.
 */

/** Asks the background; the content script carries neither the essay nor the catalog. */
function ask<K extends keyof BackgroundMessages>(
  message: BackgroundMessages[K]['request'] & BackgroundMessage,
): Promise<BackgroundMessages[K]['response']> {
  return browser.runtime.sendMessage(message) as Promise<BackgroundMessages[K]['response']>;
}
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
    onRepaint: (index) => repainted(index), // called once scanning runs, after everything exists
  });
  const hoverCards = new HoverCards({
    document,
    window,
    lookup: (entity) => ask<'entity/get'>({ type: 'entity/get', entity }),
    loadParagraph: (paragraph) => ask<'essay/paragraph'>({ type: 'essay/paragraph', paragraph }),
    openEssay: (paragraph, quote) => void ask<'essay/open'>({ type: 'essay/open', paragraph, quote }).catch(() => undefined),
    hitTest: (x, y) => scanner.hitTest(x, y),
    setActive: (range) => scanner.setActive(range),
    listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler as EventListener, options),
    requestFrame: (callback) => ctx.requestAnimationFrame(() => callback()),
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    clearTimeout: (id) => clearTimeout(id),
  });
  hoverCards.start();
  const stepper = new MentionStepper({ window, mentions: () => scanner.ordered(), cards: hoverCards });

  // The toolbar badge counts the top frame's mentions; told only when the count changes.
  const isTop = window === window.top;
  let badgeTotal = 0;
  const repainted = (index: MentionIndex) => {
    hoverCards.mentionsChanged(index);
    if (!isTop || index.size === badgeTotal) return;
    badgeTotal = index.size;
    try {
      // The background may be asleep or gone (extension updated): the badge can wait for the next change.
      ask<'mentions/changed'>({ type: 'mentions/changed', total: badgeTotal }).catch(() => undefined);
    } catch {
      // the extension context is gone
    }
  };

  // Settings: switched off, nothing is read or painted, but we keep listening for switching on.
  let enabled = false;
  const apply = (settings: Settings) => {
    hoverCards.configure(settings);
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

  // Single-page navigation: the page is another one now (read once the router has rendered it).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    hoverCards.close();
    scanner.rescanAfterTask();
  });

  ctx.onInvalidated(() => {
    unwatch();
    hoverCards.destroy();
    scanner.stop();
  });

  // `mentions/get` (CONTRACT.md), `mentions/step` and `mentions/reveal`: callers ask the top frame only.
  if (!isTop) return;
  const settled = async (): Promise<boolean> => {
    await ready;
    if (enabled) await scanner.settled();
    return enabled;
  };
  const answer = async (message: ContentMessage) => {
    const on = await settled();
    switch (message.type) {
      case 'mentions/get':
        return on ? scanner.report() : ({ mentions: [], stats: { scanMs: 0, textNodes: 0, chars: 0 } } satisfies MentionsResponse);
      case 'mentions/step':
        return on ? stepper.step(message.direction) : undefined;
      case 'mentions/reveal':
        return on ? stepper.reveal(message.entity) : undefined;
    }
  };
  const onMessage = (message: unknown) => (isContentMessage(message) ? answer(message) : undefined);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

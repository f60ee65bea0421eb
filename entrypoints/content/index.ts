// First: the time it records is the script's start (see started-at.ts).
import { SCRIPT_STARTED_AT } from './started-at';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { importPageCards, type Cards } from '../../lib/page/card/page-cards';
import { loadOnce } from '../../lib/page/own-script';
import type { MentionIndex } from '../../lib/page/mark/mention-index';
import { PageScanner } from '../../lib/page/scan/page-scanner';
import {
  isContentMessage,
  type BackgroundMessage,
  type BackgroundMessages,
  type ContentMessage,
  type MentionsResponse,
  type PageEvent,
} from '../../lib/core/messages';
import { chooseMentions, choosesAll, type Dismissal, type MentionChoices } from '../../lib/core/mention-filter';
import { DEFAULT_SETTINGS, isPaused, type Settings } from '../../lib/core/settings';
import { loadSettings, watchCorrectionsRevision, watchSettings, watchSites } from '../../lib/browser/settings-store';
import { siteOf } from '../../lib/core/site-rules';
import type { Timers } from '../../lib/core/timers';
import { VisitReporter } from '../../lib/page/visit-reporter';
import './style.css';

/**
 * Marks mentions on the page (painted with the CSS Custom Highlight API: the page's DOM is never
 * touched; `style.css` is the manifest's content-script CSS, which adds no node), shows a card when
 * the pointer rests on one, steps through them from the keyboard, and keeps the toolbar badge's count.
 * Wiring only: the work is in `lib/page/`.
 */

/** Asks the background; the content script carries neither the essay nor the catalog. */
function ask<K extends keyof BackgroundMessages>(
  message: BackgroundMessages[K]['request'] & BackgroundMessage,
): Promise<BackgroundMessages[K]['response']> {
  return browser.runtime.sendMessage(message) as Promise<BackgroundMessages[K]['response']>;
}
/**
 * Sends and forgets: no answer is awaited, and no one may be listening (the background asleep or
 * gone after an update, no side panel open).
 */
function tell(message: BackgroundMessage | PageEvent): void {
  try {
    browser.runtime.sendMessage(message).catch(() => undefined);
  } catch {
    // the extension context is gone
  }
}
/** The longest delay `setTimeout` honours (2³¹ − 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How often the marks are checked for a page that cleared `CSS.highlights`. */
const REASSERT_EVERY_MS = 1_000;

export default defineContentScript({
  matches: ['<all_urls>'],
  // Names in frames are marked too (an embedded article, a same-origin preview); each frame scans its
  // own document. Only the top frame keeps the badge and answers the popup.
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script (left behind by an update) to stop with a DOM event, and
  // by default with a `window.postMessage` too, which every page's own message listeners receive and
  // which cost 9–17 ms of main thread on every page load (BENCHMARKS.md). The event is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startHeatNotes(ctx);
  },
});

function startHeatNotes(ctx: ContentScriptContext): void {
  // `mentions/get` (docs/contract.md), `mentions/step`, `mentions/reveal` and `page/site`: callers ask
  // the top frame only. Listening comes first, so that nothing asked early is lost; answers wait for
  // the page to be read.
  const isTop = window === window.top;
  if (isTop) {
    // Answered through `sendResponse` (and `true`: an answer will come), as both browsers take it from
    // their own API, which this script uses (wxt.config.ts).
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      if (!isContentMessage(message)) return false;
      answer(message).then(sendResponse, (error: unknown) => {
        console.warn('Heat Notes could not answer:', error);
        sendResponse(undefined);
      });
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }
  const startupMs = performance.now() - SCRIPT_STARTED_AT;
  let markedAfterMs: number | undefined;

  // What the user chose to see: categories, matches dismissed on this site, first mention only.
  let choices: MentionChoices = { categories: DEFAULT_SETTINGS.categories, dismissed: [], firstMentionOnly: false };
  // The content script's timers, cancelled with it.
  const timers: Timers = { set: (callback, ms) => ctx.setTimeout(callback, ms), clear: (id) => clearTimeout(id) };
  const scanner = new PageScanner({
    document,
    signal: ctx.signal,
    scheduleFrame: (callback) => void ctx.requestAnimationFrame(() => callback()),
    onRepaint: (index) => repainted(index), // called once scanning runs, after everything exists
    // Nothing is painted before the background has said the site list lets Heat Notes run here.
    select: (ordered) => (siteAllowed !== true ? [] : choosesAll(choices) ? ordered : chooseMentions(ordered, choices)),
  });
  // The cards, the keyboard path to the mentions and the watch on the marks: a script of their own
  // (`page-cards.js`), imported and set up after the first paint that holds a mention, or when asked
  // to step through the mentions. On a page without our names their code is not even compiled,
  // nothing listens to the pointer, the keys or the scroll, and no timer runs (BENCHMARKS.md).
  let cards: Cards | undefined;
  /** Their loading, once the first paint with a mention asked for it. */
  let cardsAsked: Promise<unknown> | undefined;
  /** Loads and sets them up once (again with the next mention after a failure, warned of once). */
  const withCards = loadOnce(async () => {
    const pageCards = await importPageCards();
    if (ctx.isInvalid) return undefined;
    cards = pageCards.create(
      {
        document,
        window,
        lookup: (entity) => ask<'entity/get'>({ type: 'entity/get', entity }),
        loadParagraph: (paragraph) => ask<'essay/paragraph'>({ type: 'essay/paragraph', paragraph }),
        openEssay: (paragraph, quote) => tell({ type: 'essay/open', paragraph, quote }),
        notThis: (mention) => {
          // Gone at once here; the background remembers it for the site, and other tabs follow.
          dismissed = [...dismissed, { entity: mention.entity, surface: mention.text }];
          apply();
          tell({ type: 'corrections/add', entity: mention.entity, surface: mention.text });
        },
        // The side panel, if open, scrolls its essay to what the card cites: ids only (lib/core/messages.ts).
        shown: (entity) => {
          const facts = entity.facts.flatMap((fact, index) => (!fact.spoiler || settings.spoilersRevealed ? [index] : []));
          tell({ type: 'card/shown', entity: entity.id, facts });
        },
        hitTest: (x, y) => scanner.hitTest(x, y),
        setActive: (range) => scanner.setActive(range),
        listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler as EventListener, options),
        requestFrame: (callback) => ctx.requestAnimationFrame(() => callback()),
        timers,
      },
      () => scanner.ordered(),
    );
    cards.hover.configure(settings);
    cards.hover.start();
    // A page may clear the shared highlight registry without changing its DOM (its own
    // find-in-page): put our marks back. Only while the tab is visible; a look-up per second
    // costs nothing, and a page that never had a mark has no timer waking it.
    ctx.setInterval(() => {
      if (document.visibilityState === 'visible') scanner.reassertHighlights();
    }, REASSERT_EVERY_MS);
    return cards;
  }, 'Heat Notes could not load its cards:');

  // Where names were met, for the sightings history the user may keep (the background decides).
  const visits = new VisitReporter({
    report: (counts) => ask<'page/visited'>({ type: 'page/visited', title: document.title, counts }),
    timers,
  });
  // Told whenever the names found change (the first paint that finds any, a route, text added while
  // scrolling), not only their count: the side panel's "On this page" reads the page again then. A
  // page without names says nothing, as most pages hold none: a panel reads a page as it loads anyway
  // (`tabs.onUpdated`), and the first message a content script sends costs it a millisecond.
  let toldNames = '';
  const repainted = (index: MentionIndex) => {
    if (siteAllowed === true) markedAfterMs ??= performance.now() - SCRIPT_STARTED_AT;
    if (cards) cards.hover.mentionsChanged(index);
    // Loaded and set up in tasks of their own once the marks are painted: not part of reading the page.
    // Even starting the import is a task apart: its first step took 8–14 ms on the 10 MB article, in the
    // slice that painted (BENCHMARKS.md, eleventh session).
    else if (index.size > 0) cardsAsked = new Promise<void>((resolve) => timers.set(resolve, 0)).then(withCards);
    if (!isTop) return;
    const entities = index.mentions.map((placed) => placed.mention.entity);
    if (settings.rememberSightings) visits.mentionsChanged(entities);
    const names = entities.join(' ');
    if (names === toldNames) return;
    toldNames = names;
    // The toolbar badge counts the top frame's mentions; it can wait for the next change if the
    // background is away.
    tell({ type: 'mentions/changed', total: index.size });
  };

  // Settings, and what the background says of this site (the site list; matches dismissed here).
  // Inactive (off, paused, or kept away by the site list), nothing is read or painted, but we keep
  // listening, to come back without a reload. The page is read as soon as the settings allow it,
  // while the background answers for the site; nothing is painted before that answer, and where the
  // site list keeps Heat Notes away, what was read is dropped then.
  let settings: Settings = DEFAULT_SETTINGS;
  /** Undefined until the background has answered for this site. */
  let siteAllowed: boolean | undefined;
  let siteKnownOnLastApply = false;
  let dismissed: readonly Dismissal[] = [];
  let active = false;
  let resumeTimer: number | undefined;
  const apply = () => {
    cards?.hover.configure(settings);
    scanner.paintAs(settings.highlightStyle, settings.highlightColor);
    const next: MentionChoices = { categories: settings.categories, dismissed, firstMentionOnly: settings.firstMentionOnly };
    const choicesChanged = JSON.stringify(next) !== JSON.stringify(choices);
    choices = next;
    const now = Date.now();
    const paused = isPaused(settings, now);
    const shouldRun = settings.enabled && !paused && siteAllowed !== false;
    const siteJustKnown = siteAllowed !== undefined && !siteKnownOnLastApply;
    siteKnownOnLastApply = siteAllowed !== undefined;
    // Paused for an hour: come back on our own when the hour is over.
    if (resumeTimer !== undefined) clearTimeout(resumeTimer);
    // (A pause stored far ahead is looked at again within the longest delay a timer takes; past it a
    // timer fires at once, and would spin.)
    resumeTimer = paused ? ctx.setTimeout(apply, Math.min(settings.pausedUntil - now + 50, MAX_TIMER_MS)) : undefined;
    if (shouldRun !== active) {
      active = shouldRun;
      if (active) {
        scanner.start();
      } else {
        cards?.hover.close();
        scanner.stop();
      }
    } else if (active && (choicesChanged || siteJustKnown)) scanner.reselect();
  };
  const readRules = async () => {
    const rules = await ask<'page/rules'>({ type: 'page/rules' }).catch(() => undefined);
    siteAllowed = rules?.siteAllowed ?? true;
    dismissed = rules?.dismissed ?? [];
  };
  const settingsLoaded = loadSettings().then((loaded) => void (settings = loaded), () => undefined);
  const rulesRead = readRules();
  void settingsLoaded.then(() => {
    if (siteAllowed === undefined) apply();
  });
  const ready = Promise.all([settingsLoaded, rulesRead]).then(apply);
  const unwatch = [
    watchSettings((next) => void ready.then(() => ((settings = next), apply()))),
    watchSites(() => void ready.then(readRules).then(apply)),
    watchCorrectionsRevision(() => void ready.then(readRules).then(apply)),
  ];

  // Single-page navigation: the page is another one now (read once the router has rendered it).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    cards?.hover.close();
    scanner.rescanAfterTask();
  });

  ctx.onInvalidated(() => {
    for (const stop of unwatch) stop();
    visits.stop();
    cards?.hover.destroy();
    scanner.stop();
  });

  /**
   * Once the page is read and painted and, where it has a mention, the cards are listening: a caller
   * that then rests the pointer on a mark gets its card.
   */
  async function settled(): Promise<boolean> {
    await ready;
    if (active) {
      await scanner.settled();
      await cardsAsked;
    }
    return active;
  }
  async function answer(message: ContentMessage) {
    if (message.type === 'page/site') return { site: siteOf(location.href) };
    const on = await settled();
    switch (message.type) {
      case 'mentions/get': {
        const found: MentionsResponse = on ? scanner.report() : { mentions: [], stats: { scanMs: 0, textNodes: 0, chars: 0 } };
        return { ...found, stats: { ...found.stats, startupMs, markedAfterMs } } satisfies MentionsResponse;
      }
      case 'mentions/step':
        return on ? (await withCards())?.stepper.step(message.direction) : undefined;
      case 'mentions/reveal':
        return on ? (await withCards())?.stepper.reveal(message.entity) : undefined;
    }
  }
}

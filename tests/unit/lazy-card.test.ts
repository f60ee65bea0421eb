import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardActions, CardView } from '../../lib/page/card/card-view';
import { CARD_UI_GLOBAL, LazyCard, importCardUi, type CardUi } from '../../lib/page/card/lazy-card';

const actions: CardActions = {
  onDismiss: () => undefined,
  onPin: () => undefined,
  onNotThis: () => undefined,
  loadParagraph: () => Promise.resolve(undefined),
  openEssay: () => undefined,
};

/** A card that records what it was told. */
function recordingCard(said: string[]): CardView {
  return {
    isOpen: true,
    hasFocus: true,
    owns: () => true,
    rect: () => ({ left: 1, top: 2, right: 3, bottom: 4 }),
    show: () => said.push('show'),
    setPinned: (pinned) => said.push(`pinned ${pinned}`),
    hide: () => said.push('hide'),
    focusInto: (where) => said.push(`focus ${where}`),
    focusAtEdge: () => true,
    restoreFocus: () => said.push('restore'),
    announce: (text) => said.push(`announce ${text}`),
    destroy: () => said.push('destroy'),
  };
}

function lazyCard(load: () => Promise<unknown>) {
  const said: string[] = [];
  const created: Document[] = [];
  const ui: CardUi = {
    createCard: (document) => {
      created.push(document);
      return recordingCard(said);
    },
  };
  const loader = vi.fn(() => load().then(() => ui));
  const card = new LazyCard(loader, {} as Document, actions);
  return { card, said, created, loader };
}

describe('LazyCard', () => {
  it('is no card at all until its script has loaded: nothing open, focused or owned', () => {
    const { card, loader } = lazyCard(() => Promise.resolve());
    expect(card.isOpen).toBe(false);
    expect(card.hasFocus).toBe(false);
    expect(card.owns({} as EventTarget)).toBe(false);
    expect(card.rect()).toBeUndefined();
    expect(card.focusAtEdge('first')).toBe(false);
    card.hide();
    card.setPinned(true);
    expect(loader).not.toHaveBeenCalled(); // asking about the card loads nothing
  });

  it('loads the script once however often it is asked, then passes everything to the card', async () => {
    const { card, said, created, loader } = lazyCard(() => Promise.resolve());
    await Promise.all([card.prepare(), card.prepare()]);
    await card.prepare();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
    expect(card.isOpen).toBe(true);
    expect(card.rect()).toEqual({ left: 1, top: 2, right: 3, bottom: 4 });
    card.setPinned(true);
    card.hide();
    expect(said).toEqual(['pinned true', 'hide']);
  });

  it('tries again on the next hover after a failed load, and says why in the console once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail = true;
    const { card, loader } = lazyCard(() => (fail ? Promise.reject(new Error('blocked')) : Promise.resolve()));
    await card.prepare();
    await card.prepare();
    expect(card.isOpen).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Heat Notes could not load its card:', expect.any(Error));
    fail = false;
    await card.prepare();
    expect(loader).toHaveBeenCalledTimes(3);
    expect(card.isOpen).toBe(true);
    warn.mockRestore();
  });

  it('says an announcement made before the card loaded, once it has', async () => {
    const { card, said } = lazyCard(() => Promise.resolve());
    card.announce('Mention 1 of 3: Al Pacino');
    expect(said).toEqual([]);
    await card.prepare();
    await Promise.resolve();
    expect(said).toEqual(['announce Mention 1 of 3: Al Pacino']);
  });

  it('adds nothing to the page when the content script ends while the script is loading', async () => {
    let finish!: () => void;
    const { card, created } = lazyCard(() => new Promise<void>((resolve) => (finish = resolve)));
    const loading = card.prepare();
    card.destroy();
    finish();
    await loading;
    expect(created).toHaveLength(0);
    expect(card.isOpen).toBe(false);
  });
});

describe('importCardUi', () => {
  /** Serves `source` as the card's script. */
  function cardScript(source: string) {
    vi.stubGlobal('chrome', { runtime: { getURL: () => `data:text/javascript,${encodeURIComponent(source)}` } });
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL];
  });

  it('refuses a script that did not set up the card, saying so', async () => {
    cardScript('export {};');
    await expect(importCardUi()).rejects.toThrow(`card-ui.js did not set up ${CARD_UI_GLOBAL}`);
  });

  it('returns what the script left on the global', async () => {
    cardScript(`globalThis.${CARD_UI_GLOBAL} = { createCard() { return 'a card'; } };`);
    const ui = await importCardUi();
    expect(ui.createCard({} as Document, actions)).toBe('a card');
  });
});

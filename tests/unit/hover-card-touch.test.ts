// @vitest-environment happy-dom
/**
 * `HoverCards` on touch input, with a recording card and a hit-test that knows two mentions: a tap
 * on a mention opens its card (flagged as a touch card) whatever the trigger; a tap on a mention in a
 * link is the link's; a long press opens a linked mention's card and holds back the click and context
 * menu that follow; a tap elsewhere closes the card. A mouse keeps the desktop behaviour.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardAnchor, CardContent, CardView } from '../../lib/page/card/card-view';
import { HoverCards, type CardSettings } from '../../lib/page/card/hover-card';
import type { MentionHit } from '../../lib/page/mark/hit-test';
import type { PlacedMention } from '../../lib/page/mark/mention-index';
import { LONG_PRESS_MS } from '../../lib/page/card/touch-gesture';
import { globalTimers } from '../../lib/core/timers';

interface Shown {
  entity: string;
  touch: boolean;
}

function setup(trigger: CardSettings['trigger'] = 'hover') {
  document.body.innerHTML = '<p id="plain">Al Pacino plays Hanna.</p><p><a id="link" href="/review">Val Kilmer</a> too.</p><p id="quiet">Nothing here.</p>';
  const plainText = document.getElementById('plain')!.firstChild!;
  const linkText = document.getElementById('link')!.firstChild!;
  const hitFor = (node: Node, entity: string, key: number): MentionHit => {
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 9);
    const placed = { key, start: 0, end: 9, range, mention: { entity, text: 'x', start: 0, end: 9 } } as unknown as PlacedMention;
    return { placed, range };
  };
  const pacino = hitFor(plainText, 'al-pacino', 1);
  const kilmer = hitFor(linkText, 'val-kilmer', 2);
  const shown: Shown[] = [];
  let open = false;
  const card: CardView = {
    get isOpen() {
      return open;
    },
    hasFocus: false,
    owns: () => false,
    rect: () => undefined,
    show: (content: CardContent, anchor: CardAnchor) => {
      open = true;
      shown.push({ entity: content.entity.id, touch: !!anchor.touch });
    },
    setPinned: () => undefined,
    hide: () => void (open = false),
    focusInto: () => undefined,
    focusAtEdge: () => false,
    restoreFocus: () => undefined,
    announce: () => undefined,
    destroy: () => undefined,
  };
  const cards = new HoverCards({
    document,
    window,
    lookup: (entity) => Promise.resolve({ id: entity, name: entity, kind: 'person', facts: [] } as never),
    loadParagraph: () => Promise.resolve(undefined),
    openEssay: () => undefined,
    loadCard: () => Promise.resolve({ createCard: () => card }),
    notThis: () => undefined,
    // y 10: Al Pacino; y 30: Val Kilmer (in a link); elsewhere nothing.
    hitTest: (_x, y) => (y === 10 ? pacino : y === 30 ? kilmer : undefined),
    setActive: () => undefined,
    listen: (target, type, handler, options) => target.addEventListener(type, handler as EventListener, options),
    requestFrame: (callback) => setTimeout(callback, 0) as unknown as number,
    timers: globalTimers,
  });
  cards.start();
  cards.configure({ trigger, modifierKey: 'Alt', openDelayMs: 300, theme: 'light', spoilersRevealed: false });
  return { cards, shown, isOpen: () => open };
}

function pointer(type: string, y: number, pointerType = 'touch', target: EventTarget = document.getElementById('quiet')!) {
  const event = new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: 5, clientY: y, pointerId: 7, pointerType, isPrimary: true });
  target.dispatchEvent(event);
  return event;
}

async function settle() {
  await vi.advanceTimersByTimeAsync(0);
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('HoverCards on touch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each(['hover', 'click', 'modifier'] as const)('a tap on a mention opens its card as a touch card (trigger %s)', async (trigger) => {
    const { shown } = setup(trigger);
    pointer('pointerdown', 10);
    await vi.advanceTimersByTimeAsync(80);
    pointer('pointerup', 10);
    await settle();
    expect(shown).toEqual([{ entity: 'al-pacino', touch: true }]);
  });

  it('a finger that moves (a scroll) opens nothing', async () => {
    const { shown } = setup();
    pointer('pointerdown', 10);
    pointer('pointermove', 40);
    pointer('pointerup', 40);
    await settle();
    expect(shown).toEqual([]);
  });

  it('a tap on a mention in a link is the link’s: no card, the click goes through', async () => {
    const { shown } = setup();
    const link = document.getElementById('link')!;
    pointer('pointerdown', 30, 'touch', link);
    await vi.advanceTimersByTimeAsync(80);
    pointer('pointerup', 30, 'touch', link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    await settle();
    expect(shown).toEqual([]);
    expect(click.defaultPrevented).toBe(false);
  });

  it('a long press on a linked mention opens its card, and holds back the click and context menu after it', async () => {
    const { shown } = setup();
    const link = document.getElementById('link')!;
    pointer('pointerdown', 30, 'touch', link);
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS + 10);
    await settle();
    expect(shown).toEqual([{ entity: 'val-kilmer', touch: true }]);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    link.dispatchEvent(menu);
    pointer('pointerup', 30, 'touch', link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(menu.defaultPrevented).toBe(true);
    expect(click.defaultPrevented).toBe(true);
    // Later clicks are the page's again.
    const later = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });

  it('a browser context menu before our long press makes it a long press at once', async () => {
    const { shown } = setup();
    const link = document.getElementById('link')!;
    pointer('pointerdown', 30, 'touch', link);
    await vi.advanceTimersByTimeAsync(300);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    link.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS);
    await settle();
    expect(shown).toEqual([{ entity: 'val-kilmer', touch: true }]);
    pointer('pointerup', 30, 'touch', link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('a tap elsewhere closes the card', async () => {
    const { shown, isOpen } = setup();
    pointer('pointerdown', 10);
    pointer('pointerup', 10);
    await settle();
    expect(shown).toHaveLength(1);
    expect(isOpen()).toBe(true);
    pointer('pointerdown', 200);
    expect(isOpen()).toBe(true); // a finger going down may be a scroll: only its tap closes
    pointer('pointerup', 200);
    expect(isOpen()).toBe(false);
  });

  it('a mouse click with the hover trigger opens nothing, and a mouse press elsewhere closes at once', async () => {
    const { shown, isOpen } = setup();
    pointer('pointerdown', 10, 'mouse');
    pointer('pointerup', 10, 'mouse');
    await settle();
    expect(shown).toEqual([]);
    pointer('pointerdown', 10);
    pointer('pointerup', 10);
    await settle();
    expect(isOpen()).toBe(true);
    pointer('pointerdown', 200, 'mouse');
    expect(isOpen()).toBe(false);
  });
});

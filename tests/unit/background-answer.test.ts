import { describe, expect, it, vi } from 'vitest';
import { answerBackgroundMessage, badgeText, essayPath, type BackgroundEffects } from '../../lib/background/answer';
import { stepDirection } from '../../lib/background/commands';
import type { CardEntity } from '../../data/card-entity';
import type { EssayPassage } from '../../lib/messages';

function fakeEffects(): BackgroundEffects & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    openPage: vi.fn(async (path: string) => void calls.push(`open ${path}`)),
    setBadge: vi.fn(async (tabId: number, text: string) => void calls.push(`badge ${tabId} "${text}"`)),
  };
}

describe('answerBackgroundMessage', () => {
  it('gives the card content of an entity as plain data that survives messaging', async () => {
    const entity = (await answerBackgroundMessage({ type: 'entity/get', entity: 'al-pacino' })) as CardEntity;
    expect(entity).toMatchObject({ id: 'al-pacino', kind: 'person', name: 'Al Pacino' });
    expect(entity.facts.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(entity))).toEqual(entity);
  });

  it('gives an essay paragraph with its number', async () => {
    const passage = (await answerBackgroundMessage({ type: 'essay/paragraph', paragraph: 'p3' })) as EssayPassage;
    expect(passage.number).toBe(3);
    expect(passage.text).toContain('Busan International Film Festival');
    expect(await answerBackgroundMessage({ type: 'essay/paragraph', paragraph: 'p99' })).toBeUndefined();
  });

  it('opens the essay at a paragraph with the quote, and badges the sending tab', async () => {
    const effects = fakeEffects();
    await answerBackgroundMessage({ type: 'essay/open', paragraph: 'p2', quote: 'L.A. Takedown' }, {}, effects);
    await answerBackgroundMessage({ type: 'essay/open', paragraph: 'nope' }, {}, effects);
    await answerBackgroundMessage({ type: 'mentions/changed', total: 12 }, { tab: { id: 7 } }, effects);
    await answerBackgroundMessage({ type: 'mentions/changed', total: 0 }, { tab: { id: 7 } }, effects);
    expect(effects.calls).toEqual(['open /essay.html?quote=L.A.%20Takedown#p2', 'badge 7 "12"', 'badge 7 ""']);
  });

  it('answers nothing for unknown entities or malformed messages, and leaves content messages alone', async () => {
    expect(await answerBackgroundMessage({ type: 'entity/get', entity: 'batman' })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'mentions/get' })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'mentions/changed', total: -1 })).toBeUndefined();
    expect(answerBackgroundMessage('entity/get')).toBeUndefined();
  });
});

describe('badge and paths', () => {
  it('keeps the badge short', () => {
    expect([badgeText(0), badgeText(7), badgeText(100)]).toEqual(['', '7', '99+']);
  });

  it('escapes the quote in the essay address', () => {
    expect(essayPath('p1', 'Mann’s Heat & co')).toBe('/essay.html?quote=Mann%E2%80%99s%20Heat%20%26%20co#p1');
  });
});

describe('commands', () => {
  it('maps the shortcuts to a direction and ignores others', () => {
    expect([stepDirection('next-mention'), stepDirection('previous-mention'), stepDirection('toString')]).toEqual([
      'next',
      'previous',
      undefined,
    ]);
  });
});

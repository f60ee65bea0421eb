import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { EssayView } from '../../components/essay/EssayView';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../components/essay/essay-text';
import { CATALOG, isEntityId } from '../../data/catalog';
import { ESSAY } from '../../data/essay';
import { useMountPoint } from './mount-point';

const mountPoint = useMountPoint();
beforeEach(() => {
  act(() => render(<EssayView />, mountPoint()));
});

const marks = () => [...mountPoint().querySelectorAll<HTMLElement>('mark[data-entity-ref]')];
const openCards = () => mountPoint().querySelectorAll('[data-entity]');

/** Lets effects and floating-ui's placement (a promise) run. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('EssayView', () => {
  it('renders every paragraph in full, exactly as written, under its id, and nothing hidden', () => {
    expect(ESSAY.length).toBeGreaterThan(0);
    for (const paragraph of ESSAY) {
      const element = mountPoint().querySelector(`[id="${paragraph.id}"]`);
      expect(element, paragraph.id).not.toBeNull();
      expect(element?.textContent).toBe(paragraph.text);
      for (let node: Element | null = element; node && node !== mountPoint(); node = node.parentElement) {
        expect(node.hasAttribute('hidden')).toBe(false);
        expect(node.getAttribute('aria-hidden')).not.toBe('true');
      }
    }
    // In reading order.
    const ids = [...mountPoint().querySelectorAll('[id^="p"]')].map((e) => e.id).filter((id) => ESSAY.some((p) => p.id === id));
    expect(ids).toEqual(ESSAY.map((p) => p.id));
  });

  it('marks the entities the essay names, such as Al Pacino in the first paragraph', () => {
    const p1 = mountPoint().querySelector('[id="p1"]')!;
    const pacino = [...p1.querySelectorAll('mark[data-entity-ref="al-pacino"]')];
    expect(pacino).toHaveLength(1);
    expect(pacino[0]?.textContent).toBe('Al Pacino');
    expect(p1.querySelector('mark[data-entity-ref="robert-de-niro"]')?.textContent).toBe('Robert De Niro');
    expect(marks().length).toBeGreaterThan(10);
    for (const mark of marks()) {
      expect(isEntityId(mark.dataset.entityRef)).toBe(true);
      // A mark holds a real name of its entity, not some other stretch of text.
      const entity = CATALOG[mark.dataset.entityRef as keyof typeof CATALOG];
      expect(entity.forms.map((form) => form.text.toLowerCase())).toContain(mark.textContent?.toLowerCase());
      // Keyboard users can reach it.
      expect(mark.tabIndex).toBe(0);
    }
  });

  it('shows a reading time from the word count at 230 words a minute', () => {
    const words = ESSAY.reduce((sum, p) => sum + countWords(p.text), 0);
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(words)).toBe(Math.max(1, Math.round(words / 230)));
    expect(mountPoint().textContent).toContain(`${readingMinutes(words)} min read`);
    expect(countWords('It’s two men talking – at a coffee shop.')).toBe(8);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });

  it('opens the entity card when a mark takes focus, and closes it on Escape', async () => {
    expect(openCards()).toHaveLength(0);
    const mark = mountPoint().querySelector<HTMLElement>('[id="p1"] mark[data-entity-ref="al-pacino"]')!;
    act(() => mark.focus());
    await settle();
    const cards = openCards();
    expect(cards).toHaveLength(1);
    expect(cards[0]?.getAttribute('data-entity')).toBe('al-pacino');
    expect(cards[0]?.textContent).toContain('Al Pacino');
    expect(mark.getAttribute('aria-expanded')).toBe('true');
    // The card is not inside the paragraph: the paragraph's text stays the essay's text.
    expect(mountPoint().querySelector('[id="p1"]')?.textContent).toBe(ESSAY[0]?.text);

    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    expect(openCards()).toHaveLength(0);
    expect(mark.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows one card at a time, for the mark last focused', async () => {
    const first = mountPoint().querySelector<HTMLElement>('[id="p1"] mark[data-entity-ref="al-pacino"]');
    const second = mountPoint().querySelector<HTMLElement>('[id="p1"] mark[data-entity-ref="robert-de-niro"]');
    act(() => first!.focus());
    await settle();
    act(() => second!.focus());
    await settle();
    const cards = openCards();
    expect(cards).toHaveLength(1);
    expect(cards[0]?.getAttribute('data-entity')).toBe(second!.dataset.entityRef);
  });
});

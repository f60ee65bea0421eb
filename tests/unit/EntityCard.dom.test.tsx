import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { EntityCard, MAX_CARD_FACTS } from '../../components/card/EntityCard';
import { markPassage, nameForms } from '../../components/card/passage-marks';
import { CATALOG, type Entity } from '../../data/catalog';
import { entityIds } from '../../data/entities';
import { paragraphNumber } from '../../data/essay';
import { useMountPoint } from './mount-point';

const SPOILER_TEXT = 'Only one of the two men makes it out alive.';

/** A known entity with facts of our own, so the tests do not depend on what data/facts.ts holds. */
const pacino: Entity = {
  ...CATALOG['al-pacino'],
  role: 'plays Vincent Hanna',
  facts: [
    { text: 'Plays Vincent Hanna opposite De Niro.', cite: { paragraph: 'p1', quote: 'Al Pacino’s Vincent Hanna' } },
    { text: SPOILER_TEXT, cite: { paragraph: 'p1', quote: 'only one man will make it out alive' }, spoiler: true },
    { text: 'Mann says Heat is not his film alone.', cite: { paragraph: 'p4', quote: 'I don’t think it’s Al Pacino’s film' } },
    { text: 'A fourth fact that must not fit on the card.', cite: { paragraph: 'p6', quote: 'Mann said' } },
  ],
};

const mountPoint = useMountPoint();

function mount(ui: ComponentChild) {
  act(() => render(ui, mountPoint()));
  return mountPoint();
}

describe('EntityCard', () => {
  it('shows the name as the heading the host labels its dialog with, the kind and the role', () => {
    mount(<EntityCard entity={pacino} headingId="card-title" />);
    const heading = mountPoint().querySelector('#card-title');
    expect(heading?.textContent).toBe('Al Pacino');
    expect(heading?.tagName).toMatch(/^H[1-6]$/);
    expect(mountPoint().textContent).toContain('Person');
    expect(mountPoint().textContent).toContain('plays Vincent Hanna');
  });

  it('carries data-entity on its root element and nowhere else', () => {
    mount(<EntityCard entity={pacino} headingId="h" onClose={() => {}} />);
    const carriers = mountPoint().querySelectorAll('[data-entity]');
    expect(carriers).toHaveLength(1);
    expect(carriers[0]).toBe(mountPoint().firstElementChild);
    expect(carriers[0]?.getAttribute('data-entity')).toBe('al-pacino');
    // The root holds the name and the facts (the contract: the visible box holds both).
    expect(carriers[0]?.textContent).toContain('Al Pacino');
    expect(carriers[0]?.textContent).toContain('Plays Vincent Hanna opposite De Niro.');
  });

  it('lists at most three facts, each with the number of the paragraph it cites', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    const items = [...mountPoint().querySelectorAll('li')];
    expect(MAX_CARD_FACTS).toBe(3);
    expect(items).toHaveLength(3);
    expect(mountPoint().textContent).not.toContain('A fourth fact');
    const cited = pacino.facts.slice(0, 3).map((fact) => paragraphNumber(fact.cite.paragraph));
    items.forEach((item, index) => {
      expect(item.textContent).toMatch(new RegExp(`¶\\s${cited[index]}(?!\\d)`));
    });
    expect(items[2]?.textContent).toContain('Mann says Heat is not his film alone.');
    expect(items[2]?.textContent).toMatch(/¶\s4/);
  });

  it('keeps a spoiler out of the card until Reveal is pressed', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(mountPoint().textContent).not.toContain(SPOILER_TEXT);
    const reveal = [...mountPoint().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Reveal');
    expect(reveal).toBeDefined();
    // Its paragraph marker still shows where the essay says it.
    expect(reveal?.closest('li')?.textContent).toMatch(/¶\s1/);
    act(() => reveal!.click());
    expect(mountPoint().textContent).toContain(SPOILER_TEXT);
    expect([...mountPoint().querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Reveal')).toBe(false);
  });

  it('has a Close button that calls onClose, and none without it', () => {
    const onClose = vi.fn();
    mount(<EntityCard entity={pacino} headingId="h" onClose={onClose} />);
    const close = mountPoint().querySelector<HTMLButtonElement>('button[aria-label="Close"]');
    expect(close).not.toBeNull();
    act(() => close!.click());
    expect(onClose).toHaveBeenCalledTimes(1);

    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(mountPoint().querySelector('button[aria-label="Close"]')).toBeNull();
  });

  it('makes paragraph markers buttons only when the host can show the essay', () => {
    const onCite = vi.fn();
    mount(<EntityCard entity={pacino} headingId="h" onCite={onCite} />);
    const marker = [...mountPoint().querySelectorAll('button')].find((b) => /¶\s4/.test(b.textContent ?? ''));
    expect(marker).toBeDefined();
    act(() => marker!.click());
    expect(onCite).toHaveBeenCalledWith('p4');
  });

  it('explains why the mention was marked when given a reason', () => {
    mount(<EntityCard entity={pacino} headingId="h" reason="full-name" />);
    expect(mountPoint().querySelector('.hn-card__reason')?.textContent).toMatch(/named in full/);
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(mountPoint().querySelector('.hn-card__reason')).toBeNull();
  });

  it('offers "Not this one" only where the host can act on it, naming what it will stop marking', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(mountPoint().querySelector('.hn-card__not-this')).toBeNull();
    const onNotThis = vi.fn();
    mount(<EntityCard entity={pacino} headingId="h" surface="Pacino" onNotThis={onNotThis} />);
    const button = mountPoint().querySelector<HTMLButtonElement>('.hn-card__not-this')!;
    expect(button.getAttribute('aria-label')).toBe('Not this one: stop marking “Pacino” as Al Pacino on this site');
    act(() => button.click());
    expect(onNotThis).toHaveBeenCalledOnce();
  });

  it('renders every catalog entity with its name and no more than three facts, whatever the facts hold', () => {
    for (const id of entityIds()) {
      const entity = CATALOG[id];
      mount(<EntityCard entity={entity} headingId={`h-${id}`} />);
      const root = mountPoint().firstElementChild;
      expect(root?.getAttribute('data-entity')).toBe(id);
      expect(mountPoint().querySelector(`#h-${id}`)?.textContent).toBe(entity.name);
      expect(mountPoint().querySelectorAll('li').length).toBe(Math.min(entity.facts.length, 3));
      for (const fact of entity.facts.slice(0, 3)) {
        if (fact.spoiler) expect(root?.textContent).not.toContain(fact.text);
        else expect(root?.textContent).toContain(fact.text);
      }
    }
  });
});

/** Waits for promises the card awaits (a paragraph loading) and the renders they cause. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const buttonNamed = (name: RegExp) => [...mountPoint().querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));

describe('EntityCard, in a page', () => {
  const paragraph = {
    paragraph: 'p1',
    number: 1,
    text: 'The scene is famous. While Al Pacino’s Vincent Hanna talks, Pacino listens. At the end only one man will make it out alive in the end.',
  };
  const withQuote: Entity = {
    ...pacino,
    facts: [{ text: 'Plays Vincent Hanna.', cite: { paragraph: 'p1', quote: 'While Al Pacino’s Vincent Hanna talks' } }, pacino.facts[1]!],
  };

  it('expands the first fact’s paragraph in place with "More from the essay", the name in bold and the quote marked', async () => {
    const loadParagraph = vi.fn(async () => paragraph);
    mount(<EntityCard entity={withQuote} headingId="h" loadParagraph={loadParagraph} />);
    const more = buttonNamed(/More from the essay/)!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    act(() => more.click());
    await settle();
    expect(loadParagraph).toHaveBeenCalledWith('p1');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const passage = mountPoint().querySelector(`#${more.getAttribute('aria-controls')}`);
    expect(passage?.textContent).toContain('The scene is famous.');
    expect([...passage!.querySelectorAll('strong')].map((b) => b.textContent)).toEqual(['Al Pacino', 'Pacino']);
    expect(passage!.querySelector('mark')?.textContent).toBe('While Al Pacino’s Vincent Hanna talks');
    // The spoiler fact is not revealed: its words stay hidden in the paragraph too.
    expect(passage!.textContent).not.toContain('only one man will make it out alive');
    expect(passage!.textContent).toContain('[spoiler hidden]');
    act(() => more.click());
    expect(mountPoint().querySelector('.hn-card__passage')).toBeNull();
    // Open again: no second request.
    act(() => more.click());
    expect(loadParagraph).toHaveBeenCalledTimes(1);
  });

  it('says so when the paragraph cannot be loaded', async () => {
    mount(<EntityCard entity={withQuote} headingId="h" loadParagraph={async () => undefined} />);
    act(() => buttonNamed(/More from the essay/)!.click());
    await settle();
    expect(mountPoint().querySelector('.hn-card__passage')?.textContent).toMatch(/could not be loaded/);
  });

  it('opens the essay at the first fact’s paragraph and quote with "Read in the essay"', () => {
    const openEssay = vi.fn();
    mount(<EntityCard entity={withQuote} headingId="h" openEssay={openEssay} />);
    act(() => buttonNamed(/Read in the essay/)!.click());
    expect(openEssay).toHaveBeenCalledWith('p1', 'While Al Pacino’s Vincent Hanna talks');
  });

  it('leads with the first fact on show: a hidden spoiler is passed over', () => {
    const openEssay = vi.fn();
    const spoilerFirst: Entity = { ...pacino, facts: [pacino.facts[1]!, pacino.facts[2]!] };
    mount(<EntityCard entity={spoilerFirst} headingId="h" openEssay={openEssay} />);
    act(() => buttonNamed(/Read in the essay/)!.click());
    expect(openEssay).toHaveBeenCalledWith('p4', pacino.facts[2]!.cite.quote);
  });

  it('shows no essay actions unless the host can load or open the essay', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(buttonNamed(/More from the essay|Read in the essay/)).toBeUndefined();
  });

  it('has a Pin toggle that reports the new state', () => {
    const onPin = vi.fn();
    mount(<EntityCard entity={pacino} headingId="h" onPin={onPin} />);
    const pin = buttonNamed(/^Pin card$/)!;
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    act(() => pin.click());
    expect(onPin).toHaveBeenLastCalledWith(true);
    mount(<EntityCard entity={pacino} headingId="h" onPin={onPin} pinned />);
    expect(buttonNamed(/^Pin card$/)!.getAttribute('aria-pressed')).toBe('true');
    act(() => buttonNamed(/^Pin card$/)!.click());
    expect(onPin).toHaveBeenLastCalledWith(false);
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(buttonNamed(/^Pin card$/)).toBeUndefined();
  });

  it('shows spoilers without Reveal when the user has said they have seen Heat', () => {
    mount(<EntityCard entity={pacino} headingId="h" spoilersRevealed />);
    expect(mountPoint().textContent).toContain(SPOILER_TEXT);
    expect(buttonNamed(/^Reveal$/)).toBeUndefined();
  });

  it('moves focus to a spoiler’s text once its Reveal button is pressed (the button is gone)', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    const reveal = buttonNamed(/^Reveal$/)!;
    reveal.focus();
    act(() => reveal.click());
    expect(document.activeElement?.textContent).toContain(SPOILER_TEXT);
    expect(document.activeElement?.className).toBe('hn-card__statement');
  });

  it('lets the heading take focus, for a card pinned from the keyboard', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(mountPoint().querySelector('#h')?.getAttribute('tabindex')).toBe('-1');
  });
});

describe('passages', () => {
  it('finds a person by full name and surname, a particle kept with it', () => {
    expect(nameForms('Al Pacino')).toEqual(['Al Pacino', 'Pacino']);
    expect(nameForms('Robert De Niro')).toEqual(['Robert De Niro', 'De Niro']);
    expect(nameForms('Heat')).toEqual(['Heat']);
    expect(nameForms('Heat 2')).toEqual(['Heat 2']);
    expect(nameForms('L.A. Takedown')).toEqual(['L.A. Takedown', 'Takedown']);
  });

  it('marks names as whole words only, a possessive left outside', () => {
    const marked = markPassage('Mann’s Heat: Manny met Mann, and Michael Mann smiled.', undefined, nameForms('Michael Mann'));
    const bold = marked.before.filter((piece) => piece.name).map((piece) => piece.text);
    expect(bold).toEqual(['Mann', 'Mann', 'Michael Mann']);
    expect(marked.before.map((piece) => piece.text).join('')).toBe('Mann’s Heat: Manny met Mann, and Michael Mann smiled.');
    expect(marked.quote).toEqual([]);
  });

  it('cuts the paragraph around the quote, and shows it whole when the quote is not there', () => {
    const text = 'One. Two with Pacino. Three.';
    const marked = markPassage(text, 'Two with Pacino.', ['Pacino']);
    expect(marked.before).toEqual([{ text: 'One. ' }]);
    expect(marked.quote).toEqual([{ text: 'Two with ' }, { text: 'Pacino', name: true }, { text: '.' }]);
    expect(marked.after).toEqual([{ text: ' Three.' }]);
    const missing = markPassage(text, 'Four.', ['Pacino']);
    expect(missing.quote).toEqual([]);
    expect(missing.before.map((piece) => piece.text).join('')).toBe(text);
  });

  it('hides the words of spoilers, but never the quote it was opened for', () => {
    const text = 'Before. The secret ending. After.';
    expect(markPassage(text, undefined, [], ['The secret ending.']).before[0]!.text).toBe('Before. [spoiler hidden] After.');
    expect(markPassage(text, 'The secret ending.', [], ['The secret ending.']).quote[0]!.text).toBe('The secret ending.');
  });
});

// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityCard, MAX_CARD_FACTS } from '../../components/EntityCard';
import { CATALOG, KIND_LABELS, type Entity } from '../../data/catalog';
import { ENTITY_IDS } from '../../data/entities';
import { paragraphNumber } from '../../data/essay';

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

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

function mount(ui: ComponentChild) {
  act(() => render(ui, container));
  return container;
}

describe('EntityCard', () => {
  it('shows the name as the heading the host labels its dialog with, the kind and the role', () => {
    mount(<EntityCard entity={pacino} headingId="card-title" />);
    const heading = container.querySelector('#card-title');
    expect(heading?.textContent).toBe('Al Pacino');
    expect(heading?.tagName).toMatch(/^H[1-6]$/);
    expect(container.textContent).toContain(KIND_LABELS.person);
    expect(container.textContent).toContain('plays Vincent Hanna');
  });

  it('carries data-entity on its root element and nowhere else', () => {
    mount(<EntityCard entity={pacino} headingId="h" onClose={() => {}} />);
    const carriers = container.querySelectorAll('[data-entity]');
    expect(carriers).toHaveLength(1);
    expect(carriers[0]).toBe(container.firstElementChild);
    expect(carriers[0]?.getAttribute('data-entity')).toBe('al-pacino');
    // The root holds the name and the facts (the contract: the visible box holds both).
    expect(carriers[0]?.textContent).toContain('Al Pacino');
    expect(carriers[0]?.textContent).toContain('Plays Vincent Hanna opposite De Niro.');
  });

  it('lists at most three facts, each with the number of the paragraph it cites', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    const items = [...container.querySelectorAll('li')];
    expect(MAX_CARD_FACTS).toBe(3);
    expect(items).toHaveLength(3);
    expect(container.textContent).not.toContain('A fourth fact');
    const cited = pacino.facts.slice(0, 3).map((fact) => paragraphNumber(fact.cite.paragraph));
    items.forEach((item, index) => {
      expect(item.textContent).toMatch(new RegExp(`¶\\s${cited[index]}(?!\\d)`));
    });
    expect(items[2]?.textContent).toContain('Mann says Heat is not his film alone.');
    expect(items[2]?.textContent).toMatch(/¶\s4/);
  });

  it('keeps a spoiler out of the card until Reveal is pressed', () => {
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(container.textContent).not.toContain(SPOILER_TEXT);
    const reveal = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Reveal');
    expect(reveal).toBeDefined();
    // Its paragraph marker still shows where the essay says it.
    expect(reveal?.closest('li')?.textContent).toMatch(/¶\s1/);
    act(() => reveal!.click());
    expect(container.textContent).toContain(SPOILER_TEXT);
    expect([...container.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Reveal')).toBe(false);
  });

  it('has a Close button that calls onClose, and none without it', () => {
    const onClose = vi.fn();
    mount(<EntityCard entity={pacino} headingId="h" onClose={onClose} />);
    const close = container.querySelector<HTMLButtonElement>('button[aria-label="Close"]');
    expect(close).not.toBeNull();
    act(() => close!.click());
    expect(onClose).toHaveBeenCalledTimes(1);

    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(container.querySelector('button[aria-label="Close"]')).toBeNull();
  });

  it('makes paragraph markers buttons only when the host can show the essay', () => {
    const onCite = vi.fn();
    mount(<EntityCard entity={pacino} headingId="h" onCite={onCite} />);
    const marker = [...container.querySelectorAll('button')].find((b) => /¶\s4/.test(b.textContent ?? ''));
    expect(marker).toBeDefined();
    act(() => marker!.click());
    expect(onCite).toHaveBeenCalledWith('p4');
  });

  it('explains why the mention was marked when given a reason', () => {
    mount(<EntityCard entity={pacino} headingId="h" reason="full-name" />);
    expect(container.querySelector('.hn-card__reason')?.textContent).toMatch(/named in full/);
    mount(<EntityCard entity={pacino} headingId="h" />);
    expect(container.querySelector('.hn-card__reason')).toBeNull();
  });

  it('renders every catalog entity with its name and no more than three facts, whatever the facts hold', () => {
    for (const id of ENTITY_IDS) {
      const entity = CATALOG[id];
      mount(<EntityCard entity={entity} headingId={`h-${id}`} />);
      const root = container.firstElementChild;
      expect(root?.getAttribute('data-entity')).toBe(id);
      expect(container.querySelector(`#h-${id}`)?.textContent).toBe(entity.name);
      expect(container.querySelectorAll('li').length).toBe(Math.min(entity.facts.length, 3));
      for (const fact of entity.facts.slice(0, 3)) {
        if (fact.spoiler) expect(root?.textContent).not.toContain(fact.text);
        else expect(root?.textContent).toContain(fact.text);
      }
    }
  });
});

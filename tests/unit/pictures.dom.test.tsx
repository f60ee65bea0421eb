import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Ensemble } from '../../components/essay/Ensemble';
import { buildEnsemble, initials, layoutEnsemble } from '../../components/essay/ensemble-cast';
import { Timeline } from '../../components/essay/Timeline';
import { labelName, layoutTimeline, timelineEvents } from '../../components/essay/timeline-events';
import { CATALOG } from '../../data/catalog';
import { ESSAY } from '../../data/essay';
import { useMountPoint } from './mount-point';

describe('timeline events, derived from the essay and the catalog', () => {
  const events = timelineEvents();
  const byYear = (year: number) => events.filter((e) => e.year === year);

  it('finds 1989 L.A. Takedown, 1995 Heat, and 2025 for Busan and Heat 2, in order', () => {
    expect(events.map((e) => `${e.year} ${e.entity}`)).toEqual([
      '1989 la-takedown',
      '1995 heat',
      '2025 busan-international-film-festival',
      '2025 heat-2',
    ]);
  });

  it('cites, for each, the paragraph whose text holds the year, with the sentence verbatim', () => {
    for (const event of events) {
      const paragraph = ESSAY.find((p) => p.id === event.paragraph);
      expect(paragraph, event.paragraph).toBeDefined();
      expect(paragraph!.text).toContain(event.sentence);
      expect(event.sentence).toContain(String(event.year));
      expect(event.sentence).toContain(CATALOG[event.entity].forms[0]!.text);
    }
    expect(byYear(1989)[0]?.paragraph).toBe('p2');
    expect(byYear(1995)[0]?.paragraph).toBe('p2');
    expect(byYear(2025).map((e) => e.paragraph)).toEqual(['p3', 'p8']);
  });

  it('describes each from the catalog: the fact that quotes the year when there is one', () => {
    const facts = (id: keyof typeof CATALOG) => CATALOG[id].facts.map((f) => f.text);
    expect(facts('la-takedown')).toContain(byYear(1989)[0]?.note);
    expect(facts('heat-2')).toContain(byYear(2025)[1]?.note);
    expect(byYear(2025)[1]?.note).toContain('Warner Bros. passed');
    // The sequel's other news from the same paragraph: United Artists.
    expect(byYear(2025)[1]?.more).toContain('United Artists');
    // No fact quotes "1995’s Heat": the role line says it.
    expect(byYear(1995)[0]?.note).toBe('1995 film by Michael Mann.');
  });

  it('is derived, not written down: another essay gives other events', () => {
    const other = timelineEvents([{ id: 'p1', text: 'Heat 2 comes in 2026. Warner Bros. had passed on it. Al Pacino was 55 in 1995.' }]);
    expect(other.map((e) => `${e.year} ${e.entity}`)).toEqual(['1995 al-pacino', '2026 heat-2']);
  });

  it('shortens only long names for the picture', () => {
    expect(labelName(CATALOG['busan-international-film-festival'])).toBe('Busan Film Festival');
    expect(labelName(CATALOG['la-takedown'])).toBe('L.A. Takedown');
  });

  it('lays the labels out without overlap, inside the picture, at popup and page widths', () => {
    for (const width of [320, 340, 640]) {
      const layout = layoutTimeline(events, width);
      expect(layout.items).toHaveLength(events.length);
      const boxes = layout.items.map((item) => {
        const w = Math.max(item.event.label.length, 4) * 13 * 0.56;
        const [x0, x1] = item.anchor === 'start' ? [item.x, item.x + w] : [item.x - w, item.x];
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(x1).toBeLessThanOrEqual(width);
        expect(item.yearY - 12).toBeGreaterThanOrEqual(0);
        expect(item.nameY + 4).toBeLessThanOrEqual(layout.height);
        return { x0, x1, y0: item.yearY - 12, y1: item.nameY + 4 };
      });
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(overlap, `${width}px: ${layout.items[i]!.event.label} / ${layout.items[j]!.event.label}`).toBe(false);
        }
      // The 30 years between Heat and the 2025 news, on the axis.
      expect(layout.gaps.map((g) => g.label)).toEqual(['30 years']);
    }
  });
});

describe('the ensemble, from the catalog', () => {
  const ensemble = buildEnsemble();

  it('has Pacino as Vincent Hanna and De Niro as Neil McCauley as the two leads', () => {
    expect(ensemble.leads.map((l) => [l.entity, l.plays?.entity])).toEqual([
      ['al-pacino', 'vincent-hanna'],
      ['robert-de-niro', 'neil-mccauley'],
    ]);
    expect(ensemble.leads.map((l) => `${l.name} as ${l.plays?.name}`)).toEqual([
      'Al Pacino as Vincent Hanna',
      'Robert De Niro as Neil McCauley',
    ]);
    expect(ensemble.leadsParagraph).toBe('p1');
  });

  it('holds the rest of the cast in the essay’s order, and no one who is not in it', () => {
    expect(ensemble.cast.map((m) => m.name)).toEqual([
      'Val Kilmer', 'Tom Sizemore', 'Ashley Judd', 'Amy Brenneman', 'Wes Studi', 'Jon Voight', 'Ted Levine',
      'Hank Azaria', 'Diane Venora', 'Mykelti Williamson', 'William Fichtner', 'Tom Noonan', 'Danny Trejo',
      'Natalie Portman',
    ]);
    const all = [...ensemble.leads, ...ensemble.cast].map((m) => m.entity);
    expect(all).not.toContain('michael-mann');
    expect(all).not.toContain('christopher-nolan');
    expect(all).not.toContain('chuck-adamson');
    expect(ensemble.castParagraph).toBe('p4');
    expect(initials('Robert De Niro')).toBe('RD');
  });

  it('lays out every member inside the picture', () => {
    for (const width of [320, 640]) {
      const layout = layoutEnsemble(ensemble, width);
      expect(layout.leads).toHaveLength(2);
      expect(layout.cast).toHaveLength(14);
      for (const { x, y } of layout.cast) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + 130).toBeLessThanOrEqual(width);
        expect(y).toBeLessThanOrEqual(layout.height);
      }
    }
  });
});

describe('the pictures as rendered', () => {
  const mountPoint = useMountPoint();

  it('the timeline is an image with a title and a description, and a list citing paragraphs', () => {
    act(() => render(<Timeline />, mountPoint()));
    const svg = mountPoint().querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const labelledBy = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(labelledBy.map((id) => mountPoint().querySelector(`[id="${id}"]`)?.tagName.toLowerCase())).toEqual(['title', 'desc']);
    const desc = mountPoint().querySelector(`[id="${labelledBy[1]}"]`)!.textContent!;
    for (const year of ['1989', '1995', '2025']) expect(desc).toContain(year);
    const items = [...mountPoint().querySelectorAll('.hn-timeline__item')];
    expect(items.map((i) => i.getAttribute('data-year'))).toEqual(['1989', '1995', '2025', '2025']);
    for (const item of items) expect(item.querySelector('a')?.getAttribute('href')).toBe(`#${item.getAttribute('data-paragraph')}`);
  });

  it('the ensemble is an image naming the leads and their parts', () => {
    act(() => render(<Ensemble />, mountPoint()));
    const svg = mountPoint().querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const desc = mountPoint().querySelector('desc')!.textContent!;
    expect(desc).toContain('Al Pacino as Vincent Hanna and Robert De Niro as Neil McCauley');
    expect(desc).toContain('Natalie Portman');
    expect([...mountPoint().querySelectorAll('.hn-ensemble__lead')].map((g) => g.getAttribute('data-entity-ref'))).toEqual([
      'al-pacino',
      'robert-de-niro',
    ]);
  });
});

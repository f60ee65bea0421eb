import { describe, expect, it } from 'vitest';
import { detectMentions, type TextBlock } from '../../lib/core/detection/index';

/** Footnote markers and block boundaries, as the page reader hands them over: gaps in a block's text. */
function found(block: TextBlock): string[] {
  return detectMentions([block])[0]!.map((m) => `${m.entity}:${m.text}@${m.start}`);
}

const marker = (text: string, mark: string) => ({ start: text.indexOf(mark), end: text.indexOf(mark) + mark.length });

describe('footnote markers glued to a name', () => {
  it('finds the names before them, as if the marker were a space', () => {
    const text = 'Directed by Michael Mann3, with Al Pacino4 and Robert De Niro5.';
    const gaps = ['3', '4', '5'].map((mark) => marker(text, mark));
    expect(found({ text })).toEqual([]);
    expect(found({ text, gaps })).toEqual([
      'michael-mann:Michael Mann@12',
      'al-pacino:Al Pacino@32',
      'robert-de-niro:Robert De Niro@47',
    ]);
  });

  it('lets a decoy win through a marker: "The Dark Knight Returns" is the comic', () => {
    const text = 'Frank Miller’s The Dark Knight Returns5 shaped the film.';
    expect(found({ text, gaps: [marker(text, '5')] })).toEqual([]);
  });

  it('reads "(1995)" after a marker as the year, and a marker is no race number', () => {
    const year = 'We watched Heat[2] (1995) again.';
    expect(found({ text: year, gaps: [marker(year, '[2]')] })).toEqual(['heat:Heat@11']);
    const race = 'Al Pacino loved Heat6 and the film cast.';
    expect(found({ text: race, gaps: [marker(race, '6')] })).toContain('heat:Heat@16');
  });

  it('never finds a name across a marker or a place where a block stood', () => {
    const text = 'Al Pa3cino and Val Kilmer';
    expect(found({ text, gaps: [marker(text, '3')] })).toEqual(['val-kilmer:Val Kilmer@15']);
    expect(found({ text: 'Val Kilmer', gaps: [{ start: 7, end: 7 }] })).toEqual([]);
    expect(found({ text: 'Val Kilmer', gaps: [{ start: 10, end: 10 }] })).toEqual(['val-kilmer:Val Kilmer@0']);
  });

  it('finds a name that ends or starts where a block stood, with no space between (as JSX writes it)', () => {
    // "<div>I loved Al Pacino<p>…</p>Robert De Niro too</div>": the outer block's text is glued.
    const text = 'I loved Al PacinoRobert De Niro too';
    const block = { start: 'I loved Al Pacino'.length, end: 'I loved Al Pacino'.length };
    expect(found({ text })).not.toContain('al-pacino:Al Pacino@8');
    expect(found({ text, gaps: [block] })).toEqual(['al-pacino:Al Pacino@8', 'robert-de-niro:Robert De Niro@17']);
  });

  it('reads a line break as a space: names on either side are apart, and a name may run across one', () => {
    // "<p>Al Pacino<br>Robert De Niro</p>": no character stands for the break in the block's text.
    const text = 'Al PacinoRobert De Niro';
    expect(found({ text, breaks: [9] })).toEqual(['al-pacino:Al Pacino@0', 'robert-de-niro:Robert De Niro@9']);
    // "Al<br>Pacino" is one name, given as its text nodes hold it; "Al <br>Pacino" as before.
    expect(found({ text: 'AlPacino plays Hanna.', breaks: [2] })).toEqual(['al-pacino:AlPacino@0']);
    expect(found({ text: 'Al Pacino plays Hanna.', breaks: [3] })).toEqual(['al-pacino:Al Pacino@0']);
    // With a nested block and a marker in the same text, every offset stays the block's.
    const mixed = 'Heat (1995)Michael Mann3 directs Al Pacino';
    const gaps = [{ start: 11, end: 11 }, marker(mixed, '3')];
    expect(found({ text: mixed, gaps, breaks: [5] })).toEqual(['heat:Heat@0', 'michael-mann:Michael Mann@11', 'al-pacino:Al Pacino@33']);
  });
});

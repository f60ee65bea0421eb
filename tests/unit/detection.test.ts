import { describe, expect, it } from 'vitest';
import { detectMentions, PageDetector, type TextBlock } from '../../lib/core/detection/index';
import { sentenceAround, sentenceStarts } from '../../lib/core/detection/sentences';

/** Detects over a page given as paragraphs and returns "entity:text" for each mention, in order. */
function found(...paragraphs: (string | TextBlock)[]): string[] {
  const blocks = paragraphs.map((p) => (typeof p === 'string' ? { text: p } : p));
  return detectMentions(blocks).flatMap((mentions) => mentions.map((m) => `${m.entity}:${m.text}`));
}

describe('full names', () => {
  it('finds unique names anywhere, with offsets of the name alone', () => {
    const [mentions] = detectMentions([{ text: 'Last night I rewatched Al Pacino’s best work.' }]);
    expect(mentions).toEqual([
      expect.objectContaining({ entity: 'al-pacino', text: 'Al Pacino', start: 23, end: 32, reason: 'full-name' }),
    ]);
  });

  it('keeps a possessive out of the name, with or without its apostrophe', () => {
    expect(found("Robert De Niro's crew and Al Pacinos cop.")).toEqual(['robert-de-niro:Robert De Niro', 'al-pacino:Al Pacino']);
  });

  it('accepts spelling variants and capitals from credits', () => {
    expect(found('STARRING ROBERT DENIRO. Directed by MICHAEL MANN for Warner Brothers.')).toEqual([
      'robert-de-niro:ROBERT DENIRO',
      'michael-mann:MICHAEL MANN',
      'warner-bros:Warner Brothers',
    ]);
  });

  it('does not match inside longer words or in lower case', () => {
    expect(found('The pacino fan club met Mannheim’s al pacino impersonator.')).toEqual([]);
  });
});

describe('surnames need evidence', () => {
  it('accepts a surname when the page gives the full name', () => {
    expect(found('Val Kilmer is the best thing in the film.', 'Kilmer reloads faster than anyone.')).toEqual([
      'val-kilmer:Val Kilmer',
      'val-kilmer:Kilmer',
    ]);
  });

  it('accepts rare surnames together on a page about a film', () => {
    expect(found('Pacino and De Niro finally share a scene in this film.')).toEqual([
      'al-pacino:Pacino',
      'robert-de-niro:De Niro',
    ]);
  });

  it('rejects a common surname on a page with nothing else about Heat', () => {
    expect(found('Mann walked into the office and sat down.')).toEqual([]);
  });

  it('rejects a surname that follows another given name, and its bare uses on that page', () => {
    expect(found('The poet Joyce Kilmer wrote about trees.', 'Kilmer died in the war, and the film about him won a prize.')).toEqual([]);
    expect(found('The singer Aimee Mann released a record. Mann toured with a band from the film world.')).toEqual([]);
  });

  it('distrusts a bare surname on a film page that also names another bearer of it', () => {
    expect(
      found(
        'A documentary film about the poet Joyce Kilmer screened at the festival.',
        'Kilmer wrote the poem in 1913; the director and cast read it aloud on screen.',
      ),
    ).toEqual([]);
  });

  it('keeps titles and job words before a surname from reading as given names', () => {
    expect(found('In Heat, Michael Mann films the city at night.', 'Director Mann and Detective Hanna both appear.')).toEqual([
      'heat:Heat',
      'michael-mann:Michael Mann',
      'michael-mann:Mann',
      'vincent-hanna:Hanna',
    ]);
  });

  it('reads a surname hyphenated to another capitalised word as part of another name', () => {
    expect(found('In the film, the Voight-Kampff test scene is chilling; Pacino was never cast.')).toEqual(['al-pacino:Pacino']);
    expect(found('The Pacino-De Niro scene is the heart of the film.')).toEqual(['al-pacino:Pacino', 'robert-de-niro:De Niro']);
  });

  it('reads a surname before its own full name in one sentence as a relative', () => {
    expect(found('Nolan has worked with his brother, the film director Christopher Nolan, on a film.')).toEqual([
      'christopher-nolan:Christopher Nolan',
    ]);
  });
});

describe('what the rest of the block says about a name', () => {
  it('reads a surname after its own full name as that person, though a namesake appears later', () => {
    expect(
      found(
        'Robert De Niro opened the festival with his new film. Backstage, De Niro talked about his childhood. ' +
          'His father, the painter Robert De Niro Sr., kept a studio in the Village.',
      ),
    ).toEqual(['robert-de-niro:Robert De Niro', 'robert-de-niro:De Niro']);
  });

  it('does not carry a full name past another bearer of the surname', () => {
    expect(
      found(
        'Robert De Niro narrates the film about his father, Robert De Niro Sr. De Niro worked in his studio every morning. ' +
          'The paintings fill a whole room.',
      ),
    ).toEqual(['robert-de-niro:Robert De Niro']);
    expect(found('Robert De Niro Sr. was a painter and his son Robert De Niro an actor. De Niro Sr. taught in New York.')).toEqual([
      'robert-de-niro:Robert De Niro',
    ]);
  });

  it('takes a surname that owns one of our titles as ours, and its other bare uses on the page', () => {
    expect(found('Few sequels beat Nolan’s own “The Dark Knight”.', 'Nolan returned to Gotham for a third film.')).toEqual([
      'christopher-nolan:Nolan',
      'the-dark-knight:The Dark Knight',
      'christopher-nolan:Nolan',
    ]);
  });

  it('does not take a possessive far from the title, or one a namesake on the page could own', () => {
    expect(found('Nolan’s long, strange and winding career began well before The Dark Knight.')).toEqual([]);
    expect(found('Nolan’s screenplay for The Dark Knight went through years of drafts.')).toEqual([]);
    expect(
      found('Jonathan Nolan co-wrote the script with his brother, and many people still call it Nolan’s The Dark Knight.'),
    ).toEqual(['the-dark-knight:The Dark Knight']);
  });

  it('accepts a title of several words in a list of titles on a page about films', () => {
    expect(found('Boston played itself in Gone Baby Gone, The Departed and The Town, three crime films with a local cast.')).toEqual([
      'the-town:The Town',
    ]);
  });

  it('accepts a title its own sentence calls a film, wherever it stands', () => {
    expect(found('The Town is Ben Affleck’s second film as director, and it borrows its last heist from Heat.')).toEqual([
      'the-town:The Town',
      'heat:Heat',
    ]);
    expect(found('Heat is a 1995 American crime film written and directed by a veteran of television.')).toEqual(['heat:Heat']);
  });

  it('does not read a film nearby, another year, or a compound as calling the title a film', () => {
    expect(found('The Town is a place in the film where nothing happens, a director said.')).toEqual([]);
    expect(found('Heat is a 1986 film, a thriller from a famous screenplay writer.')).toEqual([]);
    expect(found('Heat is the film’s real subject, a critic wrote about the movie.')).toEqual([]);
    expect(found('Heat, the film industry says, is rising as a topic on movie sets.')).toEqual([]);
  });

  it('needs film words besides the list, and does not let a list prove a one-word title', () => {
    expect(found('The Library, The Museum and The Town each get a new roof this year, the film society reports.')).toEqual([]);
    expect(found('Readers of The Sun, The Mirror and Heat saw the photos of the film star at the premiere.')).toEqual([]);
  });
});

describe('other people with the same full name', () => {
  it('rejects Michael Mann on a page about climate science', () => {
    expect(found('Michael Mann, the climatologist, testified about global warming and climate models.')).toEqual([]);
  });

  it('rejects the painter Robert De Niro Sr.', () => {
    expect(found('Robert De Niro Sr. was a painter. De Niro showed his paintings in New York.')).toEqual([]);
  });

  it('keeps Michael Mann on a film page that mentions the climate once', () => {
    expect(found('Michael Mann shot the film in a hot climate with Al Pacino.')).toEqual([
      'michael-mann:Michael Mann',
      'al-pacino:Al Pacino',
    ]);
  });
});

describe('Heat, the film, and everything else called heat', () => {
  it('accepts Heat set off as a title even on a page with no other names', () => {
    expect(found({ text: 'I watched Heat again last night.', emphasis: [{ start: 10, end: 14 }] })).toEqual(['heat:Heat']);
    expect(found('My favourite is “Heat”, no contest.')).toEqual(['heat:Heat']);
    expect(found('Heat (1995) still holds up.')).toEqual(['heat:Heat']);
    // …and whoever owns it is ours too (see "a surname that owns one of our titles").
    expect(found('Nobody shoots a city like Mann’s Heat does.')).toEqual(['michael-mann:Mann', 'heat:Heat']);
  });

  it('accepts bare Heat mid-sentence on a page about the film', () => {
    expect(found('Al Pacino and Robert De Niro meet in Heat for the first time.')).toEqual([
      'al-pacino:Al Pacino',
      'robert-de-niro:Robert De Niro',
      'heat:Heat',
    ]);
  });

  it('does not read a capitalised word before a title as a given name', () => {
    expect(found('Robert De Niro and Al Pacino are superb. Watching Heat again, the film holds up.')).toEqual([
      'robert-de-niro:Robert De Niro',
      'al-pacino:Al Pacino',
      'heat:Heat',
    ]);
  });

  it('weighs a decoy against everything else the page says for the film', () => {
    // A film page with one aside about the team: the film wins.
    expect(
      found(
        'Michael Mann and Al Pacino made a film for the ages.',
        'Skipping the Miami Heat game to rewatch Heat tonight.',
      ),
    ).toEqual(['michael-mann:Michael Mann', 'al-pacino:Al Pacino', 'heat:Heat']);
    // A team page with one film name in passing: the team wins.
    expect(
      found(
        'The Miami Heat won again; Spoelstra praised the bench.',
        'Fans sang along with Al Pacino’s speech from the film before Heat took the floor.',
      ),
    ).toEqual(['al-pacino:Al Pacino']);
  });

  it('rejects the Miami Heat and "the Heat" the team', () => {
    expect(found('The Miami Heat beat Boston. Later the Heat flew home for the playoffs.')).toEqual([]);
  });

  it('rejects weather, races and other films called Heat', () => {
    expect(found('An Excessive Heat Warning covers the valley; temperatures reach 110 degrees.')).toEqual([]);
    expect(found('Results: Heat 3 was won by the Dutch swimmer in the freestyle.')).toEqual([]);
    expect(found('Heat (1986) stars Burt Reynolds as a bodyguard in Las Vegas.')).toEqual([]);
    expect(found('The Heat is a buddy-cop comedy with Sandra Bullock.')).toEqual([]);
  });

  it('rejects lower-case heat even on a page about the film', () => {
    expect(found('Al Pacino feels the heat in this film.')).toEqual(['al-pacino:Al Pacino']);
  });

  it('needs more evidence for Heat at the start of a sentence', () => {
    expect(found('Heat rose from the road. The film crew packed up.')).toEqual([]);
  });
});

describe('titles that are ordinary phrases', () => {
  it('rejects Batman called the Dark Knight, and the town hall', () => {
    expect(found('Batman, the Dark Knight, swings over Gotham in the comic.')).toEqual([]);
    expect(found('The Town Council met on Monday to vote on the film festival budget.')).toEqual([]);
  });

  it('accepts the films where the page is about Heat’s world', () => {
    expect(found('Christopher Nolan made The Dark Knight after studying Heat with Michael Mann’s crew.')).toEqual([
      'christopher-nolan:Christopher Nolan',
      'the-dark-knight:The Dark Knight',
      'heat:Heat',
      'michael-mann:Michael Mann',
    ]);
    expect(found('Ben Affleck’s “The Town” (2010) borrows from the film.')).toEqual(['the-town:The Town']);
  });

  it('accepts a title that opens a sentence when the page also names someone or something from Heat', () => {
    expect(found('The Dark Knight opens with a bank job that Christopher Nolan modelled on Heat.')).toEqual([
      'the-dark-knight:The Dark Knight',
      'christopher-nolan:Christopher Nolan',
      'heat:Heat',
    ]);
    expect(
      found('The Town borrows its armoured-car heist from Heat; the director cast the movie with that scene in mind.'),
    ).toEqual(['the-town:The Town', 'heat:Heat']);
  });

  it('never takes film words alone as enough for a title that opens a sentence', () => {
    expect(found('The Town approved a film festival with movie screenings, a premiere and a talk by a director.')).toEqual([]);
  });

  it('reads "The Town" as a municipality where its sentence speaks of councils and residents', () => {
    expect(found('The Town will screen Heat in the park on Friday; the council approved the film night.')).toEqual([]);
    expect(found('Michael Mann shot a scene downtown. The Town told residents the street would close for the film.')).toEqual([
      'michael-mann:Michael Mann',
    ]);
  });

  it('keeps the sequels of The Dark Knight apart', () => {
    expect(found('Christopher Nolan later made The Dark Knight Rises.')).toEqual(['christopher-nolan:Christopher Nolan']);
  });
});

describe('the Warner family', () => {
  it('keeps the parent company, the television arm and the labels apart from the film studio', () => {
    expect(found('© 2026 Northgate Post Media, Inc. A Warner Bros. Discovery Company. All rights reserved.')).toEqual([]);
    expect(found('The sitcom was made by Warner Bros. Television for a cable channel.')).toEqual([]);
    expect(found('Her first single came out on Warner Bros. Records in 1979.')).toEqual([]);
  });

  it('still finds the studio, with the Heat around it, on the same kind of page', () => {
    expect(found('Warner Bros. released Heat in December 1995, a year after the studio bought the script.')).toEqual([
      'warner-bros:Warner Bros.',
      'heat:Heat',
    ]);
  });

  it('reads a number after a studio as part of a product name, not as a race heat', () => {
    expect(found('Deal of the day: Best of Warner Bros. 100 Film Collection, 40% off.')).toEqual(['warner-bros:Warner Bros.']);
    expect(found('Semi-final results: Heat 2 went to the relay team from Leeds.')).toEqual([]);
  });
});

describe('words of an entity’s own sense', () => {
  it('accepts Heat 2 on a page about the novel, and not a race’s second heat', () => {
    expect(found('Heat 2, the novel, tells what the crew did in the years before the bank job.')).toEqual(['heat-2:Heat 2']);
    expect(found('Heat 2 of the 400 metres starts at noon; the book of results is online.')).toEqual([]);
  });

  it('accepts Adamson where the page tells the true story of the Chicago case behind Heat', () => {
    expect(
      found(
        'The real Neil McCauley was a career thief.',
        'Adamson, a Chicago police detective, followed him for months before the shootout that later inspired Heat.',
      ),
    ).toEqual(['neil-mccauley:Neil McCauley', 'chuck-adamson:Adamson', 'heat:Heat']);
  });

  it('needs a name from Heat’s world besides police words, and leaves other Adamsons alone', () => {
    expect(found('Detective Adamson of the Chicago police arrested a burglar on Tuesday, the real-life story goes.')).toEqual([]);
    expect(
      found('The real Neil McCauley inspired Heat.', 'Andrew Adamson, who directed a fairy-tale film, has no police story to tell.'),
    ).toEqual(['neil-mccauley:Neil McCauley', 'heat:Heat']);
  });
});

describe('PageDetector', () => {
  it('re-decides earlier blocks when a later block brings evidence, and forgets removed blocks', () => {
    const detector = new PageDetector<string>();
    detector.set('a', { text: 'Kilmer reloads faster than anyone.' });
    expect(detector.decide().get('a')).toBeUndefined();
    detector.set('b', { text: 'Val Kilmer trained with live rounds.' });
    expect(detector.decide().get('a')?.map((m) => m.text)).toEqual(['Kilmer']);
    detector.delete('b');
    expect(detector.decide().get('a')).toBeUndefined();
  });

  it('recomputes a block whose text changed', () => {
    const detector = new PageDetector<string>();
    detector.set('a', { text: 'Al Pacino' });
    detector.set('a', { text: 'Jon Voight' });
    expect([...detector.decide().values()].flat().map((m) => m.entity)).toEqual(['jon-voight']);
  });
});

describe('sentenceStarts', () => {
  it('does not end a sentence at an initial, an abbreviation or L.A.', () => {
    const text = 'Michael E. Mann met Mr. Smith in L.A. Takedown country. Then he left.';
    expect(sentenceStarts(text)).toEqual([0, text.indexOf('Then')]);
  });

  it('gives the sentence around an offset, without the space after it (the timeline’s sentence of a year)', () => {
    const text = 'Mann made L.A. Takedown in 1989. Warner Bros. released Heat in 1995. The end';
    const around = (word: string) => {
      const { start, end } = sentenceAround(text, text.indexOf(word));
      return text.slice(start, end);
    };
    expect(around('1989')).toBe('Mann made L.A. Takedown in 1989.');
    expect(around('1995')).toBe('Warner Bros. released Heat in 1995.');
    expect(around('end')).toBe('The end');
  });
});

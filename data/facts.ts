import type { EntityId } from './entities';

/** Where a fact comes from: a paragraph of the essay and the words in it that say so. */
export interface Citation {
  /** An essay paragraph id ("p3"). */
  readonly paragraph: string;
  /** A verbatim run of that paragraph's text, typographic quotes and all. */
  readonly quote: string;
}

export interface Fact {
  /** A short statement, saying no more than the quote does. */
  readonly text: string;
  readonly cite: Citation;
  /** Gives away how the film ends; shown behind "Reveal" until the user says they have seen Heat. */
  readonly spoiler?: boolean;
}

export interface EntityNotes {
  /** One line, from the essay only: "plays Vincent Hanna", "director". */
  readonly role: string;
  readonly facts: readonly Fact[];
}

/*
 * Quotes shared by several entities. Each is copied from data/essay.ts character for character
 * (typographic ’ ‘ “ ” and the en dash included); tests/unit/catalog.test.ts checks every one.
 */

/** p1: the two leads and their characters. */
const RIVALS = 'While Al Pacino’s Vincent Hanna and Robert De Niro’s Neil McCauley are adversaries stuck in a typical cops versus robbers rivalry, there’s a mutual respect among them.';
/** p1: the ending. Every fact that cites it is a spoiler. */
const ENDING = 'there’s a sense of finality after this discussion, since everyone knows that only one man will make it out alive at the end of the film.';
/** p2: the true story behind Heat. */
const TRUE_STORY = 'It’s inspired by the true story of Chicago cop Chuck Adamson chasing after the real-life Neil McCauley';
/** p2: the earlier version. */
const TAKEDOWN = 'It’s inspired by the true story of Chicago cop Chuck Adamson chasing after the real-life Neil McCauley, while Mann previously adapted it as the TV movie L.A. Takedown in 1989.';
/** p2: the films that followed Heat's lead. */
const TEMPLATE = 'it’s this surgical meticulousness that has served as the template for the likes of The Town and The Dark Knight.';
/** p2: the side note on Nolan. */
const NOLAN = 'Check out this fantastic video to see how Christopher Nolan‘s movie learned all its tricks from Heat.';
/** p3: Mann on what drove Heat. */
const CHALLENGE = '“The motivation for Heat was a challenge,” Mann said, “and the challenge was to tell authentic stories about people who have been as complex as we all are in life.”';
/** p4: the cast list. */
const CAST = 'Aside from De Niro and Pacino, there was Val Kilmer, Tom Sizemore, Ashley Judd, Amy Brenneman, Wes Studi, Jon Voight, Ted Levine, Hank Azaria, Diane Venora, Mykelti Williamson, William Fichtner, Tom Noonan, Danny Trejo, Natalie Portman, and even more names.';
/** p4: every part, big or small. */
const SCREEN_TIME = 'No matter how big or small the part was, everyone showed up and made the most of their screen time.';
/** p4: whose film Heat is, in Mann's words. */
const WHOSE_FILM = '“That film’s De Niro’s film, Val Kilmer’s film, Jon Voight’s film, Mykelti Williamson.';
/** p8: Warner Bros. and the sequel. */
const PASSED = 'The fact that Warner Bros. passed on making Heat 2 in 2025 speaks volumes about how special the original movie is and how messed up the film industry is right now.';
/** p8: United Artists and the sequel. */
const SEQUEL = 'At least United Artists had the common sense to recognize it would be utter madness to not let Mann make a sequel to the best movie of all time.';

const ENSEMBLE_ROLE = 'in Heat’s ensemble cast';

/** For the actors the essay only lists: they were in the cast, and every part counted. */
const listedCastMember = (): EntityNotes => ({
  role: ENSEMBLE_ROLE,
  facts: [
    { text: 'Part of Heat’s cast of stars, alongside De Niro and Pacino.', cite: { paragraph: 'p4', quote: CAST } },
    {
      text: 'The essay says everyone in the cast, in parts big or small, made the most of their screen time.',
      cite: { paragraph: 'p4', quote: SCREEN_TIME },
    },
  ],
});

/** For the actors Mann also names when he says whose film Heat is. */
const namedByMann = (text: string): EntityNotes => ({
  role: ENSEMBLE_ROLE,
  facts: [
    { text, cite: { paragraph: 'p4', quote: WHOSE_FILM } },
    ...listedCastMember().facts,
  ],
});

/** What the essay says about each entity, most interesting fact first (the card shows the first three). */
export const NOTES = {
  heat: {
    role: '1995 film by Michael Mann',
    facts: [
      {
        text: 'It has one of cinema’s most iconic scenes: not an explosion or a fight, but two men talking at a coffee shop.',
        cite: {
          paragraph: 'p1',
          quote: 'Michael Mann’s Heat features one of the most iconic scenes in cinema history. It isn’t an explosion. It isn’t a swashbuckling clash to the death. It’s two men talking to each other at a coffee shop.',
        },
      },
      {
        text: 'The essay says a major reason for its success is how it blurs the line between hero and villain.',
        cite: { paragraph: 'p3', quote: 'A major reason for Heat‘s success is how it blurs the line between hero and villain.' },
      },
      {
        text: 'Inspired by the true story of Chicago cop Chuck Adamson chasing the real-life Neil McCauley.',
        cite: { paragraph: 'p2', quote: TRUE_STORY },
      },
      {
        text: 'Widely regarded as an action classic, thanks to its famous heist and shootout scene.',
        cite: {
          paragraph: 'p6',
          quote: 'there’s no disputing the film is widely regarded as an action classic, thanks to the famous heist and shootout scene.',
        },
      },
      {
        text: 'Its surgical meticulousness served as the template for films like The Town and The Dark Knight.',
        cite: { paragraph: 'p2', quote: TEMPLATE },
      },
      {
        text: 'Mann says it was always a highly structured, realistic, symphonic drama to him.',
        cite: { paragraph: 'p5', quote: 'To me, Heat was always a highly structured, realistic, symphonic drama.' },
      },
      {
        text: 'There were battles with Warner Bros. over the production’s $60 million cost.',
        cite: {
          paragraph: 'p7',
          quote: 'Sure, there were still battles with the studio and fat lips over the $60 million cost of the production',
        },
      },
      {
        text: 'Only one of the two men in the coffee shop makes it out alive at the end of the film.',
        cite: { paragraph: 'p1', quote: ENDING },
        spoiler: true,
      },
    ],
  },

  'la-takedown': {
    role: '1989 TV movie of the same story',
    facts: [
      {
        text: 'Mann adapted the true story behind Heat as this TV movie in 1989, before making Heat.',
        cite: { paragraph: 'p2', quote: TAKEDOWN },
      },
    ],
  },

  'heat-2': {
    role: 'sequel to Heat',
    facts: [
      {
        text: 'Warner Bros. passed on making it in 2025, which the essay says speaks volumes about the film industry.',
        cite: { paragraph: 'p8', quote: PASSED },
      },
      {
        text: 'United Artists saw that it would be madness not to let Mann make a sequel.',
        cite: { paragraph: 'p8', quote: SEQUEL },
      },
      {
        text: 'The essay wonders if in 30 years we will talk about Heat 2 the way we did the original.',
        cite: {
          paragraph: 'p8',
          quote: 'Maybe in 30 years’ time, we will be talking about Heat 2 in the same way we did the original.',
        },
      },
    ],
  },

  'the-town': {
    role: 'film that used Heat as a template',
    facts: [
      {
        text: 'Heat’s surgical meticulousness served as a template for it.',
        cite: { paragraph: 'p2', quote: TEMPLATE },
      },
    ],
  },

  'the-dark-knight': {
    role: 'film that used Heat as a template',
    facts: [
      {
        text: 'Heat’s surgical meticulousness served as a template for it.',
        cite: { paragraph: 'p2', quote: TEMPLATE },
      },
      {
        text: 'The essay points to a video showing how Christopher Nolan’s movie learned all its tricks from Heat.',
        cite: { paragraph: 'p2', quote: NOLAN },
      },
    ],
  },

  'michael-mann': {
    role: 'director of Heat',
    facts: [
      {
        text: 'He says Heat was always a highly structured, realistic, symphonic drama, not a genre piece.',
        cite: {
          paragraph: 'p5',
          quote: 'To me, Heat was always a highly structured, realistic, symphonic drama. I never thought of it as doing a genre piece.',
        },
      },
      {
        text: 'He had already adapted the story behind Heat as the 1989 TV movie L.A. Takedown.',
        cite: { paragraph: 'p2', quote: TAKEDOWN },
      },
      {
        text: 'United Artists saw that it would be madness not to let him make a sequel.',
        cite: { paragraph: 'p8', quote: SEQUEL },
      },
      {
        text: 'He calls Heat an ensemble of brilliant actors and one of his best experiences as a director.',
        cite: {
          paragraph: 'p4',
          quote: 'It was an ensemble of brilliant actors and one of the best experiences ever as a director.',
        },
      },
      {
        text: 'He says the challenge behind Heat was telling authentic stories about people as complex as we all are.',
        cite: { paragraph: 'p3', quote: CHALLENGE },
      },
      {
        text: 'He had a reputation as a visionary, and Warner Bros. backed him.',
        cite: { paragraph: 'p7', quote: 'Mann had the reputation for being a visionary and Warner Bros. backed him.' },
      },
      {
        text: 'He says they used live ammunition in all the training.',
        cite: { paragraph: 'p6', quote: '“We used live ammunition in all the training,” Mann said.' },
      },
    ],
  },

  'al-pacino': {
    role: 'plays Vincent Hanna',
    facts: [
      {
        text: 'His Vincent Hanna and De Niro’s Neil McCauley are adversaries who share a mutual respect.',
        cite: { paragraph: 'p1', quote: RIVALS },
      },
      {
        text: 'The coffee-shop scene triumphs, the essay says, because it’s two acting greats sitting across from each other.',
        cite: { paragraph: 'p2', quote: 'This scene triumphs because it’s two acting greats sitting across from each other' },
      },
      {
        text: 'Mann says he doesn’t think Heat is Al Pacino’s film: it’s about all of the cast, not one.',
        cite: {
          paragraph: 'p4',
          quote: 'As Mann stated, Heat isn’t about one of them, but all of them. “I don’t think it’s Al Pacino’s film,” he said.',
        },
      },
    ],
  },

  'robert-de-niro': {
    role: 'plays Neil McCauley',
    facts: [
      {
        text: 'His Neil McCauley and Pacino’s Vincent Hanna are adversaries who share a mutual respect.',
        cite: { paragraph: 'p1', quote: RIVALS },
      },
      {
        text: 'The coffee-shop scene triumphs, the essay says, because it’s two acting greats sitting across from each other.',
        cite: { paragraph: 'p2', quote: 'This scene triumphs because it’s two acting greats sitting across from each other' },
      },
      {
        text: 'Mann calls Heat De Niro’s film, and Kilmer’s, Voight’s and Williamson’s too.',
        cite: { paragraph: 'p4', quote: WHOSE_FILM },
      },
    ],
  },

  'val-kilmer': {
    role: ENSEMBLE_ROLE,
    facts: [
      {
        text: 'Mann says footage of his magazine change is used to train Delta Force at Fort Bragg, he’s so fast and good.',
        cite: {
          paragraph: 'p6',
          quote: 'When Val Kilmer does a magazine change, that footage is used to train Delta Force at Fort Bragg because he’s so fast and so good.',
        },
      },
      {
        text: 'Mann calls Heat Val Kilmer’s film too.',
        cite: { paragraph: 'p4', quote: WHOSE_FILM },
      },
      {
        text: 'Part of Heat’s cast of stars, alongside De Niro and Pacino.',
        cite: { paragraph: 'p4', quote: CAST },
      },
    ],
  },

  'tom-sizemore': listedCastMember(),
  'ashley-judd': listedCastMember(),
  'amy-brenneman': listedCastMember(),
  'wes-studi': listedCastMember(),
  'jon-voight': namedByMann('Mann calls Heat Jon Voight’s film too.'),
  'ted-levine': listedCastMember(),
  'hank-azaria': listedCastMember(),
  'diane-venora': listedCastMember(),
  'mykelti-williamson': namedByMann('Mann names him among the actors whose film Heat is.'),
  'william-fichtner': listedCastMember(),
  'tom-noonan': listedCastMember(),
  'danny-trejo': listedCastMember(),
  'natalie-portman': listedCastMember(),

  'christopher-nolan': {
    role: 'behind The Dark Knight',
    facts: [
      {
        text: 'The essay points to a video showing how his movie learned all its tricks from Heat.',
        cite: { paragraph: 'p2', quote: NOLAN },
      },
    ],
  },

  'chuck-adamson': {
    role: 'Chicago cop whose true story inspired Heat',
    facts: [
      {
        text: 'Heat is inspired by the true story of him, a Chicago cop, chasing the real-life Neil McCauley.',
        cite: { paragraph: 'p2', quote: TRUE_STORY },
      },
      {
        text: 'Mann had adapted the same story before, as the 1989 TV movie L.A. Takedown.',
        cite: { paragraph: 'p2', quote: TAKEDOWN },
      },
    ],
  },

  'vincent-hanna': {
    role: 'played by Al Pacino',
    facts: [
      {
        text: 'He and Neil McCauley are adversaries in a cops versus robbers rivalry, but respect each other.',
        cite: { paragraph: 'p1', quote: RIVALS },
      },
      {
        text: 'As he and McCauley talk, the camera hops between them, revealing how much each knows about the other.',
        cite: {
          paragraph: 'p1',
          quote: 'The camera hops from one to the other as they talk to each other, revealing how much they know about the other.',
        },
      },
      {
        text: 'Only one of him and McCauley makes it out alive at the end of the film.',
        cite: { paragraph: 'p1', quote: ENDING },
        spoiler: true,
      },
    ],
  },

  'neil-mccauley': {
    role: 'played by Robert De Niro',
    facts: [
      {
        text: 'He and Vincent Hanna are adversaries in a cops versus robbers rivalry, but respect each other.',
        cite: { paragraph: 'p1', quote: RIVALS },
      },
      {
        text: 'He and his crew work with the same precision that goes into every detail of Heat.',
        cite: {
          paragraph: 'p2',
          quote: 'Every word, every sound, every character, every scene, every decision – it’s the same type of precision that McCauley and his crew apply to their enterprise.',
        },
      },
      {
        text: 'Heat is inspired by Chicago cop Chuck Adamson chasing a real-life Neil McCauley.',
        cite: { paragraph: 'p2', quote: TRUE_STORY },
      },
      {
        text: 'Only one of him and Hanna makes it out alive at the end of the film.',
        cite: { paragraph: 'p1', quote: ENDING },
        spoiler: true,
      },
    ],
  },

  'warner-bros': {
    role: 'studio that backed Heat',
    facts: [
      {
        text: 'Passed on making Heat 2 in 2025, which the essay says speaks volumes about the film industry.',
        cite: { paragraph: 'p8', quote: PASSED },
      },
      {
        text: 'Backed Mann, who had a reputation as a visionary.',
        cite: { paragraph: 'p7', quote: 'Mann had the reputation for being a visionary and Warner Bros. backed him.' },
      },
      {
        text: 'Despite battles over the $60 million cost, it saw the genius in Mann’s work and let him tell the story his way.',
        cite: {
          paragraph: 'p7',
          quote: 'Sure, there were still battles with the studio and fat lips over the $60 million cost of the production, but the fact is Warner Bros. saw the genius in what Mann and Co. were making, trusting in the process and letting them tell the story on their terms.',
        },
      },
    ],
  },

  'united-artists': {
    role: 'letting Mann make a sequel to Heat',
    facts: [
      {
        text: 'Saw that it would be madness not to let Mann make a sequel to what the essay calls the best movie ever.',
        cite: { paragraph: 'p8', quote: SEQUEL },
      },
    ],
  },

  'busan-international-film-festival': {
    role: 'where Mann spoke about Heat in 2025',
    facts: [
      {
        text: 'At the 2025 festival, Mann revealed that Heat wasn’t always easy to pull off.',
        cite: {
          paragraph: 'p3',
          quote: 'It wasn’t always easy to pull off, as Mann revealed at the 2025 Busan International Film Festival (via Variety).',
        },
      },
      {
        text: 'There, Mann said the challenge behind Heat was telling authentic stories about complex people.',
        cite: { paragraph: 'p3', quote: CHALLENGE },
      },
    ],
  },
} satisfies Record<EntityId, EntityNotes>;

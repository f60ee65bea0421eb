/**
 * The 29 entities Heat Notes knows, keyed by the ids of the shared `entities.json` (part of the
 * outside contract), with the names a page may use for each.
 *
 * How sure a bare form is on its own is part of the data, because it is a fact about the name, not
 * about the code that reads it:
 * - `unique`: the string names this entity wherever it stands ("Al Pacino", "L.A. Takedown").
 * - `distinctive`: a surname or short title rare enough that, on a page about films, it means this
 *   entity ("Pacino", "Sizemore"), but not on any page at all.
 * - `common`: a word or surname many things share ("Heat", "Mann", "Hanna", "The Town"); it counts
 *   only with evidence (see `lib/core/detection/decide.ts`).
 *
 * `decoys` are longer names that contain one of our forms but mean something else ("Miami Heat",
 * "Michael E. Mann"). The matcher consumes them so their inner words are never marked.
 */

/** What kind of thing an entity is; the UI's word for each is `kindLabel` (components/shared/labels.ts). */
export type EntityKind = 'film' | 'person' | 'character' | 'organization' | 'event';

export type FormStrength = 'unique' | 'distinctive' | 'common';

export interface SurfaceForm {
  readonly text: string;
  readonly strength: FormStrength;
  /** A surname or short title standing for the full name; it is not itself the full name. */
  readonly short?: boolean;
}

export interface EntityNames {
  readonly kind: EntityKind;
  /** The display name, as in `entities.json`. */
  readonly name: string;
  readonly forms: readonly SurfaceForm[];
  /** Release year of a film: "Heat (1995)" is evidence for, "Heat (1986)" against. */
  readonly year?: number;
  /**
   * Words that say a page is about another bearer of this name (the climate scientist Michael Mann,
   * the Miami Heat, a heat wave). Detection evidence only; never shown as a fact.
   */
  readonly otherSenses?: RegExp;
  /**
   * Words a page uses around this entity when it means ours: the book trade for the novel Heat 2, the
   * Chicago police and the true story for Chuck Adamson. Read only in blocks that name the entity, they
   * add a little support for it alone, on top of the film words every entity shares (see
   * `lib/core/detection/page-evidence.ts`). No person's name goes here: people count as evidence only as
   * entities of their own.
   */
  readonly ownSenses?: RegExp;
}

const unique = (text: string): SurfaceForm => ({ text, strength: 'unique' });
const distinctive = (text: string): SurfaceForm => ({ text, strength: 'distinctive', short: true });
const common = (text: string): SurfaceForm => ({ text, strength: 'common', short: true });

/** A person: the full name is unique; the surname alone is as strong as `surname` says. */
const person = (first: string, last: string, surname: 'distinctive' | 'common', ...variants: string[]): EntityNames => ({
  kind: 'person',
  name: `${first} ${last}`,
  forms: [
    unique(`${first} ${last}`),
    ...variants.map(unique),
    surname === 'distinctive' ? distinctive(last) : common(last),
  ],
});

/**
 * Built on first use: a page without our names never needs them (its test before reading comes from
 * the build, `lib/core/detection/lexicon.ts`), and building them cost every page 0.37 ms of start-up
 * (BENCHMARKS.md).
 */
const defineEntityNames = () =>
  ({
    heat: {
      kind: 'film',
      name: 'Heat',
      forms: [common('Heat')],
      year: 1995,
      otherSenses:
        /\b(?:NBA|basketball|Celtics|Knicks|Bucks|Nuggets|76ers|Lakers|Spoelstra|playoffs?|point guard|rebounds?|temperatures?|degrees|humidity|forecast|weather|heatwave|Burt Reynolds|Reynolds|Sandra Bullock|Melissa McCarthy|Feig|magazine|swimm(?:er|ing)|freestyle)\b/gi,
    },
    'la-takedown': {
      kind: 'film',
      year: 1989,
      name: 'L.A. Takedown',
      forms: [unique('L.A. Takedown'), unique('LA Takedown'), unique('L. A. Takedown')],
    },
    // "Heat 2" is also the second qualifying heat of a race, so it needs a page about films.
    'heat-2': {
      kind: 'film',
      name: 'Heat 2',
      forms: [
        { text: 'Heat 2', strength: 'distinctive' },
        { text: 'Heat II', strength: 'distinctive' },
      ],
      otherSenses: /\b(?:swimm(?:er|ing)|freestyle|backstroke|breaststroke|butterfly|relay|sprint|semi-?finals?|athletics|qualif(?:y|ying|ied))\b/gi,
      // "Heat 2" the novel and the planned film: a page about it speaks of a book and a sequel. "Novel" and
      // "sequel" are film words too, and count twice here: they tell this title from a race's second heat.
      ownSenses:
        /\b(?:novels?|sequel|prequel|books?|authors?|co-?authors?|co-?wr(?:ote|itten|iter)|hardcover|hardback|paperback|publish(?:ed|er|ers|ing)|bestsell(?:er|ing)|chapters?)\b/gi,
    },
    'the-town': {
      kind: 'film',
      name: 'The Town',
      forms: [common('The Town')],
      year: 2010,
      // A municipality calls itself "the Town" in its own notices, and "The Town" opens their sentences.
      otherSenses:
        /\b(?:council(?:lors?|members?)?|mayor|municipal(?:ity)?|township|residents|ratepayers|taxpayers|by-?laws?|ordinances?|zoning|selectboard|aldermen)\b/gi,
    },
    'the-dark-knight': {
      kind: 'film',
      name: 'The Dark Knight',
      forms: [common('The Dark Knight')],
      year: 2008,
      otherSenses: /\b(?:comics?|comic book|graphic novel|Frank Miller|issue #?\d+|DC Comics)\b/gi,
    },
    'michael-mann': {
      ...person('Michael', 'Mann', 'common'),
      otherSenses:
        /\b(?:climate|climatologist|climatology|meteorology|meteorologist|global warming|hockey stick|IPCC|atmospheric|scientist|Penn State|Pennsylvania State)\b/gi,
    },
    'al-pacino': person('Al', 'Pacino', 'distinctive', 'Alfredo Pacino'),
    'robert-de-niro': {
      kind: 'person',
      name: 'Robert De Niro',
      otherSenses: /\b(?:painter|paintings?|abstract expressionis[mt]s?|Black Mountain College|Hans Hofmann|canvas(?:es)?)\b/gi,
      forms: [
        unique('Robert De Niro'),
        unique('Robert DeNiro'),
        unique('Bobby De Niro'),
        distinctive('De Niro'),
        distinctive('DeNiro'),
      ],
    },
    'val-kilmer': person('Val', 'Kilmer', 'distinctive'),
    'tom-sizemore': person('Tom', 'Sizemore', 'distinctive'),
    'ashley-judd': person('Ashley', 'Judd', 'common'),
    'amy-brenneman': person('Amy', 'Brenneman', 'distinctive'),
    'wes-studi': person('Wes', 'Studi', 'distinctive'),
    'jon-voight': person('Jon', 'Voight', 'distinctive'),
    'ted-levine': person('Ted', 'Levine', 'common'),
    'hank-azaria': person('Hank', 'Azaria', 'distinctive'),
    'diane-venora': person('Diane', 'Venora', 'distinctive'),
    'mykelti-williamson': person('Mykelti', 'Williamson', 'common'),
    'william-fichtner': person('William', 'Fichtner', 'distinctive', 'Bill Fichtner'),
    'tom-noonan': person('Tom', 'Noonan', 'common'),
    'danny-trejo': person('Danny', 'Trejo', 'distinctive'),
    'natalie-portman': person('Natalie', 'Portman', 'common'),
    'christopher-nolan': person('Christopher', 'Nolan', 'common', 'Chris Nolan'),
    'chuck-adamson': {
      ...person('Chuck', 'Adamson', 'common', 'Charles Adamson'),
      // The Chicago detective whose real case became Heat: pages about him tell that story.
      ownSenses: /\b(?:Chicago|police(?:man)?|detectives?|cops?|real-life|real life|true story|real story|Crime Story)\b/gi,
    },
    'vincent-hanna': {
      kind: 'character',
      name: 'Vincent Hanna',
      forms: [unique('Vincent Hanna'), unique('Vince Hanna'), common('Hanna')],
    },
    'neil-mccauley': {
      kind: 'character',
      name: 'Neil McCauley',
      forms: [unique('Neil McCauley'), distinctive('McCauley')],
    },
    'warner-bros': {
      kind: 'organization',
      name: 'Warner Bros.',
      forms: [unique('Warner Bros.'), unique('Warner Bros'), unique('Warner Brothers'), unique('Warner Bros. Pictures')],
    },
    'united-artists': { kind: 'organization', name: 'United Artists', forms: [unique('United Artists')] },
    'busan-international-film-festival': {
      kind: 'event',
      name: 'Busan International Film Festival',
      forms: [
        unique('Busan International Film Festival'),
        unique('Busan Film Festival'),
        unique('Busan International Film Fest'),
        unique('BIFF'),
      ],
    },
  }) as const satisfies Record<string, EntityNames>;

type EntityNamesById = ReturnType<typeof defineEntityNames>;

export type EntityId = keyof EntityNamesById;

let names: EntityNamesById | undefined;
let ids: readonly EntityId[] | undefined;

/** Every entity's names, by id. */
export const entityNames = (): EntityNamesById => (names ??= defineEntityNames());

/** The 29 ids, in the order of `entities.json`. */
export const entityIds = (): readonly EntityId[] => (ids ??= Object.keys(entityNames()) as EntityId[]);

/**
 * Longer names that contain one of our forms but name someone or something else. A decoy found on a
 * page is consumed whole, so "Miami Heat" never yields "Heat" and "Michael E. Mann" never yields "Mann".
 */
export const DECOYS: readonly string[] = [
  // Not the film Heat.
  'Miami Heat', 'The Heat', 'Heat Wave', 'Heat Index', 'Heat Magazine', 'Heat Pump', 'Heat Advisory',
  'Heat Warning', 'Heat Stroke', 'Heat Exhaustion', 'Heat Is On', 'Heat of the Night', 'Dead Heat',
  'White Heat', 'Body Heat', 'Heat and Dust', 'Heat Guy', 'Heat Lightning', 'Heat Check', 'Heat Nation',
  'Heat Culture', 'Heat Vision', 'Heat Miser',
  // Other Manns.
  'Michael E. Mann', 'Michael E Mann', 'Thomas Mann', 'Aimee Mann', 'Heinrich Mann', 'Klaus Mann',
  'Erika Mann', 'Golo Mann', 'Horace Mann', 'Leslie Mann', 'Gabriel Mann', 'Manfred Mann', 'Anthony Mann',
  'Daniel Mann', 'Delbert Mann', 'Shelley Mann', 'Sally Mann',
  // Others who share a surname or a title.
  'Robert De Niro Sr.', 'Robert De Niro Sr', 'De Niro Sr.', 'De Niro Sr', 'DeNiro Sr.', 'Raphael De Niro', 'Drena De Niro',
  'The Dark Knight Returns', 'The Dark Knight Rises', 'The Dark Knight Strikes Again', 'Dark Knight Returns',
  'The Town Council', 'The Town Hall', 'The Town of', 'The Town Board', 'The Town Manager', 'The Town Clerk',
  'Joyce Kilmer', 'Naomi Judd', 'Wynonna Judd', 'The Judds', 'Kevin Williamson', 'Jonathan Nolan',
  'Emma Nolan', 'Tom Portman',
  // The rest of the Warner family: the record labels, the parent conglomerate ("A Warner Bros. Discovery
  // Company" in a news site's footer) and the arms that make television and games, not films.
  'Warner Music', 'Warner Records', 'Warner Bros. Records', 'Warner Bros Records',
  'Warner Bros. Discovery', 'Warner Bros Discovery', 'Warner Brothers Discovery',
  'Warner Bros. Television', 'Warner Bros Television', 'Warner Brothers Television', 'Warner Bros. TV', 'Warner Bros TV',
  'Warner Bros. Games', 'Warner Bros Games', 'Warner Bros. Interactive',
];

/**
 * Deterministic article pages for `npm run bench`, and for the scan-equivalence and fuzz tests:
 * headings, prose, lists, tables and inline markup, with mentions of the Heat entities (full names,
 * surnames, "Heat"), names split across inline elements, and confusables ("Miami Heat", "heat wave")
 * sprinkled at about one per `mentionEveryChars` characters of text. The same seed and size always
 * give the same bytes.
 *
 * `candidates: false` gives a page with no candidate text at all: no entity form, no decoy, nothing the
 * matcher's pattern could even look at (checked by `assertNoCandidates`).
 */
import { DECOYS, entityNames, type SurfaceForm } from '../../data/entities';
import { escapeForRegExp } from '../../lib/core/detection/regexp';

/** mulberry32: a small, fast, seeded PRNG (32-bit state). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few hundred common English words (none of them an entity form or part of a decoy). */
const WORDS = `
the of and to a in is it you that he was for on are with as his they be at one have this from or had by
but some what there we can out other were all your when up use word how said an each she which do their
time if will way about many then them would write like so these her long make thing see him two has look
more day could go come did my sound no most number who over know water than call first people may down
side been now find any new work part take get place made live where after back little only round man year
came show every good me give our under name very through just form much great think say help low line before
turn cause same mean differ move right boy old too does tell sentence set three want air well also play small
end put home read hand port large spell add even land here must big high such follow act why ask men change
went light kind off need house picture try us again animal point mother world near build self earth father
head stand own page should country found answer school grow study still learn plant cover food sun four
thought let keep eye never last door between city tree cross since hard start might story saw far sea draw
left late run while press close night real life few stop open seem together next white children begin got walk
example ease paper often always music those both mark book letter until mile river car feet care second group
carry took rain eat room friend began idea fish mountain north once base hear horse cut sure watch colour face
wood main enough plain girl usual young ready above ever red list though feel talk bird soon body dog family
direct pose leave song measure state product black short numeral class wind question happen complete ship area
half rock order fire south problem piece told knew pass farm top whole king size heard best hour better true
during hundred am remember step early hold west ground interest reach fast five sing listen six table travel
less morning ten simple several vowel toward war lay against pattern slow centre love person money serve appear
road map science rule govern pull cold notice voice fall power village unit certain fly district wait correct
oh quick person become shine film camera scene shot actor crew script cut frame editor score studio director
producer critic review audience screen night street coffee diner bank robbery detective crew plan job partner
`.trim().split(/\s+/);

const TITLE_WORDS = ['Notes', 'On', 'Craft', 'City', 'Night', 'Lines', 'Light', 'Time', 'Work', 'Streets', 'Story', 'Scene', 'Long', 'Take', 'Cold', 'Open', 'Road'];

const FIRST_NAMES = ['Laura', 'Peter', 'Grace', 'Omar', 'Ines', 'Samuel', 'Rita', 'Jonas', 'Mara', 'Felix', 'Nadia', 'Owen'];
const LAST_NAMES = ['Lindqvist', 'Okafor', 'Moreau', 'Castillo', 'Brandt', 'Whitlock', 'Tanaka', 'Ferreira', 'Novak', 'Ahlberg'];

type Forms = readonly SurfaceForm[];
const ALL_FORMS = Object.values(entityNames()).flatMap((names) => (names.forms as Forms).map((form) => form.text));
const FULL_NAMES = Object.values(entityNames()).flatMap((names) =>
  (names.forms as Forms).filter((form) => form.strength === 'unique' && !form.short && form.text.includes(' ')).map((form) => form.text),
);
const SHORT_NAMES = Object.values(entityNames()).flatMap((names) =>
  (names.forms as Forms).filter((form) => form.short && form.text !== 'Heat').map((form) => form.text),
);
/** Decoys a page about films or sport would plausibly carry. */
const DECOY_PICKS = ['Miami Heat', 'Miami Heat', 'Thomas Mann', 'Aimee Mann', 'Body Heat', 'White Heat', 'Heat Wave', 'Michael E. Mann', 'Jonathan Nolan'];
/** Lower-case confusables: ordinary prose the matcher's pattern sees but casing rejects. */
const LOWER_CONFUSABLES = ['heat wave', 'the heat of the day', 'heat', 'the town square', 'a dead heat'];

/** Every string the extension's matcher looks for, in any case: forms and decoys. */
export function surfaceForms(): string[] {
  return [...new Set([...ALL_FORMS, ...DECOYS])].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** One alternation of all surface forms, longest first, whole words, for mark.js (`gi`). */
export function alternationSource(): string {
  return `\\b(?:${surfaceForms().map((form) => escapeForRegExp(form).replace(/ /g, '\\s+')).join('|')})\\b`;
}

export interface PageOptions {
  /** Target length of the page's text (text node characters, markup excluded). */
  chars: number;
  seed: number;
  /** Whether to sprinkle entity names and confusables. */
  candidates: boolean;
  /** About one name or confusable per this many characters of text. */
  mentionEveryChars?: number;
  title?: string;
}

export interface GeneratedPage {
  html: string;
  /** Characters of text in `<body>` as generated (whitespace text nodes between blocks included). */
  textChars: number;
  /** Names and confusables inserted, by kind. */
  inserted: Record<InsertKind, number>;
}

type InsertKind = 'fullName' | 'splitName' | 'surname' | 'heat' | 'decoy' | 'lowercase';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Generates one article page. Text is counted as it is emitted, so `textChars` is what a walk over the
 * body's text nodes reads (to within the few characters of the page chrome).
 */
export function generateArticle(options: PageOptions): GeneratedPage {
  const random = mulberry32(options.seed);
  const mentionEvery = options.mentionEveryChars ?? 2000;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const inserted: Record<InsertKind, number> = { fullName: 0, splitName: 0, surname: 0, heat: 0, decoy: 0, lowercase: 0 };

  const out: string[] = [];
  let textChars = 0;
  /** Text since the last inserted name; a name is due when it passes `nextMentionAt`. */
  let sinceMention = 0;
  let nextMentionAt = between(mentionEvery / 2, (mentionEvery * 3) / 2);

  const text = (value: string) => {
    textChars += value.length;
    sinceMention += value.length;
    out.push(escapeHtml(value));
  };
  const tag = (value: string) => out.push(value);
  const newline = () => text('\n');

  const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);

  /** A name or confusable, possibly split across inline elements, emitted in place. */
  const emitMention = () => {
    const roll = random();
    if (roll < 0.3) {
      inserted.fullName++;
      text(pick(FULL_NAMES));
    } else if (roll < 0.42) {
      // A name split across inline elements: a linked first name, an emphasised surname.
      inserted.splitName++;
      const [first, ...rest] = pick(FULL_NAMES).split(' ');
      if (random() < 0.5) {
        tag('<a href="/people/');
        out.push(String(between(100, 999)));
        tag('">');
        text(first!);
        tag('</a>');
        text(' ' + rest.join(' '));
      } else {
        text(first! + ' ');
        tag('<b>');
        text(rest.join(' '));
        tag('</b>');
      }
    } else if (roll < 0.62) {
      inserted.surname++;
      text(pick(SHORT_NAMES));
    } else if (roll < 0.77) {
      inserted.heat++;
      const style = random();
      if (style < 0.4) {
        tag('<em>');
        text('Heat');
        tag('</em>');
      } else if (style < 0.6) {
        text('Heat (1995)');
      } else {
        text('Heat');
      }
    } else if (roll < 0.9) {
      inserted.decoy++;
      text(pick(DECOY_PICKS));
    } else {
      inserted.lowercase++;
      text(pick(LOWER_CONFUSABLES));
    }
    sinceMention = 0;
    nextMentionAt = between(mentionEvery / 2, (mentionEvery * 3) / 2);
  };

  /** A run of prose words with the odd inline element, and a mention when one is due. */
  const emitWords = (count: number, first: boolean) => {
    for (let i = 0; i < count; i++) {
      const word = i === 0 && first ? capitalise(pick(WORDS)) : pick(WORDS);
      if (i > 0) text(' ');
      if (options.candidates && sinceMention >= nextMentionAt && i > 0) {
        emitMention();
        text(' ');
      }
      const inline = random();
      if (inline < 0.025) {
        tag(`<a href="/topics/${word.toLowerCase()}">`);
        text(word + ' ' + pick(WORDS));
        tag('</a>');
      } else if (inline < 0.04) {
        tag('<em>');
        text(word);
        tag('</em>');
      } else if (inline < 0.05) {
        tag('<b>');
        text(word);
        tag('</b>');
      } else {
        text(word);
      }
    }
  };

  const sentence = () => {
    emitWords(between(6, 22), true);
    text(pick(['. ', '. ', '. ', '. ', '. ', '? ', '! ']));
  };
  const paragraph = () => {
    tag('<p>');
    const sentences = between(2, 7);
    for (let i = 0; i < sentences; i++) sentence();
    tag('</p>');
    newline();
  };
  const heading = (level: number) => {
    tag(`<h${level}>`);
    const words = between(2, 6);
    for (let i = 0; i < words; i++) text((i ? ' ' : '') + pick(TITLE_WORDS));
    tag(`</h${level}>`);
    newline();
  };
  const list = () => {
    const ordered = random() < 0.4;
    tag(ordered ? '<ol>' : '<ul>');
    newline();
    const items = between(3, 8);
    for (let i = 0; i < items; i++) {
      tag('<li>');
      emitWords(between(3, 14), true);
      tag('</li>');
      newline();
    }
    tag(ordered ? '</ol>' : '</ul>');
    newline();
  };
  const table = () => {
    const columns = between(3, 5);
    tag('<table>');
    newline();
    tag('<thead><tr>');
    for (let c = 0; c < columns; c++) {
      tag('<th>');
      text(capitalise(pick(WORDS)));
      tag('</th>');
    }
    tag('</tr></thead>');
    newline();
    tag('<tbody>');
    newline();
    const rows = between(3, 10);
    for (let r = 0; r < rows; r++) {
      tag('<tr>');
      for (let c = 0; c < columns; c++) {
        tag('<td>');
        if (c === columns - 1) text(String(between(1960, 2024)));
        else emitWords(between(1, 4), true);
        tag('</td>');
      }
      tag('</tr>');
      newline();
    }
    tag('</tbody></table>');
    newline();
  };
  const quote = () => {
    tag('<blockquote><p>');
    sentence();
    sentence();
    tag('</p><footer>— ');
    text(`${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
    tag('</footer></blockquote>');
    newline();
  };
  const figure = () => {
    tag(`<figure><img src="data:," alt="" width="640" height="360"><figcaption>`);
    emitWords(between(5, 14), true);
    text('.');
    tag('</figcaption></figure>');
    newline();
  };
  const codeBlock = () => {
    // Never matched (docs/contract.md), but walked past.
    tag('<pre><code>');
    text(`const ${pick(WORDS)} = ${between(1, 99)};\nfor (let i = 0; i < ${pick(WORDS)}.length; i++) step(i);`);
    tag('</code></pre>');
    newline();
  };

  const title = options.title ?? (options.candidates ? 'Notes on a long night in Los Angeles' : 'Notes on a long night');
  tag(`<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n`);
  tag('<meta name="viewport" content="width=device-width, initial-scale=1">\n');
  tag(
    '<style>body{font:17px/1.55 Georgia,serif;margin:0;color:#222}main{max-width:44em;margin:0 auto;padding:1em}' +
      'nav ul{display:flex;gap:1em;list-style:none}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}' +
      'figure img{background:#ddd;max-width:100%;height:auto}</style>\n',
  );
  tag('</head>\n<body>');
  newline();
  tag('<header><nav><ul>');
  for (const item of ['Home', 'Reviews', 'Essays', 'Archive', 'About']) {
    tag(`<li><a href="/${item.toLowerCase()}">`);
    text(item);
    tag('</a></li>');
  }
  tag('</ul></nav></header>');
  newline();
  tag('<main><article>');
  newline();
  tag('<h1>');
  text(title);
  tag('</h1>');
  newline();
  tag('<p class="byline">');
  text(`By ${pick(FIRST_NAMES)} ${pick(LAST_NAMES)} · `);
  tag('<time datetime="2024-05-01">');
  text('1 May 2024');
  tag('</time></p>');
  newline();

  while (textChars < options.chars) {
    tag('<section>');
    newline();
    heading(2);
    const blocks = between(4, 12);
    for (let b = 0; b < blocks && textChars < options.chars; b++) {
      const kind = random();
      if (kind < 0.62) paragraph();
      else if (kind < 0.72) list();
      else if (kind < 0.78) table();
      else if (kind < 0.84) quote();
      else if (kind < 0.9) figure();
      else if (kind < 0.93) codeBlock();
      else heading(3);
    }
    tag('</section>');
    newline();
  }

  tag('</article></main>');
  newline();
  tag('<footer><p>');
  text('© 2024 Night Notes. All rights reserved.');
  tag('</p></footer>');
  newline();
  tag('<script>document.documentElement.dataset.ready = "1";</script>\n</body>\n</html>\n');
  return { html: out.join(''), textChars, inserted };
}

/** Throws unless the page's text holds no surface form nor decoy in any case (for the no-candidate page). */
export function assertNoCandidates(html: string): void {
  const bodyText = html
    .replace(/^[\s\S]*?<body>/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, ' ');
  const pattern = new RegExp(alternationSource(), 'i');
  const found = pattern.exec(bodyText);
  if (found) throw new Error(`The no-candidate page contains "${found[0]}" at ${found.index}`);
}

/**
 * Pages for `maybeLeaves` (lib/page/read/maybe-leaves.ts), shared by the happy-dom tier (which has no
 * XPath, so the elements are found one by one) and the Chromium tier (one XPath query): both must
 * give the same answers.
 */
export interface MaybeLeavesCase {
  readonly name: string;
  readonly html: string;
  /** The ids of the leaves to read, or undefined when the root must be walked. */
  readonly leaves: readonly string[] | undefined;
}

export const MAYBE_LEAVES_CASES: readonly MaybeLeavesCase[] = [
  {
    name: 'every place in a paragraph or list item: only those are read',
    html: '<main><h1>Notes</h1><section><p id="a">A Studio lamp.</p><p>Quiet.</p><ul><li id="b">The Town hall.</li></ul></section></main>',
    leaves: ['a', 'b'],
  },
  {
    name: 'no place outside unread content: nothing is read',
    html: '<main><p>Quiet.</p><script>var film = "Heat";</script><pre>Pacino</pre></main>',
    leaves: [],
  },
  {
    name: 'a list item inside a list item: the inner one, when it holds every place',
    html: '<ul><li>Outer <ul><li id="inner">Mann again</li></ul></li></ul>',
    leaves: ['inner'],
  },
  {
    name: 'a place in a container’s own text: walked',
    html: '<div>Heat <p id="a">Pacino</p></div>',
    leaves: undefined,
  },
  {
    name: 'a place in an outer leaf’s own text beside an inner one: walked',
    html: '<ul><li>Mann <ul><li>Mann again</li></ul></li></ul>',
    leaves: undefined,
  },
  {
    name: 'a word glued across two blocks: walked',
    html: '<div><p>Ends with Hea</p><p>t and more</p></div>',
    leaves: undefined,
  },
  {
    name: 'a leaf inside editable content: accounted for, not read',
    html: '<div contenteditable="true"><p>Pacino</p></div><p id="a">Kilmer</p>',
    leaves: ['a'],
  },
  {
    name: 'a word split across inline elements in a paragraph',
    html: '<article><p id="a">Al <b>Pa</b>cino and <i>Heat</i></p></article>',
    leaves: ['a'],
  },
];

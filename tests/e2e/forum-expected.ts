import type { ExpectedMention } from './harness';

/**
 * What forum.html holds: casual spellings, a decoy ("the Miami Heat game") and a lower-case heat wave
 * left alone. Checked in Chromium (mentions.e2e.test.ts) and in Firefox (extension.firefox.test.ts).
 */
export const FORUM_EXPECTED: ExpectedMention[] = [
  { block: '#thread-title', entity: 'heat', text: 'Heat' },
  { block: '#p1a', entity: 'robert-de-niro', text: 'DeNiro' },
  { block: '#p1b', entity: 'val-kilmer', text: 'Kilmer' },
  { block: '#p2a', entity: 'the-dark-knight', text: 'The Dark Knight' },
  { block: '#p2a', entity: 'heat', text: 'Heat' },
  { block: '#p2a', entity: 'william-fichtner', text: 'William Fichtner' },
  { block: '#p2a', entity: 'christopher-nolan', text: 'Christopher Nolan' },
  { block: '#p3a', entity: 'the-town', text: 'The Town' },
  { block: '#p3b', entity: 'al-pacino', text: 'Pacino' },
  { block: '#similar-1', entity: 'michael-mann', text: 'Michael Mann' },
];

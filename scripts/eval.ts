/**
 * `npm run eval`: detection quality on the labelled passages in ../shared/eval/dev.jsonl, with the
 * same detection code the content script runs (one passage = one page, one paragraph = one block).
 * The passages belong to their authors and are read from ../shared only, never copied here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectMentions } from '../lib/core/detection/index';
import { entityNames, type EntityId } from '../data/entities';
import { parseLabelledPassage, scoreBlock, type Found, type GoldMention } from '../lib/core/eval/labelled-text';

const DATA = fileURLToPath(new URL('../../shared/eval/dev.jsonl', import.meta.url));
const file = process.argv[2] ?? DATA;

if (!existsSync(file)) {
  console.log(`eval: skipped — ${file} is not here (the labelled passages live beside the project, in ../shared/eval/).`);
  process.exit(0);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const overall = tally();
const byEntity = new Map<string, Tally>();
const byKind = new Map<string, Tally>();
const errors: string[] = [];

function count(entity: string, field: keyof Tally) {
  overall[field]++;
  const kind = entityNames()[entity as EntityId]?.kind ?? 'unknown';
  for (const [map, key] of [[byEntity, entity], [byKind, kind]] as const) {
    const t = map.get(key) ?? tally();
    t[field]++;
    map.set(key, t);
  }
}

function context(text: string, start: number, length: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, start + length + 40);
  return `…${text.slice(from, start)}⟦${text.slice(start, start + length)}⟧${text.slice(start + length, to)}…`.replace(/\s+/g, ' ');
}

const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
for (const line of lines) {
  const passage = JSON.parse(line) as { id: string; text: string };
  const blocks = parseLabelledPassage(passage.text);
  const found = detectMentions(blocks.map((block) => ({ text: block.text })));
  blocks.forEach((block, index) => {
    const mentions: Found[] = (found[index] ?? []).map((m) => ({ entity: m.entity, text: m.text, start: m.start }));
    const result = scoreBlock(mentions, block.gold);
    for (const m of result.truePositives) count(m.entity, 'tp');
    for (const m of result.falsePositives) {
      count(m.entity, 'fp');
      const reason = found[index]?.find((f) => f.start === m.start)?.reason;
      errors.push(`FP ${passage.id} ${m.entity} (${reason}): ${context(block.text, m.start, m.text.length)}`);
    }
    for (const g of result.falseNegatives as GoldMention[]) {
      count(g.entity, 'fn');
      errors.push(`FN ${passage.id} ${g.entity}: ${context(block.text, g.start, g.text.length)}`);
    }
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
function scores(t: Tally) {
  const precision = ratio(t.tp, t.tp + t.fp);
  const recall = ratio(t.tp, t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
function row(label: string, t: Tally): string {
  const s = scores(t);
  return `${label.padEnd(36)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}   (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
}

console.log(`Detection on ${lines.length} passages from ${file}\n`);
console.log(row('overall', overall));
console.log('\nper kind');
for (const [kind, t] of [...byKind].sort()) console.log('  ' + row(kind, t));
console.log('\nper entity');
for (const [entity, t] of [...byEntity].sort()) console.log('  ' + row(entity, t));
console.log(`\n${errors.length} errors`);
for (const error of errors.sort()) console.log('  ' + error);

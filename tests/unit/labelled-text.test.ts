import { describe, expect, it } from 'vitest';
import { parseLabelledPassage, scoreBlock } from '../../lib/core/eval/labelled-text';

describe('parseLabelledPassage', () => {
  it('gives back the published text, one block per paragraph, with gold offsets', () => {
    const blocks = parseLabelledPassage('I love [[Heat|heat]].\n\n[[Pacino|al-pacino]]’s best.');
    expect(blocks).toEqual([
      { text: 'I love Heat.', gold: [{ entity: 'heat', text: 'Heat', start: 7 }] },
      { text: 'Pacino’s best.', gold: [{ entity: 'al-pacino', text: 'Pacino', start: 0 }] },
    ]);
  });
});

describe('scoreBlock', () => {
  const gold = [
    { entity: 'heat', text: 'Heat', start: 10 },
    { entity: 'al-pacino', text: 'Pacino', start: 30 },
  ];

  it('pairs same entity and text (any case) starting within a few characters, once each', () => {
    const result = scoreBlock(
      [
        { entity: 'heat', text: 'HEAT', start: 12 },
        { entity: 'heat', text: 'Heat', start: 10 },
      ],
      gold,
    );
    expect(result.truePositives).toHaveLength(1);
    expect(result.falsePositives).toHaveLength(1);
    expect(result.falseNegatives).toEqual([gold[1]]);
  });

  it('counts the wrong entity or a distant start as an error', () => {
    const result = scoreBlock(
      [
        { entity: 'robert-de-niro', text: 'Pacino', start: 30 },
        { entity: 'heat', text: 'Heat', start: 20 },
      ],
      gold,
    );
    expect(result.truePositives).toHaveLength(0);
    expect(result.falsePositives).toHaveLength(2);
    expect(result.falseNegatives).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { answerBackgroundMessage } from '../../lib/background/answer';

describe('answerBackgroundMessage', () => {
  it('gives the card content of an entity as plain data that survives messaging', async () => {
    const entity = await answerBackgroundMessage({ type: 'entity/get', entity: 'al-pacino' });
    expect(entity).toMatchObject({ id: 'al-pacino', kind: 'person', name: 'Al Pacino' });
    expect(entity?.facts.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(entity))).toEqual(entity);
  });

  it('answers nothing for an unknown entity, and leaves other messages alone', async () => {
    expect(await answerBackgroundMessage({ type: 'entity/get', entity: 'batman' })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'mentions/get' })).toBeUndefined();
    expect(answerBackgroundMessage('entity/get')).toBeUndefined();
  });
});

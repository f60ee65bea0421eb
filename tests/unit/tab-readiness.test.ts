import { describe, expect, it } from 'vitest';
import {
  classifyUnreachable,
  clearTabsBeforeInstall,
  forgetTabBeforeInstall,
  makeRecord,
  parseRecord,
  readTabsBeforeInstall,
  recordTabsBeforeInstall,
  shouldRecord,
  TABS_BEFORE_INSTALL_KEY,
  type StorageAreaLike,
} from '../../lib/background/tab-readiness';

/** A storage area in memory, shaped like `browser.storage.*`. */
function memoryArea(): StorageAreaLike & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}

describe('tab readiness: the decision', () => {
  const record = makeRecord([{ id: 4 }, { id: 7 }, {}], 1000);

  it('records the ids of the open tabs, and the time', () => {
    expect(record).toEqual({ tabIds: [4, 7], at: 1000 });
    expect(parseRecord(record)).toEqual(record);
    expect(parseRecord({ tabIds: 'x', at: 1 })).toBeUndefined();
    expect(parseRecord(undefined)).toBeUndefined();
  });

  it('records on install and update, not on a browser update', () => {
    expect(shouldRecord('install')).toBe(true);
    expect(shouldRecord('update')).toBe(true);
    expect(shouldRecord('chrome_update')).toBe(false);
    expect(shouldRecord('browser_update')).toBe(false);
    expect(shouldRecord('shared_module_update')).toBe(false);
  });

  it('says "reload" for a silent tab open since before install, "can’t read" for any other', () => {
    expect(classifyUnreachable({ id: 7, status: 'complete' }, record)).toBe('reload');
    expect(classifyUnreachable({ id: 9, status: 'complete' }, record)).toBe('cant-read');
    expect(classifyUnreachable({ id: 9 }, undefined)).toBe('cant-read');
    // Still loading: the content script may just not have run yet.
    expect(classifyUnreachable({ id: 9, status: 'loading' }, record)).toBe('loading');
  });
});

describe('tab readiness: storage', () => {
  it('keeps the record in storage.session when there is one', async () => {
    const session = memoryArea();
    const local = memoryArea();
    await recordTabsBeforeInstall({ session, local }, 'install', [{ id: 1 }, { id: 2 }], 5);
    expect(session.data[TABS_BEFORE_INSTALL_KEY]).toEqual({ tabIds: [1, 2], at: 5 });
    expect(local.data).toEqual({});
    expect(await readTabsBeforeInstall({ session, local })).toEqual({ tabIds: [1, 2], at: 5 });
  });

  it('falls back to storage.local with the install time, cleared at browser start', async () => {
    const local = memoryArea();
    await recordTabsBeforeInstall({ local }, 'update', [{ id: 3 }], 42);
    expect(local.data[TABS_BEFORE_INSTALL_KEY]).toEqual({ tabIds: [3], at: 42 });
    await clearTabsBeforeInstall({ local });
    expect(await readTabsBeforeInstall({ local })).toBeUndefined();
  });

  it('does not record after a browser update', async () => {
    const session = memoryArea();
    await recordTabsBeforeInstall({ session, local: memoryArea() }, 'chrome_update', [{ id: 1 }], 5);
    expect(session.data).toEqual({});
  });

  it('forgets a tab that loads a page', async () => {
    const storage = { session: memoryArea(), local: memoryArea() };
    await recordTabsBeforeInstall(storage, 'install', [{ id: 1 }, { id: 2 }], 5);
    await forgetTabBeforeInstall(storage, 1);
    await forgetTabBeforeInstall(storage, 99);
    const record = await readTabsBeforeInstall(storage);
    expect(record?.tabIds).toEqual([2]);
    expect(classifyUnreachable({ id: 1 }, record)).toBe('cant-read');
  });
});

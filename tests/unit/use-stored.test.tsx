// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSettings } from '../../components/shared/use-settings';
import { useSites } from '../../components/shared/use-sites';
import { useStored, type StoredAccess, type StoredOptions } from '../../components/shared/use-stored';
import { DEFAULT_SETTINGS } from '../../lib/core/settings';
import { SETTINGS_KEY, SITES_KEY } from '../../lib/browser/settings-store';
import { useMountPoint } from './mount-point';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const mountPoint = useMountPoint();

/** Renders `hook` in a component and hands back its latest result. */
function mount<R>(hook: () => R): () => R {
  let latest: R | undefined;
  function Probe() {
    latest = hook();
    return null;
  }
  act(() => render(<Probe />, mountPoint()));
  return () => latest!;
}

/** Lets pending promises (the store's load, a write) settle and the hook re-render. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** Waits until the hook has what storage holds (the store module is imported on first use). */
async function loaded(done: () => boolean): Promise<void> {
  await vi.waitFor(async () => {
    await settle();
    if (!done()) throw new Error('still loading');
  });
}

/** An in-memory store whose writes can be made to fail, and whose watchers can be called. */
function memoryStore(initial: number, invalid: string[] = []) {
  let value = initial;
  const watchers = new Set<(value: number) => void>();
  const store = {
    saved: [] as number[],
    failWrites: false,
    watching: () => watchers.size,
    changeElsewhere(next: number) {
      value = next;
      for (const watcher of watchers) watcher(next);
    },
    access: {
      load: async () => ({ value, invalid }),
      save: async (next: number) => {
        if (store.failWrites) throw new Error('quota');
        value = next;
        store.saved.push(next);
      },
      watch: (onChange: (value: number) => void) => {
        watchers.add(onChange);
        return () => watchers.delete(onChange);
      },
    } satisfies StoredAccess<number>,
  };
  return store;
}

const numberHook = (options: Partial<StoredOptions<number>> & Pick<StoredOptions<number>, 'open'>) => () => useStored<number>({ initial: 0, ...options });

describe('useStored', () => {
  it('shows the initial value while loading, then the stored one, and follows changes made elsewhere', async () => {
    const store = memoryStore(7);
    const result = mount(numberHook({ open: async () => store.access }));
    expect(result()).toMatchObject({ value: 0, state: 'loading' });
    await settle();
    expect(result()).toMatchObject({ value: 7, state: 'ready', invalid: [] });
    act(() => store.changeElsewhere(9));
    expect(result().value).toBe(9);
  });

  it('saves a change and keeps it; names invalid stored parts until a save replaces them', async () => {
    const store = memoryStore(1, ['color']);
    const result = mount(numberHook({ open: async () => store.access }));
    await settle();
    expect(result().invalid).toEqual(['color']);
    let kept: boolean | undefined;
    await act(async () => {
      kept = await result().save(2);
    });
    expect(kept).toBe(true);
    expect(store.saved).toEqual([2]);
    expect(result()).toMatchObject({ value: 2, invalid: [] });
  });

  it('rolls a failed save back to what is stored, and says so', async () => {
    const store = memoryStore(1);
    const result = mount(numberHook({ open: async () => store.access }));
    await settle();
    store.failWrites = true;
    let kept: boolean | undefined;
    await act(async () => {
      kept = await result().save(5);
    });
    expect(kept).toBe(false);
    expect(result().value).toBe(1);
    // The last value another context stored is what a later failure goes back to.
    act(() => store.changeElsewhere(3));
    await act(async () => {
      kept = await result().save(6);
    });
    expect(kept).toBe(false);
    expect(result().value).toBe(3);
  });

  it('keeps the initial value where storage is unavailable, and refuses saves', async () => {
    const result = mount(numberHook({ initial: 4, open: () => Promise.reject(new Error('no extension API')) }));
    await settle();
    expect(result()).toMatchObject({ value: 4, state: 'unavailable' });
    let kept: boolean | undefined;
    await act(async () => {
      kept = await result().save(8);
    });
    expect(kept).toBe(false);
    expect(result().value).toBe(4);
  });

  it('with a write delay, writes a burst of changes once, at once when the page closes', async () => {
    const store = memoryStore(0);
    const result = mount(numberHook({ open: async () => store.access, writeDelayMs: 60_000 }));
    await settle();
    let saves: Array<Promise<boolean>> = [];
    act(() => {
      saves = [1, 2, 3].map((next) => result().save(next));
    });
    expect(store.saved).toEqual([]);
    expect(result().value).toBe(3);
    await act(async () => {
      dispatchEvent(new Event('pagehide'));
      expect(await Promise.all(saves)).toEqual([true, true, true]);
    });
    expect(store.saved).toEqual([3]);
  });

  it('stops following the store and writes what is waiting when the page goes away', async () => {
    const store = memoryStore(0);
    const result = mount(numberHook({ open: async () => store.access, writeDelayMs: 60_000 }));
    await settle();
    expect(store.watching()).toBe(1);
    let saved: Promise<boolean> | undefined;
    act(() => {
      saved = result().save(5);
    });
    act(() => render(null, mountPoint()));
    expect(await saved).toBe(true);
    expect(store.saved).toEqual([5]);
    expect(store.watching()).toBe(0);
  });
});

describe('useSettings and useSites over browser storage', () => {
  it('fall back from corrupt stored values, naming the invalid settings', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, highlightColor: 'dragon', trigger: 'hover' } });
    await fakeBrowser.storage.local.set({ [SITES_KEY]: ['Example.com', 42, 'not a site', 'example.com', 'news.example.org'] });
    const both = mount(() => ({ settings: useSettings(), sites: useSites() }));
    const settings = () => both().settings;
    const sites = () => both().sites;
    await loaded(() => settings().state === 'ready' && sites().ready);
    expect(settings().settings.highlightColor).toBe(DEFAULT_SETTINGS.highlightColor);
    expect(settings().invalidFields).toEqual(['highlightColor']);
    expect(sites()).toMatchObject({ ready: true, sites: ['example.com', 'news.example.org'] });
  });

  it('follow a change another context makes', async () => {
    const sites = mount(useSites);
    await loaded(() => sites().ready);
    await act(async () => {
      await fakeBrowser.storage.local.set({ [SITES_KEY]: ['example.com'] });
    });
    expect(sites().sites).toEqual(['example.com']);
  });

  it('roll a failed write back and report it', async () => {
    await fakeBrowser.storage.local.set({ [SITES_KEY]: ['example.com'] });
    const sites = mount(useSites);
    await loaded(() => sites().ready);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    let kept: boolean | undefined;
    await act(async () => {
      kept = await sites().save(['example.com', 'b.example']);
    });
    expect(kept).toBe(false);
    expect(sites().sites).toEqual(['example.com']);
  });

  it('write settings to storage.sync, clearing the notice of invalid ones', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, highlightColor: 'dragon' } });
    const settings = mount(useSettings);
    await loaded(() => settings().state === 'ready');
    const next = { ...settings().settings, highlightColor: 'blue' as const };
    let kept: Promise<boolean> | undefined;
    act(() => {
      kept = settings().update(next);
    });
    await act(async () => {
      dispatchEvent(new Event('pagehide'));
      expect(await kept).toBe(true);
    });
    expect(settings().invalidFields).toEqual([]);
    const stored = await fakeBrowser.storage.sync.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toMatchObject({ highlightColor: 'blue' });
  });
});

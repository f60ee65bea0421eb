import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OnThisPage } from '../../components/on-this-page/OnThisPage';
import { readPage, summarizeMentions, type PageApi } from '../../components/on-this-page/page-mentions';
import type { MentionsResponse } from '../../lib/core/messages';
import { useMountPoint } from './mount-point';

const stats = { scanMs: 1, textNodes: 1, chars: 1 };

function response(...entities: string[]): MentionsResponse {
  return { mentions: entities.map((entity, offset) => ({ entity: entity as never, text: entity, offset })), stats };
}

/** A fake browser: one active tab (id 7) whose content script answers with `answer` or rejects. */
function fakeApi(overrides: Partial<PageApi> = {}): PageApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    activeTab: async () => ({ id: 7, status: 'complete' }),
    getMentions: async () => response('heat', 'al-pacino', 'heat', 'robert-de-niro', 'al-pacino', 'heat'),
    reveal: async (tabId, entity) => {
      calls.push(`reveal ${tabId} ${entity}`);
      return { index: 1, total: 3 };
    },
    reload: async (tabId) => void calls.push(`reload ${tabId}`),
    tabsBeforeInstall: async () => undefined,
    ...overrides,
  };
}

const noReceiver = async () => {
  throw new Error('Could not establish connection. Receiving end does not exist.');
};

describe('summarizeMentions', () => {
  it('counts per entity, most mentioned first, ties in the page’s order', () => {
    const rows = summarizeMentions(response('robert-de-niro', 'al-pacino', 'heat', 'al-pacino', 'heat', 'heat').mentions);
    expect(rows.map((r) => [r.entity, r.count])).toEqual([
      ['heat', 3],
      ['al-pacino', 2],
      ['robert-de-niro', 1],
    ]);
    expect(rows[0]).toMatchObject({ name: 'Heat', kind: 'film', kindLabel: 'Film' });
    expect(rows[1]).toMatchObject({ name: 'Al Pacino', kindLabel: 'Person' });
  });

  it('keeps the page’s order between equal counts, and skips unknown ids', () => {
    const rows = summarizeMentions(response('warner-bros', 'not-ours', 'la-takedown').mentions);
    expect(rows.map((r) => r.entity)).toEqual(['warner-bros', 'la-takedown']);
    expect(summarizeMentions([])).toEqual([]);
  });
});

describe('readPage', () => {
  it('asks the active tab and sums what it found', async () => {
    const view = await readPage(fakeApi());
    expect(view).toMatchObject({ state: 'found', tabId: 7, total: 6 });
  });

  it('a silent tab from before install: reload; any other silent tab: can’t read', async () => {
    const before = fakeApi({ getMentions: noReceiver, tabsBeforeInstall: async () => ({ tabIds: [7], at: 1 }) });
    expect(await readPage(before)).toEqual({ state: 'reload', tabId: 7 });
    const other = fakeApi({ getMentions: noReceiver, tabsBeforeInstall: async () => ({ tabIds: [3], at: 1 }) });
    expect(await readPage(other)).toEqual({ state: 'cant-read' });
    const noTab = fakeApi({ activeTab: async () => undefined });
    expect(await readPage(noTab)).toEqual({ state: 'cant-read' });
  });
});

describe('OnThisPage', () => {
  const mountPoint = useMountPoint();

  async function show(props: Parameters<typeof OnThisPage>[0]) {
    await act(async () => {
      render(<OnThisPage patienceMs={300} retryEveryMs={20} {...props} />, mountPoint());
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }

  const rows = () =>
    [...mountPoint().querySelectorAll<HTMLButtonElement>('.otp__entry')].map((b) => [
      b.querySelector('.otp__name')?.textContent,
      b.querySelector('.otp__kind')?.textContent,
      Number(b.querySelector('.otp__count')?.textContent),
    ]);

  it('lists the names found with kind and count, most mentioned first', async () => {
    await show({ enabled: true, loadApi: async () => fakeApi() });
    expect(rows()).toEqual([
      ['Heat', 'Film', 3],
      ['Al Pacino', 'Person', 2],
      ['Robert De Niro', 'Person', 1],
    ]);
    expect(mountPoint().querySelector('.otp__total')?.textContent).toBe('6 mentions of 3 names');
  });

  it('sends mentions/reveal for the chosen name and says where it is', async () => {
    const api = fakeApi();
    await show({ enabled: true, loadApi: async () => api });
    await act(async () => mountPoint().querySelectorAll<HTMLButtonElement>('.otp__entry')[1]!.click());
    expect(api.calls).toEqual(['reveal 7 al-pacino']);
    expect(mountPoint().querySelector('[role="status"]')?.textContent).toBe('Al Pacino: mention 1 of 3, shown on the page.');
  });

  it('shows the first few and the rest on request', async () => {
    const many = ['heat', 'al-pacino', 'robert-de-niro', 'val-kilmer', 'jon-voight', 'tom-sizemore', 'ashley-judd', 'wes-studi'];
    await show({ enabled: true, visible: 6, loadApi: async () => fakeApi({ getMentions: async () => response(...many) }) });
    expect(rows()).toHaveLength(6);
    await act(async () => mountPoint().querySelector<HTMLButtonElement>('.otp__more')!.click());
    expect(rows()).toHaveLength(8);
  });

  it('a new revision (the side panel: the page’s names changed) reads the page again, keeping the list until the answer', async () => {
    let answer = response('heat', 'al-pacino');
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const api = fakeApi({
      getMentions: async () => {
        await gate;
        return answer;
      },
    });
    await show({ enabled: true, loadApi: async () => api, revision: 0 });
    expect(rows().map(([name]) => name)).toEqual(['Heat', 'Al Pacino']);
    answer = response('christopher-nolan', 'william-fichtner', 'christopher-nolan');
    gate = new Promise((resolve) => (release = resolve));
    await show({ enabled: true, loadApi: async () => api, revision: 1 });
    // Still the last list while the page answers: no flash of "Reading the page…".
    expect(rows().map(([name]) => name)).toEqual(['Heat', 'Al Pacino']);
    await act(async () => release());
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(rows().map(([name]) => name)).toEqual(['Christopher Nolan', 'William Fichtner']);
  });

  it('says so when the page has none of our names', async () => {
    await show({ enabled: true, loadApi: async () => fakeApi({ getMentions: async () => response() }) });
    expect(rows()).toEqual([]);
    expect(mountPoint().querySelector('[data-reason="none"]')?.textContent).toBe('No names from Heat on this page.');
  });

  it('says it can’t read a page without a content script', async () => {
    await show({ enabled: true, loadApi: async () => fakeApi({ getMentions: noReceiver }) });
    expect(mountPoint().querySelector('[data-reason="cant-read"]')?.textContent).toContain('Heat Notes can’t read this page');
    expect(mountPoint().querySelector('button')).toBeNull();
  });

  it('offers Reload for a tab open since before install, and reads the page once reloaded', async () => {
    let reloaded = false;
    const api = fakeApi({
      getMentions: async () => {
        if (!reloaded) throw new Error('Receiving end does not exist.');
        return response('heat');
      },
      tabsBeforeInstall: async () => (reloaded ? undefined : { tabIds: [7], at: 1 }),
      reload: async (tabId) => {
        api.calls.push(`reload ${tabId}`);
        reloaded = true;
      },
    });
    await show({ enabled: true, loadApi: async () => api });
    const message = mountPoint().querySelector('[data-reason="reload"]');
    expect(message?.textContent).toContain('Reload to annotate');
    const button = [...mountPoint().querySelectorAll('button')].find((b) => b.textContent === 'Reload');
    expect(button).toBeDefined();
    await act(async () => button!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(api.calls).toEqual(['reload 7']);
    expect(rows()).toEqual([['Heat', 'Film', 1]]);
  });

  it('says Heat Notes is switched off, without asking the page', async () => {
    const loadApi = vi.fn(async () => fakeApi());
    await show({ enabled: false, loadApi });
    expect(mountPoint().querySelector('[data-reason="off"]')?.textContent).toContain('switched off');
    expect(loadApi).not.toHaveBeenCalled();
    await show({ enabled: true, paused: true, loadApi });
    expect(mountPoint().querySelector('[data-reason="off"]')?.textContent).toContain('paused');
  });

  it('says when Heat Notes is off on this site', async () => {
    const loadApi = vi.fn(async () => fakeApi());
    await show({ enabled: true, siteOff: true, loadApi });
    expect(mountPoint().querySelector('[data-reason="off"]')?.textContent).toContain('off on this site');
    expect(loadApi).not.toHaveBeenCalled();
  });

  it('offers the history while it is off, and shows where each name was seen once it is on', async () => {
    const onRemember = vi.fn();
    await show({ enabled: true, loadApi: async () => fakeApi(), onRemember });
    const offer = [...mountPoint().querySelectorAll('button')].find((b) => b.textContent === 'Keep a history on this device');
    offer!.click();
    expect(onRemember).toHaveBeenCalledOnce();
    expect(mountPoint().querySelector('.otp__seen')).toBeNull();

    const recent = { entity: 'al-pacino', url: 'https://example.com/a', title: 'A page', time: Date.UTC(2026, 0, 5), count: 2 };
    const loadSightings = vi.fn(async (ids: string[]) => new Map(ids.filter((id) => id === 'al-pacino').map((id) => [id, { pages: 3, recent: [recent] }])));
    await show({ enabled: true, loadApi: async () => fakeApi(), loadSightings: loadSightings as never });
    expect(loadSightings).toHaveBeenCalledWith(['heat', 'al-pacino', 'robert-de-niro']);
    const seen = [...mountPoint().querySelectorAll('.otp__seen')];
    expect(seen).toHaveLength(1);
    expect(seen[0]!.querySelector('summary')?.textContent).toBe('Seen on 3 pages');
    expect(seen[0]!.querySelector('a')?.getAttribute('href')).toBe('https://example.com/a');
    expect([...mountPoint().querySelectorAll('button')].some((b) => b.textContent === 'Keep a history on this device')).toBe(false);
  });
});

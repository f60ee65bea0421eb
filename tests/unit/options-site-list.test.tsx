// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SiteList } from '../../components/options/SiteList';
import type { SiteMode } from '../../lib/core/settings';
import { useMountPoint } from './mount-point';

const mountPoint = useMountPoint();

/** The list with its state held here, as the options page holds it; `saved` records every save. */
function mountList(initial: string[] = [], saved: string[][] = []) {
  function Harness() {
    const [sites, setSites] = useState(initial);
    const [mode, setMode] = useState<SiteMode>('never');
    return (
      <SiteList
        mode={mode}
        onModeChange={setMode}
        sites={sites}
        save={async (next) => {
          saved.push(next);
          setSites(next);
          return true;
        }}
      />
    );
  }
  act(() => render(<Harness />, mountPoint()));
  return saved;
}

const flush = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const input = () => mountPoint().querySelector<HTMLInputElement>('#site-add')!;
const listed = () => [...mountPoint().querySelectorAll('.sites__name')].map((el) => el.textContent);

async function type(text: string) {
  await act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    mountPoint().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}

describe('SiteList', () => {
  it('refuses what is not a site with an error tied to the field, and saves nothing', async () => {
    const saved = mountList();
    await type('not a site');
    const error = mountPoint().querySelector('[role="alert"]');
    expect(error?.textContent).toContain('“not a site” is not a site name');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe(error?.id);
    expect(saved).toEqual([]);
  });

  it('adds the host of what is typed, refuses it twice, and clears the field', async () => {
    const saved = mountList(['a.example']);
    await type('https://www.Example.com/page');
    expect(saved).toEqual([['a.example', 'example.com']]);
    expect(listed()).toEqual(['a.example', 'example.com']);
    expect(input().value).toBe('');
    await type('example.com');
    expect(mountPoint().querySelector('[role="alert"]')?.textContent).toContain('already on the list');
    expect(saved).toHaveLength(1);
  });

  it('removes with an undo that puts the site back where it was', async () => {
    const saved = mountList(['a.example', 'b.example', 'c.example']);
    await act(() => mountPoint().querySelector<HTMLButtonElement>('button[aria-label="Remove b.example"]')!.click());
    await flush();
    expect(listed()).toEqual(['a.example', 'c.example']);
    const undo = mountPoint().querySelector<HTMLButtonElement>('button[aria-label^="Undo"]')!;
    expect(mountPoint().querySelector('[role="status"]')?.textContent).toBe('Removed b.example.');
    await act(() => undo.click());
    await flush();
    expect(listed()).toEqual(['a.example', 'b.example', 'c.example']);
    expect(saved.at(-1)).toEqual(['a.example', 'b.example', 'c.example']);
    expect(mountPoint().querySelector('button[aria-label^="Undo"]')).toBeNull();
  });

  it('says that an empty "only" list marks no page', async () => {
    mountList();
    await act(() => mountPoint().querySelector<HTMLInputElement>('input[value="only"]')!.click());
    expect(mountPoint().textContent).toContain('Heat Notes marks no page at all');
  });
});

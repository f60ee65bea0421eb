import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readMirroredPrefs } from '../../components/reader/reader-mirror';
import {
  applyReaderPrefs,
  DEFAULT_READER,
  parseReaderPrefs,
  READER_KEY,
  resolveTheme,
  stepTextSize,
  TEXT_SIZES,
  textScale,
  type ReaderPrefs,
} from '../../components/reader/reader-prefs';
import { loadReaderPrefs, saveReaderPrefs, watchReaderPrefs } from '../../components/reader/reader-store';
import { ReaderControls } from '../../components/reader/ReaderControls';
import { useMountPoint } from './mount-point';

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
});

describe('reader prefs (pure)', () => {
  it('keeps valid fields and falls back per field', () => {
    expect(parseReaderPrefs(undefined)).toEqual(DEFAULT_READER);
    expect(parseReaderPrefs({ theme: 'sepia', size: 'large' })).toEqual({ theme: 'sepia', size: 'large' });
    expect(parseReaderPrefs({ theme: 'neon', size: 'large' })).toEqual({ theme: 'system', size: 'large' });
    expect(parseReaderPrefs({ theme: 'dark', size: 42 })).toEqual({ theme: 'dark', size: 'medium' });
    expect(parseReaderPrefs('sepia')).toEqual(DEFAULT_READER);
  });

  it('steps the text size within a small set, stopping at the ends', () => {
    expect(TEXT_SIZES.length).toBeGreaterThanOrEqual(3);
    expect(TEXT_SIZES.length).toBeLessThanOrEqual(6);
    expect(stepTextSize('medium', 1)).toBe('large');
    expect(stepTextSize('medium', -1)).toBe('small');
    expect(stepTextSize('small', -1)).toBe('small');
    const largest = TEXT_SIZES[TEXT_SIZES.length - 1]!.id;
    expect(stepTextSize(largest, 1)).toBe(largest);
    // Each step is bigger than the last.
    const scales = TEXT_SIZES.map((step) => textScale(step.id));
    expect([...scales].sort((a, b) => a - b)).toEqual(scales);
    expect(textScale('medium')).toBe(1);
  });

  it('resolves Auto from the system preference, and paints the root', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('sepia', true)).toBe('sepia');
    const root = document.createElement('div');
    applyReaderPrefs(root, { theme: 'sepia', size: 'larger' }, false);
    expect(root.dataset.readerTheme).toBe('sepia');
    expect(root.style.getPropertyValue('--hn-reader-scale')).toBe(String(textScale('larger')));
  });
});

describe('reader prefs in storage.local', () => {
  it('saves under the `reader` key and loads back what was saved', async () => {
    expect(await loadReaderPrefs()).toEqual(DEFAULT_READER);
    await saveReaderPrefs({ theme: 'sepia', size: 'larger' });
    const stored = await fakeBrowser.storage.local.get(READER_KEY);
    expect(stored[READER_KEY]).toEqual({ theme: 'sepia', size: 'larger' });
    expect(await loadReaderPrefs()).toEqual({ theme: 'sepia', size: 'larger' });
    // Nothing went to sync, where the settings live.
    expect(await fakeBrowser.storage.sync.get(READER_KEY)).toEqual({});
  });

  it('mirrors the prefs for the next first paint', async () => {
    expect(readMirroredPrefs()).toEqual(DEFAULT_READER);
    await saveReaderPrefs({ theme: 'dark', size: 'small' });
    expect(readMirroredPrefs()).toEqual({ theme: 'dark', size: 'small' });
  });

  it('hears a change made in another context', async () => {
    const seen: ReaderPrefs[] = [];
    const unwatch = watchReaderPrefs((prefs) => seen.push(prefs));
    await fakeBrowser.storage.local.set({ [READER_KEY]: { theme: 'sepia', size: 'large' } });
    await fakeBrowser.storage.local.set({ other: 1 });
    unwatch();
    await fakeBrowser.storage.local.set({ [READER_KEY]: { theme: 'dark', size: 'large' } });
    expect(seen).toEqual([{ theme: 'sepia', size: 'large' }]);
  });
});

describe('ReaderControls', () => {
  const mountPoint = useMountPoint();

  it('offers the themes as a radio group and steps the size', () => {
    const onChange = vi.fn();
    act(() => render(<ReaderControls prefs={{ theme: 'system', size: 'medium' }} onChange={onChange} />, mountPoint()));
    const radios = [...mountPoint().querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).toEqual(['system', 'light', 'sepia', 'dark']);
    expect(radios.find((r) => r.checked)?.value).toBe('system');
    // Each has a visible or accessible name.
    for (const radio of radios) expect(radio.closest('label')?.textContent?.trim()).toBeTruthy();
    act(() => radios.find((r) => r.value === 'sepia')!.click());
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'sepia', size: 'medium' });
    act(() => mountPoint().querySelector<HTMLButtonElement>('button[aria-label="Larger text"]')!.click());
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'system', size: 'large' });
  });

  it('disables the step that would go past an end', () => {
    act(() => render(<ReaderControls prefs={{ theme: 'light', size: 'small' }} onChange={() => {}} />, mountPoint()));
    expect(mountPoint().querySelector<HTMLButtonElement>('button[aria-label="Smaller text"]')!.disabled).toBe(true);
    expect(mountPoint().querySelector<HTMLButtonElement>('button[aria-label="Larger text"]')!.disabled).toBe(false);
    expect(mountPoint().querySelector('output')?.textContent).toBe('Small');
  });
});

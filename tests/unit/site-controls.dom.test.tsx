import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PAUSE_MS, SiteControls, type SiteControlsProps } from '../../components/site/SiteControls';
import { defaultSettings } from '../../lib/core/settings';
import { useMountPoint } from './mount-point';

const NOW = Date.UTC(2026, 10, 23, 12);

describe('SiteControls', () => {
  const mountPoint = useMountPoint();

  function show(props: Partial<SiteControlsProps>) {
    const onSettings = vi.fn();
    const onSites = vi.fn();
    act(() => {
      render(
        <SiteControls settings={defaultSettings()} sites={[]} site="example.com" now={NOW} onSettings={onSettings} onSites={onSites} {...props} />,
        mountPoint(),
      );
    });
    const button = (name: string) => [...mountPoint().querySelectorAll('button')].find((b) => b.textContent === name);
    return { onSettings, onSites, button, text: () => mountPoint().textContent };
  }

  it('turns the site off with one click, and says it is on until then', () => {
    const { onSites, button, text } = show({ sites: ['other.org'] });
    expect(text()).toContain('On for example.com');
    button('Off on this site')!.click();
    expect(onSites).toHaveBeenCalledWith(['other.org', 'example.com']);
  });

  it('turns a site that is off back on', () => {
    const { onSites, button, text } = show({ sites: ['example.com'] });
    expect(text()).toContain('Off on example.com');
    button('Turn on for this site')!.click();
    expect(onSites).toHaveBeenCalledWith([]);
  });

  it('pauses for an hour, and resumes', () => {
    const paused = show({});
    paused.button('Pause for an hour')!.click();
    expect(paused.onSettings).toHaveBeenCalledWith(expect.objectContaining({ pausedUntil: NOW + PAUSE_MS }));

    const resuming = show({ settings: { ...defaultSettings(), pausedUntil: NOW + 1000 } });
    expect(resuming.text()).toContain('Paused until');
    expect(resuming.button('Off on this site')).toBeUndefined();
    resuming.button('Resume now')!.click();
    expect(resuming.onSettings).toHaveBeenCalledWith(expect.objectContaining({ pausedUntil: 0 }));
  });

  it('shows nothing while Heat Notes is switched off, and no site button where there is no site', () => {
    expect(show({ settings: { ...defaultSettings(), enabled: false } }).text()).toBe('');
    const noSite = show({ site: undefined });
    expect(noSite.button('Off on this site')).toBeUndefined();
    expect(noSite.button('Pause for an hour')).toBeDefined();
  });
});

/**
 * What a user is asked to accept when installing: the built manifest asks for `storage` and
 * `sidePanel` alone (plus the content script's page match; `sidePanel` shows no warning at install), exposes one file to web pages, the card's script, only at a
 * per-session address (a fixed one would let sites detect the extension), and loosens no security
 * policy. Any addition must fail here until it is argued for in the
 * README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, checkPrerequisites } from './harness';

interface Manifest {
  manifest_version: number;
  name: string;
  description?: string;
  default_locale?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[]; all_frames?: boolean }>;
  web_accessible_resources?: unknown[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  side_panel?: { default_path?: string };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

function builtManifest(): Manifest {
  checkPrerequisites();
  return JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

describe('the built manifest', () => {
  it('asks for storage and the side panel, and nothing else', () => {
    const manifest = builtManifest();
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['sidePanel', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs one content script on pages, exposes only the scripts it loads when needed (the cards and the card itself) to them at a per-session address, and keeps the default security policy', () => {
    const manifest = builtManifest();
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts![0]!.matches).toEqual(['<all_urls>']);
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['page-cards.js', 'card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('is the MV3 extension the contract describes: a service worker, popup.html and options.html', () => {
    const manifest = builtManifest();
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.background?.service_worker).toBeTruthy();
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(manifest.options_ui?.page).toBe('options.html');
  });

  it('puts the side panel page in the side panel, and suggests at most the four shortcuts Chrome allows', () => {
    const manifest = builtManifest();
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    const suggested = Object.entries(manifest.commands ?? {}).filter(([, command]) => command.suggested_key?.default);
    expect(suggested.map(([name]) => name).sort()).toEqual(['next-mention', 'previous-mention', 'read-alongside']);
    expect(suggested.length).toBeLessThanOrEqual(4);
    // No two shortcuts on the same keys.
    expect(new Set(suggested.map(([, command]) => command.suggested_key!.default)).size).toBe(suggested.length);
  });

  it('takes its name and description from the English messages, the default locale', () => {
    const manifest = builtManifest();
    expect(manifest.default_locale).toBe('en');
    const messages = JSON.parse(readFileSync(path.join(EXTENSION_DIR, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const localized = (value: string | undefined) => value?.replace(/^__MSG_(\w+)__$/, (_, key: string) => messages[key]?.message ?? '');
    expect(localized(manifest.name)).toBe('Heat Notes');
    expect(localized(manifest.description)).toMatch(/^Marks mentions of Michael Mann's Heat \(1995\)/);
  });
});

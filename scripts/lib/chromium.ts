/**
 * The Chromium the project's browser runs start (the e2e and browser test tiers, the demo, the bench;
 * scripts/icons.ts, which ships in the sources zip, names the same default itself): Debian's
 * `chromium`, or the binary `CHROME_PATH` names. Browsers are never downloaded (Playwright's own builds
 * are not used); see CONTRIBUTING.md, "Set-up".
 */
export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

/** What every Chromium the project starts runs with: no sandbox or GPU, and nothing of its own on the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `npm test`: every check the project has, in order, each streaming its own output. The test tiers are
 * named by where they run (CONTRIBUTING.md, "Tests, by where they run"), and each is counted test by
 * test from vitest's JSON report in test-results/:
 *
 *   1. typecheck   `tsc --noEmit`                                              counts as one check
 *   2. lint        `eslint .`                                                  counts as one check
 *   3. unit        `vitest run --project unit`: tests/unit/*.test.ts(x) in Node (unit.json)
 *   4. dom         `vitest run --project dom`: tests/unit/*.dom.test.ts(x) in happy-dom (dom.json)
 *   5. browser     `vitest run --config vitest.browser.config.ts`: tests/browser/*.browser.test.ts(x),
 *                  components and page code in headless Chromium (browser.json)
 *   6. build       `wxt build`                              (needed by e2e; a failed build fails e2e)
 *   7. e2e         `vitest run --config vitest.e2e.config.ts`: the built extension in headless
 *                  Chromium (e2e.json)
 *   8. firefox     `wxt build -b firefox && web-ext lint`                      counts as one check
 *   9. firefox-e2e `vitest run --config vitest.firefox.config.ts`: the Firefox build in Firefox ESR
 *                  (firefox-e2e.json); needs step 8's build; skipped, saying why, when there is no
 *                  Firefox (`FIREFOX_PATH`, else /usr/bin/firefox-esr)
 *
 * A failing step does not stop the ones after it. The run ends with a summary, one line a step with
 * where it ran and its counts, and, as its very last line, `N passed, N failed` over all of them (with
 * `, N skipped` when some were skipped); the exit code is 1 if anything failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const BIN = path.join(ROOT, 'node_modules', '.bin');

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface StepResult extends Tally {
  name: string;
  /** Where its checks ran, for the summary ("Node", "headless Chromium"…). */
  where: string;
  seconds: number;
  note: string;
  /** False for the build: it is a prerequisite of e2e, reported but not counted. */
  counted?: boolean;
}

/** Runs a local binary with output streamed to ours; resolves with its exit code. */
function run(bin: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(BIN, bin), args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('error', (error) => {
      console.error(`could not start ${bin}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function banner(title: string): void {
  console.log(`\n━━━ ${title} ${'━'.repeat(Math.max(3, 70 - title.length))}`);
}

/** A step that passes or fails as a whole (typecheck, lint). */
async function wholeStep(name: string, where: string, bin: string, args: string[]): Promise<StepResult> {
  banner(`${name}: ${bin} ${args.join(' ')}`);
  const started = Date.now();
  const code = await run(bin, args);
  const seconds = (Date.now() - started) / 1000;
  return code === 0
    ? { name, where, passed: 1, failed: 0, skipped: 0, seconds, note: 'ok' }
    : { name, where, passed: 0, failed: 1, skipped: 0, seconds, note: `exit ${code}` };
}

const FIREFOX_LINT = 'web-ext lint';

/**
 * The Firefox build, checked as AMO checks it: `web-ext lint` exits non-zero on any error (warnings,
 * such as Preact's own innerHTML code, are shown but do not fail).
 */
async function firefoxLintStep(): Promise<StepResult & { buildCode: number }> {
  banner('firefox: wxt build -b firefox && web-ext lint');
  const started = Date.now();
  const buildCode = await run('wxt', ['build', '-b', 'firefox']);
  let code = buildCode;
  if (code === 0) code = await run('web-ext', ['lint', '--source-dir', path.join(ROOT, '.output', 'firefox-mv2')]);
  const seconds = (Date.now() - started) / 1000;
  return code === 0
    ? { name: 'firefox', where: FIREFOX_LINT, passed: 1, failed: 0, skipped: 0, seconds, note: 'ok', buildCode }
    : { name: 'firefox', where: FIREFOX_LINT, passed: 0, failed: 1, skipped: 0, seconds, note: `exit ${code}`, buildCode };
}

/** The Firefox the Firefox tier drives (tests/firefox/harness.ts `firefoxPath`, kept in step). */
function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** The Firefox end-to-end tier: the Firefox build in Firefox ESR, or a clear skip where there is none. */
async function firefoxE2eStep(buildCode: number): Promise<StepResult> {
  const name = 'firefox-e2e';
  const where = 'Firefox ESR + extension';
  if (buildCode !== 0) {
    console.error(`\nwxt build -b firefox failed (exit ${buildCode}): the Firefox end-to-end tests need it and were not run.`);
    return { name, where, passed: 0, failed: 1, skipped: 0, seconds: 0, note: `not run: wxt build -b firefox exited ${buildCode}` };
  }
  const executable = firefoxPath();
  if (!fs.existsSync(executable)) {
    banner(`${name}: skipped`);
    const why = `no Firefox at ${executable}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH`;
    console.log(`Skipping the Firefox end-to-end tests: ${why}.`);
    return { name, where, passed: 0, failed: 0, skipped: 1, seconds: 0, note: `skipped: ${why}` };
  }
  return vitestStep(name, where, ['--config', 'vitest.firefox.config.ts'], 'firefox-e2e.json');
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{ name?: string; status?: string; message?: string; assertionResults?: unknown[] }>;
}

/** Reads vitest's JSON report into counts; a file that failed to load counts as one failure. */
function tallyReport(reportFile: string): (Tally & { loadErrors: string[] }) | undefined {
  if (!fs.existsSync(reportFile)) return undefined;
  let report: VitestReport;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as VitestReport;
  } catch {
    return undefined;
  }
  // Files that failed before any test ran (syntax error, failing import) hold no assertion results.
  const loadErrors = (report.testResults ?? [])
    .filter((file) => file.status === 'failed' && (file.assertionResults?.length ?? 0) === 0)
    .map((file) => path.relative(ROOT, file.name ?? '?'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + loadErrors.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    loadErrors,
  };
}

/** A vitest run, counted test by test from its JSON report. */
async function vitestStep(name: string, where: string, extraArgs: string[], reportName: string): Promise<StepResult> {
  const reportFile = path.join(RESULTS_DIR, reportName);
  fs.rmSync(reportFile, { force: true });
  const args = ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile=${path.relative(ROOT, reportFile)}`];
  banner(`${name}: vitest ${args.join(' ')}`);
  const started = Date.now();
  const code = await run('vitest', args);
  const seconds = (Date.now() - started) / 1000;
  const tally = tallyReport(reportFile);
  if (!tally) {
    return { name, where, passed: 0, failed: 1, skipped: 0, seconds, note: `exit ${code}, no JSON report` };
  }
  const notes = [`exit ${code}`];
  if (tally.loadErrors.length > 0) notes.push(`files that did not load: ${tally.loadErrors.join(', ')}`);
  let failed = tally.failed;
  // Vitest failed without a failing test to show for it (no test files, an error outside tests…).
  if (code !== 0 && failed === 0) {
    failed = 1;
    notes.push('vitest failed outside any test');
  }
  return { name, where, passed: tally.passed, failed, skipped: tally.skipped, seconds, note: notes.join('; ') };
}

const E2E_WHERE = 'Chromium + extension';

async function main(): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const results: StepResult[] = [];

  results.push(await wholeStep('typecheck', 'tsc', 'tsc', ['--noEmit']));
  results.push(await wholeStep('lint', 'eslint', 'eslint', ['.']));
  results.push(await vitestStep('unit', 'Node', ['--project', 'unit'], 'unit.json'));
  results.push(await vitestStep('dom', 'happy-dom', ['--project', 'dom'], 'dom.json'));
  results.push(await vitestStep('browser', 'Chromium', ['--config', 'vitest.browser.config.ts'], 'browser.json'));

  banner('build: wxt build');
  const buildStarted = Date.now();
  const buildCode = await run('wxt', ['build']);
  const build: StepResult = {
    name: 'build',
    where: 'wxt build',
    passed: 0,
    failed: 0,
    skipped: 0,
    seconds: (Date.now() - buildStarted) / 1000,
    note: buildCode === 0 ? 'ok' : `exit ${buildCode}`,
    counted: false,
  };
  results.push(build);
  if (buildCode === 0) {
    results.push(await vitestStep('e2e', E2E_WHERE, ['--config', 'vitest.e2e.config.ts'], 'e2e.json'));
  } else {
    console.error(`\nwxt build failed (exit ${buildCode}): the end-to-end tests need the build and were not run.`);
    results.push({ name: 'e2e', where: E2E_WHERE, passed: 0, failed: 1, skipped: 0, seconds: 0, note: `not run: wxt build exited ${buildCode}` });
  }
  const firefox = await firefoxLintStep();
  results.push(firefox);
  results.push(await firefoxE2eStep(firefox.buildCode));

  const counted = results.filter((step) => step.counted !== false);
  const total = counted.reduce<Tally>(
    (sum, step) => ({ passed: sum.passed + step.passed, failed: sum.failed + step.failed, skipped: sum.skipped + step.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );

  banner('summary');
  const width = Math.max(...results.map((r) => r.name.length));
  const whereWidth = Math.max(...results.map((r) => r.where.length));
  for (const step of results) {
    const failedStep = step.counted === false ? buildCode !== 0 : step.failed > 0;
    const counts =
      step.counted === false
        ? '(not counted)'
        : `${step.passed} passed, ${step.failed} failed${step.skipped ? `, ${step.skipped} skipped` : ''}`;
    console.log(
      `${failedStep ? 'FAIL' : 'ok  '} ${step.name.padEnd(width)}  ${step.where.padEnd(whereWidth)}  ${counts.padEnd(32)} ${step.seconds.toFixed(1).padStart(6)} s  ${step.note}`,
    );
  }
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});

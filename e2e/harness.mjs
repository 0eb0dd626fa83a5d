// Starts what a person would meet: the real server binary with a fresh SQLite file and the
// release SPA, and Debian's Chromium driven by Playwright. Watches every request, console
// message and CSP violation of every page, so a test can assert none went astray.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The data directory of every server this process started, by its URL (origin). */
const DATA_DIRS = new Map();

/** The data directory of the server at `origin` (its mail lands in `<dir>/mail`). */
export function dataDirOf(origin) {
  // By port: the same server may be reached as 127.0.0.1 or as localhost (passkeys need a name).
  const dir = DATA_DIRS.get(new URL(origin).port);
  if (!dir) throw new Error(`no server started at ${origin}`);
  return dir;
}

/**
 * Starts the server on a free port with an empty data directory; resolves to its URL.
 * `args` are extra flags (e.g. `['--idle-timeout-secs', '20']`).
 */
export async function startServer({ demo = false, args: extra = [] } = {}) {
  const bin = process.env.ZELFREGIE_SERVER ?? 'target/debug/zelfregie-server';
  const dataDir = mkdtempSync(join(tmpdir(), 'zelfregie-e2e-'));
  const args = ['--listen', '127.0.0.1:0', '--data-dir', dataDir, '--static-dir', 'dist'];
  if (demo) args.push('--demo');
  args.push(...extra);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${stderr}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}\n${stderr}`)));
  });
  DATA_DIRS.set(new URL(url).port, dataDir);
  return {
    url,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // The portal's first visit follows the browser's language (issue 25). Its people mostly
  // have a Dutch browser: every context is one unless a test gives its own `locale`.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'nl-NL', ...options });
  return browser;
}

/**
 * A browser context on `baseURL` that records what its pages do: every request's URL,
 * CSP violations (reported by the page itself), console errors and deprecation warnings
 * (the page's and its workers').
 */
export async function watchedContext(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  const seen = { requests: [], cspViolations: [], consoleErrors: [], deprecations: [] };
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('request', (r) => seen.requests.push(r.url()));
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') seen.consoleErrors.push(m.text());
      if (/deprecated/i.test(m.text())) seen.deprecations.push(m.text());
    });
  });
  return { context, seen };
}

/** Every request went to `origin` (or stayed inside the page: data:, blob:). */
export function foreignRequests(seen, origin) {
  return seen.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** CSP violations the page reported. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__csp ?? []);
}

/** Runs axe-core with the WCAG 2.1 A and AA rules; returns the violations. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  return found.concat(await headingJumps(page));
}

/**
 * Headings that skip a level on the way down (an h1 followed by an h3, issue 25): a screen
 * reader user who lists the headings meets a gap. Hidden headings do not count.
 */
export async function headingJumps(page) {
  return page.evaluate(() => {
    const jumps = [];
    let last = 0;
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (!h.checkVisibility()) continue;
      const level = Number(h.tagName[1]);
      if (last && level > last + 1) jumps.push(`heading-jump: h${last} → h${level} "${h.textContent.trim().slice(0, 60)}"`);
      last = level;
    }
    return jumps;
  });
}

/**
 * For a `describe` block: starts the server (fresh database) and Chromium before its tests
 * and stops both after. The returned object holds `server` and `browser` once started.
 */
export function serverAndBrowser(options = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(options);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// Benchmarks (`make bench`), printed, never asserted (tests have no timed assertions). Every
// figure is printed next to its anchor measured in the same run (issue 15):
// 1. First load, empty cache, of /inloggen and of the logged-in overview: every response with
//    the bytes on the wire and the brotli size the server holds; the crypto worker must not
//    be among them.
// 2. What the export page loads on top: the lazily started crypto worker.
// 3. Encryption in Chromium, 16 MiB of random bytes to an X25519 key, to a post-quantum key
//    (ML-KEM-768 + X25519) and to a passphrase
//    (scrypt 2^18): the shipped worker (release wasm, the page's protocol) against typage
//    (npm age-encryption) in a module worker on the same page with the same payload, and
//    native age on the same file (the rage CLI for the key; zelfregie-crypto natively in one
//    pass for the passphrase: rage asks for a passphrase only on a terminal).
// 4. The longest main-thread long task while the page exports with a passphrase.
// 5. Lighthouse (mobile, its default throttling) performance score of /inloggen and of the
//    logged-in overview.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { CHROMIUM_ARGS, startServer, launchBrowser } from '../e2e/harness.mjs';
import { demoApiLogin } from '../e2e/pages.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const RECIPIENT = 'age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj';
// A post-quantum recipient (ML-KEM-768 + X25519): the age crate's own test key.
const PQ_RECIPIENT = readFileSync(join(dirname(new URL(import.meta.url).pathname), '..', 'crates/model/testdata/pq-identity.txt'), 'utf8')
  .match(/# public key: (age1pq1[0-9a-z]+)/)[1];
const PASSPHRASE = 'abcde-fghij-kmnpq-rstuv-wxyz2';
const MIB16 = 16 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const kb = (n) => (n === null ? '-' : (n / 1024).toFixed(1)).toString().padStart(9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbs = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(0);

// What the page fetched after it was shown: the code of the pages its navigation links to,
// fetched when the browser is idle (src/lazy.rs). Not part of the first load.
async function prefetched(page, responses, firstLoad) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(3000);
  await page.waitForLoadState('networkidle');
  await table('   then, fetched while idle (the pages the navigation links to)', responses.slice(firstLoad), '-');
  console.log('');
}

async function table(title, responses, indexPath) {
  const rows = [];
  for (const r of responses) {
    const sizes = await r.request().sizes();
    const path = new URL(r.url()).pathname;
    let brotli = null;
    const file = path === indexPath ? 'dist/index.html' : `dist${path}`;
    try { brotli = statSync(`${file}.br`).size; } catch { /* API answers are not files */ }
    rows.push({ path, status: r.status(), encoding: r.headers()['content-encoding'] ?? '-', wire: sizes.responseBodySize + sizes.responseHeadersSize, body: sizes.responseBodySize, brotli });
  }
  console.log(title);
  console.log(`${'path'.padEnd(42)}status  encoding  body KB  brotli KB`);
  for (const r of rows) console.log(`${r.path.padEnd(42)}${String(r.status).padStart(6)}  ${r.encoding.padEnd(8)}${kb(r.body)}${kb(r.brotli)}`);
  const body = rows.reduce((t, r) => t + r.body, 0);
  console.log(`${'total (bodies)'.padEnd(58)}${kb(body)}   (${rows.length} requests)`);
  return { rows, body };
}

// typage in the browser: its ES modules straight from node_modules, served under /__bench/m/
// by the page's route handler, with bare imports ("@noble/…") rewritten to those paths.
const require = createRequire(import.meta.url);
function moduleFile(path) {
  const file = join(ROOT, path);
  const from = createRequire(file);
  // Only real import statements (doc comments hold examples like `from '@noble/hashes/hkdf'`).
  return readFileSync(file, 'utf8').replace(/^(\s*(?:import|export)\b[^;'"]*?)(["'])([^"'./][^"']*)\2/gm, (all, head, q, spec) => {
    try {
      return `${head}${q}/__bench/m/${relative(ROOT, from.resolve(spec))}${q}`;
    } catch {
      return all;
    }
  });
}
const TYPAGE_ENTRY = relative(ROOT, require.resolve('age-encryption'));
const TYPAGE_WORKER = `
import { Encrypter } from '/__bench/m/${TYPAGE_ENTRY}';
onmessage = async (e) => {
  const { kind, bytes } = e.data;
  const enc = new Encrypter();
  if (kind === 'passphrase') { enc.setPassphrase(${JSON.stringify(PASSPHRASE)}); enc.setScryptWorkFactor(18); }
  else if (kind === 'pq') enc.addRecipient(${JSON.stringify(PQ_RECIPIENT)});
  else enc.addRecipient(${JSON.stringify(RECIPIENT)});
  const out = await enc.encrypt(new Uint8Array(bytes));
  postMessage({ out: out.buffer }, [out.buffer]);
};
postMessage({ ready: true });
`;

async function benchRoutes(context, payload) {
  await context.route('**/__bench/**', (route) => {
    try {
      return serveBench(route, payload);
    } catch (e) {
      return route.fulfill({ status: 500, body: String(e) });
    }
  });
}

function serveBench(route, payload) {
  const path = new URL(route.request().url()).pathname;
  if (path === '/__bench/payload.bin') return route.fulfill({ body: payload, contentType: 'application/octet-stream' });
  if (path === '/__bench/typage-worker.js') return route.fulfill({ body: TYPAGE_WORKER, contentType: 'text/javascript' });
  if (path.startsWith('/__bench/m/node_modules/')) return route.fulfill({ body: moduleFile(path.slice('/__bench/m/'.length)), contentType: 'text/javascript' });
  return route.fulfill({ status: 404 });
}

/** In the page: the shipped worker and typage's, alternately, on the same payload. */
async function browserCrypto(page) {
  return page.evaluate(async ({ RUNS, RECIPIENT, PQ_RECIPIENT, PASSPHRASE }) => {
    const payload = new Uint8Array(await (await fetch('/__bench/payload.bin')).arrayBuffer());
    const start = async (url, options) => {
      const worker = new Worker(url, options);
      const queue = [];
      let wake = null;
      worker.onmessage = (e) => { queue.push(e.data); if (wake) wake(); };
      worker.onerror = (e) => { queue.push({ error: e.message ?? 'worker error' }); if (wake) wake(); };
      const next = async () => {
        while (!queue.length) await new Promise((r) => { wake = r; });
        return queue.shift();
      };
      return { worker, next };
    };
    const shipped = await start('/zelfregie-worker_loader.js');
    while (JSON.parse((await shipped.next()).report).report !== 'ready') { /* wait */ }
    const typage = await start('/__bench/typage-worker.js', { type: 'module' });
    const hello = await typage.next();
    if (!hello.ready) throw new Error(`typage worker: ${hello.error}`);
    const viaShipped = async (kind) => {
      const bytes = payload.slice();
      const protection = kind === 'passphrase'
        ? { kind: 'passphrase', passphrase: PASSPHRASE }
        : { kind: 'recipients', recipients: [kind === 'pq' ? PQ_RECIPIENT : RECIPIENT] };
      const t = performance.now();
      shipped.worker.postMessage({ job: JSON.stringify({ job: 'encrypt', protection, armor: false }), bytes: bytes.buffer }, [bytes.buffer]);
      for (;;) {
        const m = await shipped.next();
        const r = JSON.parse(m.report);
        if (r.report === 'done') return { ms: performance.now() - t, out: m.bytes.byteLength };
        if (r.report === 'failed') throw new Error(r.code);
      }
    };
    const viaTypage = async (kind) => {
      const bytes = payload.slice();
      const t = performance.now();
      typage.worker.postMessage({ kind, bytes: bytes.buffer }, [bytes.buffer]);
      const m = await typage.next();
      if (m.error) throw new Error(m.error);
      return { ms: performance.now() - t, out: m.out.byteLength };
    };
    // The worker's fixed costs: the buffer transferred in, copied into wasm memory, refused
    // at once (random bytes are no age file), the report back. No cryptography.
    const overhead = async () => {
      const bytes = payload.slice();
      const t = performance.now();
      const job = { job: 'decrypt', key: { kind: 'passphrase', passphrase: 'x' } };
      shipped.worker.postMessage({ job: JSON.stringify(job), bytes: bytes.buffer }, [bytes.buffer]);
      for (;;) {
        const r = JSON.parse((await shipped.next()).report);
        if (r.report === 'failed' || r.report === 'done') return performance.now() - t;
      }
    };
    const out = { overhead: [] };
    for (let i = 0; i < RUNS; i++) out.overhead.push(await overhead());
    for (const kind of ['recipient', 'pq', 'passphrase']) {
      out[kind] = { shipped: [], typage: [] };
      for (let i = 0; i < RUNS; i++) {
        out[kind].shipped.push((await viaShipped(kind)).ms);
        out[kind].typage.push((await viaTypage(kind)).ms);
      }
    }
    shipped.worker.terminate();
    typage.worker.terminate();
    return out;
  }, { RUNS, RECIPIENT, PQ_RECIPIENT, PASSPHRASE });
}

function nativeCrypto(payloadFile, work) {
  const rage = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    execFileSync('rage', ['-r', RECIPIENT, '-o', join(work, 'out.age'), payloadFile]);
    rage.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const crate = (kind) => execFileSync('target/release/examples/native_age', [kind, payloadFile], { encoding: 'utf8' }).trim().split(' ').map(Number);
  const headers = execFileSync('target/release/examples/native_age', ['header', payloadFile], { encoding: 'utf8' }).trim();
  return { rage, crateRecipient: crate('recipient'), cratePq: crate('pq'), cratePassphrase: crate('passphrase'), headers };
}

/** The longest main-thread long task while the export page encrypts with a passphrase. */
async function exportLongTask(page) {
  await page.goto('/exporteren');
  await page.getByRole('heading', { level: 1, name: 'Exporteren' }).waitFor();
  await page.getByRole('button', { name: 'Maak een wachtwoord van zes woorden' }).click();
  await page.getByText('Er staat een nieuw wachtwoord van zes woorden in het veld').waitFor();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
  });
  const downloading = page.waitForEvent('download');
  const t = Date.now();
  await page.getByRole('button', { name: 'Versleutelen en downloaden' }).click();
  await downloading;
  const ms = Date.now() - t;
  await page.waitForTimeout(200);
  const tasks = await page.evaluate(() => window.__longTasks);
  return { ms, longest: Math.max(0, ...tasks), count: tasks.length };
}

async function lighthouseScores(url, cookie) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const out = [];
    for (const [name, path, headers] of [['/inloggen', '/inloggen', {}], ['overview (logged in)', '/', { Cookie: cookie }]]) {
      const result = await lighthouse(`${url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], extraHeaders: headers });
      const a = result.lhr.audits;
      out.push({
        name,
        score: Math.round(result.lhr.categories.performance.score * 100),
        fcp: a['first-contentful-paint'].displayValue,
        lcp: a['largest-contentful-paint'].displayValue,
        tbt: a['total-blocking-time'].displayValue,
        final: result.lhr.finalDisplayedUrl,
      });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}

/** 3. Encryption, browser and native, same payload. */
async function encryption(context, page) {
  await benchRoutes(context, payload);
  const browserTimes = await browserCrypto(page);
  const native = nativeCrypto(payloadFile, work);
  const row = (what, ms, anchor) => console.log(`${what.padEnd(46)}${ms.toFixed(0).padStart(8)}${mbs(MIB16, ms).padStart(8)}  ${anchor}`);
  console.log(`3. encrypt 16 MiB (random; median of ${RUNS}, same page, alternating)`);
  console.log(`${''.padEnd(46)}${'ms'.padStart(8)}${'MB/s'.padStart(8)}`);
  const r = browserTimes.recipient;
  const p = browserTimes.passphrase;
  const [ws, wt] = [median(r.shipped), median(r.typage)];
  row('X25519: shipped worker', ws, `${(wt / ws).toFixed(2)}x typage (goal >= 3x), ${(median(native.rage) / ws).toFixed(2)}x rage (goal >= 0.5x)`);
  row('X25519: typage, module worker', wt, '');
  row('  of which: transfer in, copy into wasm, reply', median(browserTimes.overhead), '(the worker refusing 16 MiB of non-age bytes)');
  row('X25519: rage CLI (native, whole process)', median(native.rage), '');
  row('X25519: zelfregie-crypto native, one pass', median(native.crateRecipient), '');
  const q = browserTimes.pq;
  const [qs, qt] = [median(q.shipped), median(q.typage)];
  row('post-quantum: shipped worker', qs, `${(qt / qs).toFixed(2)}x typage; ${(qs / ws).toFixed(2)}x the X25519 time`);
  row('post-quantum: typage, module worker', qt, '');
  row('post-quantum: zelfregie-crypto native, one pass', median(native.cratePq), '');
  const [ps, pt] = [median(p.shipped), median(p.typage)];
  row('passphrase 2^18: shipped worker', ps, `${(ps / pt).toFixed(2)}x typage's time (goal <= 0.8x)`);
  row('passphrase 2^18: typage, module worker', pt, '');
  row('passphrase 2^18: zelfregie-crypto native', median(native.cratePassphrase), '');
  console.log('');
  console.log('   header bytes (with the 16-byte nonce), by recipients:');
  console.log(native.headers.split('\n').map((l) => `   ${l}`).join('\n'));
  console.log('');

}

const work = mkdtempSync(join(tmpdir(), 'zelfregie-bench-'));
const payload = randomBytes(MIB16);
const payloadFile = join(work, 'payload.bin');
writeFileSync(payloadFile, payload);
const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  const cookie = await demoApiLogin(server.url, 'kandidaat@example.org');

  if (process.env.BENCH_ONLY === 'crypto') {
    // Only the encryption figures (for work on the worker): BENCH_ONLY=crypto BENCH_RUNS=7.
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/inloggen');
    await encryption(context, page);
    await browser.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }

  // 1. First loads.
  let context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
  let page = await context.newPage();
  let responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto('/inloggen');
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.waitForLoadState('networkidle');
  const login = await table('1a. first load of /inloggen (360 px, empty cache): every response until the page is shown', responses.slice(), '/inloggen');
  console.log(`crypto worker files in it: ${login.rows.filter((r) => r.path.includes('worker')).length}\n`);
  await prefetched(page, responses, login.rows.length);
  await context.close();

  context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
  responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  // The overview's own data (API answers) belongs to its first load; the idle prefetch starts
  // two seconds later.
  await page.waitForLoadState('networkidle');
  const overview = await table('1b. first load of the overview, logged in (360 px, empty cache): every response until the page and its data are shown', responses.slice(), '/');
  console.log('');
  await prefetched(page, responses, overview.rows.length);

  // 2. The worker, loaded by the export page.
  responses = [];
  await page.goto('/exporteren', { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: 'Exporteren' }).waitFor();
  await page.waitForResponse((r) => r.url().endsWith('_bg.wasm') && r.url().includes('worker')).catch(() => {});
  await page.waitForLoadState('networkidle');
  await table('2. loaded only when an export page opens (the crypto worker)', responses.filter((r) => new URL(r.url()).pathname.includes('worker')), '-');
  console.log('');

  await encryption(context, page);

  // 4. Long tasks on the page during a passphrase export.
  const exp = await exportLongTask(page);
  console.log(`4. passphrase export of the demo data on the page: ${exp.ms} ms to the download; longest main-thread long task ${exp.longest.toFixed(0)} ms (${exp.count} long tasks; goal: none > 50 ms)\n`);
  await context.close();

  // 5. Lighthouse.
  console.log('5. Lighthouse mobile performance (simulated slow 4G, 4x CPU slowdown)');
  try {
    for (const s of await lighthouseScores(server.url, cookie)) {
      console.log(`${s.name.padEnd(24)} score ${String(s.score).padStart(3)} (goal >= 98)   FCP ${s.fcp}  LCP ${s.lcp}  TBT ${s.tbt}  (${new URL(s.final).pathname})`);
    }
  } catch (e) {
    console.log(`Lighthouse could not run: ${e.message}`);
  }
  console.log(`\nsummary: first load /inloggen ${(login.body / 1024).toFixed(1)} KB, overview ${(overview.body / 1024).toFixed(1)} KB (goal <= 130 KB, anchor: bare Leptos CSR + router 116-123 KB)`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}

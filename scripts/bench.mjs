// Benchmarks (`make bench`), printed, not asserted:
// 1. First load of the login page: every response with the bytes on the wire and the brotli
//    size the server holds; the crypto worker must not be among them.
// 2. What the export page loads on top: the lazily started crypto worker.
// 3. Encryption in Chromium by the shipped worker (release wasm, the same protocol the page
//    uses): the demo candidate's export and a 16 MiB payload, to an X25519 recipient and to a
//    passphrase (scrypt 2^18); median of 3 runs each.
import { statSync } from 'node:fs';
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const kb = (n) => (n === null ? '-' : (n / 1024).toFixed(1)).toString().padStart(9);

async function table(title, responses, indexPath) {
  const rows = [];
  for (const r of responses) {
    const sizes = await r.request().sizes();
    const path = new URL(r.url()).pathname;
    let brotli = null;
    const file = path === indexPath ? 'dist/index.html' : `dist${path}`;
    try { brotli = statSync(`${file}.br`).size; } catch { /* API answers are not files */ }
    rows.push({ path, status: r.status(), encoding: r.headers()['content-encoding'] ?? '-', wire: sizes.responseBodySize, brotli });
  }
  console.log(title);
  console.log(`${'path'.padEnd(42)}status  encoding  wire KB  brotli KB`);
  for (const r of rows) console.log(`${r.path.padEnd(42)}${String(r.status).padStart(6)}  ${r.encoding.padEnd(8)}${kb(r.wire)}${kb(r.brotli)}`);
  const wire = rows.reduce((t, r) => t + r.wire, 0);
  console.log(`${'total'.padEnd(58)}${kb(wire)}   (${rows.length} requests)\n`);
  return rows;
}

const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  let responses = [];
  page.on('response', (r) => responses.push(r));
  const started = Date.now();
  await page.goto('/inloggen', { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  const ready = Date.now() - started;
  const first = await table(`1. first load of /inloggen (360 px, empty cache), ready in ${ready} ms on localhost`, responses, '/inloggen');
  const crypto = first.filter((r) => r.path.includes('worker'));
  console.log(`crypto worker files in the first load: ${crypto.length}\n`);

  await page.getByLabel('E-mailadres', { exact: true }).fill('kandidaat@example.org');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('zelfregie-demo');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  responses = [];
  await page.goto('/exporteren', { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: 'Exporteren' }).waitFor();
  await page.waitForResponse((r) => r.url().endsWith('_bg.wasm') && r.url().includes('worker')).catch(() => {});
  await page.waitForLoadState('networkidle');
  const worker = responses.filter((r) => new URL(r.url()).pathname.includes('worker'));
  await table('2. loaded only when an export page opens (the crypto worker)', worker, '-');

  // 3. Encryption timings through the real worker.
  const exportBytes = await page.evaluate(async () => (await (await fetch('/api/me/export')).arrayBuffer()).byteLength);
  const results = await page.evaluate(async () => {
    const worker = new Worker('/zelfregie-worker_loader.js');
    const reports = [];
    let wake = null;
    worker.onmessage = (e) => { reports.push(e.data); if (wake) wake(); };
    const next = async () => {
      while (!reports.length) await new Promise((r) => { wake = r; });
      return reports.shift();
    };
    while (JSON.parse((await next()).report).report !== 'ready') { /* wait */ }
    const run = async (job, bytes) => {
      const t = performance.now();
      worker.postMessage({ job: JSON.stringify(job), bytes: bytes.buffer }, [bytes.buffer]);
      for (;;) {
        const m = await next();
        const r = JSON.parse(m.report);
        if (r.report === 'done') return { ms: performance.now() - t, out: m.bytes.byteLength };
        if (r.report === 'failed') throw new Error(r.code);
      }
    };
    const random = (n) => {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
      return b;
    };
    const exportPlain = async () => new Uint8Array(await (await fetch('/api/me/export')).arrayBuffer());
    const recipient = { kind: 'recipients', recipients: ['age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj'] };
    const passphrase = { kind: 'passphrase', passphrase: 'abcde-fghij-kmnpq-rstuv-wxyz2' };
    const cases = [
      ['demo export', 'recipient', exportPlain, recipient],
      ['demo export', 'passphrase', exportPlain, passphrase],
      ['16 MiB', 'recipient', async () => random(16 * 1024 * 1024), recipient],
      ['16 MiB', 'passphrase', async () => random(16 * 1024 * 1024), passphrase],
    ];
    const out = [];
    for (const [payload, to, make, protection] of cases) {
      const times = [];
      let size = 0;
      for (let i = 0; i < 3; i++) {
        const r = await run({ job: 'encrypt', protection, armor: false }, await make());
        times.push(r.ms);
        size = r.out;
      }
      times.sort((a, b) => a - b);
      out.push({ payload, to, median: times[1], min: times[0], max: times[2], size });
    }
    worker.terminate();
    return out;
  });
  console.log(`3. encryption in Chromium by the crypto worker (median of 3; demo export = ${exportBytes} bytes)`);
  console.log(`${'payload'.padEnd(14)}${'to'.padEnd(12)}${'median ms'.padStart(10)}${'min'.padStart(8)}${'max'.padStart(8)}${'MB/s'.padStart(8)}${'out bytes'.padStart(11)}`);
  for (const r of results) {
    const inBytes = r.payload === '16 MiB' ? 16 * 1024 * 1024 : exportBytes;
    const mbs = (inBytes / 1e6 / (r.median / 1000)).toFixed(1);
    console.log(`${r.payload.padEnd(14)}${r.to.padEnd(12)}${r.median.toFixed(0).padStart(10)}${r.min.toFixed(0).padStart(8)}${r.max.toFixed(0).padStart(8)}${mbs.padStart(8)}${String(r.size).padStart(11)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}

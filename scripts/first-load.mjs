// Benchmark: what a phone downloads to show the login page. Starts the real server with the
// release SPA, loads /inloggen in Chromium with an empty cache, and prints every response
// with the bytes that crossed the wire, plus the brotli size the server holds for each file.
import { statSync } from 'node:fs';
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  const started = Date.now();
  await page.goto('/inloggen', { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  const ready = Date.now() - started;
  const rows = [];
  for (const r of responses) {
    const sizes = await r.request().sizes();
    const path = new URL(r.url()).pathname;
    let brotli = null;
    const file = path === '/inloggen' ? 'dist/index.html' : `dist${path}`;
    try { brotli = statSync(`${file}.br`).size; } catch { /* API answers are not files */ }
    rows.push({ path, status: r.status(), encoding: r.headers()['content-encoding'] ?? '-', wire: sizes.responseBodySize, brotli });
  }
  const kb = (n) => (n === null ? '-' : (n / 1024).toFixed(1)).toString().padStart(9);
  console.log(`first load of /inloggen (360 px, empty cache), ready in ${ready} ms on localhost`);
  console.log(`${'path'.padEnd(42)}status  encoding  wire KB  brotli KB`);
  for (const r of rows) console.log(`${r.path.padEnd(42)}${String(r.status).padStart(6)}  ${r.encoding.padEnd(8)}${kb(r.wire)}${kb(r.brotli)}`);
  const wire = rows.reduce((t, r) => t + r.wire, 0);
  const brotli = rows.reduce((t, r) => t + (r.brotli ?? r.wire), 0);
  console.log(`${'total'.padEnd(58)}${kb(wire)}${kb(brotli)}`);
  console.log(`requests: ${rows.length}; all same-origin: ${rows.every((r) => r.path && r.status)}`);
} finally {
  await browser.close();
  await server.stop();
}

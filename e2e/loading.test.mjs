// End to end, issue 15: on a slow connection a person sees the page's frame and a sentence
// in both languages from the first byte (index.html), styled by the same CSS, not a blank
// white screen; the app replaces that frame when it starts. Pages load their code on first
// visit (src/lazy.rs): the first load carries the shell and that page's part only, the
// navigation's next pages are fetched while idle, and a page whose code cannot be fetched
// (a phone losing its connection) says so and loads on "Opnieuw proberen".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, serverAndBrowser, watchedContext } from './harness.mjs';
import { Portal } from './pages.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('before the app has loaded', () => {
  const env = serverAndBrowser();

  it('shows the frame and a loading sentence in Dutch and English, styled, while the wasm is on its way', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    // The wasm never arrives: what the person sees is only index.html and the CSS.
    await page.route('**/*.wasm', () => {});
    await page.goto('/inloggen', { waitUntil: 'load' });
    await page.getByText('Even geduld: de pagina wordt geladen.').waitFor();
    await page.getByText('One moment: the page is loading.').waitFor();
    // Styled by the stylesheet: the header has the brand colour, not the browser default.
    const headerBg = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(headerBg, 'rgba(0, 0, 0, 0)', 'the frame is styled by the same CSS');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  it('is replaced by the app: one header, the page itself, no loading sentence left', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(await page.locator('.site-header').count(), 1);
    assert.equal(await page.getByText('Even geduld: de pagina wordt geladen.').count(), 0);
    assert.equal(await page.locator('#laden').count(), 0);
    assert.deepEqual(seen.consoleErrors, [], 'no failed request, no error');
    await context.close();
  });

  it("loads the shell and the first page's part only; the pages the menu links to come while idle", async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const parts = () => seen.requests.filter((u) => /\/app-[0-9a-f]{16}\/split_/.test(u)).map((u) => u.split('/').pop());
    await page.goto('/inloggen');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.deepEqual(parts(), ['split_part_login.wasm'], "only the login page's own part before it is shown, once");
    // Named in the page's HTML, so it comes with the main module; the loader uses that fetch.
    assert.equal(await page.locator('link[rel=preload][href$="/split_part_login.wasm"]').count(), 1);
    assert.equal(seen.requests.filter((u) => u.includes('worker')).length, 0, 'no crypto worker on the login page');
    // While idle: the part of "Registreren", the menu's other link.
    await page.waitForResponse((r) => r.url().endsWith('/split_part_entry.wasm'));
    await page.waitForLoadState('networkidle');
    const before = seen.requests.length;
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registreren' }).waitFor();
    assert.deepEqual(seen.requests.slice(before).filter((u) => u.endsWith('.wasm')), [], 'the prefetched page opens without fetching code');
    assert.deepEqual(seen.consoleErrors, []);
    await context.close();
  });

  it('a page whose code cannot be fetched says so, and loads on "Opnieuw proberen"', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    // The connection drops just for this page's part.
    await page.route('**/split_part_statements.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto('/privacyverklaring');
    const alert = page.getByRole('alert').filter({ hasText: 'Deze pagina kon niet worden geladen' });
    await alert.waitFor();
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).count(), 0);
    // The rest of the app still works: the header and the menu are there.
    assert.equal(await page.locator('.site-header').count(), 1);
    await page.unroute('**/split_part_statements.wasm');
    const retry = alert.getByRole('button', { name: 'Opnieuw proberen' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    assert.equal(await alert.count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  it("a page behind the login preloads nothing for a visitor without a session: the login's part comes instead", async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(await page.locator('link[rel=preload][href*="/split_"]').count(), 0);
    assert.deepEqual(seen.requests.filter((u) => u.includes('/split_')).map((u) => u.split('/').pop()), ['split_part_login.wasm']);
    await context.close();
  });
});

// Lighthouse found the overview shifting (CLS 0.2): "Je gegevens inzien en meenemen" and the
// footer jumped down when the at-a-glance answers arrived (and the footer again when the
// app replaced the loading frame), and the five answers were asked for one after the other.
// Now they are one answer (`GET /api/me/overview`, issue 26), and nothing moves.
describe('the overview on a slow connection', () => {
  const env = serverAndBrowser({ demo: true });

  it('asks for its answers in one request and nothing on the page moves when they arrive', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    await new Portal(page).loginAsDemo('kandidaat@example.org');
    const glance = ['/api/me/overview', '/api/me/profile', '/api/me/visibility', '/api/me/newsletter', '/api/me/academy', '/api/me/disclosures'];
    const asked = [];
    const api = [];
    await page.route('**/api/**', async (route) => {
      const path = new URL(route.request().url()).pathname;
      api.push(path);
      if (glance.includes(path)) asked.push({ path, at: Date.now() });
      if (path.startsWith('/api/me/')) await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    // The code comes slowly too, the page's own part last: the frame from index.html, then
    // the app's layout, then the page, then its answers.
    await page.route('**/*.wasm', async (route) => {
      const main = route.request().url().endsWith('/zelfregie_bg.wasm');
      await new Promise((r) => setTimeout(r, main ? 300 : 900));
      await route.continue();
    });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await page.locator('.glance .last-look').waitFor();
    assert.deepEqual(asked.map((a) => a.path), ['/api/me/overview'], 'one request for the glance');
    console.log(`overview: ${api.length} API requests on opening (${[...new Set(api)].join(', ')})`);
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `layout shift ${shift.toFixed(3)} (Lighthouse's "good" is below 0.1)`);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});

// End to end, issue 15: on a slow connection a person sees the page's frame and a sentence
// in both languages from the first byte (index.html), styled by the same CSS, not a blank
// white screen; the app replaces that frame when it starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, serverAndBrowser, watchedContext } from './harness.mjs';

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
});

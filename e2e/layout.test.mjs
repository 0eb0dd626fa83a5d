// End to end, issue 14 (layout and public pages): public pages make no failing request and
// log no error (GET /api/session answers 204 for nobody); the header never wraps a menu item
// or the tagline at 1024 and 1280 px, in Dutch and in English; links on a line of their own
// are 44 px touch targets on a 360 px phone, and a link styled as a button has a button's
// padding; axe stays clean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, openFolds } from './pages.mjs';
import { axeViolations, serverAndBrowser, watchedContext } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PUBLIC_PAGES = ['/inloggen', '/registreren', '/export-openen', '/wachtwoord-vergeten', '/privacyverklaring', '/toegankelijkheid', '/bestaat-niet'];
const LANGS = { nl: 'Inloggen', en: 'Log in' };

/** A context in `lang` (the remembered choice, as the language switch leaves it). */
async function inLanguage(browser, url, options, lang) {
  const watched = await watchedContext(browser, url, options);
  await watched.context.addInitScript((l) => localStorage.setItem('zelfregie.lang', l), lang);
  const failed = [];
  watched.context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  return { ...watched, failed };
}

/** Links alone on their line (the whole text of their paragraph or list item), with their height. */
function standaloneLinks(page) {
  return page.evaluate(() => [...document.querySelectorAll('main a[href], footer a[href]')]
    .filter((a) => a.offsetParent !== null && ['P', 'LI'].includes(a.parentElement.tagName)
      && a.parentElement.textContent.trim() === a.textContent.trim())
    .map((a) => ({ text: a.textContent.trim(), height: a.getBoundingClientRect().height })));
}

describe('layout and public pages (issue 14)', () => {
  const env = serverAndBrowser({ demo: true });

  it('public pages log no error and make no failing request, at 360 and 1280 px in both languages', async () => {
    for (const [lang, heading] of Object.entries(LANGS)) {
      for (const options of [PHONE, DESKTOP]) {
        const { context, seen, failed } = await inLanguage(env.browser, env.server.url, options, lang);
        const page = await context.newPage();
        for (const path of PUBLIC_PAGES) {
          await page.goto(path);
          await page.locator('main h1').waitFor();
          // The menu shows the login link once the app knows nobody is logged in.
          await page.locator('#hoofdmenu a', { hasText: heading }).waitFor({ state: 'attached' });
          assert.deepEqual(await axeViolations(page), [], `${lang} ${path}`);
        }
        assert.deepEqual(seen.consoleErrors, [], `${lang} ${options.viewport.width}: console errors`);
        assert.deepEqual(failed, [], `${lang} ${options.viewport.width}: failed requests`);
        await context.close();
      }
    }
  });

  it('the header keeps every menu item and the tagline on one line at 1024 and 1280 px, in both languages', async () => {
    for (const lang of ['nl', 'en']) {
      for (const width of [1024, 1280]) {
        const { context } = await inLanguage(env.browser, env.server.url, { viewport: { width, height: 800 } }, lang);
        const page = await context.newPage();
        const portal = new Portal(page);
        await page.goto('/inloggen');
        await page.locator('#email').fill('kandidaat@example.org');
        await page.locator('#password').fill('zelfregie-demo');
        await page.locator('main form button[type="submit"]').click();
        await page.locator('#hoofdmenu .nav-logout').waitFor();
        await portal.openMenuIfCollapsed();
        const m = await page.evaluate(() => {
          const one = (el) => {
            const style = getComputedStyle(el);
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
            const range = document.createRange();
            range.selectNodeContents(el);
            // The number of lines the text takes: its client rects' distinct tops.
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return { text: el.textContent.trim(), lines: tops.size, height: el.getBoundingClientRect().height, line };
          };
          return {
            items: [...document.querySelectorAll('#hoofdmenu a, #hoofdmenu button, .brand, .brand-tagline, .language-switch')].map(one),
            scrollWidth: document.documentElement.scrollWidth,
          };
        });
        assert.ok(m.items.length >= 10, `${lang} ${width}: ${m.items.length} header items`);
        for (const item of m.items) {
          assert.equal(item.lines, 1, `${lang} ${width}: "${item.text}" takes ${item.lines} lines`);
        }
        assert.ok(m.scrollWidth <= width, `${lang} ${width}: page is ${m.scrollWidth}px wide`);
        await context.close();
      }
    }
  });

  it('links on a line of their own are 44 px touch targets at 360 px; a link that looks like a button has padding', async () => {
    for (const lang of ['nl', 'en']) {
      const { context } = await inLanguage(env.browser, env.server.url, PHONE, lang);
      const page = await context.newPage();
      const portal = new Portal(page);
      for (const path of ['/inloggen', '/registreren', '/export-openen', '/wachtwoord-vergeten', '/privacyverklaring', '/toegankelijkheid', '/bestaat-niet']) {
        await page.goto(path);
        await page.locator('main h1').waitFor();
        await page.locator('footer a').first().waitFor();
        const links = await standaloneLinks(page);
        assert.ok(links.length > 0, `${lang} ${path}: no standalone link found`);
        for (const l of links) assert.ok(l.height >= 44, `${lang} ${path}: "${l.text}" is ${l.height}px high`);
      }
      // Logged in: Mijn gegevens (the button-link to Exporteren) and Exporteren.
      await page.goto('/inloggen');
      await page.locator('#email').fill('kandidaat@example.org');
      await page.locator('#password').fill('zelfregie-demo');
      await page.locator('main form button[type="submit"]').click();
      await page.locator('#hoofdmenu .nav-logout').waitFor({ state: 'attached' });
      for (const path of ['/mijn-gegevens', '/exporteren']) {
        await page.goto(path);
        await page.locator('main h1').waitFor();
        await page.locator('main a.button-primary, main .link-line a').first().waitFor({ state: 'attached' });
        // Links in folds count too, once opened.
        await openFolds(page);
        await page.locator('main a.button-primary, main .link-line a').first().waitFor();
        for (const l of await standaloneLinks(page)) {
          assert.ok(l.height >= 44, `${lang} ${path}: "${l.text}" is ${l.height}px high`);
        }
      }
      await page.goto('/mijn-gegevens');
      const button = page.locator('main a.button-primary');
      await button.waitFor();
      const box = await button.evaluate((a) => {
        const s = getComputedStyle(a);
        return { left: parseFloat(s.paddingLeft), top: parseFloat(s.paddingTop), height: a.getBoundingClientRect().height };
      });
      assert.ok(box.left >= 12 && box.top >= 6 && box.height >= 44, `${lang}: button-link ${JSON.stringify(box)}`);
      assert.deepEqual(await axeViolations(page), [], `${lang} mijn gegevens`);
      await portal.openMenuIfCollapsed();
      await context.close();
    }
  });
});

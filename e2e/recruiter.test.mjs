// End to end, issue 21: a recruiter on a phone (360 px), with the keyboard only, searches the
// candidate bank with words and filters, opens a candidate and sees her page; axe finds
// nothing on either page; after logging out, Back shows no candidate data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Presses Tab until `locator` has the focus (at most 60 times). */
async function tabTo(page, locator) {
  for (let i = 0; i < 60; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

describe('recruiter search in the browser', () => {
  const env = serverAndBrowser({ demo: true });

  it('a recruiter searches, filters and opens a candidate with the keyboard; logout leaves nothing behind', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('recruiter@beek.example.org');

    // The menu leads to the search: open it and follow the link, by keyboard.
    const menu = page.getByRole('button', { name: 'Menu' });
    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    await tabTo(page, portal.navLink('Kandidaten'));
    await page.keyboard.press('Enter');
    await portal.expectHeading('Kandidaten zoeken');
    assert.equal(await page.locator('.candidate-results li').count(), 0, 'nothing is shown before a search');

    // Words and filters.
    await tabTo(page, portal.field('Zoekwoorden'));
    await page.keyboard.type('beleid');
    await tabTo(page, portal.field('Woonplaats'));
    await page.keyboard.type('kerkrade');
    await tabTo(page, portal.field('Minimaal uren per week'));
    await page.keyboard.type('32');
    await tabTo(page, page.getByLabel('Niveau van opleiding (minimaal)'));
    await page.keyboard.press('ArrowDown'); // mbo
    await page.keyboard.press('ArrowDown'); // hbo
    assert.equal(await page.getByLabel('Niveau van opleiding (minimaal)').inputValue(), 'hbo');
    await tabTo(page, portal.field('Zoekwoorden'));
    await page.keyboard.press('Enter');

    // The count is announced, focus is on the results.
    await page.getByRole('status').filter({ hasText: '1 kandidaat gevonden.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Resultaten');
    assert.match(page.url(), /\/kandidaten\?q=beleid&place=kerkrade&hours_min=32&level=hbo$/);
    const result = page.locator('.candidate-results a').first();
    assert.equal(await result.innerText(), 'Sanne van Dijk');
    assert.deepEqual(await axeViolations(page), [], 'Kandidaten zoeken');

    // A filter she does not match: nobody.
    await tabTo(page, page.getByLabel('Niveau van opleiding (minimaal)'));
    await page.keyboard.press('ArrowDown'); // wo
    await tabTo(page, portal.button('Zoeken'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Geen kandidaten gevonden.' }).waitFor();
    await page.goBack();
    await page.getByRole('status').filter({ hasText: '1 kandidaat gevonden.' }).waitFor();

    // Her page: exactly what she shows Beek (no contact details, no street).
    await tabTo(page, page.locator('.candidate-results a').first());
    await page.keyboard.press('Enter');
    await portal.expectHeading('Kandidaat');
    const card = page.locator('.candidate-card');
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /Sanne van Dijk/);
    assert.match(text, /Kerkrade/);
    assert.doesNotMatch(text, /Markt|6461|sanne\.vandijk@example\.org/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    assert.deepEqual(await axeViolations(page), [], 'Kandidaat');

    // An unknown reference reads "not found or no longer visible".
    await portal.open('/kandidaat?ref=00000000000000000000');
    await page.getByText('Deze kandidaat is niet gevonden, of is niet meer zichtbaar voor jouw organisatie.').waitFor();
    await page.goBack();
    await card.waitFor();

    // Logged out: Back shows the login, not her data; nothing of her is kept in storage.
    await portal.logout();
    await page.goBack();
    await page.waitForTimeout(500);
    await portal.expectHeading('Inloggen');
    const body = await page.locator('body').innerText();
    assert.doesNotMatch(body, /Sanne|Kerkrade|Beleidsadviseur/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /Sanne|Kerkrade/);
    await page.goBack();
    await page.waitForTimeout(500);
    assert.doesNotMatch(await page.locator('body').innerText(), /Sanne|Kerkrade|Beleidsadviseur/);

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });
});

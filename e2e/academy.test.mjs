// End to end, issue 4: the demo course participant browses the catalogue on a phone,
// enrols, cancels, sees the trainings followed and stops, which erases them; a candidate-only account is offered
// registration as a participant, with the manager asked only below management.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('the academy in the browser', () => {
  const env = serverAndBrowser({ demo: true });

  it('a participant browses the catalogue on a phone, enrols, cancels, sees what was followed, stops', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('cursist@example.org');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Opleidingen').tap();
    await portal.expectHeading('Opleidingen');

    const followed = page.locator('.followed li');
    await followed.first().waitFor();
    assert.match(await followed.nth(0).innerText(), /Omgevingswet in de praktijk.*Afgerond/s);
    assert.match(await followed.nth(1).innerText(), /Klantgericht schrijven op B1-niveau.*Bijgewoond/s);
    assert.match(await page.locator('.enrolments').innerText(), /Projectmatig werken/);
    await page.locator('.catalogue .training').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Opleidingen (participant)');

    await page.getByRole('button', { name: 'Inschrijven: Integriteit en de ambtseed' }).tap();
    await page.getByRole('status').filter({ hasText: 'Je bent ingeschreven.' }).waitFor();
    const current = page.locator('.enrolments');
    await current.getByText('Integriteit en de ambtseed').waitFor();

    let asked = '';
    page.once('dialog', async (d) => { asked = d.message(); await d.accept(); });
    await page.getByRole('button', { name: 'Inschrijving annuleren: Integriteit en de ambtseed' }).tap();
    await page.getByRole('status').filter({ hasText: 'Je inschrijving is geannuleerd.' }).waitFor();
    assert.equal(await current.getByText('Integriteit en de ambtseed').count(), 0);
    assert.match(asked, /wachtlijst/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);

    // Stopping withdraws the consent for everything (issue 23, item 3): the page and the
    // question say so before, the export is one link away, and after it nothing is left.
    const stop = page.locator('section[aria-labelledby="h-stop"]');
    assert.match(await stop.innerText(), /ook je gevolgde opleidingen|je gevolgde opleidingen\./);
    assert.equal(await stop.getByRole('link', { name: 'Exporteren' }).getAttribute('href'), '/exporteren');
    page.once('dialog', async (d) => { asked = d.message(); await d.accept(); });
    await stop.getByRole('button', { name: 'Stoppen als cursist' }).tap();
    await page.getByRole('status').filter({ hasText: 'Je bent geen cursist meer.' }).waitFor();
    assert.match(asked, /ook je gevolgde opleidingen/);
    await page.getByRole('heading', { name: 'Aanmelden als cursist' }).waitFor();
    assert.equal(await page.locator('.followed li').count(), 0, 'no training followed is kept');
    assert.deepEqual(await axeViolations(page), [], 'Opleidingen (after stopping)');

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('a candidate-only account is offered registration; the manager is asked below management', async () => {
    const { context } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.open('/opleidingen');
    await page.getByRole('heading', { name: 'Aanmelden als cursist' }).waitFor();
    await portal.field('Voornaam').waitFor();
    // The catalogue can be browsed before registering (issue 14), with nothing to press yet.
    await page.locator('.catalogue .training').first().waitFor();
    assert.equal(await page.locator('.catalogue button').count(), 0, 'no enrolling before registering');
    assert.deepEqual(await axeViolations(page), [], 'registration form');

    await portal.field('Voornaam').fill('Sanne');
    await portal.field('Achternaam').fill('van Dijk');
    await portal.field('Functienaam').fill('Beleidsmedewerker');
    await page.getByLabel('Werkgever (partnerorganisatie)').selectOption({ label: 'Kerkrade (gemeente)' });
    await page.getByLabel('Functieniveau').selectOption({ label: 'Medewerker' });
    await portal.button('Aanmelden als cursist').click();
    await page.getByText('Vul de naam van je leidinggevende in.').first().waitFor();
    await portal.expectFocus('participant-manager_name');

    // At management level the manager is not asked at all.
    await page.getByLabel('Functieniveau').selectOption({ label: 'Leidinggevende' });
    assert.equal(await portal.field('Naam leidinggevende').count(), 0);
    await page.getByLabel('Functieniveau').selectOption({ label: 'Medewerker' });
    await portal.field('Naam leidinggevende').fill('Jos Vermeulen');
    await portal.field('E-mailadres leidinggevende').fill('j.vermeulen@kerkrade.example.org');
    await portal.button('Aanmelden als cursist').click();
    await page.getByRole('heading', { name: 'Opleidingsaanbod' }).waitFor();
    await page.locator('.catalogue .training').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Opleidingen (new participant)');
    await context.close();
  });
});

// End to end, issue 3: a candidate fills her profile on a phone, decides who sees what,
// checks the preview, a recruiter confirms through the API, the disclosure log shows it,
// and two devices editing at once get the conflict screen instead of losing anything.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, demoApiLogin, savedNotice } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Logs in through the API as a recruiter (password and code) and returns a fetch that carries the session. */
async function recruiterApi(base, email) {
  const cookie = await demoApiLogin(base, email);
  return async (path) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    return { status: res.status, text: await res.text() };
  };
}

describe('profile, visibility and who saw it', () => {
  const env = serverAndBrowser({ demo: true });

  it('fill the profile on a phone, hide a section, preview, recruiter, disclosure log', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('pieter@example.org', PASSWORD);
    await portal.overviewEmail();

    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').tap();
    await portal.expectHeading('Profiel');
    await portal.field('Voornaam').fill('Pieter');
    await portal.field('Achternaam').fill('Janssen');
    await portal.field('Postcode').fill('6411ab');
    await portal.field('Woonplaats').fill('Heerlen');
    // Adding an entry puts the cursor in it, so typing goes on there.
    await portal.button('Opleiding toevoegen').tap();
    await page.waitForFunction(() => document.activeElement?.id === 'education-0-institution');
    await page.keyboard.type('Open Universiteit');
    await portal.button('Competentie toevoegen').tap();
    await page.waitForFunction(() => document.activeElement?.id === 'competences-0');
    await page.keyboard.type('111222333');

    // The shared model refuses a BSN before anything is sent.
    await portal.button('Opslaan').tap();
    await page.getByText('Dit lijkt een burgerservicenummer (BSN).', { exact: false }).waitFor();
    await portal.expectFocus('competences-0');
    await portal.field('Competentie').fill('Geheime competentie vlechten');
    await portal.button('Opslaan').tap();
    await savedNotice(page).waitFor();
    // The server normalised it; the form shows the saved version (rendered right after the status).
    const postcode = await portal.field('Postcode').elementHandle();
    await page.waitForFunction((el) => el.value === '6411 AB', postcode, { timeout: 2000 });
    assert.deepEqual(await axeViolations(page), [], 'Profiel');

    // Visibility: in the bank, competences hidden.
    await portal.openMenuIfCollapsed();
    await portal.navLink('Zichtbaarheid').tap();
    await portal.expectHeading('Zichtbaarheid');
    // The consent text stands above the switch; turning it on records that text's version.
    await page.locator('#listing-consent').getByText('Ik wil dat mijn profiel in de kandidatenbank van IGOM staat', { exact: false }).waitFor();
    await page.getByLabel('Mijn profiel staat in de kandidatenbank').check();
    await page.getByLabel('Competenties', { exact: true }).uncheck();
    await portal.button('Opslaan').tap();
    await savedNotice(page).waitFor();
    const exported = await (await page.request.get('/api/me/export')).json();
    assert.deepEqual(exported.candidate_bank.listing_consents.map((e) => [e.kind, e.text_version, e.channel]), [['given', 1, 'portal']]);

    // The preview for Gemeente Beek is the server's recruiter response: no competences.
    await page.getByLabel('Partnerorganisatie', { exact: true }).selectOption({ label: 'Beek (gemeente)' });
    await portal.button('Toon').tap();
    const card = page.locator('.preview .candidate-card');
    await card.getByRole('heading', { name: 'Pieter Janssen' }).waitFor();
    assert.equal(await card.getByText('Open Universiteit').count(), 1);
    assert.equal(await card.getByText('Geheime competentie vlechten').count(), 0);
    assert.deepEqual(await axeViolations(page), [], 'Zichtbaarheid with preview');

    // A recruiter of Beek, through the API: found by what is shown, not by what is hidden.
    const beek = await recruiterApi(env.server.url, 'recruiter@beek.example.org');
    const hidden = await beek('/api/recruiter/candidates?q=vlechten');
    assert.equal(JSON.parse(hidden.text).total, 0);
    const shown = await beek('/api/recruiter/candidates?q=Open%20Universiteit');
    const list = JSON.parse(shown.text);
    assert.equal(list.total, 1);
    assert.ok(!shown.text.includes('vlechten'));
    const opened = await beek(`/api/recruiter/candidates/${list.candidates[0].reference}`);
    assert.equal(opened.status, 200);
    assert.ok(!opened.text.includes('vlechten'));

    // Wie zag mijn gegevens: Beek opened it and had it in a search result.
    await portal.openMenuIfCollapsed();
    await portal.navLink('Wie zag mijn gegevens').tap();
    await portal.expectHeading('Wie zag mijn gegevens');
    const group = page.locator('.disclosure-group').filter({ has: page.getByRole('heading', { name: /Gemeente Beek/ }) });
    await group.getByText('opende je profiel').waitFor();
    assert.equal(await group.getByText('kreeg je profiel in een zoekresultaat').count(), 1);
    assert.ok((await group.innerText()).includes('Opleidingen'));
    assert.ok(!(await group.innerText()).includes('Competenties'), 'the hidden section was not shown');
    assert.deepEqual(await axeViolations(page), [], 'Wie zag mijn gegevens');

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('two devices edit at once: the second gets the conflict screen and loses nothing', async () => {
    const first = (await watchedContext(env.browser, env.server.url)).context;
    const second = (await watchedContext(env.browser, env.server.url, PHONE)).context;
    const a = new Portal(await first.newPage());
    const b = new Portal(await second.newPage());
    await a.loginAsDemo('kandidaat@example.org');
    await b.loginAsDemo('kandidaat@example.org');
    await a.open('/profiel');
    await b.open('/profiel');
    await a.field('Woonplaats').waitFor();
    await b.field('Woonplaats').waitFor();

    await a.field('Woonplaats').fill('Landgraaf');
    await a.button('Opslaan').click();
    await savedNotice(a.page).waitFor();

    await b.field('Voornaam').fill('Sanna');
    await b.button('Opslaan').tap();
    const conflict = b.page.getByRole('alert').filter({ hasText: 'Je profiel is intussen ergens anders gewijzigd' });
    await conflict.waitFor();
    assert.ok((await conflict.innerText()).includes('Landgraaf'), 'the newer version is shown');
    assert.equal(await b.field('Voornaam').inputValue(), 'Sanna', 'the edit is kept');
    assert.deepEqual(await axeViolations(b.page), [], 'conflict screen');

    await b.button('Mijn wijzigingen toch opslaan').tap();
    await b.button('Opslaan').tap();
    await savedNotice(b.page).waitFor();
    await a.page.reload();
    await a.field('Voornaam').waitFor();
    assert.equal(await a.field('Voornaam').inputValue(), 'Sanna');
    await first.close();
    await second.close();
  });

  it('leaving a page with unsaved changes asks first', async () => {
    const { context } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.open('/profiel');
    await portal.field('Woonplaats').fill('Vaals');
    let asked = '';
    page.once('dialog', async (d) => { asked = d.message(); await d.dismiss(); });
    await portal.navLink('Overzicht').click();
    assert.match(asked, /niet zijn opgeslagen/);
    await portal.expectHeading('Profiel');
    assert.equal(await portal.field('Woonplaats').inputValue(), 'Vaals', 'nothing lost');
    await context.close();
  });
});

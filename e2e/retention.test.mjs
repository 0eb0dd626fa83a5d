// End to end, issue 13 (part): "Mijn gegevens" says per processing activity when the
// candidate's data will be deleted if they stop logging in, and a candidate deletes just
// their profile from the candidate bank — on a 360 px phone, with the keyboard.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Portal, demoCredentials } from './pages.mjs';
import { axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 } };
/** The processing activities of the register the server and the app are built with. */
// Every activity about people (the administration of staff accounts is not about them).
const ACTIVITIES = JSON.parse(readFileSync(new URL('../crates/model/register/verwerkingsregister.json', import.meta.url)))
  .filter((a) => !a.staff_only).length;
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The date five calendar years after now (UTC), in words: [Dutch, English]. */
function fiveYearsOn() {
  const d = new Date();
  const leapDay = d.getUTCMonth() === 1 && d.getUTCDate() === 29;
  d.setUTCFullYear(d.getUTCFullYear() + 5);
  if (leapDay && d.getUTCMonth() !== 1) d.setUTCDate(0); // 29 February → 28 February
  return [`${d.getUTCDate()} ${MONTHS_NL[d.getUTCMonth()]} ${d.getUTCFullYear()}`, `${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`];
}

/** Logs `context` in through the API (a second person, e.g. a recruiter in another browser). */
async function apiLogin(context, base, email) {
  const r = await context.request.post('/api/session', {
    data: await demoCredentials(base, email),
    headers: { 'X-Requested-With': 'zelfregie' },
  });
  assert.equal(r.status(), 200);
}

describe('retention and deleting just the profile', () => {
  const env = serverAndBrowser({ demo: true });

  it('Mijn gegevens shows when the data will be deleted, in words, in both languages', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('cursist@example.org');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Mijn gegevens').click();
    await portal.expectHeading('Mijn gegevens');
    const [nl, en] = fiveYearsOn();
    await page.getByRole('heading', { level: 2, name: 'Zo lang bewaren we je gegevens' }).waitFor();
    await page.getByText(`Je account wordt verwijderd op ${nl} als je niet meer inlogt.`).waitFor();
    const bank = page.locator('.register-entry').filter({ has: page.getByRole('heading', { name: 'Kandidatenbank' }) });
    await bank.locator('.retention-date').filter({ hasText: `Wordt verwijderd op ${nl} als je niet meer inlogt.` }).waitFor();
    const newsletter = page.locator('.register-entry').filter({ has: page.getByRole('heading', { name: 'Nieuwsbrief via e-mail (nieuwsflits)' }) });
    assert.match(await newsletter.locator('.retention-date').innerText(), new RegExp(`^Tot je je toestemming intrekt; uiterlijk op ${nl}`));
    assert.equal(await page.locator('.retention-date').count(), ACTIVITIES, 'a date for every activity of the register about people');
    assert.deepEqual(await axeViolations(page), [], 'Mijn gegevens with dates');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await portal.expectHeading('My data');
    const bankEn = page.locator('.register-entry').filter({ has: page.getByRole('heading', { name: 'Candidate bank' }) });
    await bankEn.locator('.retention-date').filter({ hasText: `Will be deleted on ${en} if you do not log in again.` }).waitFor();
    await page.getByText(`Your account will be deleted on ${en} if you do not log in again.`).waitFor();
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('deletes just the profile: password asked, recruiters who opened it hear it was withdrawn (410) at once, the rest stays', async () => {
    // A recruiter of Beek sees the demo candidate and holds her reference.
    const recruiter = await env.browser.newContext({ baseURL: env.server.url });
    await apiLogin(recruiter, env.server.url, 'recruiter@beek.example.org');
    const list = await (await recruiter.request.get('/api/recruiter/candidates')).json();
    const sanne = list.candidates.find((c) => JSON.stringify(c).includes('Sanne'));
    assert.ok(sanne, 'the recruiter finds the demo candidate');
    const reference = `/api/recruiter/candidates/${sanne.reference}`;
    assert.equal((await recruiter.request.get(reference)).status(), 200);

    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.goToAccount();
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Verwijder mijn profiel uit de kandidatenbank' }) });
    const text = await section.innerText();
    for (const goes of ['je profiel', 'je keuzes over wie je profiel mag zien', 'het logboek van wie je profiel heeft bekeken']) assert.ok(text.includes(goes), goes);
    for (const stays of ['je account', 'IGOM-Academie', 'nieuwsbrief']) assert.ok(text.includes(stays), stays);
    assert.equal(await section.getByRole('link', { name: 'Exporteren' }).getAttribute('href'), '/exporteren', 'the export first');
    assert.deepEqual(await axeViolations(page), [], 'account page with the profile deletion');

    // Keyboard only: a wrong password is refused before any question, and nothing happens.
    const password = portal.field('Je wachtwoord, om je profiel te verwijderen');
    await password.focus();
    await page.keyboard.type('niet het goede wachtwoord');
    let asked = '';
    const ask = async (d) => { asked = d.message(); await d.accept(); };
    page.on('dialog', ask);
    await page.keyboard.press('Enter');
    await section.getByText(/^Wachtwoord klopt niet\./).waitFor();
    page.off('dialog', ask);
    assert.equal(asked, '', 'no question while the password is wrong');
    assert.equal((await recruiter.request.get(reference)).status(), 200, 'still there after a wrong password');

    // Dismissing the question deletes nothing either; the question says what stays.
    await password.fill('zelfregie-demo');
    page.once('dialog', (d) => { asked = d.message(); return d.dismiss(); });
    await password.press('Enter');
    await page.waitForTimeout(300);
    assert.match(asked, /Je account blijft/);
    assert.equal((await recruiter.request.get(reference)).status(), 200, 'still there after "no"');

    page.once('dialog', (d) => d.accept());
    await password.press('Enter');
    const deleted = section.getByRole('status').filter({ hasText: 'Je profiel is verwijderd.' });
    await deleted.waitFor();
    // The outcome has focus and is in view at 360 px, not above it (issue 25).
    await portal.expectFocus('profile-deleted');
    const box = await deleted.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 740, `the notice is in view: ${JSON.stringify(box)}`);
    const gone = await recruiter.request.get(reference);
    // Beek opened it, so its reference says the profile was withdrawn (410), not unknown.
    assert.equal(gone.status(), 410, 'the reference is dead at once');
    assert.equal((await gone.json()).code, 'profile_withdrawn');
    const after = await (await recruiter.request.get('/api/recruiter/candidates')).json();
    assert.ok(!JSON.stringify(after).includes('Sanne'), 'no longer in the list');

    // The rest stays: still logged in, newsletter still active, the profile form is empty.
    const newsletter = await (await context.request.get('/api/me/newsletter')).json();
    assert.equal(newsletter.subscription, 'active');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').click();
    await portal.expectHeading('Profiel');
    assert.equal(await portal.field('Voornaam').inputValue(), '');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await recruiter.close();
    await context.close();
  });
});

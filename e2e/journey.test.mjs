// End to end, issue 21: a network from an empty database to a working portal, in Chromium
// on phones (360 px). The release server runs without demo data. The server's command line
// invites the first administrator; the administrator invites a recruiter of Gemeente Beek,
// an academy staff member and a privacy officer; each follows the link from the mail folder,
// sets a password and a second factor. Academy staff add a training. A candidate registers,
// puts her profile in the candidate bank and enrols. The Beek recruiter finds her on the
// search page and opens her page; she sees that view in her log. The administrator suspends
// the recruiter, whose open session gets 401 on its next request. Every page on the way is
// axe-clean and no page scrolls sideways; the administrator's part is keyboard only in
// e2e/admin.test.mjs, the candidate's search-and-enrol part here by touch.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, cliInvite, totpAt, currentStep, savedNotice } from './pages.mjs';
import {
  serverAndBrowser, watchedContext, axeViolations, cspViolations, foreignRequests,
} from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const PASSWORD = 'oranje vlinder danst licht';
const ADMIN = 'beheer@igom.example';
const RECRUITER = 'werving@beek.example';
const ACADEMY = 'academie@igom.example';
const PRIVACY = 'privacy@igom.example';
const CANDIDATE = 'fenna@example.org';
const TITLE = 'Schrijven in begrijpelijke taal';

async function fitsPhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what}: ${width} px wide`);
}

async function clean(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  await fitsPhone(page, what);
}

/** On the Account page: two-step verification with an authenticator app, as a person sets it up. */
async function secondFactor(page, portal) {
  const section = page.locator('section#tweestapsverificatie');
  await page.locator('#tfa-start-password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
  await portal.expectFocus('tfa-scan');
  const secret = (await section.locator('.tfa-secret').innerText()).replace(/\s/g, '');
  await page.locator('#tfa-code').fill(totpAt(secret, currentStep()));
  await page.locator('#tfa-code').press('Enter');
  await portal.expectFocus('h-tfa-codes');
  await section.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
  await section.getByText('Tweestapsverificatie staat aan.').waitFor();
}

/** Opens `link` (from the mail folder or the command line) in a new phone, accepts the
 * invitation and sets up the second factor; the page, logged in. */
async function join(env, link, who) {
  const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
  const page = await context.newPage();
  const portal = new Portal(page);
  const url = new URL(link, env.server.url);
  await page.goto(`${url.pathname}${url.search}`);
  await portal.expectHeading('Uitnodiging');
  assert.ok((await page.locator('main dl.facts').innerText()).includes(who), who);
  await clean(page, `the invitation page of ${who}`);
  await portal.field('Wachtwoord').fill(PASSWORD);
  await portal.button('Maak mijn account').click();
  await portal.expectHeading('Account');
  await secondFactor(page, portal);
  return { context, seen, page, portal };
}

async function mailedLink(portal, to) {
  return portal.mailLink(to, '/uitnodiging');
}

async function invite(page, email, role, partner) {
  await page.locator('#invite-email').fill(email);
  await page.locator('#invite-role').selectOption(role);
  if (partner) await page.locator('#invite-partner').selectOption(partner);
  await page.locator('form button[type="submit"]').click();
  await page.locator(`li.invitation-entry[data-email="${email}"][data-status="pending"]`).waitFor();
}

describe('a network starts from an empty database', () => {
  const env = serverAndBrowser();

  it('invitations, a training, a candidate, a recruiter who finds her, and a suspension', async () => {
    // ---- the first administrator, from the server's command line ----
    const admin = await join(env, cliInvite(env.server, ADMIN).href, ADMIN);
    await admin.page.goto('/beheer');
    await admin.portal.expectHeading('Beheer');
    await clean(admin.page, 'Beheer');
    await invite(admin.page, RECRUITER, 'recruiter', 'beek');
    await invite(admin.page, ACADEMY, 'academy_staff');
    await invite(admin.page, PRIVACY, 'privacy_staff');

    // ---- each invitee, from the mail folder ----
    const recruiter = await join(env, await mailedLink(admin.portal, RECRUITER), 'Gemeente Beek');
    const academy = await join(env, await mailedLink(admin.portal, ACADEMY), ACADEMY);
    const privacy = await join(env, await mailedLink(admin.portal, PRIVACY), PRIVACY);
    // The privacy officer reads the administration's log.
    await privacy.page.goto('/beheer/logboek');
    await privacy.portal.expectHeading('Logboek');
    await privacy.page.locator('main').getByText(RECRUITER).first().waitFor();
    await clean(privacy.page, 'Logboek');

    // ---- academy staff add a training ----
    await academy.page.goto('/academie/beheer');
    await academy.portal.expectHeading('Opleidingsaanbod beheren');
    await academy.page.locator('#training-title').fill(TITLE);
    await academy.page.locator('#training-description').fill('Teksten die iedereen in één keer begrijpt.');
    await academy.page.locator('#training-level-employee').check();
    await academy.page.locator('#training-online').check();
    await academy.page.locator('#training-date').fill('31-03-2099');
    await academy.page.locator('#training-time').fill('09:30');
    await academy.page.locator('#training-capacity').fill('12');
    await academy.portal.button('Opleiding toevoegen').click();
    await academy.page.getByRole('status').filter({ hasText: 'De opleiding is opgeslagen.' }).waitFor();
    await clean(academy.page, 'Opleidingsaanbod beheren with a training');

    // ---- a candidate registers, lists herself and enrols ----
    const { context: cContext, seen: cSeen } = await watchedContext(env.browser, env.server.url, PHONE);
    const cPage = await cContext.newPage();
    const candidate = new Portal(cPage);
    await candidate.register(CANDIDATE, PASSWORD);
    await candidate.overviewEmail();
    await candidate.open('/profiel');
    await candidate.expectHeading('Profiel');
    await candidate.field('Voornaam').fill('Fenna');
    await candidate.field('Achternaam').fill('Beekman');
    await candidate.field('Woonplaats').fill('Beek');
    await candidate.button('Opslaan').tap();
    await savedNotice(cPage).waitFor();
    await candidate.open('/zichtbaarheid');
    await candidate.expectHeading('Zichtbaarheid');
    await cPage.getByLabel('Mijn profiel staat in de kandidatenbank', { exact: true }).check();
    await candidate.button('Opslaan').tap();
    await savedNotice(cPage).waitFor();
    await clean(cPage, 'Zichtbaarheid, listed');
    await candidate.open('/opleidingen');
    await cPage.getByRole('heading', { name: 'Aanmelden als cursist' }).waitFor();
    await candidate.field('Voornaam').fill('Fenna');
    await candidate.field('Achternaam').fill('Beekman');
    await candidate.field('Functienaam').fill('Communicatieadviseur');
    await cPage.getByLabel('Werkgever (partnerorganisatie)').selectOption({ label: 'Beek (gemeente)' });
    await cPage.getByLabel('Functieniveau').selectOption({ label: 'Medewerker' });
    await candidate.field('Naam leidinggevende').fill('Jos Vermeulen');
    await candidate.field('E-mailadres leidinggevende').fill('j.vermeulen@beek.example');
    await candidate.button('Aanmelden als cursist').click();
    await cPage.getByRole('button', { name: `Inschrijven: ${TITLE}` }).tap();
    await cPage.getByRole('status').filter({ hasText: 'Je bent ingeschreven.' }).waitFor();
    await clean(cPage, 'Opleidingen, enrolled');

    // ---- the Beek recruiter finds her and opens her page ----
    await recruiter.page.goto('/kandidaten');
    await recruiter.portal.expectHeading('Kandidaten zoeken');
    await recruiter.portal.field('Zoekwoorden').fill('Beekman');
    await recruiter.portal.button('Zoeken').click();
    await recruiter.page.getByRole('status').filter({ hasText: '1 kandidaat gevonden.' }).waitFor();
    await clean(recruiter.page, 'Kandidaten zoeken');
    await recruiter.page.locator('.candidate-results a').first().click();
    await recruiter.portal.expectHeading('Kandidaat');
    assert.match(await recruiter.page.locator('.candidate-card').innerText(), /Fenna Beekman/);
    await clean(recruiter.page, 'Kandidaat');

    // ---- she sees that view in her log ----
    await candidate.open('/wie-zag-mijn-gegevens');
    await candidate.expectHeading('Wie zag mijn gegevens');
    await cPage.locator('main').getByText('Gemeente Beek').first().waitFor();
    await clean(cPage, 'Wie zag mijn gegevens');

    // ---- the administrator suspends the recruiter: the open session ends at once ----
    await admin.page.reload();
    await admin.portal.expectHeading('Beheer');
    await admin.page.locator(`button[aria-label="Schorsen: ${RECRUITER}"]`).click();
    await admin.page.locator(`tr[data-email="${RECRUITER}"][data-status="suspended"]`).waitFor();
    assert.equal((await recruiter.page.request.get('/api/recruiter/candidates')).status(), 401);

    for (const [who, page, seen] of [
      ['administrator', admin.page, admin.seen], ['recruiter', recruiter.page, recruiter.seen],
      ['academy', academy.page, academy.seen], ['privacy', privacy.page, privacy.seen], ['candidate', cPage, cSeen],
    ]) {
      assert.deepEqual(await cspViolations(page), [], who);
      assert.deepEqual(foreignRequests(seen, env.server.url), [], who);
    }
    for (const c of [admin, recruiter, academy, privacy]) await c.context.close();
    await cContext.close();
  });
});

// End to end, issue 21: administration in Chromium at 360 px, on a server started without
// demo data. The first administrator is invited on the server's command line, opens the
// printed link, chooses a password and sets up two-step verification, all with the keyboard
// only; on /beheer they invite a recruiter of Gemeente Beek and a privacy officer. The
// recruiter follows the link from the mail folder, accepts and sets up two-step
// verification; the administrator suspends the recruiter, and the recruiter's open session
// gets 401 at its next request. The administrator publishes, replaces and removes a
// partner's key, reading its fingerprint as it is pasted; the log shows it all, to the
// privacy officer too. Every new page is axe-clean and fits 360 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Portal, cliInvite, totpAt, currentStep, openFolds } from './pages.mjs';
import {
  serverAndBrowser, watchedContext, axeViolations, cspViolations, foreignRequests,
} from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const ADMIN = 'beheer@example.org';
const RECRUITER = 'recruiter@beek.example.org';
const PRIVACY = 'privacy@example.org';
const ADMIN_PASSWORD = 'blauwe walvis zwemt snel';
const RECRUITER_PASSWORD = 'groene kikker springt hoog';

/** Presses Tab (at most 80 times) until focus is on what `selector` finds; fails otherwise. */
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function fitsPhone(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Sets up two-step verification on the Account page with the keyboard; the secret. */
async function setUpTotpByKeyboard(page, portal, password) {
  await tabTo(page, '#tfa-start-password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await portal.expectFocus('tfa-scan');
  const secret = (await page.locator('.tfa-secret').innerText()).replace(/\s/g, '');
  await tabTo(page, '#tfa-code');
  await page.keyboard.type(totpAt(secret, currentStep()));
  await page.keyboard.press('Enter');
  await portal.expectFocus('h-tfa-codes');
  await tabTo(page, 'button.button-primary');
  await page.keyboard.press('Enter');
  await page.getByText('Tweestapsverificatie staat aan.').waitFor();
  return secret;
}

/** A fresh X25519 public key from `rage-keygen`. */
function newPublicKey() {
  const dir = mkdtempSync(join(tmpdir(), 'zelfregie-admin-key-'));
  try {
    const file = join(dir, 'key.txt');
    execFileSync('rage-keygen', ['-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    return readFileSync(file, 'utf8').match(/public key: (age1[0-9a-z]+)/)[1];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The short fingerprint, computed here as an organisation would: the first 80 bits of the
 * SHA-256 of the key, in Bech32 characters, four groups of four. */
function fingerprintOf(key) {
  const alphabet = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  const digest = createHash('sha256').update(key.trim()).digest();
  let bits = 0n;
  for (const b of digest.subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
  let chars = '';
  for (let i = 15; i >= 0; i -= 1) chars += alphabet[Number((bits >> BigInt(5 * i)) & 31n)];
  return chars.match(/.{4}/g).join('-');
}

describe('administration', () => {
  const env = serverAndBrowser();

  it('the first administrator invites a recruiter and a privacy officer, and suspends the recruiter', async () => {
    const link = cliInvite(env.server, ADMIN);

    // ---- the administrator, keyboard only ----
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await page.goto(`${link.pathname}${link.search}`);
    await portal.expectHeading('Uitnodiging');
    const facts = await page.locator('main dl.facts').innerText();
    assert.ok(facts.includes(ADMIN), facts);
    assert.ok(facts.includes('Beheerder van het portaal'), facts);
    assert.deepEqual(await axeViolations(page), [], 'the invitation page');
    assert.ok(await fitsPhone(page), 'the invitation page fits 360 px');
    // A password the rules refuse is said at its field, before anything is sent.
    await tabTo(page, '#password');
    await page.keyboard.type('kort');
    await page.keyboard.press('Enter');
    await portal.expectFocus('password');
    await page.getByText('Je wachtwoord moet minstens 12 tekens lang zijn.').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    // Logged in, and led straight to setting up the second factor.
    await portal.expectHeading('Account');
    await page.getByText('Daarom is tweestapsverificatie verplicht', { exact: false }).waitFor();
    const weak = await page.request.get('/api/admin/staff');
    assert.equal(weak.status(), 403);
    assert.equal((await weak.json()).code, 'second_factor_required');
    await setUpTotpByKeyboard(page, portal, ADMIN_PASSWORD);

    // The menu (behind its button on a phone) leads to Beheer.
    await tabTo(page, 'button.menu-button');
    await page.keyboard.press('Enter');
    await tabTo(page, 'nav a[href="/beheer"]');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Beheer');
    await page.locator(`tr[data-email="${ADMIN}"]`).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Beheer');
    assert.ok(await fitsPhone(page), 'Beheer fits 360 px');
    // The list has never been confirmed: the review is due now.
    await page.locator('.review-due').getByText('Nu nodig').waitFor();
    // No buttons on the administrator's own row.
    assert.equal(await page.locator(`tr[data-email="${ADMIN}"] button`).count(), 0);

    // Without a role the form says so at the field, and sends nothing.
    await tabTo(page, '#invite-email');
    await page.keyboard.type(RECRUITER);
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('invite-role');
    await page.locator('#invite-role-error').getByText('Kies een rol.').waitFor();
    // Recruiter (the first role), then Gemeente Beek by typing its name in the list.
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#invite-role').inputValue(), 'recruiter');
    await tabTo(page, '#invite-partner');
    await page.keyboard.type('Beek');
    assert.equal(await page.locator('#invite-partner').inputValue(), 'beek');
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('admin-invited');
    await page.locator(`li.invitation-entry[data-email="${RECRUITER}"][data-status="pending"]`).waitFor();

    // A privacy officer: the partner list goes away for that role.
    await tabTo(page, '#invite-email');
    await page.keyboard.type(PRIVACY);
    await tabTo(page, '#invite-role');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#invite-role').inputValue(), 'privacy_staff');
    assert.equal(await page.locator('#invite-partner').count(), 0);
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('admin-invited');
    await page.locator(`li.invitation-entry[data-email="${PRIVACY}"][data-status="pending"]`).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Beheer with invitations');

    // ---- the recruiter, on another phone ----
    const recruiterCtx = await watchedContext(env.browser, env.server.url, PHONE);
    const rPage = await recruiterCtx.context.newPage();
    const rPortal = new Portal(rPage);
    await rPage.goto('/');
    const rLink = await rPortal.mailLink(RECRUITER, '/uitnodiging');
    await rPage.goto(rLink);
    await rPortal.expectHeading('Uitnodiging');
    const rFacts = await rPage.locator('main dl.facts').innerText();
    assert.ok(rFacts.includes('Gemeente Beek') && rFacts.includes('Recruiter van een partnerorganisatie'), rFacts);
    await rPortal.field('Wachtwoord').fill(RECRUITER_PASSWORD);
    await rPortal.button('Maak mijn account').click();
    await rPortal.expectHeading('Account');
    const section = rPage.locator('section#tweestapsverificatie');
    await rPage.locator('#tfa-start-password').fill(RECRUITER_PASSWORD);
    await section.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    await rPortal.expectFocus('tfa-scan');
    const rSecret = (await section.locator('.tfa-secret').innerText()).replace(/\s/g, '');
    await rPage.locator('#tfa-code').fill(totpAt(rSecret, currentStep()));
    await rPage.locator('#tfa-code').press('Enter');
    await rPortal.expectFocus('h-tfa-codes');
    await section.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await section.getByText('Tweestapsverificatie staat aan.').waitFor();
    assert.equal((await rPage.request.get('/api/recruiter/candidates')).status(), 200);

    // The used link now says so, with what to do.
    const usedCtx = await env.browser.newContext({ baseURL: env.server.url, ...PHONE });
    const usedPage = await usedCtx.newPage();
    await usedPage.goto(rLink);
    await usedPage.getByRole('alert').filter({ hasText: 'Vraag de beheerder van het portaal om een nieuwe uitnodiging.' }).waitFor();
    assert.deepEqual(await axeViolations(usedPage), [], 'a used invitation');
    await usedCtx.close();

    // ---- the administrator suspends the recruiter ----
    await page.reload();
    await portal.expectHeading('Beheer');
    const row = page.locator(`tr[data-email="${RECRUITER}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'active');
    assert.ok((await row.innerText()).includes('Ja'), 'second factor set up');
    await tabTo(page, `button[aria-label="Schorsen: ${RECRUITER}"]`);
    await page.keyboard.press('Enter');
    await portal.expectFocus('admin-done');
    await page.getByText('Het account is geschorst.', { exact: false }).waitFor();
    await page.locator(`tr[data-email="${RECRUITER}"][data-status="suspended"]`).waitFor();
    // The recruiter's open session ends at once.
    assert.equal((await rPage.request.get('/api/recruiter/candidates')).status(), 401);
    assert.equal((await rPage.request.get('/api/session/time-left')).status(), 401);
    assert.deepEqual(await axeViolations(page), [], 'Beheer after a suspension');

    // Removing asks first, and says what it does; then the account is gone from the list.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); d.accept(); });
    await tabTo(page, `button[aria-label="Verwijderen: ${RECRUITER}"]`);
    await page.keyboard.press('Enter');
    await portal.expectFocus('admin-done');
    await page.getByText('Het account is verwijderd.').waitFor();
    assert.ok(asked.includes('Het account wordt verwijderd') && asked.includes(RECRUITER), asked);
    await page.locator(`tr[data-email="${RECRUITER}"]`).waitFor({ state: 'detached' });

    // Confirming the list: the review is no longer due.
    await tabTo(page, '.review button');
    await page.keyboard.press('Enter');
    await portal.expectFocus('admin-done');
    await page.getByText('De lijst is bevestigd.').waitFor();
    await page.locator('.review:not(.review-due)').waitFor();

    // ---- partner keys: paste, read the fingerprint back, publish, replace, remove ----
    const [key1, key2] = [newPublicKey(), newPublicKey()];
    await tabTo(page, 'button.menu-button');
    await page.keyboard.press('Enter');
    await tabTo(page, 'nav a[href="/beheer/sleutels"]');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Partnersleutels');
    const beek = page.locator('li[data-slug="beek"]');
    await beek.getByText('Geen sleutel', { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Partnersleutels');
    assert.ok(await fitsPhone(page), 'Partnersleutels fits 360 px');
    await tabTo(page, 'button[aria-label="Sleutel plakken: Gemeente Beek"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('new-key');
    await page.keyboard.type('age1nietgoed');
    await beek.getByText('Dit is nog geen geldige sleutel.', { exact: false }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(key1);
    // The fingerprint shows as the key is pasted, the same as computed here.
    await beek.locator('.live-fingerprint').filter({ hasText: fingerprintOf(key1) }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Partnersleutels, a key pasted');
    await tabTo(page, 'li[data-slug="beek"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('keys-done');
    await beek.locator('dd code.fingerprint').filter({ hasText: fingerprintOf(key1) }).waitFor();
    const published = await (await page.request.get('/api/transfers/partners')).json();
    assert.deepEqual(published.map((p) => [p.slug ?? p.partner?.slug, p.recipient]).filter(([s]) => s === 'beek'), [['beek', key1]]);

    await tabTo(page, 'button[aria-label="Vervangen: Gemeente Beek"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('new-key');
    await page.keyboard.type(key2);
    await beek.locator('.live-fingerprint').filter({ hasText: fingerprintOf(key2) }).waitFor();
    await tabTo(page, 'li[data-slug="beek"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await portal.expectFocus('keys-done');
    await beek.locator('dd code.fingerprint').filter({ hasText: fingerprintOf(key2) }).waitFor();
    // The earlier key is listed under it: transfers made to it still open with it.
    const history = beek.locator('details.key-history');
    await history.locator('summary').filter({ hasText: 'Eerdere sleutels (1)' }).waitFor();
    assert.ok((await history.textContent()).includes(fingerprintOf(key1)), 'the earlier key in the history');

    // Removing asks first; dismissed, the key stays; accepted, it goes.
    page.once('dialog', (d) => d.dismiss());
    await tabTo(page, 'button[aria-label="Verwijderen: Gemeente Beek"]');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await beek.locator('dd code.fingerprint').filter({ hasText: fingerprintOf(key2) }).waitFor();
    page.once('dialog', (d) => d.accept());
    await page.keyboard.press('Enter');
    await portal.expectFocus('keys-done');
    await page.getByText('De sleutel is verwijderd.').waitFor();
    await beek.getByText('Geen sleutel', { exact: false }).waitFor();

    // ---- the log ----
    await tabTo(page, 'button.menu-button');
    await page.keyboard.press('Enter');
    await tabTo(page, 'nav a[href="/beheer/logboek"]');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Logboek');
    const first = page.locator('li.audit-entry').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-action'), 'key_remove');
    const log = await page.locator('ol.audit').innerText();
    for (const sentence of [
      'Heeft een sleutel van een partnerorganisatie verwijderd',
      'Heeft een sleutel van een partnerorganisatie gepubliceerd',
      'Heeft de lijst van medewerkers bevestigd', 'Heeft een account geschorst', 'Heeft een account verwijderd',
      'Heeft een uitnodiging gebruikt en een account gemaakt', 'Heeft iemand uitgenodigd', 'Het portaal zelf',
    ]) assert.ok(log.includes(sentence), sentence);
    assert.ok(log.includes('Gemeente Beek'), 'the partner in words');
    assert.deepEqual(await axeViolations(page), [], 'Logboek');
    assert.ok(await fitsPhone(page), 'Logboek fits 360 px');

    // ---- the privacy officer reads the log too, and nothing of Beheer ----
    const api = { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' };
    const pLink = await portal.mailLink(PRIVACY, '/uitnodiging');
    const pToken = new URL(pLink, env.server.url).searchParams.get('token');
    const accepted = await fetch(`${env.server.url}/api/invitations/accept`, {
      method: 'POST', headers: api, body: JSON.stringify({ token: pToken, password: RECRUITER_PASSWORD }),
    });
    assert.equal(accepted.status, 201);
    const pCookie = accepted.headers.get('set-cookie').split(';')[0];
    const withCookie = { ...api, cookie: pCookie };
    const setup = await (await fetch(`${env.server.url}/api/me/second-factor`, {
      method: 'POST', headers: withCookie, body: JSON.stringify({ password: RECRUITER_PASSWORD }),
    })).json();
    const confirmed = await fetch(`${env.server.url}/api/me/second-factor`, {
      method: 'PUT', headers: withCookie, body: JSON.stringify({ code: totpAt(setup.secret, currentStep()) }),
    });
    assert.equal(confirmed.status, 200);
    const [name, ...value] = pCookie.split('=');
    const privacyCtx = await watchedContext(env.browser, env.server.url, PHONE);
    await privacyCtx.context.addCookies([{ name, value: value.join('='), url: env.server.url }]);
    const pPage = await privacyCtx.context.newPage();
    const pPortal = new Portal(pPage);
    await pPage.goto('/');
    await pPortal.expectHeading('Overzicht');
    await pPortal.openMenuIfCollapsed();
    await pPortal.navLink('Logboek').click();
    await pPortal.expectHeading('Logboek');
    await pPage.locator('li.audit-entry').first().waitFor();
    assert.equal(await pPortal.navLink('Beheer').count(), 0, 'no Beheer for privacy staff');
    assert.deepEqual(await axeViolations(pPage), [], 'Logboek for privacy staff');
    assert.equal((await pPage.request.get('/api/admin/staff')).status(), 403);
    // Staff are people too (issue 23, item 12): the officer sees what is held about her own
    // account, and for how long, on Mijn gegevens, as a candidate does.
    await pPortal.open('/mijn-gegevens');
    await pPortal.expectHeading('Mijn gegevens');
    const own = pPage.locator('main');
    await own.getByText('Beheer van accounts van medewerkers').first().waitFor();
    await openFolds(pPage);
    const ownText = await own.innerText();
    assert.match(ownText, /Blijft het 1 jaar geschorst, dan wordt het verwijderd/);
    assert.ok(ownText.includes(PRIVACY), 'her own address');
    assert.deepEqual(await axeViolations(pPage), [], 'Mijn gegevens for privacy staff');
    assert.ok(await fitsPhone(pPage), 'Mijn gegevens fits 360 px');
    await privacyCtx.context.close();

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    assert.deepEqual(foreignRequests(recruiterCtx.seen, env.server.url), []);
    await recruiterCtx.context.close();
    await context.close();
  });
});

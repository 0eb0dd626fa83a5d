// Two-step verification in Chromium at 360 px: a recruiter logs in with password and the code
// an authenticator app would show (computed here, RFC 6238 with node:crypto); a person sets
// it up on the account page by reading the key from the page (a QR code cannot be scanned
// here), saves the recovery codes, and then logs in with a code. axe-clean, no CSP
// violation, no request to another site.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  Portal, DEMO_TOTP_SECRET, nextCode, totpAt, currentStep,
} from './pages.mjs';
import {
  serverAndBrowser, watchedContext, axeViolations, cspViolations, foreignRequests,
} from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, acceptDownloads: true };
const PASSWORD = 'paarse olifant fietst';

describe('two-step verification', () => {
  const env = serverAndBrowser({ demo: true });

  it('a recruiter logs in on a phone with password and the code from the app', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    const email = 'recruiter@beek.example.org';
    await portal.open('/inloggen');
    await portal.login(email, 'zelfregie-demo');
    // The password was right: the same page asks for the code, focus on its field.
    await portal.expectFocus('code');
    await page.getByText('Er is ook een code uit je app voor tweestapsverificatie nodig.').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'login, code step');
    const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(noHorizontalScroll, 'fits 360 px');

    // A wrong code: told so, the field empties, still on the login page.
    const good = totpAt(DEMO_TOTP_SECRET, currentStep());
    await portal.enterCode(good === '000000' ? '000001' : '000000');
    await page.getByText('Deze code klopt niet', { exact: false }).first().waitFor();
    assert.equal(await portal.field('Code uit je app').inputValue(), '');

    await portal.enterCode(await nextCode(`${env.server.url}|${email}`, DEMO_TOTP_SECRET));
    await portal.expectHeading('Overzicht');
    const session = await (await page.request.get('/api/session')).json();
    assert.equal(session.session.strong, true);
    assert.equal(session.account.role, 'recruiter');
    const list = await page.request.get('/api/recruiter/candidates');
    assert.equal(list.status(), 200);

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('a person sets it up by typing the key, keeps the recovery codes, and then needs a code', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    const email = 'twee-stappen@example.org';
    await portal.register(email, PASSWORD);
    await portal.overviewEmail();
    await portal.goToAccount();

    const section = page.locator('section#tweestapsverificatie');
    await section.getByRole('heading', { name: 'Tweestapsverificatie', exact: true }).waitFor();
    await section.getByText('Tweestapsverificatie staat uit.').waitFor();
    // Keyboard only: the password field, then Enter.
    await page.locator('#tfa-start-password').fill(PASSWORD);
    await page.locator('#tfa-start-password').press('Enter');
    await portal.expectFocus('tfa-scan');

    // The QR code is an image made by the server (a data: address), with a text alternative.
    const qr = section.getByRole('img', { name: /QR-code/ });
    await qr.waitFor();
    assert.ok((await qr.getAttribute('src')).startsWith('data:image/svg+xml;base64,'));
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code renders');
    const grouped = (await section.locator('.tfa-secret').innerText()).trim();
    assert.match(grouped, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'the key in groups of four');
    const secret = grouped.replace(/ /g, '');
    // The app is often on this very phone (issue 25): a link opens the key in it, and the key
    // can be copied (or, where the browser cannot, it is selected to copy by hand).
    const open = section.getByRole('link', { name: 'Open in je authenticator-app' });
    const href = await open.getAttribute('href');
    assert.match(href, /^otpauth:\/\/totp\//);
    assert.equal(new URL(href).searchParams.get('secret'), secret, 'the link holds the same key');
    await section.getByRole('button', { name: 'Sleutel kopiëren' }).click();
    const said = section.locator('#tfa-secret-copied');
    await said.filter({ hasText: /Gekopieerd|Kopiëren lukte niet/ }).waitFor();
    if (/lukte niet/.test(await said.innerText())) {
      assert.equal((await page.evaluate(() => String(window.getSelection()))).trim(), grouped, 'the key is selected');
    } else {
      const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
      if (copied !== null) assert.equal(copied, secret);
    }
    assert.deepEqual(await axeViolations(page), [], 'set-up, scan step');

    const firstStep = currentStep();
    const first = totpAt(secret, firstStep);
    await page.locator('#tfa-code').fill(first);
    await page.locator('#tfa-code').press('Enter');
    await portal.expectFocus('h-tfa-codes');
    const codes = await section.locator('.tfa-codes li').allInnerTexts();
    assert.equal(codes.length, 10);
    for (const c of codes) assert.match(c.trim(), /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    assert.deepEqual(await axeViolations(page), [], 'recovery codes');

    // Downloaded as a text file with every code.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Codes downloaden' }).click(),
    ]);
    const file = readFileSync(await download.path(), 'utf8');
    for (const c of codes) assert.ok(file.includes(c.trim()), c);

    await section.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await section.getByText('Tweestapsverificatie staat aan.').waitFor();
    assert.equal((await section.locator('dd').nth(1).innerText()).trim(), '10');

    // Logging in again now takes the code: the next one the app shows.
    await portal.logout();
    await portal.login(email, PASSWORD);
    // The code of the set-up was used; the app's next one (a period later) works.
    await portal.enterCode(totpAt(secret, Math.max(firstStep + 1, currentStep())));
    await portal.overviewEmail();

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });
});

// End to end, issue 5: the demo candidate withdraws her newsletter consent in one click,
// sees the history and that the mailing company was told, downloads a receipt, subscribes
// again through the confirmation link from the demo mail outbox, and unsubscribes with the
// one-click link from the newsletter without logging in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Portal, mailsTo } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

/** The newest mail to `to` in the demo mail outbox (data/mail/*.eml), decoded. */
function newestMailTo(dataDir, to) {
  const mail = mailsTo(dataDir, to).at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

/** The latest subscription the mailing company got for `email` (demo processor file). */
function deliveryFor(dataDir, email) {
  const lines = readFileSync(join(dataDir, 'processor-deliveries.jsonl'), 'utf8').trim().split('\n');
  const payloads = lines.map((l) => JSON.parse(l).payload).filter((p) => p.email === email && p.unsubscribe_url);
  if (payloads.length === 0) throw new Error(`no delivery for ${email}`);
  return payloads.at(-1);
}

/** The unsubscribe link the mailing company puts in the newsletter for `email`. */
function unsubscribeUrlFor(dataDir, email) {
  return deliveryFor(dataDir, email).unsubscribe_url;
}

/** Waits (up to 5 s) until `f` stops throwing; its value. */
async function eventually(f) {
  for (let i = 0; ; i += 1) {
    try { return f(); } catch (e) { if (i >= 50) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
}

/** `link` (built on the server's public URL) on the test server. */
function onServer(server, link) {
  const u = new URL(link);
  return `${server.url}${u.pathname}${u.search}`;
}

/**
 * What a mail scanner does with a link: HEAD and GET without a browser, then the page in a
 * browser of its own (no cookies of the person) with JavaScript, until the network is idle.
 */
async function scan(browser, url) {
  for (const method of ['HEAD', 'GET']) {
    const r = await fetch(url, { method, redirect: 'follow' });
    assert.ok(r.status < 500, `${method} ${r.status}`);
    await r.arrayBuffer();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  await context.close();
}

describe('newsletter consent in the browser', () => {
  const env = serverAndBrowser({ demo: true });

  it('withdraw, history, delivery status, receipt, subscribe again via the e-mail link', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, { acceptDownloads: true });
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Nieuwsbrief').click();
    await portal.expectHeading('Nieuwsbrief');
    await page.getByText('Je ontvangt de nieuwsflits.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Nieuwsbrief (subscribed)');

    await portal.button('Afmelden voor de nieuwsflits').click();
    await page.getByRole('status').filter({ hasText: 'Je bent afgemeld.' }).waitFor();
    await page.getByText('Je ontvangt de nieuwsflits niet.').waitFor();
    const history = page.locator('.history li');
    assert.match(await history.first().innerText(), /Toestemming ingetrokken in het portaal\./);
    assert.equal(await history.count(), 3);

    // The demo processor takes it at once; the page says so after a reload.
    await page.reload();
    await page.getByText('Doorgegeven aan de verzendpartij op', { exact: false }).waitFor();
    // One line about the mailing company, no heading above it that could say otherwise (issue 14).
    assert.equal(await page.locator('.processor-status').count(), 1);
    assert.equal(await page.getByRole('heading', { name: /verzendpartij/ }).count(), 0, 'no heading that says otherwise');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      history.first().getByRole('link', { name: 'Download bewijs (JSON)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^toestemmingsbewijs-nieuwsflits-\d+\.json$/);
    const receipt = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(receipt['dpv:hasConsentStatus'], 'dpv:ConsentWithdrawn');
    assert.equal(receipt.version, 'KI-CR-v1.1.0');
    assert.equal(receipt.piiPrincipalId, 'kandidaat@example.org');

    // The same receipt in words, opened under the event (issue 25 item 10), keyboard only.
    const show = history.first().getByRole('button', { name: 'Bewijs bekijken' });
    assert.equal(await show.getAttribute('aria-expanded'), 'false');
    await show.focus();
    await page.keyboard.press('Enter');
    const facts = history.first().locator('.receipt dl');
    await facts.waitFor();
    assert.equal(await show.getAttribute('aria-expanded'), 'true');
    assert.ok(await show.evaluate((b) => b === document.activeElement), 'the button keeps focus');
    const read = await facts.innerText();
    for (const want of ['Toestemming ingetrokken', 'Zelfregie-portaal, ingelogd', 'Nieuwsflits', 'Tot intrekking van de toestemming',
      'Verenigde Staten', 'Stuurgroep IGOM', receipt.consentReceiptID]) {
      assert.ok(read.includes(want), `the receipt in words says "${want}": ${read}`);
    }
    assert.ok(read.includes(receipt.event.consentText), 'the text answered, word for word');
    assert.deepEqual(await axeViolations(page), [], 'Nieuwsbrief with a receipt open');
    await page.keyboard.press('Enter');
    await history.first().locator('.receipt').waitFor({ state: 'hidden', timeout: 3000 });
    assert.equal(await show.getAttribute('aria-expanded'), 'false', 'closed again');

    // Subscribe again: the confirmation link comes by e-mail (demo mail outbox).
    await portal.button('Ja, ik wil de nieuwsflits ontvangen').click();
    await page.getByRole('status').filter({ hasText: 'We hebben je een e-mail gestuurd.' }).waitFor();
    const mail = newestMailTo(env.server.dataDir, 'kandidaat@example.org');
    const link = mail.match(/(http:\/\/\S+\/nieuwsbrief\/bevestigen\?token=\S+)/)[1];
    await page.goto(new URL(link).pathname + new URL(link).search);
    await portal.expectHeading('Aanmelding bevestigen');
    await portal.button('Ja, ik wil de nieuwsflits ontvangen').click();
    await page.getByRole('status').filter({ hasText: 'Je aanmelding is bevestigd.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'confirmation page');
    await portal.open('/nieuwsbrief');
    await page.getByText('Je ontvangt de nieuwsflits.').waitFor();
    assert.match(await page.locator('.history li').first().innerText(), /Aanmelding bevestigd via een link in een e-mail\./);
    assert.deepEqual(await axeViolations(page), [], 'Nieuwsbrief (history)');

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('the one-click link in the newsletter unsubscribes without logging in', async () => {
    // Wait until the subscription above reached the processor, with its unsubscribe URL.
    const url = await eventually(() => unsubscribeUrlFor(env.server.dataDir, 'kandidaat@example.org'));
    const { context } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    const target = new URL(url);
    await page.goto(`/nieuwsbrief/afmelden${target.search}`);
    await portal.expectHeading('Afmelden voor de nieuwsflits');
    await portal.button('Afmelden').click();
    await page.getByRole('status').filter({ hasText: 'Je bent afgemeld.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'unsubscribe page');

    // Logged in, the history shows it came by e-mail link.
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.open('/nieuwsbrief');
    await page.getByText('Je ontvangt de nieuwsflits niet.').waitFor();
    assert.match(await page.locator('.history li').first().innerText(), /Toestemming ingetrokken via een link in een e-mail\./);
    await context.close();
  });
});

// Issue 10 item 3: mail security scanners fetch every link in a mail and run the page's
// JavaScript. Neither the confirmation link nor the newsletter's unsubscribe link may do
// anything until the person presses the button on the page.
describe('links in mails survive scanners', () => {
  const env = serverAndBrowser({ demo: true });

  it('a scanner neither confirms a subscription nor unsubscribes; the button of the person does', async () => {
    const email = 'lotte@example.org';
    const { context, seen } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register(email, 'groene kikker springt hoog');
    await portal.overviewEmail();
    await portal.open('/nieuwsbrief');
    await portal.button('Ja, ik wil de nieuwsflits ontvangen').click();
    await page.getByRole('status').filter({ hasText: 'We hebben je een e-mail gestuurd.' }).waitFor();
    const state = async () => (await (await page.request.get('/api/me/newsletter')).json()).subscription;
    assert.equal(await state(), 'pending');

    // The confirmation mail: its link, and the unsubscribe headers for mail clients.
    // Decoded, folded header lines unfolded (RFC 5322).
    const mail = newestMailTo(env.server.dataDir, email);
    const confirmLink = onServer(env.server, mail.match(/(https?:\/\/\S+\/nieuwsbrief\/bevestigen\?token=[^\s>]+)/)[1]);
    // RFC 8058: one HTTPS URI that mail clients POST to, and the one-click marker; people get
    // the page with the button, in the body.
    const oneClick = onServer(env.server, mail.match(/^List-Unsubscribe: <(https?:\/\/\S+\/api\/newsletter\/unsubscribe\?token=[^>\s]+)>\r?$/m)[1]);
    assert.match(mail, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    assert.match(mail, /https?:\/\/\S+\/nieuwsbrief\/afmelden\?token=/);

    await scan(env.browser, confirmLink);
    assert.equal(await state(), 'pending', 'the scanner confirmed the subscription');

    // The person opens the link: the page says what the button does; the button confirms.
    await page.goto(confirmLink);
    await portal.expectHeading('Aanmelding bevestigen');
    await page.getByText('Wil je de nieuwsflits van IGOM ontvangen? Klik dan op de knop.', { exact: false }).waitFor();
    assert.equal(await state(), 'pending', 'opening the page confirmed it');
    assert.deepEqual(await axeViolations(page), [], 'confirmation page before the button');
    await portal.button('Ja, ik wil de nieuwsflits ontvangen').click();
    await page.getByRole('status').filter({ hasText: 'Je aanmelding is bevestigd.' }).waitFor();
    assert.equal(await state(), 'active');
    await page.getByRole('link', { name: 'Naar de pagina Nieuwsbrief', exact: false }).click();
    await portal.expectHeading('Nieuwsbrief');

    // The newsletter's unsubscribe link (from the mailing company): the human page; the
    // one-click POST target for mail clients is a separate URL.
    const delivery = await eventually(() => deliveryFor(env.server.dataDir, email));
    assert.match(delivery.unsubscribe_url, /\/nieuwsbrief\/afmelden\?token=/);
    assert.match(delivery.unsubscribe_post_url, /\/api\/newsletter\/unsubscribe\?token=/);
    const unsubscribeLink = onServer(env.server, delivery.unsubscribe_url);
    await scan(env.browser, unsubscribeLink);
    // A scanner that also follows the header's one-click URL (GET, not POST) is sent to the page.
    await scan(env.browser, oneClick);
    await scan(env.browser, onServer(env.server, delivery.unsubscribe_post_url));
    assert.equal(await state(), 'active', 'the scanner unsubscribed the person');

    // The person, not logged in on this device, presses the button.
    const other = await env.browser.newContext({ baseURL: env.server.url });
    const p2 = await other.newPage();
    await p2.goto(unsubscribeLink);
    const portal2 = new Portal(p2);
    await portal2.expectHeading('Afmelden voor de nieuwsflits');
    assert.equal(await state(), 'active');
    await portal2.button('Afmelden').click();
    await p2.getByRole('status').filter({ hasText: 'Je bent afgemeld.' }).waitFor();
    await p2.getByRole('link', { name: 'Inloggen om je toestemming', exact: false }).waitFor();
    assert.deepEqual(await axeViolations(p2), [], 'unsubscribe page after the button');
    assert.equal(await state(), 'none');
    await other.close();

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });
});

// End to end, issue 5: the demo candidate withdraws her newsletter consent in one click,
// sees the history and that the mailing company was told, downloads a receipt, subscribes
// again through the confirmation link from the demo mail outbox, and unsubscribes with the
// one-click link from the newsletter without logging in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Portal } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

/** The newest mail to `to` in the demo mail outbox (data/mail/*.eml). */
function newestMailTo(dataDir, to) {
  const dir = join(dataDir, 'mail');
  const files = readdirSync(dir).sort().reverse();
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (text.includes(`To: <${to}>`)) return text;
  }
  throw new Error(`no mail to ${to}`);
}

/** The one-click URL the mailing company got for `email` (demo processor file). */
function unsubscribeUrlFor(dataDir, email) {
  const lines = readFileSync(join(dataDir, 'processor-deliveries.jsonl'), 'utf8').trim().split('\n');
  const payloads = lines.map((l) => JSON.parse(l).payload).filter((p) => p.email === email && p.unsubscribe_url);
  return payloads.at(-1).unsubscribe_url;
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
    assert.match(await history.first().innerText(), /Toestemming ingetrokken, in het portaal/);
    assert.equal(await history.count(), 3);

    // The demo processor takes it at once; the page says so after a reload.
    await page.reload();
    await page.getByText('Doorgegeven aan de verzendpartij op', { exact: false }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      history.first().getByRole('link', { name: 'Download bewijs (JSON)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^toestemmingsbewijs-nieuwsflits-\d+\.json$/);
    const receipt = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(receipt['dpv:hasConsentStatus'], 'dpv:ConsentWithdrawn');
    assert.equal(receipt.version, 'KI-CR-v1.1.0');
    assert.equal(receipt.piiPrincipalId, 'kandidaat@example.org');

    // Subscribe again: the confirmation link comes by e-mail (demo mail outbox).
    await portal.button('Ja, ik wil de nieuwsflits ontvangen').click();
    await page.getByRole('status').filter({ hasText: 'We hebben je een e-mail gestuurd.' }).waitFor();
    const mail = newestMailTo(env.server.dataDir, 'kandidaat@example.org');
    const link = mail.match(/(http:\/\/\S+\/nieuwsbrief\/bevestigen\?token=\S+)/)[1];
    await page.goto(new URL(link).pathname + new URL(link).search);
    await page.getByRole('status').filter({ hasText: 'Je aanmelding is bevestigd.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'confirmation page');
    await portal.open('/nieuwsbrief');
    await page.getByText('Je ontvangt de nieuwsflits.').waitFor();
    assert.match(await page.locator('.history li').first().innerText(), /Aanmelding bevestigd via de e-mail/);
    assert.deepEqual(await axeViolations(page), [], 'Nieuwsbrief (history)');

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('the one-click link in the newsletter unsubscribes without logging in', async () => {
    // Wait until the subscription above reached the processor, with its unsubscribe URL.
    let url;
    for (let i = 0; i < 50 && !url; i += 1) {
      try { url = unsubscribeUrlFor(env.server.dataDir, 'kandidaat@example.org'); } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
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
    assert.match(await page.locator('.history li').first().innerText(), /Toestemming ingetrokken, via een link in een e-mail/);
    await context.close();
  });
});

// End to end, issue 6 (first part): "Mijn gegevens" answers an access request at once, from
// the processing register, and the complete export downloads as JSON.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Portal, openFolds } from './pages.mjs';
import { axeViolations, cspViolations, serverAndBrowser, watchedContext } from './harness.mjs';

describe('everything held about me', () => {
  const env = serverAndBrowser({ demo: true });

  it('shows every processing activity with purpose, basis, recipients, origin, retention; downloads the export', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, { acceptDownloads: true, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Mijn gegevens').click();
    await portal.expectHeading('Mijn gegevens');
    for (const name of ['Kandidatenbank', 'Logboek van inzage door partners', 'IGOM-Academie', 'Nieuwsbrief via e-mail (nieuwsflits)', 'Account en beveiliging']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    const bank = page.locator('.register-entry').first();
    // Issue 25 item 5: each activity answers in one line (what is held, by name, and the
    // purpose); the values, the why and the article of the law are in folds. A contents
    // list leads to each part.
    const folded = await bank.innerText();
    assert.match(folded, /Wat we van je hebben: .*\./);
    assert.match(folded, /Doel: /);
    assert.doesNotMatch(folded, /AVG art\./, 'the article is in a fold');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`# Mijn gegevens at 360 px, folds closed: ${height} px (21,350 before)`);
    assert.ok(height < 9000, `${height} px`);
    const contents = page.getByRole('navigation', { name: 'Op deze pagina' });
    assert.deepEqual((await contents.getByRole('link').allInnerTexts()).slice(0, 3), ['Zo lang bewaren we je gegevens', 'Kandidatenbank', 'Logboek van inzage door partners']);
    await contents.getByRole('link', { name: 'Nieuwsbrief via e-mail (nieuwsflits)' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'h-newsletter');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.querySelector('#h-newsletter').closest('section').contains(document.activeElement)), 'the next Tab is in that part');
    await openFolds(page);
    const text = await bank.innerText();
    for (const label of ['Doel', 'Grondslag', 'Ontvangers', 'Herkomst', 'Bewaartermijn']) assert.ok(text.includes(label), label);
    assert.match(text, /AVG art\. 6 lid 1 sub a/);
    await page.getByRole('heading', { name: 'Wat het portaal niet heeft' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Mijn gegevens');

    // The download lives on the export page, encrypted first; plain only as a second choice.
    await page.getByRole('link', { name: 'Naar exporteren (versleuteld downloaden of overdragen)' }).click();
    await portal.expectHeading('Exporteren');
    await page.getByText('Download mijn gegevens (JSON, niet versleuteld)').first().click(); // opens the <details>
    await page.getByText('maar het bestand is dan voor iedereen leesbaar').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download mijn gegevens (JSON, niet versleuteld)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^zelfregie-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.format, 'zelfregie-export');
    assert.ok(exported.$schema.endsWith('/api/export.schema.json'));
    assert.equal(exported.candidate_bank.profile.personal.first_name, 'Sanne');
    assert.equal(exported.newsletter.subscription, 'active');
    assert.equal(exported.cv.basics.name, 'Sanne van Dijk');
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
});

// End to end, issue 10 item 1: changing who may see the profile never turns an exclusion
// into an inclusion. The demo candidate hides from her own employer (all partners except
// Gemeente Kerkrade); switching to "only the organisations I choose" and back, and saving,
// must leave Kerkrade out — on the page, in the preview and in what Kerkrade's recruiters get.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, demoApiLogin, savedNotice } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const ALL_BUT_KERKRADE = 'alle 35 partnerorganisaties behalve Gemeente Kerkrade';

/** The live line "Zichtbaar voor: …" on the visibility page, without its label. */
async function visibleTo(page) {
  const text = await page.locator('.audience-line').innerText();
  assert.match(text, /^Zichtbaar voor: /);
  return text.replace(/^Zichtbaar voor: /, '').trim();
}

/** Waits until the live line reads `want`. */
async function expectVisibleTo(page, want) {
  await page.locator('.audience-line').filter({ hasText: want }).waitFor({ timeout: 2000 });
  assert.equal(await visibleTo(page), want);
}

/** What Kerkrade's recruiters receive, according to the person's preview and to Kerkrade itself. */
async function kerkradeSees(base, page) {
  const preview = await page.request.get('/api/me/visibility/preview/kerkrade');
  assert.equal(preview.status(), 200);
  const cookie = await demoApiLogin(base, 'recruiter@kerkrade.example.org');
  const list = await fetch(`${base}/api/recruiter/candidates?q=`, { headers: { cookie } });
  assert.equal(list.status, 200);
  return { preview: await preview.json(), total: (await list.json()).total };
}

describe('visibility: switching the audience', () => {
  const env = serverAndBrowser({ demo: true });

  it('switching "all except Kerkrade" to "only chosen" and back never shows the profile to Kerkrade', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.open('/zichtbaarheid');
    await portal.expectHeading('Zichtbaarheid');
    const only = page.getByLabel('Alleen de organisaties die ik kies', { exact: true });
    const except = page.getByLabel('Alle organisaties behalve die ik kies', { exact: true });
    const kerkrade = page.getByLabel('Kerkrade (gemeente)', { exact: true });
    await except.waitFor();
    assert.ok(await except.isChecked());
    assert.ok(await kerkrade.isChecked(), 'Kerkrade is the excluded one');
    await expectVisibleTo(page, ALL_BUT_KERKRADE);

    // Back and forth: the ticks change with the mode, who sees the profile does not.
    for (let round = 0; round < 2; round += 1) {
      await only.check();
      await expectVisibleTo(page, ALL_BUT_KERKRADE);
      assert.equal(await kerkrade.isChecked(), false, 'Kerkrade is not chosen');
      assert.ok(await page.getByLabel('Brunssum (gemeente)', { exact: true }).isChecked(), 'the others are');
      await except.check();
      await expectVisibleTo(page, ALL_BUT_KERKRADE);
      assert.ok(await kerkrade.isChecked());
    }
    await only.check();
    await expectVisibleTo(page, ALL_BUT_KERKRADE);
    assert.deepEqual(await axeViolations(page), [], 'Zichtbaarheid, only chosen');
    // Unsaved changes are announced; that notice is not the one that says "saved".
    await page.getByRole('status').filter({ hasText: 'nog niet zijn opgeslagen' }).waitFor();
    assert.equal(await savedNotice(page).count(), 0, 'nothing reads as saved before the save');
    await portal.button('Opslaan').click();
    await savedNotice(page).waitFor();

    // Saved as "only" the 34 others; Kerkrade is not among them.
    const saved = await (await page.request.get('/api/me/visibility')).json();
    assert.equal(saved.audience.mode, 'only');
    assert.equal(saved.audience.partners.length, 34);
    assert.ok(!saved.audience.partners.includes('kerkrade'));

    // The preview as Kerkrade: nothing. The API and Kerkrade's own recruiters agree.
    await page.getByLabel('Partnerorganisatie', { exact: true }).selectOption({ label: 'Kerkrade (gemeente)' });
    await portal.button('Toon').click();
    await page.locator('.preview-result').getByText('Deze organisatie ziet je profiel niet', { exact: false }).waitFor();
    // The answer takes focus (issue 25 item 2): the form around it is not rebuilt.
    await portal.expectFocus('preview-result');
    assert.equal(await page.locator('.preview .candidate-card').count(), 0);
    const kerkradeView = await kerkradeSees(env.server.url, page);
    assert.equal(kerkradeView.preview.view, undefined, 'no view for Kerkrade');
    assert.equal(kerkradeView.total, 0, 'Kerkrade finds no candidate');

    // After a reload the saved choice reads the same.
    await page.reload();
    await only.waitFor();
    assert.ok(await only.isChecked());
    await expectVisibleTo(page, ALL_BUT_KERKRADE);

    // Down to one organisation: the line and the overview say it in the singular.
    await portal.button('Alle vinkjes weghalen').click();
    await expectVisibleTo(page, 'geen enkele organisatie');
    await page.getByLabel('Brunssum (gemeente)', { exact: true }).check();
    await expectVisibleTo(page, '1 partnerorganisatie: Gemeente Brunssum');
    await portal.button('Opslaan').click();
    await savedNotice(page).waitFor();
    await portal.open('/');
    await page.locator('.audience-size').filter({ hasText: '1 partnerorganisatie: Gemeente Brunssum' }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('.audience-size').filter({ hasText: '1 partner organisation: Gemeente Brunssum' }).waitFor();

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });
});

// Issue 24 item 0: arrow keys move through a radio group and choose every option they pass.
// From "all except Kerkrade" (the last option), ↑↑↓↓ or ↓↑ passes through "all partners";
// the way back must restore the list, never "all 35" with Kerkrade in it. Every sequence of
// up to four arrows, with the keys, at 360 px; one of them saved and checked with Kerkrade.
describe('visibility: arrow keys through the audience options', () => {
  const env = serverAndBrowser({ demo: true });

  it('no sequence of up to four arrows shows the profile to the excluded employer', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // Leaving the page with unsaved changes asks first (beforeunload): leave.
    page.on('dialog', (dialog) => dialog.accept());
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    const modes = ['all', 'only', 'except'];
    const radios = {
      all: page.locator('#audience-all_partners'),
      only: page.locator('#audience-only'),
      except: page.locator('#audience-all_except'),
    };
    const sequences = [];
    for (let n = 1; n <= 4; n += 1) {
      for (let bits = 0; bits < 2 ** n; bits += 1) {
        sequences.push([...Array(n)].map((_, i) => ((bits >> i) & 1 ? 'ArrowDown' : 'ArrowUp')));
      }
    }
    assert.equal(sequences.length, 30);
    for (const keys of sequences) {
      await portal.open('/zichtbaarheid');
      await radios.except.waitFor();
      assert.ok(await radios.except.isChecked());
      await expectVisibleTo(page, ALL_BUT_KERKRADE);
      await radios.except.focus();
      let at = 2;
      for (const key of keys) {
        await page.keyboard.press(key);
        at = (at + (key === 'ArrowDown' ? 1 : 2)) % 3;
      }
      const mode = modes[at];
      await page.waitForFunction((id) => document.getElementById(id)?.checked, await radios[mode].getAttribute('id'));
      if (mode === 'all') {
        await expectVisibleTo(page, 'alle 35 partnerorganisaties');
      } else {
        await expectVisibleTo(page, ALL_BUT_KERKRADE);
        const kerkrade = page.getByLabel('Kerkrade (gemeente)', { exact: true });
        assert.equal(await kerkrade.isChecked(), mode === 'except', `${keys.join(' ')}: Kerkrade's tick`);
      }
    }
    // ↑↑↓↓ and save, from the keyboard only: Kerkrade's recruiters still find nobody.
    await portal.open('/zichtbaarheid');
    await radios.except.focus();
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
    await expectVisibleTo(page, ALL_BUT_KERKRADE);
    await portal.button('Opslaan').click();
    await savedNotice(page).waitFor();
    const saved = await (await page.request.get('/api/me/visibility')).json();
    assert.deepEqual(saved.audience, { mode: 'all_except', partners: ['kerkrade'] });
    assert.equal((await kerkradeSees(env.server.url, page)).total, 0, 'Kerkrade finds no candidate');
    await context.close();
  });
});

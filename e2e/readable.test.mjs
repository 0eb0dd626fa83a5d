// End to end, issue 13: the person's own data in plain words, on a 360 px phone. "Mijn
// gegevens" shows the demo candidate's values readably (her name, a training, who sees her
// profile) next to the register's purpose and legal basis, with her rights; an export
// encrypted in the browser and opened on "Export openen" shows the same words, the raw JSON
// folded away; the overview answers at a glance. Nothing raw, axe clean, no foreign requests.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, demoCredentials, openFolds } from './pages.mjs';
import { axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DATE_IN_WORDS = new RegExp(`\\b\\d{1,2} (${MONTHS}) \\d{4}\\b`);
const RAW = [/\d{4}-\d{2}-\d{2}T\d{2}:/, /"first_name"/, /\ball_except\b/, /\bsearch_result\b/, /[{}]/];

/** A state-changing API call as the app makes it, with the page's session. */
async function api(page, method, path, data, headers = {}) {
  const r = await page.request.fetch(path, { method, data, headers: { 'X-Requested-With': 'zelfregie', ...headers } });
  assert.ok(r.ok(), `${method} ${path}: ${r.status()} ${await r.text()}`);
  return r.json();
}

/** The text of the data view, checked for raw JSON. */
async function readableText(page) {
  await openFolds(page);
  const text = await page.locator('.data-view').innerText();
  for (const raw of RAW) assert.doesNotMatch(text, raw, `raw value shown: ${raw}`);
  return text;
}

describe('my data in plain words', () => {
  // A privacy contact of its own: the page shows what the server is configured with.
  const env = serverAndBrowser({ demo: true, args: ['--privacy-email', 'privacyloket@igom.nl'] });
  let context, page, portal, seen, training;

  before(async () => {
    ({ context, seen } = await watchedContext(env.browser, env.server.url, { acceptDownloads: true, viewport: PHONE }));
    page = await context.newPage();
    portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    // She becomes a course participant and enrols in a training that is still to come.
    await api(page, 'PUT', '/api/me/participant', {
      first_name: 'Sanne', tussenvoegsel: 'van', last_name: 'Dijk', job_title: 'Beleidsmedewerker',
      employer: 'kerkrade', function_level: 'manager', manager_name: '', manager_email: '',
    }, { 'If-Match': '"participant-0"' });
    const trainings = await (await page.request.get('/api/academy/trainings')).json();
    training = trainings.find((t) => t.title === 'Projectmatig werken');
    await api(page, 'POST', '/api/me/enrolments', { training_id: training.id });
  });
  after(async () => {
    // A panic in the app shows in the console; none may happen on these pages.
    assert.deepEqual(seen.consoleErrors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
    await context.close();
  });

  it('Mijn gegevens shows her values in words next to why, with her rights', async () => {
    await portal.open('/');
    await portal.expectHeading('Overzicht');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Mijn gegevens').click();
    await portal.expectHeading('Mijn gegevens');
    const bank = page.getByRole('region', { name: 'Kandidatenbank' });
    // Folded to one line each (issue 25 item 5): the values are a click away.
    await bank.getByText('Wat we van je hebben:', { exact: false }).waitFor();
    assert.equal(await bank.getByText('Sanne van Dijk').isVisible(), false, 'folded');
    await openFolds(page);
    await bank.getByText('Sanne van Dijk').waitFor();
    const text = await readableText(page);
    const bankText = await bank.innerText();
    assert.match(bankText, /Markt 33, 6461 EC Kerkrade/);
    assert.match(bankText, /Zichtbaar voor\s+alle 35 partnerorganisaties behalve Gemeente Kerkrade/);
    assert.match(bankText, /Verborgen onderdelen\s+Contactgegevens/);
    assert.match(bankText, /Staat in de kandidatenbank\s+Ja/);
    assert.match(bankText, /september 2009 – juli 2013/, 'education period in words');
    assert.match(bankText, /Doel:?\s+Je profiel laten zien aan recruiters/);
    // The basis in words; the article of the law in a fold of its own.
    assert.match(bankText, /Grondslag\s+Toestemming/);
    assert.match(bankText, /Het wetsartikel\s+AVG art\. 6 lid 1 sub a/);
    // Her consent to be listed holds as given: "to be confirmed" is the newsletter's (issue 25).
    assert.match(bankText, /Toestemming gegeven/);
    assert.doesNotMatch(bankText, /nog te bevestigen/);
    // Competences are a list, not a line of JSON.
    assert.ok(await bank.getByRole('listitem').filter({ hasText: 'Analytisch denken' }).count() >= 1);

    const academy = page.getByRole('region', { name: 'IGOM-Academie' });
    const record = academy.getByRole('listitem').filter({ hasText: 'Projectmatig werken' });
    assert.match(await record.innerText(), DATE_IN_WORDS);
    assert.match(await record.innerText(), /Ingeschreven/);
    assert.match(await academy.innerText(), /ook je gevolgde opleidingen/);

    const news = page.getByRole('region', { name: 'Nieuwsbrief via e-mail (nieuwsflits)' });
    assert.match(await news.innerText(), /Waar je mee instemde\s+Ik wil de nieuwsflits van IGOM per e-mail ontvangen/);
    assert.match(await news.innerText(), /Verenigde Staten/);
    assert.ok(text.includes('Je ontvangt de nieuwsflits.'));

    // Her rights: contact, objection and complaint, each on its own, with addresses.
    const rights = page.getByRole('region', { name: 'Vragen, bezwaar en klachten' });
    for (const name of ['Contact over je privacy', 'Bezwaar maken', 'Klacht bij de Autoriteit Persoonsgegevens']) {
      await rights.getByRole('region', { name }).waitFor();
    }
    assert.equal(
      await rights.getByRole('link', { name: 'privacyloket@igom.nl' }).getAttribute('href'), 'mailto:privacyloket@igom.nl',
    );
    assert.match(await rights.innerText(), /Postbus 93374, 2509 AJ Den Haag/);

    assert.deepEqual(await axeViolations(page), [], 'Mijn gegevens in words');
    // Nothing runs off the side of a 360 px screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('region', { name: 'Candidate bank' }).locator('.activity-answer').filter({ hasText: 'Listed in the candidate bank' }).waitFor();
    await openFolds(page);
    assert.match(await page.locator('.data-view').innerText(), /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/);
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await portal.expectHeading('Mijn gegevens');
  });

  it('an export encrypted here and opened on "Export openen" reads the same, JSON folded away', async () => {
    await portal.open('/exporteren');
    await portal.expectHeading('Exporteren');
    const passphrase = 'paarse olifant fietst naar Heerlen';
    await portal.field('Wachtwoord voor het bestand').fill(passphrase);
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await portal.button('Versleutelen en downloaden').click();
    const file = await (await downloading).path();

    await portal.open('/export-openen');
    await portal.expectHeading('Export openen');
    await page.setInputFiles('#open-file', file);
    await portal.field('Wachtwoord voor het bestand').fill(passphrase);
    await portal.button('Openen').click();
    const made = page.getByRole('status').filter({ hasText: 'Dit is een export van zelfregie, gemaakt op' });
    await made.waitFor({ timeout: 60_000 });
    assert.match(await made.innerText(), DATE_IN_WORDS);
    const opened = page.getByRole('region', { name: 'Inhoud van het bestand' });
    const bank = opened.getByRole('region', { name: 'Kandidatenbank' });
    await bank.waitFor();
    await openFolds(page);
    await bank.getByText('Sanne van Dijk').waitFor();
    await readableText(page);
    assert.match(await bank.innerText(), /alle 35 partnerorganisaties behalve Gemeente Kerkrade/);
    const record = opened.getByRole('region', { name: 'IGOM-Academie' }).getByRole('listitem').filter({ hasText: 'Projectmatig werken' });
    assert.match(await record.innerText(), DATE_IN_WORDS);
    // The consent receipt in words: what she agreed to, when, how.
    assert.match(await opened.getByRole('region', { name: 'Nieuwsbrief via e-mail (nieuwsflits)' }).innerText(), /Waar je mee instemde\s+Ik wil de nieuwsflits/);

    // The raw JSON is there, folded away until asked for.
    const raw = opened.locator('.opened-contents');
    assert.equal(await raw.isVisible(), false, 'the JSON is folded away');
    await opened.getByText('Het hele bestand als JSON (voor computers)').click();
    await raw.waitFor();
    assert.match(await raw.innerText(), /"first_name": "Sanne"/);
    assert.deepEqual(await axeViolations(page), [], 'opened export in words');
    assert.deepEqual(await cspViolations(page), []);
  });

  it('the overview answers at a glance, each answer with the link to act on it', async () => {
    // A recruiter of Gemeente Beek lists candidates: her profile is in it.
    const recruiter = await env.browser.newContext({ baseURL: env.server.url });
    const r = await recruiter.request.post('/api/session', {
      data: await demoCredentials(env.server.url, 'recruiter@beek.example.org'),
      headers: { 'X-Requested-With': 'zelfregie' },
    });
    assert.ok(r.ok());
    assert.equal((await (await recruiter.request.get('/api/recruiter/candidates')).json()).total, 1);
    await recruiter.close();

    await portal.open('/');
    await portal.expectHeading('Overzicht');
    const glance = page.getByRole('region', { name: 'In één oogopslag' });
    const item = (cls) => glance.locator(`.${cls}`);
    await item('glance-profile').getByText('alle 35 partnerorganisaties behalve Gemeente Kerkrade').waitFor();
    assert.match(await item('glance-profile').innerText(), /Verborgen onderdelen: Contactgegevens/);
    assert.match(await item('glance-newsletter').innerText(), /Aan: je ontvangt de nieuwsflits\./);
    const trainings = await item('glance-trainings').innerText();
    assert.match(trainings, /Projectmatig werken — /);
    assert.match(trainings, DATE_IN_WORDS);
    assert.match(await item('glance-last-look').innerText(), /Gemeente Beek kreeg je profiel in een zoekresultaat — /);
    assert.match(await item('glance-last-look').innerText(), DATE_IN_WORDS);
    for (const [cls, name, path] of [
      ['glance-profile', 'Zichtbaarheid aanpassen', '/zichtbaarheid'],
      ['glance-newsletter', 'Nieuwsbrief aan- of uitzetten', '/nieuwsbrief'],
      ['glance-trainings', 'Naar opleidingen', '/opleidingen'],
      ['glance-last-look', 'Wie zag mijn gegevens', '/wie-zag-mijn-gegevens'],
    ]) {
      assert.equal(await item(cls).getByRole('link', { name }).getAttribute('href'), path, name);
    }
    // No session timestamps on the overview any more.
    assert.doesNotMatch(await page.locator('main').innerText(), /Deze sessie/);
    assert.deepEqual(await axeViolations(page), [], 'overview at a glance');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling');

    // Keyboard only: the newsletter link is reached with Tab and opens its page.
    await item('glance-newsletter').getByRole('link').focus();
    await page.keyboard.press('Enter');
    await portal.expectHeading('Nieuwsbrief');
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
  });
});

import { startServer, launchBrowser } from './harness.mjs';
import { nextCode, DEMO_TOTP_SECRET } from './pages.mjs';
const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  const body = { email: 'beheer@example.org', password: 'zelfregie-demo', code: await nextCode('x', DEMO_TOTP_SECRET) };
  const r = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' }, body: JSON.stringify(body) });
  console.log('login', r.status);
  const cookie = r.headers.get('set-cookie').split(';')[0].split('=');
  for (const [w, name] of [[360, 'phone'], [1280, 'wide']]) {
    const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: w, height: 800 } });
    await ctx.addCookies([{ name: cookie[0], value: cookie.slice(1).join('='), url: server.url }]);
    const page = await ctx.newPage();
    for (const path of ['/beheer', '/beheer/sleutels', '/beheer/logboek']) {
      await page.goto(path);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/adminui_${name}_${path.replaceAll('/', '_')}.png` });
      if (path === '/beheer') {
        await page.locator('#h-staff').scrollIntoViewIfNeeded();
        await page.evaluate(() => document.getElementById('h-staff').scrollIntoView());
        await page.screenshot({ path: `/tmp/adminui_${name}_staff.png` });
      }
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

/**
 * One Lighthouse run for bench/pages.ts, under plain Node (tsx's transform would reach the
 * functions Lighthouse sends into the page as source text). Connects to the Chromium the
 * benchmark started, opens a tab with an empty cache and the given session cookies (none for a
 * signed-out page), runs Lighthouse in that tab and prints its report as JSON.
 *
 *   node bench/lighthouse-page.mjs PORT URL COOKIES_JSON CATEGORIES
 */
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [port, url, cookiesJson = '[]', categories = 'performance'] = process.argv.slice(2);
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
const page = await browser.newPage();
try {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.clearBrowserCookies');
  await cdp.detach();
  const cookies = JSON.parse(cookiesJson);
  if (cookies.length) await browser.setCookie(...cookies);
  const result = await lighthouse(
    url,
    { output: 'json', logLevel: 'error', onlyCategories: categories.split(','), disableStorageReset: true },
    undefined,
    page,
  );
  process.stdout.write(result.report);
} finally {
  await page.close();
  await browser.disconnect();
}

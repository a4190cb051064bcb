// How long each view of the page takes to draw with a 10,000-invoice workspace, and how long a
// change takes to show: `node bench/look-speed.mjs [invoices]` (prints the figures; needs `make pkg`);
// also saves the views that list the most, at desktop and phone width, as artifacts/look-speed-*.png.
import { invoices as generate } from "./data.mjs";
import { prepareApp } from "../pkg-tests/lib/app.mjs";
import { launch } from "../pkg-tests/lib/browser.mjs";
import { serveSite } from "../pkg-tests/lib/site.mjs";
import { timeTab, seed } from "./page.mjs";

const n = Number(process.argv[2] ?? 10_000);
prepareApp();
const site = await serveSite("www-speed");
const browser = await launch();
try {
  const ledger = generate(n, 11).map((i) => ({ ...i, id: String(i.id) }));
  const ws = JSON.stringify({ version: 1, demo: false, sender: { name: "Bench Ltd" }, settings: {}, invoices: ledger, customers: [], history: [], log: [] });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  const where = await seed(page, ws);
  console.log(`workspace of ${(ws.length / 1e6).toFixed(1)} MB kept in ${where}`);
  await page.goto(`${site.origin}/?speed=1#chase`);
  await page.waitForSelector("body[data-ready=true]");
  const marks = await page.evaluate(() => Object.fromEntries(["overdue:module-ready", "overdue:workspace-loaded", "overdue:first-view"].map((m) => [m, Math.round(performance.getEntriesByName(m)[0]?.startTime)])));
  console.log(`${n} invoices, load: ${JSON.stringify(marks)}`);
  for (const view of ["aging", "cash", "invoices", "customers", "notice", "charges", "plan", "data", "chase"]) {
    const ms = await timeTab(page, view);
    const rows = await page.evaluate(() => document.querySelectorAll("#panel tr, #panel li").length);
    console.log(`  #${view}: ${ms.toFixed(0)} ms to draw, ${rows} rows/items in the DOM`);
  }
  for (const [width, height] of [[1366, 800], [390, 844]]) {
    await page.setViewportSize({ width, height });
    for (const view of ["chase", "charges", "aging", "cash", "invoices"]) {
      await page.evaluate((v) => { location.hash = v; }, view);
      await page.waitForTimeout(400);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: new URL(`../artifacts/look-speed-${view}-${width}.png`, import.meta.url).pathname });
      // And where the list stops, with its button for the rest.
      const more = page.locator("button.show-all, #show-all").first();
      if (await more.count()) {
        await more.scrollIntoViewIfNeeded();
        await page.screenshot({ path: new URL(`../artifacts/look-speed-${view}-${width}-more.png`, import.meta.url).pathname });
      }
    }
  }
} finally {
  await browser.close();
  site.close();
}

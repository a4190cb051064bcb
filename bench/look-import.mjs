// Screenshots of the import preview with real export layouts (the fixtures of tests/import_exports.rs),
// at desktop and phone width, on the demo workspace and on a 10,000-invoice one, and how long the
// preview takes: `node bench/look-import.mjs` (writes artifacts/look-import-*.png).
import { join } from "node:path";
import { invoices as generate } from "./data.mjs";
import { prepareApp } from "../pkg-tests/lib/app.mjs";
import { launch } from "../pkg-tests/lib/browser.mjs";
import { serveSite } from "../pkg-tests/lib/site.mjs";
import { importFixture } from "../pkg-tests/lib/fixtures.mjs";

const root = new URL("..", import.meta.url).pathname;
prepareApp();
const site = await serveSite("www-look");
const browser = await launch();
try {
  const ledger = generate(10_000, 11).map((i) => ({ ...i, id: String(i.id) }));
  const big = JSON.stringify({ version: 1, demo: false, sender: { name: "Bench Ltd" }, settings: {}, invoices: ledger, customers: [], history: [], log: [] });
  const runs = [
    ["qbo-open", "qbo-us-open-invoices.txt", "demo"], ["xero", "xero-invoice-export.txt", "demo"],
    ["datev", "datev-opos-excel.txt", "big"], ["freshbooks", "freshbooks-invoice-details.txt", "big"],
  ];
  for (const [name, width, height] of [["desktop", 1366, 800], ["phone", 390, 844]]) {
    for (const [label, file, ws] of runs) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${site.origin}/`);
      await page.waitForSelector("body[data-ready=true]");
      await page.evaluate((w) => (w ? localStorage.setItem("overdue.workspace", w) : localStorage.clear()), ws === "big" ? big : null);
      await page.goto(`${site.origin}/?look=${label}#invoices`);
      await page.waitForSelector("#import-box summary");
      await page.click("#import-box summary");
      const t = Date.now();
      await page.setInputFiles("#csv-file", { name: file.replace(".txt", ".csv"), mimeType: "text/csv", buffer: importFixture(file) });
      await page.waitForSelector("#csv-summary");
      const ms = Date.now() - t;
      await page.locator("#import-box").screenshot({ path: join(root, `artifacts/look-import-${label}-${name}.png`) });
      const summary = await page.textContent("#csv-summary");
      const button = (await page.locator("#csv-import").count()) ? await page.textContent("#csv-import") : "(no import button)";
      console.log(`${name} ${label} (${ws}): ${ms} ms; ${summary} → ${button}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  site.close();
}

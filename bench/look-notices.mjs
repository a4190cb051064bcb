// Screenshots of the notice view with a 10,000-invoice workspace, at desktop and phone width, and
// how long the view takes to draw: `node bench/look-notices.mjs` (writes artifacts/look-notice-*.png).
import { join } from "node:path";
import { invoices as generate } from "./data.mjs";
import { prepareApp } from "../pkg-tests/lib/app.mjs";
import { launch } from "../pkg-tests/lib/browser.mjs";
import { serveSite } from "../pkg-tests/lib/site.mjs";

const root = new URL("..", import.meta.url).pathname;
prepareApp();
const site = await serveSite("www-look");
const browser = await launch();
try {
  const ledger = generate(10_000, 11).map((i) => ({ ...i, id: String(i.id) }));
  const workspace = JSON.stringify({ version: 1, demo: false, sender: { name: "Bench Ltd", bankDetails: "IBAN GB33 BUKB 2020 1555 5555 55" }, settings: {}, invoices: ledger, customers: [], history: [], log: [] });
  for (const [name, width, height] of [["desktop", 1100, 850], ["phone", 390, 844]]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${site.origin}/`);
    await page.waitForSelector("body[data-ready=true]");
    await page.evaluate((w) => localStorage.setItem("overdue.workspace", w), workspace);
    const t = Date.now();
    await page.goto(`${site.origin}/?look=${name}#notice`);
    await page.waitForFunction(() => document.querySelector("#n-subject")?.textContent.startsWith("Subject:"), null, { timeout: 60000 });
    const drawn = Date.now() - t;
    const t2 = Date.now();
    await page.selectOption("#n-customer", { index: 1 });
    await page.waitForFunction(() => document.querySelector("#n-subject")?.textContent.startsWith("Subject:"));
    const switched = Date.now() - t2;
    await page.screenshot({ path: join(root, `artifacts/look-notice-${name}.png`), fullPage: false });
    const subject = await page.textContent("#n-subject");
    console.log(`${name}: view drawn in ${drawn} ms, next customer ${switched} ms; ${subject}`);
    await page.close();
  }
} finally {
  await browser.close();
  site.close();
}

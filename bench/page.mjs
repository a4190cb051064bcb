// The page with a 10,000-invoice workspace, in headless Chromium: navigation to the ageing view
// drawn, and a 10,000-row CSV import from choosing the file to the rows added and the ageing shown.
import { invoices as generate, csv } from "./data.mjs";
import { prepareApp } from "../pkg-tests/lib/app.mjs";
import { launch } from "../pkg-tests/lib/browser.mjs";
import { serveSite } from "../pkg-tests/lib/site.mjs";
import { median } from "./stats.mjs";

/** Stores `text` as the page's workspace where the page would keep it (www/storage.js): in
 *  localStorage when it fits, else in IndexedDB. */
export function seed(page, text) {
  return page.evaluate((w) => new Promise((resolve, reject) => {
    localStorage.removeItem("overdue.workspace");
    const r = indexedDB.open("overdue", 1);
    r.onupgradeneeded = () => r.result.createObjectStore("items");
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      let fits = true;
      try { localStorage.setItem("overdue.workspace", w); } catch { fits = false; }
      const tx = r.result.transaction("items", "readwrite");
      if (fits) tx.objectStore("items").delete("overdue.workspace");
      else tx.objectStore("items").put(w, "overdue.workspace");
      tx.oncomplete = () => { r.result.close(); resolve(fits ? "localStorage" : "indexedDB"); };
      tx.onabort = () => reject(tx.error);
    };
  }), text);
}

/** A tab of the page, from the click (a hash change) to the next frame after it is drawn, in ms. */
export function timeTab(page, view) {
  return page.evaluate(async (v) => {
    const t = performance.now();
    location.hash = v;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  }, view);
}

export async function pageBench(quick) {
  prepareApp();
  const site = await serveSite("www-bench");
  const browser = await launch();
  const runs = quick ? 2 : 5;
  const n = 10_000;
  // The generator's ledger, as the page would have saved it (amounts with their minor digits).
  const ledger = generate(n, 11).map((i) => ({ ...i, id: String(i.id) }));
  const workspace = JSON.stringify({ version: 1, demo: false, sender: { name: "Bench Ltd" }, settings: {}, invoices: ledger, customers: [], history: [], log: [] });
  const navigation = [];
  const imports = [];
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 850 });
    await page.goto(`${site.origin}/`);
    await page.waitForSelector("body[data-ready=true]");
    await seed(page, workspace);
    // From the start of navigation to the view drawn, as the page marks it.
    for (let i = 0; i < runs + 1; i++) {
      await page.goto(`${site.origin}/?run=${i}#aging`);
      await page.waitForSelector(".chart svg");
      const mark = await page.evaluate(() => performance.getEntriesByName("overdue:first-view")[0]?.startTime);
      if (i > 0) navigation.push(mark);
    }
    // Each tab, from the click (a hash change) to the next frame after it is drawn, as a user sees it.
    const TABS = ["chase", "aging", "cash", "invoices", "customers", "notice", "charges", "plan", "data"];
    const tabs = Object.fromEntries(TABS.map((t) => [t, []]));
    for (let i = 0; i < runs; i++) {
      for (const tab of TABS) {
        tabs[tab].push(await timeTab(page, tab));
      }
    }
    const text = csv(generate(n, 12));
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => localStorage.setItem("overdue.workspace", JSON.stringify({ version: 1, invoices: [] })));
      await page.goto(`${site.origin}/?imp=${i}#invoices`);
      await page.waitForSelector("body[data-ready=true]");
      await page.click("#import-box summary");
      const t = Date.now();
      await page.setInputFiles("#csv-file", { name: "ledger.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      await page.waitForSelector("#csv-import:not([disabled])", { timeout: 60000 });
      await page.click("#csv-import");
      await page.waitForFunction(() => !document.querySelector("#csv-import") && document.querySelectorAll("#invoices tbody tr").length > 0, null, { timeout: 60000 });
      await page.click("#tab-aging");
      await page.waitForSelector(".chart svg");
      imports.push(Date.now() - t);
    }
    const imported = await page.evaluate(() => JSON.parse(localStorage.getItem("overdue.workspace")).invoices.length);
    return { n, navigationMs: median(navigation), importMs: median(imports), imported, runs, bytes: workspace.length,
      tabs: Object.fromEntries(Object.entries(tabs).map(([t, v]) => [t, median(v)])) };
  } finally {
    await browser.close();
    site.close();
  }
}

// The page with a 10,000- and a 100,000-invoice workspace, in headless Chromium: navigation to the
// first view drawn, each tab the first time and again, a keystroke, the longest task, and a
// 10,000-row CSV import from choosing the file to the rows added and the ageing shown.
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

/** A tab of the page, from the click (a hash change) to the next frame after it is drawn with its
 *  answers (the panel no longer aria-busy: a large ledger's answers come from the worker), in ms. */
export function timeTab(page, view) {
  return page.evaluate(async (v) => {
    const t = performance.now();
    const changed = new Promise((r) => addEventListener("hashchange", r, { once: true }));
    location.hash = v;
    await changed;
    const panel = /** @type {HTMLElement} */ (document.getElementById("panel"));
    while (panel.getAttribute("aria-busy") !== "false") await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  }, view);
}

/** The longest task since the page loaded, in ms, and each interaction's time from the input to
 *  the next paint as the browser measures it (Event Timing, what Interaction to Next Paint is made
 *  of; only those of 16 ms or more are reported): PerformanceObservers set up before any script. */
const LONG_TASKS = () => {
  window.__longest = 0;
  window.__interactions = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.interactionId) window.__interactions.push(e.duration);
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
};

/** Input to next paint of what `act` does with real input (a click, a key), in ms: the longest
 *  event of the interaction, or 16 when the browser reported none (it reports 16 ms and more). */
async function toNextPaint(page, act) {
  await page.evaluate(() => { window.__interactions = []; });
  await act();
  // The entries come after the paint; a frame or two later.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  return page.evaluate(() => Math.max(16, ...window.__interactions));
}

/** A key pressed in the late-charges rate field, input to next paint in ms: what the user waits
 *  for the keystroke to show (the report is redrawn after a pause in typing). */
async function timeKeystroke(page) {
  await page.focus("#panel input[name=rate]");
  return toNextPaint(page, () => page.keyboard.press("5"));
}

/** A click on the first invoice's "Paid": input to next paint (what the user waits for the click
 *  to show), and from the click to the list drawn again with the worker's answer, in ms. */
export async function timePaid(page) {
  await page.evaluate(() => addEventListener("click", () => { window.__clickAt = performance.now(); }, { once: true, capture: true }));
  const paint = await toNextPaint(page, () => page.locator("#invoices button[aria-label^='Paid ']").first().click());
  const drawn = await page.evaluate(async () => {
    const panel = /** @type {HTMLElement} */ (document.getElementById("panel"));
    while (panel.getAttribute("aria-busy") !== "false") await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - window.__clickAt;
  });
  return { paint, drawn };
}

const TABS = ["chase", "aging", "cash", "invoices", "customers", "notice", "charges", "plan", "data"];

/** One ledger size: navigation to the first view, each tab the first time and again, a keystroke,
 *  the longest task; and (for the smaller sizes) a CSV import of as many rows. */
async function oneSize(browser, site, n, runs, withImport) {
  // The generator's ledger, as the page would have saved it (amounts with their minor digits).
  const ledger = generate(n, 11).map((i) => ({ ...i, id: String(i.id) }));
  const workspace = JSON.stringify({ version: 1, demo: false, sender: { name: "Bench Ltd" }, settings: {}, invoices: ledger, customers: [], history: [], log: [] });
  const navigation = [];
  const imports = [];
  const page = await browser.context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.setViewportSize({ width: 1100, height: 850 });
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  const where = await seed(page, workspace);
  // From the start of navigation to the first view (who to chase) drawn, as the page marks it.
  for (let i = 0; i < runs + 1; i++) {
    await page.goto(`${site.origin}/?run=${i}#chase`);
    await page.waitForSelector("body[data-ready=true]");
    const mark = await page.evaluate(() => performance.getEntriesByName("overdue:first-view")[0]?.startTime);
    if (i > 0) navigation.push(mark);
  }
  // Each tab, from the click (a hash change) to the next frame after it is drawn, as a user sees
  // it: the first time after loading, then again (answers kept for the same ledger).
  const first = {};
  const again = Object.fromEntries(TABS.map((t) => [t, []]));
  for (let i = 0; i < runs; i++) {
    await page.goto(`${site.origin}/?tabs=${i}#data`);
    await page.waitForSelector("body[data-ready=true]");
    for (const tab of TABS) {
      const ms = await timeTab(page, tab);
      (first[tab] ??= []).push(ms);
    }
    for (const tab of TABS) again[tab].push(await timeTab(page, tab));
  }
  await timeTab(page, "charges");
  const keys = [];
  for (let i = 0; i < runs; i++) {
    keys.push(await timeKeystroke(page));
    await page.waitForTimeout(600);
  }
  await page.waitForTimeout(1500);
  const longest = await page.evaluate(() => window.__longest);
  await timeTab(page, "invoices");
  const paid = [];
  for (let i = 0; i < runs; i++) {
    paid.push(await timePaid(page));
    await page.waitForTimeout(300);
  }
  if (withImport) {
    const text = csv(generate(n, 12));
    for (let i = 0; i < runs; i++) {
      await seed(page, JSON.stringify({ version: 1, invoices: [] }));
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
  }
  await page.close();
  const med = (o) => Object.fromEntries(Object.entries(o).map(([t, v]) => [t, median(v)]));
  return { n, where, bytes: workspace.length, navigationMs: median(navigation), importMs: withImport ? median(imports) : null,
    first: med(first), again: med(again), keystrokeMs: median(keys), longestTaskMs: longest,
    paidClickMs: { paint: median(paid.map((p) => p.paint)), drawn: median(paid.map((p) => p.drawn)) } };
}

/** The page at 10,000 and 100,000 invoices (20,000 with --quick), in headless Chromium. */
export async function pageBench(quick) {
  prepareApp();
  const site = await serveSite("www-bench");
  const browser = await launch();
  const runs = quick ? 2 : 5;
  try {
    const sizes = [];
    for (const n of quick ? [10_000, 20_000] : [10_000, 100_000]) sizes.push(await oneSize(browser, site, n, runs, n === 10_000));
    return { runs, sizes };
  } finally {
    await browser.close();
    site.close();
  }
}

// Where a tab's time goes: `node bench/prof-tab.mjs <view> [n]` opens the page with an n-invoice
// workspace (100,000 by default), opens the view with the CPU profiler on, and prints the functions
// with the most time of their own. The view `paid` is a click on the first invoice's "Paid", from
// the invoices view to the list drawn again. Needs `make pkg`.
import { invoices as generate } from "./data.mjs";
import { prepareApp } from "../pkg-tests/lib/app.mjs";
import { launch } from "../pkg-tests/lib/browser.mjs";
import { serveSite } from "../pkg-tests/lib/site.mjs";
import { seed, timePaid, timeTab } from "./page.mjs";

const [view = "notice", size = "100000"] = process.argv.slice(2);
prepareApp();
const site = await serveSite("www-bench");
const browser = await launch();
try {
  const ledger = generate(Number(size), 11).map((i) => ({ ...i, id: String(i.id) }));
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 850 });
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  await seed(page, JSON.stringify({ version: 1, demo: false, sender: { name: "Bench Ltd" }, settings: {}, invoices: ledger, customers: [], history: [], log: [] }));
  await page.goto(`${site.origin}/?p#data`);
  await page.waitForSelector("body[data-ready=true]");
  if (view === "paid") await timeTab(page, "invoices");
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const ms = view === "paid" ? (await timePaid(page)).drawn : await timeTab(page, view);
  const { profile } = await cdp.send("Profiler.stop");
  const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
  profile.samples.forEach((id, k) => dt.set(id, dt.get(id) + (profile.timeDeltas[k] ?? 0)));
  const self = new Map();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt.get(n.id) / 1000);
  }
  console.log(`#${view}: ${ms.toFixed(0)} ms`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  site.close();
}

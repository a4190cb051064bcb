// The page `make serve` serves, with the packed package and the real Content-Security-Policy, in
// headless Chromium: the demo ledger renders, no errors, no request leaves the origin. Saves a
// screenshot to artifacts/www-demo.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib/app.mjs";
import { launch } from "./lib/browser.mjs";
import { serveSite } from "./lib/site.mjs";

test("the page: who to chase, invoices, ageing, late charges and a payment plan", async () => {
  const server = await serveSite();
  const origin = server.origin;
  const { context, close } = await launch();
  const problems = [];
  const foreign = [];
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    page.on("pageerror", (e) => problems.push(`page error: ${e}`));
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on("request", (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    assert.equal(await page.isVisible("#error"), false, await page.textContent("#error"));
    assert.equal(await page.isVisible("#demo-note"), true, "the demo is labelled as a demo");
    assert.match(await page.textContent("#version"), /^\d+\.\d+\.\d+$/);
    mkdirSync(join(root, "artifacts"), { recursive: true });
    const shot = (name) => page.screenshot({ path: join(root, `artifacts/www-${name}.png`), fullPage: true });

    // Home: who to chase. Northwind owes £4,200.00 at 74 days: the most urgent.
    assert.equal(await page.getAttribute("#tab-chase", "aria-selected"), "true");
    // First what is owed, home currency first, summed by hand from www/demo.js: GBP 840 + (1,260.50 −
    // 500) + 4,200 + 1,875 + 312.40 + 2,950 = 10,937.90, of which all but INV-2041 (due in 10 days)
    // is overdue: 10,097.90; to chase: the bakery, the studio (INV-2019; 2027 is disputed) and the
    // garage (INV-2002; 2038 is promised). EUR: 1,480 − 480 = 1,000.00, overdue, one café.
    assert.deepEqual(await page.locator("#owed-summary li").allTextContents(), [
      "£10,937.90 owed to you · £10,097.90 overdue · 3 customers to chase",
      "€1,000.00 owed to you · €1,000.00 overdue · 1 customer to chase",
    ]);
    const first = page.locator(".worklist > li").first();
    assert.equal(await first.locator("h3").textContent(), "Northwind Design Studio");
    // The studio settled its last four invoices 36–42 days late; INV-2019 is 74 days late now.
    assert.equal(await first.locator(".reason").textContent(), "£4,200.00 over 60 days, oldest 74 days; paying later and later; £1,875.00 more on hold");
    const garage = page.locator(".worklist > li", { hasText: "Patel & Sons Garage" });
    assert.match(await garage.locator(".reason").textContent(), /; £312\.40 more on hold$/);
    assert.match(await garage.textContent(), /Promised by/);
    await shot("chase");

    // Invoices: the normalised ledger, oldest first.
    await page.click("#tab-invoices");
    await page.waitForSelector("#invoices tbody tr");
    await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length > 0);
    // Eight open or recently paid, and sixteen settled over the year before (one written off).
    assert.equal(await page.locator("#invoices tbody tr").count(), 24);
    // The home currency first (the demo's is GBP), as issue #22 asks: "totals per currency (home currency first)".
    assert.deepEqual(await page.locator("#totals .card h3").allTextContents(), ["GBP", "EUR"]);
    const row = await page.locator("#invoices tbody tr").first().locator("td").allTextContents();
    assert.equal(row[1], "INV-2002");
    assert.equal(row[5], "130");
    assert.match(row[4], /2,950\.00/);
    await shot("invoices");

    // Ageing: a chart with the numbers also in a table.
    await page.click("#tab-aging");
    await page.waitForSelector(".chart svg");
    assert.equal(await page.locator(".chart svg").count(), 2, "one chart per currency");
    // The home currency's first (GBP in the demo); its only invoice not yet due is INV-2041, £840.00
    // due in ten days (www/demo.js).
    assert.match(await page.locator(".chart svg").first().getAttribute("aria-label"), /^Amounts owed in GBP by how late: Current days £840\.00/);
    assert.match(await page.locator(".chart svg").nth(1).getAttribute("aria-label"), /^Amounts owed in EUR/);
    await shot("aging");

    // Late charges: contract interest by default; the UK Act from the built-in Bank Rate, which now
    // covers 2026 (3.75 % on 30 June 2026: 11.75 %), with no rate to type in.
    await page.click("#tab-charges");
    await page.waitForSelector("#f-kind");
    await page.waitForSelector("text=is worked out:");
    assert.equal(await page.isVisible("#f-reference"), false, "statutory fields hidden under a contract");
    assert.match(await page.textContent("#panel"), /Contractual interest at 8% a year/);
    await page.selectOption("#f-kind", "uk");
    await page.waitForSelector("text=Late Payment of Commercial Debts");
    assert.equal(await page.locator("#panel .error").count(), 0, await page.textContent("#panel"));
    assert.match(await page.textContent("#panel"), /11\.75% a year/);
    await shot("charges");

    // Payment plan: £4,200 over 6 months at 8 %.
    await page.click("#tab-plan");
    // Wait for the plan's own form: the previous view's table can still be there for a moment.
    await page.waitForSelector("#p-principal");
    await page.waitForSelector("#panel table");
    assert.equal(await page.locator("#panel tbody tr").count(), 6);
    assert.match(await page.textContent("#panel .total"), /^6 instalments of £/);
    const last = await page.locator("#panel tbody tr").last().locator("td").allTextContents();
    assert.equal(last[5], "£0.00", "the schedule ends at exactly zero");
    await shot("plan");
    await page.fill("#p-count", "0");
    await page.waitForSelector("#panel .error");
    assert.match(await page.textContent("#panel .error"), /from 1 to 600/);
    // The module's message in the form's words, the field marked.
    await page.fill("#p-count", "6.5");
    await page.waitForFunction(() => /6\.5/.test(document.querySelector("#panel .error")?.textContent ?? ""));
    assert.equal(await page.textContent("#panel .error"), "“Number of instalments” should be a whole number, not the number 6.5.");
    assert.equal(await page.getAttribute("#p-count", "aria-invalid"), "true");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("#tab-chase");
    await page.waitForSelector(".worklist");
    await shot("chase-phone");
  } finally {
    await close();
    server.close();
  }
  assert.deepEqual(problems, [], "no page errors, CSP violations or warnings");
  assert.deepEqual(foreign, [], "no request leaves the origin");
});

test("on a host that sends no headers, the page's own <meta> policy is the one in _headers, and it blocks injected script", async () => {
  // The one place the policy is written is www/_headers; index.html carries it as a <meta>, less
  // frame-ancestors, which a <meta> cannot carry (browsers ignore it there, with a console error).
  const fromHeaders = /Content-Security-Policy: (.*)/.exec(readFileSync(join(root, "www/_headers"), "utf8"))[1];
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(readFileSync(join(root, "www/index.html"), "utf8"))[1];
  assert.equal(meta, fromHeaders.split("; ").filter((d) => !d.startsWith("frame-ancestors")).join("; "));
  const server = await serveSite("www-noheaders", { headers: false });
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e}`));
    const response = await page.goto(`${server.origin}/`);
    assert.equal(response.headers()["content-security-policy"], undefined, "this server sends none");
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    assert.equal(await page.isVisible("#error"), false, "the module compiled under the <meta> policy");
    const blocked = await page.evaluate(() => new Promise((done) => {
      document.addEventListener("securitypolicyviolation", (e) => done(e.violatedDirective), { once: true });
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.head.append(s);
      setTimeout(() => done(window.__injected ? "ran" : "no event"), 1000);
    }));
    assert.match(blocked, /^script-src/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    server.close();
  }
});

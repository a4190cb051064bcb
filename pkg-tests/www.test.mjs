// The page `make serve` serves, with the packed package and the real Content-Security-Policy, in
// headless Chromium: the demo ledger renders, no errors, no request leaves the origin. Saves a
// screenshot to artifacts/www-demo.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { app, requireApp, root, work } from "./lib/app.mjs";
import { launch } from "./lib/browser.mjs";
import { startServer } from "../scripts/serve.mjs";

test("the page shows the normalised demo ledger", async () => {
  requireApp();
  const site = join(work, "www");
  cpSync(join(root, "www"), site, { recursive: true, filter: (src) => !src.includes(`${join(root, "www", "pkg")}`) });
  mkdirSync(join(site, "pkg"), { recursive: true });
  const pkgDir = join(app, "node_modules/overdue");
  for (const f of readdirSync(pkgDir)) cpSync(join(pkgDir, f), join(site, "pkg", f));

  const server = await startServer({ root: site, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
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
    assert.equal(await page.locator("#invoices tbody tr").count(), 8);
    assert.equal(await page.isVisible("#demo-note"), true, "the demo is labelled as a demo");
    const cards = await page.locator("#totals .card h3").allTextContents();
    assert.deepEqual(cards, ["EUR", "GBP"]);
    // Oldest first: INV-2002 is 130 days late and owes all of its 2,950.00.
    const first = await page.locator("#invoices tbody tr").first().locator("td").allTextContents();
    assert.equal(first[1], "INV-2002");
    assert.equal(first[5], "130");
    assert.match(first[4], /2,950\.00/);
    assert.match(await page.textContent("#version"), /^\d+\.\d+\.\d+$/);
    mkdirSync(join(root, "artifacts"), { recursive: true });
    await page.screenshot({ path: join(root, "artifacts/www-demo.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(root, "artifacts/www-demo-phone.png"), fullPage: true });
  } finally {
    await close();
    server.close();
  }
  assert.deepEqual(problems, [], "no page errors, CSP violations or warnings");
  assert.deepEqual(foreign, [], "no request leaves the origin");
});

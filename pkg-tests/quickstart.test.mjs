// The README's quick starts are the files in examples/quickstart/, quoted verbatim; each one runs
// here against the packed package and prints what its comment says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { app, requireApp, root } from "./lib/app.mjs";
import { runInChromium } from "./lib/browser.mjs";
import { runDeno, withWorkerd } from "./lib/runtimes.mjs";

const dir = join(root, "examples/quickstart");
const readme = readFileSync(join(root, "README.md"), "utf8");
const source = (f) => readFileSync(join(dir, f), "utf8");
const copy = (f) => { requireApp(); cpSync(join(dir, f), join(app, `qs-${f}`)); return `qs-${f}`; };

for (const f of ["node.mjs", "node.cjs", "deno.js", "worker.js", "browser.html"]) {
  test(`README quotes examples/quickstart/${f} verbatim`, () => {
    assert.ok(readme.includes(source(f).trim()), `README.md does not contain examples/quickstart/${f}`);
  });
}

test("Node ESM quick start", () => {
  assert.equal(execFileSync(process.execPath, [copy("node.mjs")], { cwd: app, encoding: "utf8" }).trim(), "overdue 760.50 24");
});

test("Node CJS quick start", () => {
  assert.equal(execFileSync(process.execPath, [copy("node.cjs")], { cwd: app, encoding: "utf8" }).trim(),
    "OverdueError too_many_decimals invoices[0].amount");
});

test("Deno quick start", () => {
  assert.equal(runDeno(copy("deno.js")).trim(), "EUR 1576.80 1480.00");
});

test("Cloudflare Worker quick start", async () => {
  await withWorkerd(copy("worker.js"), "qs-worker", async (mf) => {
    const good = await mf.dispatchFetch("http://localhost/", { method: "POST", body: JSON.stringify({ asOf: "2026-11-23", invoices: [
      { id: "A", customer: { id: "c", name: "N" }, currency: "USD", amount: "10", issueDate: "2026-10-01", dueDate: "2026-10-31" }] }) });
    const goodBody = await good.clone().text();
    assert.equal(good.status, 200, goodBody);
    assert.equal((await good.json()).invoices[0].daysPastDue, 23);
    const bad = await mf.dispatchFetch("http://localhost/", { method: "POST", body: '{"asOf":"2026-02-30","invoices":[]}' });
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), { code: "invalid_date", path: "asOf", message: '"2026-02-30" is not a real calendar date.' });
    const notJson = await mf.dispatchFetch("http://localhost/", { method: "POST", body: "{" });
    assert.equal(notJson.status, 400);
    assert.equal((await notJson.json()).code, "invalid_json");
  });
});

test("browser quick start", async () => {
  copy("browser.html");
  const text = await runInChromium(app, "/qs-browser.html", () => document.getElementById("owed").textContent, "document.getElementById('owed').textContent !== ''");
  assert.equal(text, "250.00 USD");
});

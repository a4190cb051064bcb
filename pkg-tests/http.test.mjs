// The HTTP examples in their real runtimes — the Cloudflare worker in workerd, the Deno example under
// `deno serve`, the Vercel one in edge-runtime — answer one request suite identically; bad requests
// get 400/404/405/413 and never a 500; a load run leaves workerd answering correctly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { app } from "./lib/app.mjs";
import { copyExamples, startDeno, startEdge, startWorkerd } from "./lib/http.mjs";

const today = new Date().toISOString().slice(0, 10);
const inv = (id, over = {}) => ({
  id, customer: { id: "C-17", name: "Northwind <Traders>" }, currency: "GBP", amount: "1250.00",
  issueDate: "2026-09-01", dueDate: "2026-10-01", ...over,
});
const NOTICE = {
  asOf: "2026-11-23", stage: "final", sender: { name: "Harbour Lane Design", bankDetails: "Sort code 20-00-00\nAccount 55555555" },
  customer: { contactName: "Alex Rivera" }, invoices: [inv("INV-101"), inv("INV-117", { amount: "480.50", dueDate: "2026-10-10" })],
};
const post = (body, headers = {}) => ({ method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

/** [label, path, init, expected status] */
const SUITE = [
  ["description", "/", { method: "GET" }, 200],
  ["notice as JSON", "/notice", post(NOTICE), 200],
  ["notice as text", "/notice", post(NOTICE, { Accept: "text/plain" }), 200],
  ["notice as HTML", "/notice", post(NOTICE, { Accept: "text/html" }), 200],
  ["notice in German", "/notice", post({ ...NOTICE, language: "de", stage: "friendly" }, { Accept: "text/plain" }), 200],
  ["next actions", "/next-actions", post({ asOf: "2026-11-23", invoices: NOTICE.invoices }), 200],
  ["ladder preview", "/preview-ladder", post({ asOf: "2026-11-23", invoice: NOTICE.invoices[0] }), 200],
  ["ageing", "/aging", post({ asOf: "2026-11-23", invoices: NOTICE.invoices }), 200],
  ["KPIs", "/kpis", post({ currency: "USD", beginningReceivables: "12000", creditSales: "10000", endingReceivables: "15000", endingCurrent: "4000", days: 30 }), 200],
  ["worklist", "/worklist", post({ asOf: "2026-11-23", invoices: NOTICE.invoices }), 200],
  ["late charges", "/late-charges", post({ asOf: "2002-10-01", regime: { kind: "uk" }, invoices: [inv("U1", { amount: "1000.00", issueDate: "2002-08-01", dueDate: "2002-09-01" })] }), 200],
  ["plan", "/plan", post({ principal: "1730.50", currency: "GBP", annualRate: "0", frequency: "monthly", firstDueDate: "2026-12-01", count: 6 }), 200],
  ["risk", "/risk", post({ asOf: "2026-11-23", invoices: NOTICE.invoices }), 200],
  ["statement as text", "/statement", post({ asOf: "2026-11-23", customer: { id: "C-17" }, invoices: NOTICE.invoices }, { Accept: "text/plain" }), 200],
  ["statement as HTML", "/statement", post({ asOf: "2026-11-23", customer: { id: "C-17" }, invoices: NOTICE.invoices }, { Accept: "text/html" }), 200],
  ["cash forecast", "/cash-forecast", post({ asOf: "2026-11-23", invoices: NOTICE.invoices, horizonDays: 14, detail: "summary" }), 200],
  ["template check", "/validate-template", post({ template: { text: "{{ customer.nmae }}" } }), 200],
  ["asOf defaults to today", "/aging", post({ invoices: NOTICE.invoices, detail: "summary" }), 200],
  ["trailing slash", "/aging/", post({ asOf: "2026-11-23", invoices: [] }), 200],
  ["invalid JSON", "/aging", post("{\"asOf\":"), 400],
  ["empty body", "/aging", post(""), 400],
  ["null body", "/notice", post("null"), 400],
  ["array body", "/notice", post("[]"), 400],
  ["bad date", "/aging", post({ asOf: "2026-02-30", invoices: [] }), 400],
  ["template error", "/notice", post({ ...NOTICE, template: { text: "Dear {{ customer.nmae }}" } }), 400],
  ["HTML in every text field", "/notice", post({ ...NOTICE, sender: { name: "<script>alert(1)</script>\r\nBcc: x@y" } }, { Accept: "text/html" }), 200],
  ["unknown route", "/nope", post({}), 404],
  ["wrong method", "/notice", { method: "GET" }, 405],
  ["wrong method on /", "/", post({}), 405],
  ["body over 1 MiB", "/aging", post(JSON.stringify({ asOf: "2026-11-23", invoices: [], pad: "x".repeat(1_100_000) })), 413],
  ["CORS preflight", "/notice", { method: "OPTIONS", headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" } }, 204],
];

const HEADERS = ["content-type", "allow", "access-control-allow-origin", "access-control-allow-methods", "x-notice-subject", "content-security-policy"];

async function record(rt) {
  const out = {};
  for (const [label, path, init, status] of SUITE) {
    const res = await rt.fetch(path, init);
    const body = await res.text();
    out[label] = { status: res.status, expected: status, headers: Object.fromEntries(HEADERS.map((h) => [h, res.headers.get(h)])), body };
  }
  return out;
}

const runtimes = {};
before(async () => {
  copyExamples();
  runtimes.workerd = await startWorkerd();
  runtimes.deno = await startDeno();
  runtimes.edge = await startEdge();
});
after(async () => {
  for (const rt of Object.values(runtimes)) await rt.stop();
});

test("workerd, deno serve and edge-runtime answer the request suite identically", async () => {
  const results = {};
  for (const [name, rt] of Object.entries(runtimes)) results[name] = await record(rt);
  const ref = results.workerd;
  for (const [label, r] of Object.entries(ref)) {
    assert.equal(r.status, r.expected, `${label}: ${r.status} ${r.body.slice(0, 300)}`);
    assert.ok(r.status < 500, label);
  }
  for (const name of ["deno", "edge"]) {
    for (const label of Object.keys(ref)) assert.deepEqual(results[name][label], ref[label], `${name} differs from workerd on "${label}"`);
  }
  // What the answers say.
  const j = (label) => JSON.parse(ref[label].body);
  assert.equal(j("description").version, JSON.parse(readFileSync(join(app, "node_modules/overdue/package.json"), "utf8")).version);
  assert.match(j("notice as JSON").subject, /^Final notice: £1,730\.50 to be paid by 3 December 2026$/);
  assert.ok(ref["notice as text"].body.startsWith("Dear Alex Rivera,"), ref["notice as text"].body);
  assert.equal(ref["notice as text"].headers["content-type"], "text/plain; charset=utf-8");
  assert.equal(decodeURIComponent(ref["notice as text"].headers["x-notice-subject"]), j("notice as JSON").subject);
  assert.ok(ref["notice as HTML"].body.startsWith("<!DOCTYPE html>") && ref["notice as HTML"].body.includes("<td>INV-101</td>"));
  assert.equal(ref["notice as HTML"].headers["content-type"], "text/html; charset=utf-8");
  assert.ok(ref["notice in German"].body.includes("1.250,00 €") === false && ref["notice in German"].body.includes("£"), "amounts stay in the invoice currency");
  assert.ok(ref["notice in German"].body.startsWith("Guten Tag Alex Rivera,"));
  const hostile = ref["HTML in every text field"].body;
  assert.ok(!hostile.includes("<script>") && hostile.includes("&lt;script&gt;"));
  assert.equal(j("asOf defaults to today").asOf, today);
  assert.deepEqual(j("invalid JSON"), { code: "invalid_json", path: "", message: "The body is not valid JSON." });
  assert.equal(j("null body").code, "missing_field");
  assert.equal(j("array body").code, "invalid_type");
  assert.deepEqual([j("bad date").code, j("bad date").path], ["invalid_date", "asOf"]);
  assert.deepEqual([j("template error").code, j("template error").path], ["template_error", "template.text"]);
  assert.equal(j("template check").problems[0].suggestion, "customer.name");
  assert.equal(ref["wrong method"].headers.allow, "POST");
  assert.equal(ref["wrong method on /"].headers.allow, "GET, HEAD");
  assert.equal(j("body over 1 MiB").code, "payload_too_large");
  assert.equal(ref["CORS preflight"].headers["access-control-allow-origin"], "*");
  assert.match(ref["CORS preflight"].headers["access-control-allow-methods"], /POST/);
  assert.equal(j("plan").schedule.at(-1).balance, "0.00");
  // Both invoices issued 1 Sep, nothing paid: 1,250.00 + 480.50 = 1,730.50 on the statement; with no
  // payment on record anywhere, both are expected tomorrow, in the first week (Tue 24–Sun 29 Nov).
  assert.ok(ref["statement as text"].body.startsWith("STATEMENT OF ACCOUNT\n\nNorthwind <Traders>\n"), ref["statement as text"].body);
  assert.match(ref["statement as text"].body, /Closing balance +£1,730\.50\n/);
  assert.equal(decodeURIComponent(ref["statement as text"].headers["x-notice-subject"]), "Statement of account");
  assert.ok(ref["statement as HTML"].body.includes("Northwind &lt;Traders&gt;") && !ref["statement as HTML"].body.includes("<Traders>"));
  assert.deepEqual([j("cash forecast").currencies[0].weeks[0].start, j("cash forecast").currencies[0].weeks[0].expected], ["2026-11-24", "1730.50"]);
});

test("CORS can be limited to listed origins", async () => {
  const rt = await startWorkerd({ bindings: { CORS_ORIGINS: "https://app.example, https://admin.example" } });
  try {
    const ok = await rt.fetch("/", { headers: { Origin: "https://admin.example" } });
    assert.equal(ok.headers.get("access-control-allow-origin"), "https://admin.example");
    assert.equal(ok.headers.get("vary"), "Origin");
    const other = await rt.fetch("/", { headers: { Origin: "https://evil.example" } });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
    // The answer depends on the Origin either way, so a cache must key on it.
    assert.equal(other.headers.get("vary"), "Origin");
    assert.equal((await rt.fetch("/")).headers.get("vary"), "Origin");
  } finally {
    await rt.stop();
  }
});

test("workerd under load: 5,000 requests at concurrency 50, bad ones mixed in, no errors", async () => {
  const rt = runtimes.workerd;
  const good = post(NOTICE, { Accept: "text/plain" });
  const expected = await (await rt.fetch("/notice", good)).text();
  const bad = [post("{"), post({ ...NOTICE, invoices: [inv("X", { dueDate: "2026-02-30" })] }), post({ ...NOTICE, template: { text: "{% for a in invoices %}{% for b in invoices %}{% for c in invoices %}{% for d in invoices %}.{% endfor %}{% endfor %}{% endfor %}{% endfor %}", subject: "{{ x" } })];
  let next = 0, wrong = 0, goods = 0, bads = 0;
  const problems = [];
  async function worker() {
    while (next < 5000) {
      const i = next++;
      const isBad = i % 10 === 7;
      const res = await rt.fetch("/notice", isBad ? bad[i % bad.length] : good);
      const body = await res.text();
      if (isBad) {
        bads++;
        if (res.status !== 400) { wrong++; problems.push(`${i}: ${res.status} ${body.slice(0, 200)}`); }
      } else {
        goods++;
        if (res.status !== 200 || body !== expected) { wrong++; problems.push(`${i}: ${res.status}`); }
      }
    }
  }
  await Promise.all(Array.from({ length: 50 }, worker));
  assert.equal(wrong, 0, problems.slice(0, 5).join("\n"));
  assert.equal(goods + bads, 5000);
  assert.equal(await (await rt.fetch("/notice", good)).text(), expected, "still correct afterwards");
});

test("the Node batch example writes today's notices and the whole ladder", () => {
  copyExamples();
  const out = execFileSync(process.execPath, ["examples/node/batch.mjs", "examples/node/ledger.csv", "batch-out", "2026-11-23"], { cwd: app, encoding: "utf8" });
  assert.match(out, /3 notices for 2026-11-23/);
  const today = readdirSync(join(app, "batch-out/today")).sort();
  assert.deepEqual(today, ["hartley-s-bakery-followup.html", "hartley-s-bakery-followup.txt", "northwind-traders-final.html", "northwind-traders-final.txt", "quayside-studio-final.html", "quayside-studio-final.txt"]);
  const final = readFileSync(join(app, "batch-out/today/northwind-traders-final.txt"), "utf8");
  assert.ok(final.startsWith("Subject: Final notice: £3,600.49 to be paid by 3 December 2026\n\nDear Alex Rivera,"), final);
  // Hartley's Bakery: INV-2026-131 (due 1 November, 22 days late) is asked for; INV-2026-140 (due
  // 3 December) is listed, not demanded; no notice was sent before, so no "second reminder".
  const hartley = readFileSync(join(app, "batch-out/today/hartley-s-bakery-followup.txt"), "utf8");
  assert.ok(hartley.startsWith("Subject: Payment reminder: £760.50 overdue\n\nDear Sam Hartley,"), hartley);
  assert.match(hartley, /Also on your account, not asked for in this notice:\nInvoice .*\nINV-2026-140 /);
  // Seven stages for each of the four customers.
  const ladders = readdirSync(join(app, "batch-out/ladder"));
  assert.equal(ladders.length, 4);
  for (const c of ladders) assert.equal(readdirSync(join(app, "batch-out/ladder", c)).filter((f) => f.endsWith(".txt")).length, 7, c);
});

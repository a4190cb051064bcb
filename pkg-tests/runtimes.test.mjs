// The packed package in every runtime we claim: the same cases give identical results and identical
// error codes in Node ESM, Node CJS, Deno, workerd, edge-runtime and Chromium.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { app, here, requireApp } from "./lib/app.mjs";
import { BAD, BAD_OTHER, CALLS, allBadCalls } from "./cases.mjs";
import { runInChromium } from "./lib/browser.mjs";
import { fetchFromEdge, runDeno, withWorkerd } from "./lib/runtimes.mjs";

const records = {};
before(() => requireApp());

function checkRecord(name, rec) {
  assert.equal(rec.version, JSON.parse(readFileSync(join(app, "node_modules/overdue/package.json"), "utf8")).version);
  assert.equal(rec.good.invoices[0].outstanding, "1000.00");
  assert.equal(rec.good.invoices[0].daysPastDue, 23);
  assert.equal(rec.good.invoices[1].amount, "185400", "JPY has no minor unit");
  assert.equal(rec.good.invoices[2].amount, "1.500", "KWD has three");
  assert.equal(rec.good.invoices[3].status, "credit");
  assert.equal(rec.good.invoices[4].customer.name, "<img src=x onerror=alert(1)> Café Ünïcödé 😀 שלום");
  assert.deepEqual(rec.good.totals.map((t) => [t.currency, t.outstanding, t.customerCredit]),
    [["EUR", "10.00", "20.10"], ["GBP", "1000.00", "0.00"], ["JPY", "185400", "0"], ["KWD", "1.500", "0.000"]]);
  const c = rec.calls;
  assert.deepEqual(c["ageing"].buckets.map((b) => b.label), ["Current", "1–30", "31–60", "61–90", "91+"]);
  assert.deepEqual(c["ageing"].currencies.find((x) => x.currency === "GBP").buckets.map((b) => b.amount), ["0.00", "1000.00", "0.00", "0.00", "0.00"]);
  assert.equal(c["ageing CSV"].customers.find((x) => x.customerId === "c1").name, "Acme; Ltd");
  assert.equal(c["ageing CSV"].currencies.find((x) => x.currency === "JPY").totalOutstanding, "185400");
  assert.equal(c["KPIs from summary (GUIDE §5 example)"].currencies[0].dso, "45.00");
  assert.equal(c["KPIs from ledger"].currencies[0].averageDaysDelinquent, "33.00");
  assert.equal(c["KPIs from ledger"].currencies[0].countbackDso, "42.92");
  // c1 owes in two currencies, 23 days late, with 25 risk points (deteriorating, score 40). On the
  // fixed scale: JPY 185,400/1,000,000 × 55 + 23/180 × 45 + 25 = 10.197 + 5.75 + 25 = 40.947 → 40.9;
  // GBP 1,000/10,000 × 55 + 5.75 + 25 = 36.25 → 36.3.
  assert.deepEqual(c["worklist"].items.slice(0, 2).map((i) => [i.customerId, i.currency, i.priority]), [["c1", "JPY", "40.9"], ["c1", "GBP", "36.3"]]);
  assert.match(c["worklist"].items[1].reason, /^£1,000\.00 overdue, oldest 23 days; paying later and later/);
  const plan = c["plan 15000 at 8% over 60 months"];
  assert.deepEqual([plan.regularInstalment, plan.finalInstalment, plan.schedule[1].dueDate, plan.schedule[59].balance], ["304.15", "303.84", "2026-02-28", "0.00"]);
  const jpy = c["plan with down payment and fee"];
  assert.ok(jpy.schedule.every((r) => Number(r.payment) <= 200 && !r.payment.includes(".")), "JPY instalments within the maximum, no decimals");
  const uk = c["UK statutory interest (GUIDE §5: £1,000, 12 %, 30 days)"].invoices[0];
  assert.deepEqual([uk.interest, uk.compensation, uk.rate], ["9.86", "70.00", "12"]);
  const eu = c["EU statutory interest (GUIDE §5: €4,500, 11 %, 30 days)"].invoices[0];
  assert.deepEqual([eu.interest, eu.compensation], ["40.68", "40.00"]);
  // Due Sunday 15 June 2025, so (§ 193 BGB) on Monday 16 June: 14 days at 2.27 + 9 and 15 at 1.27 + 9:
  // 10000 × (0.1127 × 14 + 0.1027 × 15) / 365 = 85.4301 → 85.43.
  const de = c["DE default interest across a half-year"].invoices[0];
  assert.deepEqual([de.interestFrom, de.interest, de.compensation, de.periods.map((p) => p.rate)], ["2025-06-17", "85.43", "40.00", ["11.27", "10.27"]]);
  // £5,000 due 31 Jan 2025 paid 15 Mar 2025: 5000 × 12.75 % × 43 / 365 = 75.10, + £70; the other
  // needs the Bank Rate of 31 Dec 2026, which the table does not have yet.
  const late = c["UK charges on an invoice paid late, and one whose rate is not known yet"];
  const l1 = late.invoices.find((i) => i.id === "L1"), l2 = late.invoices.find((i) => i.id === "L2");
  assert.deepEqual([l1.status, l1.interest, l1.compensation, l1.claimable], ["paidLate", "75.10", "70.00", "145.10"]);
  assert.deepEqual([l2.problem.code, l2.problem.referenceDate], ["rate_unknown", "2026-12-31"]);
  assert.deepEqual(late.unknownRates, [{ table: "boeBankRate", referenceDate: "2026-12-31", invoices: 1 }]);
  // 10,000 × 4.625 % × 30 / 360 = 38.541… → 38.54.
  assert.equal(c["US Prompt Payment interest"].invoices[0].interest, "38.54");
  const na = c["next actions"].actions.find((a) => a.customerId === "c1" && a.currency === "GBP");
  assert.deepEqual([na.stageId, na.invoices.map((i) => i.id)], ["followup", ["INV-7"]], "23 days late, friendly already sent");
  assert.equal(c["next actions after a gap"].actions[0].stageId, "final", "45 days late with nothing sent: the final notice first");
  assert.deepEqual(c["ladder preview"].map((s) => s.date), ["2026-10-28", "2026-11-01", "2026-11-14", "2026-11-30", "2026-12-15", "2026-12-30", "2027-01-29"]);
  // The bytes as written, read back: ü and ö from Windows-1252 (0xFC, 0xF6), "1.234,50" with a decimal comma.
  const w = c["CSV import from Windows-1252 bytes"];
  assert.deepEqual([w.encoding, w.delimiter, w.invoices[0].customer.name, w.invoices[0].amount, w.invoices[0].dueDate], ["windows-1252", ";", "Müller & Söhne", "1234.50", "2026-10-31"]);
  const u = c["CSV import from a UTF-16 ArrayBuffer"];
  assert.deepEqual([u.encoding, u.delimiter, u.invoices[0].customer.name, u.invoices[0].currency, u.invoices[0].amount], ["utf-16le", "\t", "Zoë Ltd", "GBP", "99.00"]);
  assert.equal(c["terms as text"].canonical, "2/10 net 30");
  assert.deepEqual(c["an amount as typed in a German form"], { amount: "1250.50", currency: "EUR" });
  assert.equal(c["early payment discount"].annualCostSimple360, "36.73");
  const risk = c["risk"].customers[0];
  assert.deepEqual([risk.trend, risk.grade, risk.monthly.length], ["deteriorating", "C", 13], "a 12-month window from 24 Nov 2025 touches 13 calendar months");
  assert.match(risk.explanation, /getting later by about 4 days a month\.$/);
  // Paid 10 days late three times (F1–F3): F4, due 30 Nov, is expected on 10 Dec, in the week of
  // 7–13 Dec (weeks from Tue 24 Nov: 24–29 Nov, 30 Nov–6 Dec, 7–13, 14–20, 21 Dec).
  const fc = c["cash forecast of a steady payer"];
  assert.deepEqual([fc.invoices.length, fc.invoices[0].expectedDate, fc.invoices[0].earliestDate, fc.invoices[0].latestDate, fc.invoices[0].basis], [1, "2026-12-10", "2026-12-10", "2026-12-10", "customer"]);
  // Weights 0.5^(age/180) for settlements 43, 73 and 104 days before asOf: 0.8474 + 0.7549 + 0.6700
  // = 2.2723; the customer's share 2.2723 / (2.2723 + 3) = 43 %.
  assert.equal(fc.invoices[0].customerWeight, 43);
  assert.deepEqual(fc.currencies[0].weeks.map((w) => [w.start, w.end, w.expected]), [["2026-11-24", "2026-11-29", "0.00"], ["2026-11-30", "2026-12-06", "0.00"], ["2026-12-07", "2026-12-13", "1200.00"], ["2026-12-14", "2026-12-20", "0.00"], ["2026-12-21", "2026-12-21", "0.00"]]);
  // From 5 Sep (F2 4 days late, F3 not due) and 5 Oct (F3 4 days late): all three right to the day;
  // the due-date rule is 5, 10 and 5 days off, a mean of 6.67.
  const bt = c["cash forecast backtest"];
  assert.deepEqual([bt.forecasts, bt.scored, bt.meanAbsoluteErrorDays, bt.insideRangePercent, bt.dueDateRuleMaeDays], [3, 3, "0.00", "100.00", "6.67"]);
  // Acme's GBP INV-7 (1,200.00 issued 1 Oct, 200.00 paid 2 Nov) and EUR invoice 10 (99.90, 120.00
  // paid 1 Nov: 20.10 overpaid); 100.00 on account on 20 Nov goes to INV-7 (23 days past due):
  // GBP 1,200 − 200 − 100 = 900.00 in 1–30 days; EUR −20.10 of credit, no negative bucket.
  const st = c["statement of account in German"];
  assert.deepEqual(st.currencies.map((x) => [x.currency, x.openingBalance, x.lines.map((l) => l.balance), x.closingBalance, x.ageing.buckets.map((b) => b.amount), x.ageing.unallocatedCredit, x.ageing.total]), [
    ["EUR", "0.00", ["99.90", "-20.10"], "-20.10", ["0.00", "0.00", "0.00", "0.00", "0.00"], "20.10", "-20.10"],
    ["GBP", "0.00", ["1200.00", "1000.00", "900.00"], "900.00", ["0.00", "900.00", "0.00", "0.00", "0.00"], "0.00", "900.00"],
  ]);
  assert.match(st.text, /^KONTOAUSZUG\n/);
  assert.match(st.text, /20\. November 2026 +Zahlung ohne Rechnungsbezug \(Überweisung 88\) +100,00\u00a0£ +900,00\u00a0£\n/, "the locale's no-break space before the sign");
  // Roll rates 50 % and 50 %, the last bucket's loss share 400 / (400 + 400) = 50 %: loss rates
  // 12.5, 25 and 50 %; 800 × 12.5 % + 1,000 × 25 % + 700 × 50 % = 700.00.
  const pm = c["provision matrix"].currencies[0];
  assert.deepEqual([pm.buckets.map((b) => [b.label, b.balance, b.lossRate, b.expectedLoss]), pm.expectedLoss], [[["Current", "800.00", "12.5000", "100.00"], ["1–30", "1000.00", "25.0000", "250.00"], ["31+", "700.00", "50.0000", "350.00"]], "700.00"]);
  assert.equal(rec.bad.length, BAD.length + BAD_OTHER.length);
  for (const b of rec.bad) {
    assert.ok(b.threw, `${name}: ${b.case} should throw`);
    assert.deepEqual(b.error, { isError: true, name: "OverdueError", code: b.expected.code, path: b.expected.path, hasMessage: true }, `${name}: ${b.case}`);
  }
  assert.ok(rec.aliveAfterEachError, `${name}: the instance answered correctly after every error`);
  assert.deepEqual(rec.suite.problems, [], `${name}: bad-input suite`);
  assert.ok(rec.suite.count > 2000, `${name}: the bad-input suite ran (${rec.suite.count} calls)`);
  checkEntries(name, rec);
  // Timings differ between runtimes; the identical-record check compares outcomes only.
  delete rec.suite.slowestUnder;
  records[name] = rec;
}

// Each feature entry exports exactly what entries.json lists (and the loaders and the error class),
// answers its functions' cases exactly as the full build did above, and throws the same codes.
const ENTRIES = JSON.parse(readFileSync(join(here, "../src/wasm/js/entries.json"), "utf8")).entries;
const COMMON = ["OverdueError", "default", "errorCodes", "initSync", "isOverdueError", "version"];
const BAD_CALLS = allBadCalls().map(([label, fn, , code, path]) => [label, fn, code, path]);
function checkEntries(name, rec) {
  assert.deepEqual(Object.keys(rec.entries).sort(), Object.keys(ENTRIES).sort(), `${name}: every entry ran`);
  for (const [entry, { functions }] of Object.entries(ENTRIES)) {
    const got = rec.entries[entry];
    assert.deepEqual(got.exports, [...COMMON, ...functions].sort(), `${name}: overdue/${entry} exports`);
    const expected = Object.fromEntries(Object.entries(rec.calls).filter(([label]) => functions.includes(CALL_FN[label])));
    assert.ok(Object.keys(expected).length > 0, `${name}: overdue/${entry} has cases`);
    assert.deepEqual(got.calls, expected, `${name}: overdue/${entry} answers as the full build`);
    const bad = Object.fromEntries(BAD_CALLS.filter(([, fn]) => functions.includes(fn)).map(([label, , code, path]) => [label, { code, path, instance: true }]));
    assert.deepEqual(got.bad, bad, `${name}: overdue/${entry} refuses as the full build`);
  }
}
const CALL_FN = Object.fromEntries(CALLS.map(([label, fn]) => [label, fn]));

function sameAsNode(name, rec) {
  if (!records["node-esm"]) return;
  assert.deepEqual(rec, records["node-esm"], `${name} differs from Node ESM`);
}

const nodeRun = (file) => JSON.parse(execFileSync(process.execPath, [file], { cwd: app, encoding: "utf8" }));

test("Node ESM (import)", () => {
  checkRecord("node-esm", nodeRun("node-esm.mjs"));
});

test("Node CJS (require)", () => {
  const rec = nodeRun("node-cjs.cjs");
  checkRecord("node-cjs", rec);
  sameAsNode("node-cjs", rec);
});

test("Deno", () => {
  const rec = JSON.parse(runDeno("deno.mjs"));
  checkRecord("deno", rec);
  sameAsNode("deno", rec);
});

test("Cloudflare workerd (miniflare)", async () => {
  await withWorkerd("worker.mjs", "workerd", async (mf) => {
    const res = await mf.dispatchFetch("http://localhost/");
    assert.equal(res.status, 200);
    const rec = await res.json();
    checkRecord("workerd", rec);
    sameAsNode("workerd", rec);
  });
});

test("bundlers keep the instantiation with named imports only (workerd and edge-light)", async () => {
  await withWorkerd("worker-named.mjs", "workerd-named", async (mf) => {
    const res = await mf.dispatchFetch("http://localhost/");
    const text = await res.text();
    assert.equal(res.status, 200, text);
    assert.equal(JSON.parse(text).n, 0);
  });
  const res = await fetchFromEdge("edge-named.mjs", "edge-named");
  assert.equal(JSON.parse(await res.text()).n, 0);
});

test("Vercel edge-runtime", async () => {
  const res = await fetchFromEdge("edge.mjs", "edge");
  assert.equal(res.status, 200);
  const rec = await res.json();
  checkRecord("edge-runtime", rec);
  sameAsNode("edge-runtime", rec);
});

test("Chromium (browser entry, no bundler)", async () => {
  const rec = await runInChromium(app, "/browser.html", () => window.__overdue, "window.__overdue !== undefined");
  checkRecord("chromium", rec);
  sameAsNode("chromium", rec);
});

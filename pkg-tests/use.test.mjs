// The README's "Use it" examples are the files in examples/use/, quoted verbatim; each runs here
// against the packed package and must print what was worked out by hand below.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { app, requireApp, root } from "./lib/app.mjs";

const dir = join(root, "examples/use");
const readme = readFileSync(join(root, "README.md"), "utf8");
const run = (f) => {
  requireApp();
  cpSync(join(dir, f), join(app, `use-${f}`));
  return execFileSync(process.execPath, [`use-${f}`], { cwd: app, encoding: "utf8" }).trim().split("\n");
};

// A lender's schedule, computed here in whole cents: each month's interest on the balance rounded
// half up, the instalment 304.15 (numpy-financial pmt(0.08/12, 60, 15000) = 304.1459…), the last
// one paying what is left.
function schedule15000() {
  let balance = 1_500_000n, interest = 0n, last = 0n;
  for (let k = 1; k <= 60; k++) {
    const i = (balance * 8n * 2n + 1200n) / (1200n * 2n);
    interest += i;
    const pay = k < 60 ? 30_415n : balance + i;
    balance -= pay - i;
    last = pay;
  }
  const money = (c) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;
  return `304.15 ${money(last)} ${money(interest)}`;
}

const EXPECTED = {
  // 31 Mar 2026: INV-101 is 28 + 31 = 59 days late ("31–60"); INV-102 is not yet due and owes
  // 300.50 − 100.00 = 200.50.
  "age.mjs": ["Current 200.50", "1–30 0.00", "31–60 1200.00", "61–90 0.00", "91–120 0.00", "121+ 0.00", "owed 1400.50 overdue 1200.00"],
  // Issue #19's example: Bank Rate 4.75 % on 31 Dec 2024 + 8 = 12.75 %; 43 days (1 Feb–15 Mar):
  // 5000 × 0.1275 × 43 / 365 = 75.10; £70 fixed sum for £1,000–£9,999.99 (s.5A); 145.10 in all.
  "charge.mjs": ["12.75 75.10 70.00 145.10"],
  // 15 May: A-1 (due 3 Mar) 28 + 30 + 15 = 73 days late; B-1 (due 1 May) 14; C-1 disputed, held.
  "chase.mjs": [
    "Hartley's Bakery chase £4,200.00 over 60 days, oldest 73 days",
    "Orchard Dental chase £350.00 overdue, oldest 14 days",
    "Lumen Studio onHold On hold: disputed (£9,000.00 overdue)",
  ],
  "plan.mjs": [schedule15000(), "0.00"],
  // The bakery settled A-1..A-3 12 days after their due dates: at day 12 its own curve is 0 and the
  // ledger's is below a half (only D-9, 32 days late, is still unpaid then), so A-4 (due 4 Dec) is
  // expected on the 16th. D-9 was promised for the 15th. Weeks from Thursday 3 Dec; 350.00 + 1250.00 in the week of 14–20 Dec.
  // tests/statement.rs's worked example, shortened: 1,200 + 300 − 200 − 100 = 1,200.00; the 100.00
  // on account goes to INV-1 (due first): 1,200 − 200 − 100 = 900.00, 62 days late on 2 Dec (61–90);
  // INV-2 300.00, 28 days (1–30).
  "statement.mjs": [
    "2026-09-01 Invoice INV-1, due 1 October 2026 1200.00", "2026-10-05 Invoice INV-2, due 4 November 2026 1500.00",
    "2026-10-10 Payment against invoice INV-1 (BACS 1142) 1300.00", "2026-11-20 Payment on account (Transfer 88) 1200.00",
    "1200.00 Not yet due 0.00, 1–30 days 300.00, 31–60 days 0.00, 61–90 days 900.00, Over 90 days 0.00",
  ],
  // Roll rates 1,000/2,000 and 500/1,000; the oldest bucket's loss 400/(400 + 400): loss rates 12.5,
  // 25 and 50 %; 800 × 12.5 % + 1,000 × 25 % + 700 × 50 % = 700.00 of 2,500.00, 28 %.
  "provision.mjs": ["Current 800.00 12.5000 100.00", "1–30 1000.00 25.0000 250.00", "31+ 700.00 50.0000 350.00", "700.00 28.00"],
  "forecast.mjs": ["D-9 2026-12-15 promise", "A-4 2026-12-16 customer", "2026-12-03 2026-12-06 0.00", "2026-12-07 2026-12-13 0.00", "2026-12-14 2026-12-20 1600.00", "2026-12-21 2026-12-27 0.00", "2026-12-28 2026-12-30 0.00"],
  // Two days after the due date, with nothing sent before: the default ladder's friendly reminder (+1).
  "remind.mjs": ["friendly friendly", "Rappel de paiement : facture INV-204"],
  // 15/09 can only be day-first; the draft is listed, not imported.
  // 30 February does not exist: a 400 with the code and the field, found by instanceof.
  "errors.mjs": ['{"status":400,"body":{"code":"invalid_date","path":"asOf"}}'],
  "import.mjs": ["INV-0042 Hartley's Bakery 1250.00 2026-10-03 [ '250.00' ]", "DD/MM/YYYY [ 'INV-0043 draft 480.00' ] 0"],
};

for (const [file, lines] of Object.entries(EXPECTED)) {
  test(`README example examples/use/${file}: quoted verbatim, prints the hand-worked result`, () => {
    assert.ok(readme.includes(readFileSync(join(dir, file), "utf8").trim()), `README.md does not contain examples/use/${file}`);
    assert.deepEqual(run(file), lines);
  });
}

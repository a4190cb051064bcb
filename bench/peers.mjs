// What a JavaScript developer would write instead of overdue, with the same semantics as
// ageReceivables' currency summary: exact with decimal.js + dayjs, and naive with plain numbers.
import Decimal from "decimal.js";
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
const DP = { JPY: 0, KWD: 3 };
const dp = (c) => DP[c] ?? 2;
const LIMITS = [30, 60, 90, 120];
const bucketOf = (dpd) => (dpd <= 0 ? 0 : 1 + LIMITS.filter((l) => l < dpd).length);

/** Bucket totals per currency, exact: decimal.js amounts, dayjs day differences. */
export function ageDecimal(invoices, asOf) {
  const asOfDay = dayjs.utc(asOf);
  const out = {};
  for (const inv of invoices) {
    if (inv.issueDate > asOf) continue;
    let owed = new Decimal(inv.amount);
    for (const p of inv.payments ?? []) if (p.date <= asOf) owed = owed.minus(p.amount);
    if (owed.isZero() || owed.isNeg()) continue;
    const dpd = asOfDay.diff(dayjs.utc(inv.dueDate), "day");
    const t = (out[inv.currency] ??= Array.from({ length: LIMITS.length + 2 }, () => new Decimal(0)));
    const b = bucketOf(dpd);
    t[b] = t[b].plus(owed);
  }
  return Object.fromEntries(Object.entries(out).map(([c, t]) => [c, t.map((d) => d.toFixed(dp(c), Decimal.ROUND_HALF_UP))]));
}

/** The same with plain numbers and Date: the code many calculators ship. */
export function ageFloat(invoices, asOf) {
  const asOfMs = Date.parse(asOf);
  const out = {};
  for (const inv of invoices) {
    if (inv.issueDate > asOf) continue;
    let owed = Number(inv.amount);
    for (const p of inv.payments ?? []) if (p.date <= asOf) owed -= Number(p.amount);
    if (owed <= 0) continue;
    const dpd = Math.round((asOfMs - Date.parse(inv.dueDate)) / 86400000);
    const t = (out[inv.currency] ??= Array.from({ length: LIMITS.length + 2 }, () => 0));
    t[bucketOf(dpd)] += owed;
  }
  return Object.fromEntries(Object.entries(out).map(([c, t]) => [c, t.map((x) => x.toFixed(dp(c)))]));
}

/** CSV rows (papaparse objects; `paid` is what was paid by asOf) aged exactly. */
export function ageCsvRowsDecimal(rows, asOf) {
  const asOfDay = dayjs.utc(asOf);
  const out = {};
  for (const r of rows) {
    if (!r.id) continue;
    if (r.issueDate > asOf) continue;
    const owed = new Decimal(r.amount).minus(r.paid || 0);
    if (owed.isZero() || owed.isNeg()) continue;
    const dpd = asOfDay.diff(dayjs.utc(r.dueDate), "day");
    const t = (out[r.currency] ??= Array.from({ length: LIMITS.length + 2 }, () => new Decimal(0)));
    const b = bucketOf(dpd);
    t[b] = t[b].plus(owed);
  }
  return Object.fromEntries(Object.entries(out).map(([c, t]) => [c, t.map((d) => d.toFixed(dp(c), Decimal.ROUND_HALF_UP))]));
}

/** overdue's report reduced to the same shape, for comparison. */
export function overdueBuckets(report) {
  return Object.fromEntries(report.currencies.map((c) => [c.currency, c.buckets.map((b) => b.amount)]));
}

/** How many bucket totals differ between two results. */
export function differences(a, b) {
  let n = 0;
  for (const c of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[c] ?? [], y = b[c] ?? [];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  }
  return n;
}

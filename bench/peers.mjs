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

/** The whole ageing report built the way a JavaScript developer would with dayjs and decimal.js,
 *  with ageReceivables' rules (due-date basis, default buckets): per currency the bucket amounts and
 *  counts, overdue, share over 90 days and amount-weighted days past due; per customer the buckets,
 *  oldest days past due and counts, largest first within each currency; each open invoice, oldest
 *  first. Objects have overdue's keys in overdue's order, so the two reports compare as JSON. */
export function ageReport(invoices, asOf, { summary = false } = {}) {
  const half = Decimal.ROUND_HALF_UP;
  const asOfDay = dayjs.utc(asOf);
  const n = LIMITS.length + 2;
  const zeros = () => Array.from({ length: n }, () => new Decimal(0));
  const currencies = new Map();
  const customers = new Map();
  const rows = [];
  const credits = [];
  let paid = 0;
  let future = 0;
  invoices.forEach((inv, index) => {
    if (inv.issueDate > asOf) return void future++;
    let out = new Decimal(inv.amount);
    for (const p of inv.payments ?? []) if (p.date <= asOf) out = out.minus(p.amount);
    for (const c of inv.credits ?? []) if (c.date <= asOf) out = out.minus(c.amount);
    if (out.isZero()) return void paid++;
    const c = inv.currency;
    const key = c + "\u0000" + inv.customer.id;
    // With `summary`, as with overdue's detail: "summary", there are no customer rows.
    const cu = summary ? null : customers.get(key) ?? customers.set(key, { index: customers.size, currency: c, customerId: inv.customer.id, name: inv.customer.name,
      buckets: zeros(), total: new Decimal(0), overdue: new Decimal(0), oldest: 0, open: 0, disputed: new Decimal(0), credit: new Decimal(0) }).get(key);
    const cur = currencies.get(c) ?? currencies.set(c, { amounts: zeros(), counts: Array(n).fill(0), overdue: new Decimal(0), disputed: new Decimal(0),
      credit: new Decimal(0), over90: new Decimal(0), weighted: new Decimal(0) }).get(c);
    if (out.isNeg()) {
      cur.credit = cur.credit.minus(out);
      if (summary) return;
      cu.credit = cu.credit.minus(out);
      credits.push({ invoiceId: inv.id, customerId: inv.customer.id, currency: c, amount: out.neg().toFixed(dp(c), half) });
      return;
    }
    const age = asOfDay.diff(dayjs.utc(inv.dueDate), "day");
    const dpd = Math.max(age, 0);
    const b = bucketOf(dpd);
    cur.amounts[b] = cur.amounts[b].plus(out);
    cur.counts[b]++;
    if (dpd > 0) {
      cur.overdue = cur.overdue.plus(out);
      cur.weighted = cur.weighted.plus(out.mul(dpd));
      if (cu) cu.overdue = cu.overdue.plus(out);
    }
    if (dpd > 90) cur.over90 = cur.over90.plus(out);
    if (inv.disputed) {
      cur.disputed = cur.disputed.plus(out);
      if (cu) cu.disputed = cu.disputed.plus(out);
    }
    if (summary) return;
    cu.buckets[b] = cu.buckets[b].plus(out);
    cu.total = cu.total.plus(out);
    cu.open++;
    cu.oldest = Math.max(cu.oldest, dpd);
    rows.push({ index, row: { id: inv.id, customerId: inv.customer.id, currency: c, outstanding: out.toFixed(dp(c), half), age, daysPastDue: dpd, bucket: b, disputed: inv.disputed ?? false } });
  });
  const labels = ["Current", ...LIMITS.map((l, i) => `${i ? LIMITS[i - 1] + 1 : 1}–${l}`), `${LIMITS.at(-1) + 1}+`];
  const money = (d, c) => d.toFixed(dp(c), half);
  return {
    asOf, basis: "dueDate",
    buckets: labels.map((label, i) => ({ label, from: i ? (i === 1 ? 1 : LIMITS[i - 2] + 1) : null, to: i <= LIMITS.length ? (i ? LIMITS[i - 1] : 0) : null })),
    currencies: [...currencies.keys()].sort().map((c) => {
      const t = currencies.get(c);
      const total = t.amounts.reduce((a, b) => a.plus(b));
      const ratio = (x, places, scale) => (total.isZero() ? new Decimal(0) : x.mul(scale).div(total)).toFixed(places, half);
      return { currency: c, buckets: t.amounts.map((a, i) => ({ label: labels[i], amount: money(a, c), count: t.counts[i] })),
        totalOutstanding: money(total, c), overdueTotal: money(t.overdue, c), disputedTotal: money(t.disputed, c), customerCredit: money(t.credit, c),
        openInvoices: t.counts.reduce((a, b) => a + b), shareOver90Days: ratio(t.over90, 2, 100), weightedAverageDaysPastDue: ratio(t.weighted, 1, 1) };
    }),
    customers: [...customers.values()]
      .map((t) => ({ t, total: t.total.toDecimalPlaces(dp(t.currency), half) }))
      .sort((a, b) => (a.t.currency < b.t.currency ? -1 : a.t.currency > b.t.currency ? 1 : b.total.cmp(a.total) || a.t.index - b.t.index))
      .map(({ t }) => ({ customerId: t.customerId, name: t.name, currency: t.currency, buckets: t.buckets.map((a) => money(a, t.currency)),
        totalOutstanding: money(t.total, t.currency), overdueTotal: money(t.overdue, t.currency), oldestDaysPastDue: t.oldest, openInvoices: t.open,
        disputedAmount: money(t.disputed, t.currency), credit: money(t.credit, t.currency) })),
    invoices: rows.sort((a, b) => b.row.age - a.row.age || a.index - b.index).map((r) => r.row),
    credits, paidInvoices: paid, notYetIssued: future,
  };
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

/** A level schedule with `financial` (numpy-financial's port): floats throughout, each figure
 *  printed to the cent only at the end — what the JavaScript calculators do. */
export function planFloat(financial, principal, annualRate, n) {
  const r = annualRate / 100 / 12;
  const pmt = -financial.pmt(r, n, principal);
  const rows = [];
  let balance = principal;
  for (let k = 1; k <= n; k++) {
    const interest = balance * r;
    const princ = k === n ? balance : pmt - interest;
    balance -= princ;
    rows.push({ payment: (princ + interest).toFixed(2), interest: interest.toFixed(2), principal: princ.toFixed(2), balance: Math.abs(balance).toFixed(2) });
  }
  return rows;
}

/** The same schedule with decimal.js and overdue's rules: each period's interest and the level
 *  instalment rounded half away from zero, the final instalment taking the residual. */
export function planDecimal(principal, annualRate, n) {
  const r = new Decimal(annualRate).div(100).div(12);
  const P = new Decimal(principal);
  const pmt = r.isZero() ? P.div(n) : P.mul(r).div(new Decimal(1).minus(new Decimal(1).div(r.plus(1).pow(n))));
  const level = pmt.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const rows = [];
  let balance = P;
  for (let k = 1; k <= n; k++) {
    // Multiply before dividing, so that exact midpoints stay exact (see tests/plan.rs).
    const interest = balance.mul(annualRate).div(1200).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const princ = k === n ? balance : Decimal.min(level.minus(interest), balance);
    balance = balance.minus(princ);
    rows.push({ payment: princ.plus(interest).toFixed(2), interest: interest.toFixed(2), principal: princ.toFixed(2), balance: balance.toFixed(2) });
  }
  return rows;
}

/** Rows where any figure differs by a cent or more. */
export function rowsOff(a, b) {
  let n = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i], y = b[i];
    if (!x || !y || ["payment", "interest", "principal", "balance"].some((k) => Math.abs(Number(x[k]) - Number(y[k])) >= 0.005)) n++;
  }
  return n;
}

/** Contractual simple interest (act/365) per late invoice, on the running balance, as a JavaScript
 *  developer would write it with decimal.js + dayjs; `Num` switches to plain numbers. */
export function lateInterest(invoices, asOf, ratePct, exact = true) {
  const D = exact ? (x) => new Decimal(x) : Number;
  const sub = exact ? (a, b) => a.minus(b) : (a, b) => a - b;
  const add = exact ? (a, b) => a.plus(b) : (a, b) => a + b;
  const pos = exact ? (a) => a.isPos() && !a.isZero() : (a) => a > 0;
  const end = dayjs.utc(asOf).add(1, "day");
  const out = {};
  for (const inv of invoices) {
    if (inv.issueDate > asOf || inv.dueDate >= asOf) continue;
    const start = dayjs.utc(inv.dueDate).add(1, "day");
    const pays = (inv.payments ?? []).filter((p) => p.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
    let balance = D(inv.amount);
    let owed = balance;
    // An invoice paid in full is still charged for the days it was late (up to the payment that
    // cleared it); one cleared by its due date is not late at all.
    let cleared = null;
    for (const p of pays) {
      owed = sub(owed, D(p.amount));
      if (!pos(owed) && cleared === null) cleared = p.date;
    }
    if (cleared !== null && cleared <= inv.dueDate) continue;
    let from = start;
    let interest = D(0);
    // A payment dated d lowers the balance from d + 1: its own day counts at the balance before it.
    for (const p of pays) {
      const d = dayjs.utc(p.date).add(1, "day");
      if (!d.isAfter(start)) { balance = sub(balance, D(p.amount)); continue; }
      const days = d.diff(from, "day");
      if (pos(balance) && days > 0) interest = add(interest, exact ? balance.mul(ratePct).mul(days).div(36500) : (balance * ratePct * days) / 36500);
      balance = sub(balance, D(p.amount));
      from = d;
    }
    const days = end.diff(from, "day");
    if (pos(balance) && days > 0) interest = add(interest, exact ? balance.mul(ratePct).mul(days).div(36500) : (balance * ratePct * days) / 36500);
    out[inv.id] = exact ? interest.toFixed(dp(inv.currency), Decimal.ROUND_HALF_UP) : interest.toFixed(dp(inv.currency));
  }
  return out;
}

/** The whole late-charges report, built the way a JavaScript developer would with dayjs and
 *  decimal.js, with the rules of overdue's contract regime at act/365 and no fees: per late invoice
 *  (open, or paid in full after its due date) its status, periods (one per balance, each rounded),
 *  interest, daily interest and claim, the invoices by
 *  currency and largest charges first; totals per customer and per currency from the rounded
 *  figures. Objects have overdue's keys in overdue's order, so the two reports compare as JSON. */
export function lateReport(invoices, asOf, ratePct) {
  const half = Decimal.ROUND_HALF_UP;
  const asOfDay = dayjs.utc(asOf);
  const end = asOfDay.add(1, "day");
  const rate = String(ratePct);
  const explanation = `Contractual interest at ${rate}% a year, simple, actual/365.`;
  const rows = [];
  invoices.forEach((inv, index) => {
    if (inv.issueDate > asOf || inv.dueDate >= asOf) return;
    const pays = (inv.payments ?? []).filter((p) => p.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let owed = new Decimal(inv.amount);
    let cleared = null;
    for (const p of pays) {
      owed = owed.minus(p.amount);
      if ((!owed.isPos() || owed.isZero()) && cleared === null) cleared = p.date;
    }
    // Paid in full by the due date: never late. Paid in full after it: charged up to that payment.
    if (cleared !== null && cleared <= inv.dueDate) return;
    const paidLate = cleared !== null;
    const places = dp(inv.currency);
    const start = dayjs.utc(inv.dueDate).add(1, "day");
    let balance = new Decimal(inv.amount);
    let from = start;
    let interest = new Decimal(0);
    const periods = [];
    const close = (to) => {
      const days = to.diff(from, "day");
      if (days <= 0 || !balance.isPos() || balance.isZero()) return;
      const part = balance.mul(ratePct).mul(days).div(36500);
      interest = interest.plus(part);
      periods.push({ from: from.format("YYYY-MM-DD"), to: to.subtract(1, "day").format("YYYY-MM-DD"), days,
        balance: balance.toFixed(places, half), rate, interest: part.toFixed(places, half) });
    };
    // A payment dated d lowers the balance from d + 1: its own day counts at the balance before it.
    for (const p of pays) {
      const d = dayjs.utc(p.date).add(1, "day");
      if (d.isAfter(from)) {
        close(d);
        from = d;
      }
      balance = balance.minus(p.amount);
    }
    close(end);
    const outstanding = owed.toDecimalPlaces(places, half);
    const charged = interest.toDecimalPlaces(places, half);
    const zero = new Decimal(0).toFixed(places);
    const lateUntil = paidLate ? dayjs.utc(cleared) : asOfDay;
    rows.push({ index, name: inv.customer.name, charged, outstanding, paidLate, row: {
      id: inv.id, customerId: inv.customer.id, currency: inv.currency, dueDate: inv.dueDate,
      interestFrom: start.format("YYYY-MM-DD"), status: paidLate ? "paidLate" : "open",
      daysLate: lateUntil.diff(dayjs.utc(inv.dueDate), "day"), rate,
      dailyInterest: (paidLate ? new Decimal(0) : owed.mul(ratePct).div(36500)).toFixed(places, half),
      outstanding: outstanding.toFixed(places), interest: charged.toFixed(places), compensation: zero, fees: zero,
      totalCharges: charged.toFixed(places), chargesPaid: zero, claimable: charged.toFixed(places),
      totalClaim: outstanding.plus(charged).toFixed(places),
      capped: false, explanation, periods, payments: [],
    } });
  });
  const byCharges = (a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : b.charged.cmp(a.charged) || a.index - b.index);
  const customers = new Map();
  const currencies = new Map();
  for (const r of rows) {
    const c = r.row.currency;
    const key = c + "\u0000" + r.row.customerId;
    const fresh = () => ({ outstanding: new Decimal(0), charged: new Decimal(0), open: { n: 0, charged: new Decimal(0), claim: new Decimal(0) }, paidLate: { n: 0, charged: new Decimal(0), claim: new Decimal(0) } });
    const cu = customers.get(key) ?? customers.set(key, { index: customers.size, currency: c, customerId: r.row.customerId, name: r.name, ...fresh() }).get(key);
    const cur = currencies.get(c) ?? currencies.set(c, { currency: c, ...fresh() }).get(c);
    for (const t of [cu, cur]) {
      t.outstanding = t.outstanding.plus(r.outstanding);
      t.charged = t.charged.plus(r.charged);
      const s = r.paidLate ? t.paidLate : t.open;
      s.n++;
      s.charged = s.charged.plus(r.charged);
      s.claim = s.claim.plus(r.outstanding).plus(r.charged);
    }
  }
  const totals = (t) => {
    const places = dp(t.currency);
    const zero = new Decimal(0).toFixed(places);
    const status = (s) => ({ invoices: s.n, totalCharges: s.charged.toFixed(places), claimable: s.charged.toFixed(places), totalClaim: s.claim.toFixed(places) });
    return { outstanding: t.outstanding.toFixed(places), interest: t.charged.toFixed(places), compensation: zero, fees: zero,
      totalCharges: t.charged.toFixed(places), chargesPaid: zero, claimable: t.charged.toFixed(places),
      totalClaim: t.outstanding.plus(t.charged).toFixed(places), open: status(t.open), paidLate: status(t.paidLate) };
  };
  return {
    invoices: rows.map((r) => ({ ...r, currency: r.row.currency })).sort(byCharges).map((r) => r.row),
    customers: [...customers.values()].sort(byCharges).map((t) => ({ customerId: t.customerId, name: t.name, currency: t.currency, ...totals(t) })),
    currencies: [...currencies.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)).map((t) => ({ currency: t.currency, ...totals(t), fixedSums: [], unpriced: 0 })),
  };
}

/** How many items of two lists differ, compared as JSON. */
export function listDifferences(a, b) {
  let n = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) n++;
  return n;
}

/** How many entries differ between two id → string maps. */
export function mapDifferences(a, b) {
  let n = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[k] !== b[k]) n++;
  return n;
}

/** CSV import the way a JavaScript developer would: papaparse with a header row, decimal.js to check
 *  each amount against its currency's minor digits, a pattern for ISO dates. */
export function importPeer(text, Papa, Decimal) {
  const p = Papa.parse(text, { header: true, skipEmptyLines: true });
  const out = [];
  let bad = 0;
  for (const row of p.data) {
    const dp = { JPY: 0, KWD: 3 }[row.currency] ?? 2;
    let amount;
    try {
      amount = new Decimal(row.amount);
    } catch {
      bad++;
      continue;
    }
    if (amount.decimalPlaces() > dp || amount.lte(0) || !/^\d{4}-\d{2}-\d{2}$/.test(row.dueDate)) { bad++; continue; }
    out.push({ id: row.id, customer: { id: row.customerId, name: row.customerName }, currency: row.currency, amount: amount.toFixed(dp),
      issueDate: row.issueDate, dueDate: row.dueDate, ...(row.paid ? { payments: [{ date: row.issueDate, amount: new Decimal(row.paid).toFixed(dp) }] } : {}) });
  }
  return { invoices: out, bad };
}

// The cash forecast as a JavaScript developer would write it with decimal.js, following the method
// README.md's "Cash forecast" states (Kaplan–Meier per customer and for the ledger, the blend
// n / (n + priorWeight), the conditional 20/50/80 % points, weekly totals): the peer for `make bench`,
// and a second implementation whose expected dates must agree with overdue's invoice for invoice.
// Promises and disputes are left out on both sides (the bench ledger has none).

const DAY = 864e5;
const dayNo = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);

// 0.5^x as overdue computes it (whole halvings, then the series of e^(−f ln 2)), so that a weight
// on a threshold falls the same side in both.
function halfPower(x) {
  const whole = Math.floor(x);
  const f = (x - whole) * Math.LN2;
  let term = 1, sum = 1;
  for (let k = 1; k <= 18; k++) { term *= -f / k; sum += term; }
  let out = sum;
  for (let i = 0; i < Math.min(whole, 1100); i++) out *= 0.5;
  return out;
}

function settledOn(inv, Decimal) {
  let left = new Decimal(inv.amount);
  const dated = [];
  for (const p of inv.payments ?? []) {
    if (p.date) dated.push([p.date, p.amount]);
    else left = left.minus(p.amount);
  }
  if (left.lte(0)) return null;
  for (const c of inv.credits ?? []) dated.push([c.date, c.amount]);
  dated.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [d, a] of dated) {
    left = left.minus(a);
    if (left.lte(0)) return d;
  }
  return null;
}

/** What is left of an invoice on `asOf`: undated payments count, later ones do not. */
export function outstanding(inv, asOf, Decimal) {
  let out = new Decimal(inv.amount);
  for (const p of inv.payments ?? []) if (!p.date || p.date <= asOf) out = out.minus(p.amount);
  for (const c of inv.credits ?? []) if (c.date <= asOf) out = out.minus(c.amount);
  return out;
}

function curve(subjects) {
  let atRisk = 0;
  for (const s of subjects) atRisk += s[2];
  const times = [], surv = [];
  let s = 1;
  for (let i = 0; i < subjects.length;) {
    const t = subjects[i][0];
    let paid = 0, leaving = 0;
    for (; i < subjects.length && subjects[i][0] === t; i++) {
      if (subjects[i][1]) paid += subjects[i][2];
      leaving += subjects[i][2];
    }
    if (paid > 0 && atRisk > 0) {
      s *= Math.max(1 - paid / atRisk, 0);
      times.push(t);
      surv.push(s);
    }
    atRisk -= leaving;
  }
  return { times, surv };
}

function at(c, t) {
  let lo = 0, hi = c.times.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (c.times[m] <= t) lo = m + 1; else hi = m; }
  return lo === 0 ? 1 : c.surv[lo - 1];
}

const EPS = 1e-9;
function quantileAfter(own, lam, ledger, a, q) {
  const s = (t) => (lam > 0 ? lam * at(own, t) : 0) + (1 - lam) * at(ledger, t);
  const base = s(a);
  if (base <= EPS) return null;
  const target = base * (1 - q) + EPS * base;
  const lastOwn = own.times.at(-1), lastLedger = ledger.times.at(-1);
  let last;
  if (lam > 0 && lastOwn !== undefined) last = lastLedger === undefined ? lastOwn : Math.max(lastOwn, lastLedger);
  else if (lastLedger === undefined) return null;
  else last = lastLedger;
  if (last <= a || s(last) > target) return null;
  let lo = a + 1, hi = last;
  while (lo < hi) { const mid = lo + Math.floor((hi - lo) / 2); if (s(mid) <= target) hi = mid; else lo = mid + 1; }
  return lo;
}

/** Expected, earliest and latest dates of every invoice open on asOf, and the weekly expected
 *  totals per currency (Monday to Sunday, from asOf + 1 to asOf + horizonDays). */
export function forecastPeer(invoices, asOf, Decimal, { halfLife = 180, prior = 3, horizonDays = 91 } = {}) {
  const now = dayNo(asOf);
  const groupOf = new Map();
  const group = invoices.map((inv) => {
    const k = `${inv.currency}\u0000${inv.customer.id}`;
    if (!groupOf.has(k)) groupOf.set(k, groupOf.size);
    return groupOf.get(k);
  });
  const subjects = [];
  const open = [];
  invoices.forEach((inv, i) => {
    if (inv.issueDate > asOf) return;
    const due = dayNo(inv.dueDate);
    const settled = settledOn(inv, Decimal);
    if (settled && settled <= asOf) {
      subjects.push([group[i], dayNo(settled) - due, true, halfPower((now - dayNo(settled)) / halfLife), subjects.length]);
    } else {
      const out = outstanding(inv, asOf, Decimal);
      if (out.gt(0)) {
        subjects.push([group[i], now - due, false, 1, subjects.length]);
        open.push([inv, i, out]);
      }
    }
  });
  const byDay = [...subjects].sort((a, b) => a[1] - b[1] || a[4] - b[4]);
  const ledger = curve(byDay.map((s) => [s[1], s[2], s[3]]));
  const byGroup = [...subjects].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[4] - b[4]);
  const own = new Map(), paid = new Map();
  for (let i = 0; i < byGroup.length;) {
    const g = byGroup[i][0];
    const list = [];
    let w = 0;
    for (; i < byGroup.length && byGroup[i][0] === g; i++) { list.push([byGroup[i][1], byGroup[i][2], byGroup[i][3]]); if (byGroup[i][2]) w += byGroup[i][3]; }
    own.set(g, curve(list));
    paid.set(g, w);
  }
  const rows = open.map(([inv, i, out]) => {
    const due = dayNo(inv.dueDate), a = now - due;
    let dates;
    if (!ledger.times.length) {
      const d = Math.max(a + 1, 0);
      dates = [d, d, d];
    } else {
      const w = paid.get(group[i]) ?? 0;
      const lam = w + prior > 0 ? w / (w + prior) : 0;
      const o = own.get(group[i]) ?? { times: [], surv: [] };
      const mid = quantileAfter(o, lam, ledger, a, 0.5);
      dates = mid === null ? [null, null, null] : [quantileAfter(o, lam, ledger, a, 0.2), mid, quantileAfter(o, lam, ledger, a, 0.8)];
    }
    const [earliest, expected, latest] = dates.map((d) => (d === null ? null : isoOf(due + d)));
    return { id: inv.id, currency: inv.currency, outstanding: out, earliest, expected, latest };
  });
  // Weeks: asOf + 1 to the next Sunday, then Monday to Sunday, the last cut at the horizon.
  const end = now + horizonDays;
  const weeks = [];
  for (let s = now + 1; s <= end;) {
    const weekday = (new Date(s * DAY).getUTCDay() + 6) % 7;
    const e = Math.min(s + 6 - weekday, end);
    weeks.push([s, e]);
    s = e + 1;
  }
  const totals = new Map();
  for (const r of rows) {
    if (!totals.has(r.currency)) totals.set(r.currency, weeks.map(() => new Decimal(0)));
    if (!r.expected) continue;
    const d = dayNo(r.expected);
    const k = weeks.findIndex(([s, e]) => d >= s && d <= e);
    if (k >= 0) totals.get(r.currency)[k] = totals.get(r.currency)[k].plus(r.outstanding);
  }
  return { rows, weeks: Object.fromEntries([...totals].map(([c, t]) => [c, t.map((x) => x.toFixed())])) };
}

/** A ledger of customers each with a habit: customer c pays about `habit(c)` days after the due
 *  date (± a week), so that the forecast has something to learn; the bench's main ledger pays at
 *  random, which no method can foresee. */
export function habitLedger(n, rand, asOf) {
  const now = dayNo(asOf);
  const customers = Math.max(10, Math.floor(n / 20));
  const habit = Array.from({ length: customers }, () => Math.floor(rand() * 60) - 5);
  return Array.from({ length: n }, (_, i) => {
    const c = Math.floor(rand() * customers);
    const issue = now - 540 + Math.floor(rand() * 560);
    const due = issue + 30;
    const pays = due + habit[c] + Math.floor(rand() * 15) - 7;
    const inv = { id: `H-${i}`, customer: { id: `C-${c}`, name: `Customer ${c}` }, currency: "GBP", amount: `${100 + Math.floor(rand() * 9000)}.00`, issueDate: isoOf(issue), dueDate: isoOf(due) };
    if (pays <= now) inv.payments = [{ date: isoOf(Math.max(pays, issue)), amount: inv.amount }];
    return inv;
  });
}

// Statements of account as a JavaScript developer would write them with decimal.js, following the
// rules README.md's "Statements of account" states: the peer for `make bench`, and a second
// implementation whose opening balance, every line's running balance, closing balance and ageing
// footer must agree with overdue's for every customer. It builds the figures only; overdue also
// writes each statement as text and as an HTML page.

import { outstanding } from "./forecast.mjs";

const DAY = 864e5;
const dayNo = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const DIGITS = { GBP: 2, EUR: 2, JPY: 0, KWD: 3 };

/** A payment on account for every seventh customer, so the footers allocate: dated a month before
 *  asOf, in the currency of the customer's first invoice, about a third of that invoice. */
export function documentsFor(ledger, asOf) {
  const seen = new Set();
  const docs = [];
  const date = new Date((dayNo(asOf) - 30) * DAY).toISOString().slice(0, 10);
  for (const inv of ledger) {
    const n = Number(inv.customer.id.slice(2));
    if (n % 7 || seen.has(inv.customer.id)) continue;
    seen.add(inv.customer.id);
    const d = DIGITS[inv.currency];
    docs.push({ kind: "paymentOnAccount", customerId: inv.customer.id, currency: inv.currency, date, amount: (Math.round(Number(inv.amount) / 3 * 10 ** d) / 10 ** d).toFixed(d) });
  }
  return docs;
}

/** The ledger and documents per customer, in first-seen order. */
export function byCustomer(ledger, docs) {
  const groups = new Map();
  const slot = (id) => groups.get(id) ?? groups.set(id, { invoices: [], documents: [] }).get(id);
  for (const inv of ledger) slot(inv.customer.id).invoices.push(inv);
  for (const d of docs) slot(d.customerId).documents.push(d);
  return groups;
}

/** One customer's statement figures: `{ from, currencies: [{ currency, opening, balances, closing, buckets, credit, total }] }`. */
export function statementPeer(asOf, invoices, documents, Decimal) {
  const theirs = invoices.filter((i) => i.issueDate <= asOf);
  const docs = documents.filter((d) => d.date <= asOf);
  let from = null;
  for (const i of theirs) if (outstanding(i, asOf, Decimal).gt(0) && (from === null || i.issueDate < from)) from = i.issueDate;
  if (from === null) {
    const [y, m] = [+asOf.slice(0, 4), +asOf.slice(5, 7)];
    from = new Date(Date.UTC(y, m - 1 - 3, 1)).toISOString().slice(0, 10);
  }
  const codes = [...new Set([...theirs.map((i) => i.currency), ...docs.map((d) => d.currency)])].sort();
  const currencies = codes.map((currency) => {
    const invs = theirs.filter((i) => i.currency === currency);
    const ds = docs.filter((d) => d.currency === currency);
    // [date, order, effect]: on one day invoices, then money against them, then documents.
    const entries = [];
    for (const inv of invs) {
      entries.push([inv.issueDate, 0, new Decimal(inv.amount)]);
      for (const p of inv.payments ?? []) if (!p.date || p.date <= asOf) entries.push([p.date ?? inv.issueDate, 1, new Decimal(p.amount).neg()]);
      for (const c of inv.credits ?? []) if (c.date <= asOf) entries.push([c.date, 1, new Decimal(c.amount).neg()]);
    }
    for (const d of ds) entries.push([d.date, 2, new Decimal(d.amount).neg()]);
    let opening = new Decimal(0);
    const shown = [];
    for (const e of entries) (e[0] < from ? (opening = opening.plus(e[2])) : shown.push(e));
    shown.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    let balance = opening;
    const balances = shown.map((e) => (balance = balance.plus(e[2])));
    // The footer: each invoice's balance, credit notes and payments on account set against the
    // oldest due first (issue date, then position, on a tie), what is left over as credit.
    let credit = new Decimal(0);
    const owed = invs.map((i) => {
      const o = outstanding(i, asOf, Decimal);
      if (o.lt(0)) { credit = credit.minus(o); return new Decimal(0); }
      return o;
    });
    const oldest = invs.map((_, k) => k).sort((a, b) => (invs[a].dueDate < invs[b].dueDate ? -1 : invs[a].dueDate > invs[b].dueDate ? 1
      : invs[a].issueDate < invs[b].issueDate ? -1 : invs[a].issueDate > invs[b].issueDate ? 1 : a - b));
    for (const d of [...ds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
      let left = new Decimal(d.amount);
      for (const k of oldest) {
        if (left.isZero()) break;
        const take = Decimal.min(left, owed[k]);
        owed[k] = owed[k].minus(take);
        left = left.minus(take);
      }
      credit = credit.plus(left);
    }
    const buckets = [0, 0, 0, 0, 0].map(() => new Decimal(0));
    const today = dayNo(asOf);
    invs.forEach((inv, k) => {
      const late = today - dayNo(inv.dueDate);
      const b = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
      buckets[b] = buckets[b].plus(owed[k]);
    });
    const total = buckets.reduce((s, x) => s.plus(x), new Decimal(0)).minus(credit);
    return { currency, opening, balances, closing: balance, buckets, credit, total };
  });
  return { from, currencies };
}

/** How many figures of overdue's statement `s` differ from the peer's `p`. */
export function statementDifferences(s, p, Decimal) {
  let off = s.from === p.from ? 0 : 1;
  if (s.currencies.length !== p.currencies.length) return off + 1;
  s.currencies.forEach((c, k) => {
    const q = p.currencies[k];
    const same = (a, b) => new Decimal(a).eq(b);
    if (c.currency !== q.currency) off++;
    if (!same(c.openingBalance, q.opening) || !same(c.closingBalance, q.closing) || c.lines.length !== q.balances.length) off++;
    c.lines.forEach((l, i) => { if (!q.balances[i] || !same(l.balance, q.balances[i])) off++; });
    c.ageing.buckets.forEach((b, i) => { if (!same(b.amount, q.buckets[i])) off++; });
    if (!same(c.ageing.unallocatedCredit, q.credit) || !same(c.ageing.total, q.total)) off++;
  });
  return off;
}

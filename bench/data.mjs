// Deterministic, realistic ledgers for the benchmarks: a fixed-seed PRNG, amounts log-normally spread
// between tens and tens of thousands, four currencies (JPY and KWD for their minor units), due dates
// 14–60 days after issue over 18 months, and a third of invoices partly or fully paid.
export function rng(seed = 20261123) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURRENCIES = [["GBP", 2, 0.45], ["EUR", 2, 0.35], ["JPY", 0, 0.1], ["KWD", 3, 0.1]];
const DAY = 86400000;
const BASE = Date.UTC(2025, 5, 1);
export const AS_OF = "2026-11-23";
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

function pickCurrency(r) {
  let x = r();
  for (const c of CURRENCIES) {
    if ((x -= c[2]) < 0) return c;
  }
  return CURRENCIES[0];
}

function amountOf(r, decimals) {
  // Log-normal around ~800 major units.
  const u = Math.max(r(), 1e-9), v = r();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const major = Math.exp(6.7 + 1.2 * z) * (decimals === 0 ? 150 : decimals === 3 ? 0.3 : 1);
  const scale = 10 ** decimals;
  return Math.max(1, Math.round(major * scale)) / scale;
}

const fixed = (n, d) => n.toFixed(d);

/** `n` invoices in the shared invoice model, amounts as decimal strings. */
export function invoices(n, seed) {
  const r = rng(seed);
  const out = new Array(n);
  const customers = Math.max(10, Math.floor(n / 20));
  for (let i = 0; i < n; i++) {
    const [currency, d] = pickCurrency(r);
    const amount = amountOf(r, d);
    const issue = BASE + Math.floor(r() * 540) * DAY;
    const due = issue + (14 + Math.floor(r() * 47)) * DAY;
    const c = Math.floor(r() * customers);
    const inv = { id: `INV-${i + 1}`, customer: { id: `C-${c}`, name: `Customer ${c}` }, currency, amount: fixed(amount, d),
      issueDate: iso(issue), dueDate: iso(due) };
    const p = r();
    if (p < 0.33) {
      const part = p < 0.2 ? amount : Math.round(amount * 0.4 * 10 ** d) / 10 ** d;
      if (part > 0) inv.payments = [{ date: iso(due + Math.floor(r() * 90 - 20) * DAY), amount: fixed(part, d) }];
      if (inv.payments && inv.payments[0].date < inv.issueDate) inv.payments[0].date = inv.issueDate;
    }
    out[i] = inv;
  }
  return out;
}

/** The same ledger as CSV text in the bulk path's layout: `paid` is what was paid by `asOf`. */
export function csv(list, asOf = AS_OF) {
  const rows = ["id,customerId,customerName,currency,amount,issueDate,dueDate,paid"];
  for (const inv of list) {
    const p = inv.payments?.[0];
    const paid = p && p.date <= asOf ? p.amount : "";
    rows.push(`${inv.id},${inv.customer.id},${inv.customer.name},${inv.currency},${inv.amount},${inv.issueDate},${inv.dueDate},${paid}`);
  }
  return rows.join("\n") + "\n";
}

/** The open invoices of `list` as a QuickBooks Online "Open Invoices" report writes them: three title
 * rows, a header with an empty first cell, each customer on a row of its own with its invoices
 * beneath and a "Total for …" row, a grand total and a footer stamp; MM/DD/YYYY, "1,234.56". */
export function reportCsv(list, asOf = AS_OF) {
  const us = (iso) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
  const money = (cents) => {
    const s = (cents / 100).toFixed(2);
    const [units, dec] = s.split(".");
    return `"${units.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}"`;
  };
  const cents = (a) => Math.round(Number(a) * 100);
  const open = list
    .map((inv) => ({ inv, due: cents(inv.amount) - (inv.payments ?? []).filter((p) => p.date <= asOf).reduce((s, p) => s + cents(p.amount), 0) }))
    .filter((x) => x.due > 0 && x.inv.currency === "GBP")
    .sort((a, b) => (a.inv.customer.name < b.inv.customer.name ? -1 : a.inv.customer.name > b.inv.customer.name ? 1 : 0));
  const rows = ["Open Invoices Report,,,,,,", "Bench Ltd,,,,,,", `"As of ${asOf}",,,,,,`, "", ",Date,Transaction type,Num,Term,Due date,Open balance"];
  let current = null, sum = 0, all = 0;
  const close = () => { if (current !== null) rows.push(`Total for ${current},,,,,,${money(sum)}`); };
  for (const { inv, due } of open) {
    if (inv.customer.name !== current) {
      close();
      current = inv.customer.name;
      sum = 0;
      rows.push(`${current},,,,,,`);
    }
    sum += due;
    all += due;
    rows.push(`,${us(inv.issueDate)},Invoice,${inv.id},Net 30,${us(inv.dueDate)},${money(due)}`);
  }
  close();
  rows.push(`,TOTAL,,,,,${money(all)}`, "", '" Monday, November 23, 2026 09:00 AM GMT+00:00",,,,,,');
  return { text: rows.join("\n") + "\n", invoices: open.length, rows: rows.length };
}

import { ageReceivables, provisionMatrix } from "../pkg/overdue.js";
import { ask } from "./compute.js";
import { el, money, svgEl, table, plainMessage, working } from "./format.js";
import { download, homeFirst } from "../store.js";

/** One CSV cell: quoted when it holds a separator, a quote or a line break. */
const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A text cell that a spreadsheet will show as text: one starting with =, +, -, "@", a tab or a carriage
 * return would be read as a formula (a customer called =HYPERLINK(…) would become a live link), so
 * it gets a leading apostrophe, as OWASP advises for CSV injection. Amounts are overdue's own decimals
 * and are written as they are.
 */
const text = (v) => cell(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The ageing report as CSV: one row per customer and currency, amounts as exact decimals; a UTF-8
 * byte-order mark first, so Excel reads accented names as UTF-8. */
export function agingCsv(r) {
  const lines = [["Customer", "Customer id", "Currency", ...r.buckets.map((b) => b.label), "Total"].map(cell).join(",")];
  for (const c of r.customers) lines.push([text(c.name), text(String(c.customerId)), c.currency, ...c.buckets.map(cell), cell(c.totalOutstanding)].join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}


function bars(c) {
  const w = 560, h = 180, pad = 28, n = c.buckets.length, gap = 10;
  const max = Math.max(...c.buckets.map((b) => Number(b.amount)), 1);
  const svg = svgEl("svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h + pad}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Amounts owed in ${c.currency} by how late: ` + c.buckets.map((b) => `${b.label} days ${money(b.amount, c.currency)}`).join(", "));
  const bw = (w - gap * (n + 1)) / n;
  c.buckets.forEach((b, i) => {
    const bh = (Number(b.amount) / max) * (h - 24);
    const x = gap + i * (bw + gap);
    const rect = svgEl("rect", { x, y: h - bh, width: bw, height: Math.max(bh, 1), class: i === 0 ? "bar current" : "bar" });
    const label = svgEl("text", { x: x + bw / 2, y: h + 18, "text-anchor": "middle", class: "axis" });
    label.textContent = b.label;
    const value = svgEl("text", { x: x + bw / 2, y: h - bh - 6, "text-anchor": "middle", class: "value" });
    value.textContent = Number(b.amount) > 0 ? money(b.amount, c.currency) : "";
    svg.append(rect, label, value);
  });
  return svg;
}

/** Expected bad debts on what is owed today, from how money fell behind in the last year. */
async function badDebts(asOf, invoices, buckets, workspace) {
  const box = el("section", { id: "aging-provision", "aria-label": "Expected bad debts" }, el("h3", { text: "How much of it may never be paid?" }));
  let p;
  try {
    p = await ask(provisionMatrix, { asOf, invoices, buckets });
  } catch (e) {
    box.append(el("p", { class: "banner error", role: "alert", text: plainMessage(e) }));
    return box;
  }
  box.append(el("p", { class: "hint", text: "From your own last 12 months: how much of each group fell further behind a month later, and how much of the oldest was written off rather than paid (mark a credit as a write-off to record a bad debt). Accountants call this the IFRS 9 provision." }));
  for (const c of homeFirst(p.currencies, workspace)) {
    if (!Number(c.balance)) continue;
    if (c.expectedLoss === null) {
      box.append(el("p", { id: `provision-${c.currency}`, text: `${c.currency}: not enough history yet. None of your oldest unpaid money has been paid or written off in the last 12 months, so there is nothing to learn from.` }));
      continue;
    }
    box.append(el("p", { id: `provision-${c.currency}`, text: `${c.currency}: about ${money(c.expectedLoss, c.currency)} of ${money(c.balance, c.currency)} (${Number(c.coveragePercent).toLocaleString(undefined, { maximumFractionDigits: 1 })} %) may never be paid.` }));
    box.append(table(`Expected bad debts in ${c.currency}`, [["Days late"], ["Owed", "num"], ["Share expected lost", "num"], ["Expected loss", "num"]],
      c.buckets.map((b) => [b.label, money(b.balance, c.currency), `${Number(b.lossRate).toLocaleString(undefined, { maximumFractionDigits: 2 })} %`, money(b.expectedLoss, c.currency)])));
    for (const n of c.notes) box.append(el("p", { class: "hint", text: n }));
  }
  return box;
}

export async function render(root, { asOf, invoices, workspace, current }) {
  const buckets = workspace?.settings?.buckets ?? null;
  const heading = el("h2", { text: "How late is the money?" });
  root.replaceChildren(heading, working(invoices.length));
  const [r, provision] = await Promise.all([ask(ageReceivables, { asOf, invoices, detail: "customers", buckets, documents: workspace?.documents ?? [] }), badDebts(asOf, invoices, buckets, workspace)]);
  if (!current()) return;
  const csv = el("button", { type: "button", id: "aging-csv", class: "small", text: "Download as CSV" });
  csv.addEventListener("click", () => download(`ageing-${asOf}.csv`, agingCsv(r), "text/csv;charset=utf-8"));
  root.replaceChildren(heading,
    el("p", { class: "hint" }, "What is owed, grouped by days past the due date. “Current” is not due yet. ", csv));
  for (const c of homeFirst(r.currencies, workspace)) {
    root.append(el("h3", { text: `${c.currency}: ${money(c.totalOutstanding, c.currency)} owed, ${money(c.overdueTotal, c.currency)} overdue` }));
    root.append(el("figure", { class: "chart" }, bars(c)));
    root.append(table(`Ageing of ${c.currency} receivables`, [["Days late"], ["Amount", "num"], ["Invoices", "num"]],
      c.buckets.map((b) => [b.label, money(b.amount, c.currency), String(b.count)])));
    const over90 = Number(c.shareOver90Days) > 0 ? `${c.shareOver90Days}% is more than 90 days late` : "Nothing is more than 90 days late";
    const avg = Math.round(Number(c.weightedAverageDaysPastDue));
    root.append(el("p", { class: "hint", text: `${over90}; on average the money owed is ${avg} ${avg === 1 ? "day" : "days"} past due.${Number(c.disputedTotal) > 0 ? ` ${money(c.disputedTotal, c.currency)} of it is disputed.` : ""}` }));
    const rows = r.customers.filter((x) => x.currency === c.currency);
    root.append(table(`${c.currency} customers by amount owed`, [["Customer"], ...r.buckets.map((b) => [b.label, "num"]), ["Total", "num"]],
      rows.map((x) => [x.name, ...x.buckets.map((a) => (Number(a) ? money(a, c.currency) : "—")), money(x.totalOutstanding, c.currency)]),
      { first: 100, noun: `${c.currency} customers` }));
  }
  root.append(provision);
}

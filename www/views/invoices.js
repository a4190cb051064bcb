import { normalizeInvoices } from "../pkg/overdue.js";
import { el, money, date } from "./format.js";

const STATUS = { paid: "Paid", current: "Not yet due", overdue: "Overdue", credit: "Overpaid" };

export function render(root, { asOf, invoices }) {
  const result = normalizeInvoices({ asOf, invoices });
  const cards = el("div", { class: "cards" });
  for (const t of result.totals) {
    const dl = el("dl");
    for (const [label, value] of [["Owed to you", money(t.outstanding, t.currency)], ["Of which overdue", money(t.overdue, t.currency)], ["Invoices", String(t.invoices)]]) {
      dl.append(el("dt", { text: label }), el("dd", { text: value }));
    }
    cards.append(el("div", { class: "card" }, el("h3", { text: t.currency }), dl));
  }
  const body = el("tbody");
  for (const inv of [...result.invoices].sort((a, b) => b.daysPastDue - a.daysPastDue)) {
    const tr = el("tr");
    tr.dataset.status = inv.status;
    for (const [text, cls] of [[inv.customer.name], [inv.id], [date(inv.dueDate)], [money(inv.amount, inv.currency), "num"], [money(inv.outstanding, inv.currency), "num"], [inv.daysPastDue > 0 ? String(inv.daysPastDue) : "—", "num"]]) {
      tr.append(el("td", { class: cls ?? "", text }));
    }
    tr.append(el("td", { class: `status ${inv.status}`, text: STATUS[inv.status] + (inv.disputed ? " · disputed" : "") }));
    body.append(tr);
  }
  const head = el("tr");
  for (const [label, cls] of [["Customer"], ["Invoice"], ["Due date"], ["Amount", "num"], ["Still owed", "num"], ["Days late", "num"], ["Status"]]) head.append(el("th", { scope: "col", class: cls ?? "", text: label }));
  const tableEl = el("table", { id: "invoices" }, el("caption", { class: "visually-hidden", text: "Invoices with what is still owed today" }), el("thead", {}, head), body);
  root.replaceChildren(el("h2", { id: "totals-h", text: "Invoices" }), el("div", { id: "totals" }, cards), el("div", { class: "table-wrap" }, tableEl));
}

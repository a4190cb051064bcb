import { collectionWorklist, paymentRisk } from "../pkg/overdue.js";
import { el, money, date, table } from "./format.js";

const TREND = { deteriorating: "Paying later and later", improving: "Paying sooner", stable: "Steady", unknown: "No trend yet" };

export function render(root, { asOf, invoices }) {
  const risk = paymentRisk({ asOf, invoices });
  const work = collectionWorklist({ asOf, invoices, risk });
  root.replaceChildren(el("h2", { text: "Who to chase today" }),
    el("p", { class: "hint", text: "Customers with overdue invoices, most urgent first: bigger and older debts, and customers who are paying later and later, come first. Disputed invoices and promises to pay are set aside." }));
  const list = el("ol", { class: "worklist" });
  for (const item of work.items) {
    const r = risk.customers.find((c) => c.customerId === item.customerId && c.currency === item.currency);
    const card = el("li", { class: `work ${item.status}` },
      el("div", { class: "work-head" },
        el("h3", { text: item.name }),
        el("span", { class: "priority", text: item.status === "onHold" ? "On hold" : `Priority ${Math.round(Number(item.priority))}` })),
      el("p", { class: "reason", text: item.reason }));
    if (r && r.score !== null) {
      card.append(el("p", { class: "risk", text: `Payment score ${r.score} (grade ${r.grade}) · ${TREND[r.trend]}. ${r.explanation}` }));
    }
    card.append(table(`Overdue invoices of ${item.name}`, [["Invoice"], ["Due"], ["Still owed", "num"], ["Days late", "num"], ["Note"]],
      item.invoices.map((i) => [i.id, date(i.dueDate), money(i.outstanding, item.currency), String(i.daysPastDue),
        i.hold === "disputed" ? "Disputed" : i.hold === "promised" ? `Promised by ${date(i.promisedDate)}` : ""])));
    list.append(card);
  }
  if (work.items.length === 0) list.append(el("li", { text: "Nobody is late. Well done." }));
  root.append(list);
}

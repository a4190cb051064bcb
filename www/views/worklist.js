import { ageReceivables } from "../pkg/overdue.js";
import { chaseList } from "../questions.js";
import { ask } from "./compute.js";
import { el, money, date, table, showAll, working } from "./format.js";
import { homeCurrency, homeFirst } from "../store.js";

// Cards drawn at first, and invoice rows per card: a 10,000-invoice ledger had put 11,000 rows in
// the page and taken a second to lay out; the rest come when asked for.
const FIRST_CUSTOMERS = 50;
const FIRST_INVOICES = 10;

const TREND = { deteriorating: "Paying later and later", improving: "Paying sooner", stable: "Steady", unknown: "No trend yet" };

export async function render(root, { asOf, invoices, workspace, current }) {
  root.replaceChildren(el("h2", { text: "Who to chase today" }));
  // An empty ledger: how to start, not "nobody is late".
  if (!invoices.length) {
    root.append(el("div", { class: "panel-box", id: "start" },
      el("p", { text: "There are no invoices here yet. To start:" }),
      el("ul", {},
        el("li", {}, el("a", { href: "#invoices", text: "Add an invoice" }), " by hand, or"),
        el("li", {}, el("a", { href: "#invoices", text: "import the invoices" }), " your accounting program exports (QuickBooks, Xero, FreshBooks, Zoho, DATEV… as CSV), or"),
        el("li", {}, "bring back a copy you exported before, under ", el("a", { href: "#data", text: "Your details & data" }), ".")),
      el("p", { class: "hint", text: "Everything stays in this browser." })));
    return;
  }
  // What is owed, per currency, the home currency first: the answer before the list, and drawn
  // first (with 100,000 invoices the list takes a second or two more).
  const owedAsked = ask(ageReceivables, { asOf, invoices, detail: "summary" });
  const scale = workspace?.settings?.priorityScale;
  const home = homeCurrency(workspace);
  const listAsked = ask(chaseList, { asOf, invoices, ...(scale ? { amountScale: { [home]: scale } } : {}) });
  listAsked.catch(() => {}); // awaited below; not "unhandled" while the totals are drawn
  const owed = await owedAsked;
  if (!current()) return;
  const summary = homeFirst(owed.currencies, workspace).filter((c) => Number(c.totalOutstanding) > 0);
  const lines = summary.map((c) => el("li", { text: `${money(c.totalOutstanding, c.currency)} owed to you · ${money(c.overdueTotal, c.currency)} overdue` }));
  const wait = working(invoices.length);
  root.append(el("ul", { class: "owed-summary", id: "owed-summary" }, ...lines), wait);
  performance.mark("overdue:owed-drawn");
  const { work, risk } = await listAsked;
  if (!current()) return;
  wait.remove();
  const chase = work.items.filter((i) => i.status !== "onHold");
  const held = work.items.length - chase.length;
  summary.forEach((c, k) => {
    const n = chase.filter((i) => i.currency === c.currency).length;
    lines[k].append(` · ${n} ${n === 1 ? "customer" : "customers"} to chase`);
  });
  root.append(el("p", { class: "hint", text: `Most urgent first: bigger and older debts, and customers who are paying later and later, come first.${held ? ` ${held} ${held === 1 ? "customer is" : "customers are"} on hold (disputed, or promised to pay) and listed last.` : " Disputed invoices and promises to pay are set aside."}` }));
  // What "Priority 74" means, in words (the formula of collectionWorklist, src/worklist.rs).
  root.append(el("details", { class: "legend", id: "priority-legend" },
    el("summary", { text: "What the priority means" }),
    el("p", { text: "Each customer gets a priority from 0 to 100: up to 55 points for how much they owe past the due date (10,000 or more in the currency gets all 55, so 1,000 gets 5.5; in yen 1,000,000; you can change the amount for your home currency under Your details & data), up to 45 for how long it has been owed (180 days or more gets all 45), and, once there is a payment history, 15 more for a customer paying later and later and 10 more for a payment score under 50." }),
    el("p", { text: "The scale is fixed, so a customer's priority changes only with what they owe and for how long, never because someone else paid or fell behind. Disputed invoices and promises to pay that have not run out are not counted." })));
  const list = el("ol", { class: "worklist" });
  const riskOf = new Map(risk.map((c) => [`${c.currency} ${c.customerId}`, c]));
  const card = (item) => {
    const r = riskOf.get(`${item.currency} ${item.customerId}`);
    const li = el("li", { class: `work ${item.status}` },
      el("div", { class: "work-head" },
        el("h3", { text: item.name }),
        el("span", { class: "priority", text: item.status === "onHold" ? "On hold" : `Priority ${Math.round(Number(item.priority))}` })),
      el("p", { class: "reason", text: item.reason }));
    if (r && r.score !== null) {
      li.append(el("p", { class: "risk", text: `Payment score ${r.score} (grade ${r.grade}) · ${TREND[r.trend]}. ${r.explanation}` }));
    }
    // A promise whose day has passed unpaid is worth saying out loud when chasing.
    const broken = item.invoices.filter((i) => !i.hold && i.promisedDate && i.promisedDate < asOf);
    const brokenSet = new Set(broken);
    if (broken.length) li.append(el("p", { class: "broken-promise", text: `Broke a promise to pay: ${broken.map((i) => `${i.id} by ${date(i.promisedDate)}`).join(", ")}.` }));
    li.append(table(`Overdue invoices of ${item.name}`, [["Invoice"], ["Due"], ["Still owed", "num"], ["Days late", "num"], ["Note"]],
      item.invoices.map((i) => [i.id, date(i.dueDate), money(i.outstanding, item.currency), String(i.daysPastDue),
        i.hold === "disputed" ? "Disputed" : i.hold === "promised" ? `Promised by ${date(i.promisedDate)}` : brokenSet.has(i) ? `Promise of ${date(i.promisedDate)} broken` : ""]),
      { first: FIRST_INVOICES, noun: `invoices of ${item.name}` }));
    return li;
  };
  for (const item of work.items.slice(0, FIRST_CUSTOMERS)) list.append(card(item));
  if (work.items.length === 0) list.append(el("li", { text: "Nobody is late today: nothing to chase." }));
  root.append(list);
  if (work.items.length > FIRST_CUSTOMERS) {
    root.append(showAll(`Show all ${work.items.length.toLocaleString()} customers`, `The ${FIRST_CUSTOMERS} most urgent are shown. `,
      () => { for (const item of work.items.slice(FIRST_CUSTOMERS)) list.append(card(item)); }));
  }
}

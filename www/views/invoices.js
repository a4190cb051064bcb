import { normalizeInvoices, parseAmount } from "../pkg/overdue.js";
import { ask } from "./compute.js";
import { el, money, date, field, decimalSeparator, amountExample, debounced, units, fromUnits, working } from "./format.js";
import { update, homeCurrency, homeFirst } from "../store.js";
import { importSection } from "./importcsv.js";

const STATUS = { paid: "Paid", current: "Not yet due", overdue: "Overdue", credit: "Overpaid", writtenOff: "Written off" };
export const CURRENCIES = ["GBP", "EUR", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD", "AUD", "NZD", "JPY"];
const FIELD_OF_PATH = { id: "i-id", customer: "i-customer", amount: "i-amount", currency: "i-currency", issueDate: "i-issue", dueDate: "i-due" };

/** A typed amount as the module reads it ("12,50", "1.250,00", "£12.50"); throws in words, with `path`. */
export function typedAmount(text, currency, path) {
  try {
    return parseAmount({ text, currency, decimalSeparator }).amount;
  } catch (e) {
    throw Object.assign(new Error(e.message), { path });
  }
}


function input(name, attrs = {}) {
  return el("input", { name, id: `i-${name}`, ...attrs });
}

// The invoice just added, so the form stays open for the next one and says what was added.
let justAdded = null;

/** The "add an invoice" form; checks the invoice with the module before adding it. */
function addForm(ws, asOf) {
  const customers = [...new Map(ws.invoices.map((i) => [i.customer.name, i.customer])).values()];
  const list = el("datalist", { id: "customer-names" }, ...customers.map((c) => el("option", { value: c.name })));
  const currency = el("select", { name: "currency", id: "i-currency" }, ...CURRENCIES.map((c) => el("option", { value: c, text: c })));
  currency.value = justAdded?.currency ?? homeCurrency(ws);
  const issue = input("issue", { type: "date", value: asOf, required: "" });
  const due = input("due", { type: "date", required: "" });
  const msg = el("p", { class: "error", role: "alert", hidden: "" });
  const form = el("form", { class: "calc", id: "add-invoice", novalidate: "" },
    field("Customer", input("customer", { list: "customer-names", required: "", autocomplete: "off" }), "A new name adds a customer."),
    field("Invoice number", input("id", { required: "", autocomplete: "off" })),
    field("Amount", input("amount", { inputmode: "decimal", required: "", placeholder: amountExample }), `For example ${amountExample}`),
    field("Currency", currency),
    field("Issue date", issue),
    field("Due date", due),
    el("div", { class: "actions" }, el("button", { type: "submit", text: "Add invoice" })), msg, list);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const name = String(f.get("customer")).trim();
    const known = customers.find((c) => c.name === name);
    const invoice = {
      id: String(f.get("id")).trim(), customer: known ?? { id: name, name }, currency: String(f.get("currency")),
      amount: String(f.get("amount")).trim(), issueDate: String(f.get("issue")), dueDate: String(f.get("due")),
    };
    for (const x of form.querySelectorAll("[aria-invalid]")) x.removeAttribute("aria-invalid");
    try {
      if (!invoice.amount) throw Object.assign(new Error("Please give the amount."), { path: "invoices[0].amount" });
      invoice.amount = typedAmount(invoice.amount, invoice.currency, "invoices[0].amount");
      if (!invoice.dueDate) throw Object.assign(new Error("Please give the due date."), { path: "invoices[0].dueDate" });
      if (ws.invoices.some((i) => String(i.id) === invoice.id)) throw Object.assign(new Error(`Invoice ${invoice.id} is already in your list.`), { path: "invoices[0].id" });
      normalizeInvoices({ asOf, invoices: [invoice] });
    } catch (err) {
      msg.hidden = false;
      msg.textContent = err.message;
      const key = String(err.path ?? "").replace(/^invoices\[0\]\./, "").split(".")[0];
      const bad = FIELD_OF_PATH[key] && form.querySelector(`#${FIELD_OF_PATH[key]}`);
      if (bad) { bad.setAttribute("aria-invalid", "true"); bad.focus(); }
      return;
    }
    justAdded = invoice;
    update((w) => { w.invoices.push(invoice); }, `added invoice ${invoice.id}`);
  });
  const box = el("details", { class: "panel-box", id: "add-box" }, el("summary", { text: "Add an invoice" }), form);
  if (justAdded) {
    // Open again, empty but for the currency, saying what was added: a morning's invoices in a row.
    box.open = true;
    form.prepend(el("p", { class: "ok", role: "status", id: "added", text: `Added ${justAdded.id} for ${justAdded.customer.name}, ${money(justAdded.amount, justAdded.currency)}. The form is ready for the next one.` }));
    queueMicrotask(() => /** @type {HTMLInputElement | null} */ (form.querySelector("#i-customer"))?.focus());
    justAdded = null;
  }
  return box;
}

/** Row actions: mark paid, part payment, dispute, promise, delete. */
function actions(inv, asOf) {
  const idx = (w) => w.invoices.findIndex((x) => String(x.id) === String(inv.id));
  // Each of these changes this invoice alone, so the others need not be copied (store.js update).
  const one = { invoice: inv.id };
  // The accessible name starts with the visible words (what speech users say), then the invoice.
  const btn = (text, label, onClick) => {
    const b = el("button", { type: "button", class: "small", text, "aria-label": `${text} ${inv.id}`, title: `${label} ${inv.id}` });
    b.addEventListener("click", onClick);
    return b;
  };
  const box = el("div", { class: "row-actions" });
  if (inv.status === "overdue" || inv.status === "current") {
    box.append(btn("Paid", "Mark as paid in full:", () => update((w) => {
      const i = w.invoices[idx(w)];
      (i.payments ??= []).push({ date: asOf, amount: inv.outstanding });
    }, `marked ${inv.id} as paid (${money(inv.outstanding, inv.currency)})`, one)));
    box.append(btn("Part paid…", "Record a part payment on", () => box.replaceChildren(paymentForm(inv, asOf, idx))));
    box.append(btn(inv.disputed ? "Undispute" : "Dispute", inv.disputed ? "Mark as no longer disputed:" : "Mark as disputed:", () => update((w) => {
      const i = w.invoices[idx(w)];
      i.disputed = !inv.disputed;
    }, `marked ${inv.id} as ${inv.disputed ? "no longer disputed" : "disputed"}`, one)));
    box.append(btn("Promise…", "Record a promise to pay for", () => box.replaceChildren(promiseForm(inv, asOf, idx))));
  }
  if ((inv.payments ?? []).length) box.append(btn("Payments…", "See, change or remove the payments on", () => box.replaceChildren(paymentsList(inv, asOf, idx, () => box.replaceWith(actions(inv, asOf))))));
  box.append(btn("Edit…", "Edit invoice", () => box.replaceChildren(editForm(inv, asOf, idx))));
  box.append(btn("Delete", "Delete invoice", () => {
    const yes = btn("Yes, delete", "Confirm deleting", () => update((w) => { w.invoices.splice(idx(w), 1); }, `deleted invoice ${inv.id}`, one));
    const no = btn("Keep it", "Keep invoice", () => box.replaceWith(actions(inv, asOf)));
    box.replaceChildren(el("span", { text: `Delete ${inv.id}? ` }), yes, no);
    yes.focus();
  }));
  return box;
}

function paymentForm(inv, asOf, idx) {
  const amount = el("input", { name: "amount", inputmode: "decimal", "aria-label": `Amount paid on ${inv.id}`, size: "9", required: "" });
  const day = el("input", { name: "date", type: "date", value: asOf, "aria-label": `Date paid on ${inv.id}` });
  const msg = el("span", { class: "error", role: "alert" });
  const form = el("form", { class: "inline" }, amount, day, el("button", { type: "submit", class: "small", text: "Save" }), msg);
  let confirmed = null;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    try {
      const payment = { date: day.value, amount: typedAmount(amount.value.trim(), inv.currency, "amount") };
      normalizeInvoices({ asOf, invoices: [{ ...inv, payments: [...(inv.payments ?? []), payment] }] });
      // More than is owed is a slip as often as an overpayment: asked once, then recorded.
      if (units(payment.amount) > units(inv.outstanding) && confirmed !== payment.amount) {
        confirmed = payment.amount;
        msg.textContent = `That is more than the ${money(inv.outstanding, inv.currency)} still owed. Press Save again to record ${money(payment.amount, inv.currency)} anyway, or change the amount.`;
        return;
      }
      update((w) => { (w.invoices[idx(w)].payments ??= []).push(payment); }, `recorded a payment of ${money(payment.amount, inv.currency)} on ${inv.id}`, { invoice: inv.id });
    } catch (err) {
      msg.textContent = err.message;
    }
  });
  queueMicrotask(() => amount.focus());
  return form;
}

/** The payments recorded on an invoice, each changeable (amount, date) or removable; every change
 * goes through the module's check and can be undone. */
function paymentsList(inv, asOf, idx, close) {
  const rows = (inv.payments ?? []).map((p, k) => {
    const amount = el("input", { name: "amount", inputmode: "decimal", size: "9", value: String(p.amount), "aria-label": `Amount of payment ${k + 1} on ${inv.id}` });
    const day = el("input", { name: "date", type: "date", value: p.date ?? "", "aria-label": `Date of payment ${k + 1} on ${inv.id}` });
    const msg = el("span", { class: "error", role: "alert" });
    const save = el("button", { type: "submit", class: "small", text: "Save", "aria-label": `Save payment ${k + 1} on ${inv.id}` });
    const remove = el("button", { type: "button", class: "small", text: "Remove", "aria-label": `Remove payment ${k + 1} on ${inv.id}` });
    const form = el("form", { class: "inline payment-row" },
      el("span", { text: p.date ? `${date(p.date)}: ${money(p.amount, inv.currency)}${p.reference ? ` (${p.reference})` : ""} ` : `No date: ${money(p.amount, inv.currency)} ` }),
      amount, day, save, remove, msg);
    const checked = (payments) => {
      const { status, outstanding, daysPastDue, ...source } = inv;
      normalizeInvoices({ asOf, invoices: [{ ...source, payments }] });
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      try {
        const changed = { ...p, amount: typedAmount(amount.value.trim(), inv.currency, "amount"), date: day.value || null };
        checked((inv.payments ?? []).map((q, j) => (j === k ? changed : q)));
        update((w) => { w.invoices[idx(w)].payments[k] = changed; }, `changed a payment on ${inv.id} to ${money(changed.amount, inv.currency)}`, { invoice: inv.id });
      } catch (err) {
        msg.textContent = err.message;
      }
    });
    remove.addEventListener("click", () => update((w) => { w.invoices[idx(w)].payments.splice(k, 1); },
      `removed the payment of ${money(p.amount, inv.currency)} from ${inv.id}`, { invoice: inv.id }));
    return el("li", {}, form);
  });
  const done = el("button", { type: "button", class: "small", text: "Done", "aria-label": `Done with the payments on ${inv.id}` });
  done.addEventListener("click", close);
  return el("div", { class: "payments" }, el("p", { text: `Payments on ${inv.id}:` }), el("ol", {}, ...rows), done);
}

/** Correct an invoice: customer name, amount and dates, checked by the module before saving. */
function editForm(inv, asOf, idx) {
  const mk = (name, label, value, attrs = {}) => el("input", { name, value, "aria-label": `${label} of ${inv.id}`, ...attrs });
  const name = mk("customer", "Customer", inv.customer.name, { size: "14" });
  const amount = mk("amount", "Amount", String(inv.amount), { inputmode: "decimal", size: "9" });
  const issue = mk("issue", "Issue date", inv.issueDate, { type: "date" });
  const due = mk("due", "Due date", inv.dueDate, { type: "date" });
  const msg = el("span", { class: "error", role: "alert" });
  const form = el("form", { class: "inline" }, name, amount, issue, due, el("button", { type: "submit", class: "small", text: "Save" }), msg);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const changes = { amount: amount.value.trim(), issueDate: issue.value, dueDate: due.value };
    const customerName = name.value.trim();
    try {
      changes.amount = typedAmount(changes.amount, inv.currency, "amount");
      const settled = [...(inv.payments ?? []), ...(inv.credits ?? [])].reduce((s, p) => s + units(p.amount), 0n);
      if (units(changes.amount) < settled) {
        throw new Error(`The amount cannot be less than the ${money(fromUnits(settled, changes.amount), inv.currency)} already paid or credited on it.`);
      }
      const { status, outstanding, daysPastDue, ...source } = inv;
      normalizeInvoices({ asOf, invoices: [{ ...source, ...changes, customer: { ...inv.customer, name: customerName } }] });
    } catch (err) {
      msg.textContent = err.message;
      return;
    }
    update((w) => {
      const i = w.invoices[idx(w)];
      Object.assign(i, changes);
      // A renamed customer is renamed on all of their invoices.
      for (const other of w.invoices) if (String(other.customer.id) === String(i.customer.id)) other.customer = { ...other.customer, name: customerName };
    }, `edited invoice ${inv.id}`);
  });
  queueMicrotask(() => amount.focus());
  return form;
}

function promiseForm(inv, asOf, idx) {
  const day = el("input", { name: "promised", type: "date", min: asOf, value: inv.promisedDate && inv.promisedDate >= asOf ? inv.promisedDate : asOf, "aria-label": `Promised payment date for ${inv.id}` });
  const msg = el("span", { class: "error", role: "alert" });
  // Checked here rather than by the browser, so the reason is said in words.
  const form = el("form", { class: "inline", novalidate: "" }, day, el("button", { type: "submit", class: "small", text: "Save" }), msg);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    // A promise is for today or later; one for a past day would hold the invoice for nothing.
    if (day.value && day.value < asOf) { msg.textContent = `A promise to pay is for today (${date(asOf)}) or a later day.`; return; }
    update((w) => {
      const i = w.invoices[idx(w)];
      i.promisedDate = day.value || null;
      (w.log ??= []).push({ customerId: i.customer.id, date: asOf, kind: "promise", text: `Promised to pay ${i.id} by ${day.value}.` });
    }, `recorded a promise to pay ${inv.id}`, { invoice: inv.id });
  });
  queueMicrotask(() => day.focus());
  return form;
}

/** Rows drawn before "Show all": a 10,000-invoice ledger stays quick to open. */
const PAGE = 200;
let showAll = false;
// What the list is narrowed to and sorted by; kept while the page is open, as the user left it.
const view = { search: "", status: "all", currency: "all", sort: "late" };
const FILTERS = [["all", "All invoices"], ["overdue", "Overdue"], ["current", "Not yet due"], ["paid", "Paid"], ["credit", "Overpaid"], ["writtenOff", "Written off"], ["disputed", "Disputed"], ["promised", "Promised"]];
const SORTS = [["late", "Most days late first"], ["owed", "Most still owed first"], ["due", "Due date, earliest first"], ["customer", "Customer, A to Z"], ["id", "Invoice number"]];
const text = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
const ORDER = {
  late: (a, b) => b.daysPastDue - a.daysPastDue,
  // Within one currency by amount; currencies are not compared with each other.
  owed: (a, b) => (a.currency === b.currency ? Number(b.outstanding) - Number(a.outstanding) : a.currency < b.currency ? -1 : 1),
  due: (a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0),
  customer: (a, b) => text.compare(a.customer.name, b.customer.name),
  id: (a, b) => text.compare(String(a.id), String(b.id)),
};
const matches = (inv) => {
  const q = view.search.trim().toLowerCase();
  if (q && !inv.customer.name.toLowerCase().includes(q) && !String(inv.id).toLowerCase().includes(q)) return false;
  if (view.currency !== "all" && inv.currency !== view.currency) return false;
  if (view.status === "disputed") return Boolean(inv.disputed);
  if (view.status === "promised") return Boolean(inv.promisedDate);
  return view.status === "all" || inv.status === view.status;
};

/** The search box and the filter and sort choices above the list. */
function toolbar(result, redraw) {
  const search = el("input", { type: "search", id: "inv-search", value: view.search, placeholder: "Customer or invoice number", autocomplete: "off" });
  const pick = (id, options, key) => {
    const s = el("select", { id }, ...options.map(([v, t]) => el("option", { value: v, text: t })));
    s.value = view[key];
    s.addEventListener("change", () => { view[key] = s.value; showAll = false; redraw(); });
    return s;
  };
  const currencies = [...new Set(result.invoices.map((i) => i.currency))].sort();
  search.addEventListener("input", debounced(() => { view.search = search.value; showAll = false; redraw(true); }, 200));
  const form = el("form", { class: "calc toolbar", id: "inv-tools", role: "search" },
    field("Find", search),
    field("Show", pick("inv-status", FILTERS, "status")),
    ...(currencies.length > 1 ? [field("Currency", pick("inv-currency", [["all", "All currencies"], ...currencies.map((c) => [c, c])], "currency"))] : []),
    field("Sort by", pick("inv-sort", SORTS, "sort")));
  // Enter searches at once rather than reloading the page.
  form.addEventListener("submit", (e) => { e.preventDefault(); view.search = search.value; showAll = false; redraw(true); });
  return form;
}

export async function render(root, ctx, keepFocus = false) {
  const { asOf, workspace, current } = ctx;
  // Coming from another view, a note while the worker works; redrawn in place (a search, a
  // filter, a change), the list stays until the new one is ready.
  if (!root.querySelector("#totals-h")) root.replaceChildren(el("h2", { id: "totals-h", text: "Invoices" }), working(workspace.invoices.length));
  const result = await ask(normalizeInvoices, { asOf, invoices: workspace.invoices });
  if (!current()) return;
  const cards = el("div", { class: "cards" });
  for (const t of homeFirst(result.totals, workspace)) {
    const dl = el("dl");
    for (const [label, value] of [["Owed to you", money(t.outstanding, t.currency)], ["Of which overdue", money(t.overdue, t.currency)], ["Invoices", String(t.invoices)]]) {
      dl.append(el("dt", { text: label }), el("dd", { text: value }));
    }
    cards.append(el("div", { class: "card" }, el("h3", { text: t.currency }), dl));
  }
  const body = el("tbody");
  const sorted = result.invoices.filter(matches).sort(ORDER[view.sort] ?? ORDER.late);
  const byId = new Map(workspace.invoices.map((x) => [String(x.id), x]));
  for (const inv of showAll ? sorted : sorted.slice(0, PAGE)) {
    const tr = el("tr");
    tr.dataset.status = inv.status;
    // Each cell names its column, shown on phones where the rows become cards.
    for (const [text, label, cls] of [[inv.customer.name, "Customer", "who"], [String(inv.id), "Invoice"], [date(inv.dueDate), "Due date"], [money(inv.amount, inv.currency), "Amount", "num"], [money(inv.outstanding, inv.currency), "Still owed", "num"], [inv.daysPastDue > 0 ? String(inv.daysPastDue) : "—", "Days late", "num"]]) {
      tr.append(el("td", { class: cls ?? "", "data-label": label, text }));
    }
    const notes = [STATUS[inv.status], inv.disputed ? "disputed" : "", inv.promisedDate ? `promised ${date(inv.promisedDate)}` : ""].filter(Boolean).join(" · ");
    tr.append(el("td", { class: `status ${inv.status}`, "data-label": "Status", text: notes }));
    const source = byId.get(String(inv.id));
    tr.append(el("td", { class: "row-actions-cell" }, actions({ ...source, ...inv, id: source.id }, asOf)));
    body.append(tr);
  }
  const head = el("tr");
  for (const [label, cls] of [["Customer"], ["Invoice"], ["Due date"], ["Amount", "num"], ["Still owed", "num"], ["Days late", "num"], ["Status"], ["Actions"]]) head.append(el("th", { scope: "col", class: cls ?? "", text: label }));
  const tableEl = el("table", { id: "invoices" }, el("caption", { class: "visually-hidden", text: "Invoices with what is still owed today" }), el("thead", {}, head), body);
  const redraw = (typing = false) => render(root, ctx, typing);
  const filtered = sorted.length < result.invoices.length;
  root.replaceChildren(el("h2", { id: "totals-h", text: "Invoices" }), el("div", { id: "totals" }, cards),
    addForm(workspace, asOf), importSection(workspace),
    ...(workspace.invoices.length ? [toolbar(result, redraw), el("p", { class: "hint", id: "inv-count", role: "status",
      text: filtered ? `${sorted.length.toLocaleString()} of ${result.invoices.length.toLocaleString()} invoices match.` : `${result.invoices.length.toLocaleString()} invoices.` })] : []),
    el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Invoices" }, tableEl));
  if (workspace.invoices.length === 0) root.append(el("p", { class: "hint", text: "No invoices yet: add one above, or import a spreadsheet." }));
  else if (sorted.length === 0) root.append(el("p", { class: "hint", text: "No invoice matches: change the search or show all invoices." }));
  if (!showAll && sorted.length > PAGE) {
    const more = el("button", { type: "button", id: "show-all", text: `Show all ${sorted.length.toLocaleString()} invoices` });
    more.addEventListener("click", () => { showAll = true; redraw(); });
    root.append(el("p", { class: "hint" }, `The first ${PAGE} are shown. `, more));
  }
  // Typing in the search box redraws the view: the box keeps the focus and the caret.
  if (keepFocus) {
    const box = /** @type {HTMLInputElement | null} */ (root.querySelector("#inv-search"));
    box?.focus();
    box?.setSelectionRange(box.value.length, box.value.length);
  }
}

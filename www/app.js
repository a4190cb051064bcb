import init, { normalizeInvoices, version } from "./pkg/overdue.js";
import { demoInvoices } from "./demo.js";

const $ = (id) => document.getElementById(id);
const locale = navigator.language || "en-GB";

// Today in the user's own calendar, not UTC: an invoice due today is not late yet.
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// Amounts arrive as exact decimal strings; Intl formats them without a detour through floats
// where the browser supports string input, which keeps every digit.
function money(amount, currency) {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}

function date(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

const STATUS = { paid: "Paid", current: "Not yet due", overdue: "Overdue", credit: "Overpaid" };

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  row.append(td);
  return td;
}

function render(result) {
  $("asof").textContent = `on ${date(result.asOf)}`;
  const cards = $("totals");
  cards.replaceChildren();
  for (const t of result.totals) {
    const card = document.createElement("div");
    card.className = "card";
    const h = document.createElement("h3");
    h.textContent = t.currency;
    const dl = document.createElement("dl");
    for (const [label, value] of [["Owed to you", t.outstanding], ["Of which overdue", t.overdue], ["Invoices", null]]) {
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = value === null ? String(t.invoices) : money(value, t.currency);
      dl.append(dt, dd);
    }
    card.append(h, dl);
    cards.append(card);
  }
  const body = $("invoices").tBodies[0];
  body.replaceChildren();
  const rows = [...result.invoices].sort((a, b) => b.daysPastDue - a.daysPastDue);
  for (const inv of rows) {
    const tr = document.createElement("tr");
    tr.dataset.status = inv.status;
    cell(tr, inv.customer.name);
    cell(tr, inv.id);
    cell(tr, date(inv.dueDate));
    cell(tr, money(inv.amount, inv.currency), "num");
    cell(tr, money(inv.outstanding, inv.currency), "num");
    cell(tr, inv.daysPastDue > 0 ? String(inv.daysPastDue) : "—", "num");
    const st = cell(tr, STATUS[inv.status] + (inv.disputed ? " · disputed" : ""));
    st.className = `status ${inv.status}`;
    body.append(tr);
  }
}

async function main() {
  try {
    await init();
    $("version").textContent = version();
    $("demo-note").hidden = false;
    render(normalizeInvoices({ asOf: today(), invoices: demoInvoices(today()) }));
  } catch (e) {
    $("error").hidden = false;
    $("error").textContent = `Something went wrong: ${e.message}`;
  } finally {
    $("main").setAttribute("aria-busy", "false");
    document.body.dataset.ready = "true";
  }
}

main();

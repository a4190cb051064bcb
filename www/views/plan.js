import { ageReceivables, paymentPlan } from "../pkg/overdue.js";
import { ask } from "./compute.js";
import { el, field, money, date, table, plainMessage, units, fromUnits, working } from "./format.js";
import { CURRENCIES } from "./invoices.js";
import { update as change } from "../store.js";

// The form's labels, by the name the module gives each input in its messages.
const LABELS = { principal: "Amount to repay", currency: "Currency", annualRate: "Interest, % a year", count: "Number of instalments", frequency: "How often", firstDueDate: "First instalment due" };
const FIELD = { principal: "p-principal", annualRate: "p-rate", count: "p-count", firstDueDate: "p-first" };
const FREQUENCIES = [["monthly", "Monthly"], ["biweekly", "Every two weeks"], ["weekly", "Weekly"], ["semimonthly", "Twice a month"], ["quarterly", "Quarterly"]];

// The customer chosen, kept across the re-render a saved plan causes.
let chosen = "";

function nextMonth(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m, Math.min(d, 28)));
  return t.toISOString().slice(0, 10);
}

/** The plan kept for a customer in one currency, or null. */
export const keptPlan = (workspace, customerId, currency) =>
  (workspace.plans ?? []).find((p) => String(p.customerId) === String(customerId) && p.currency === currency) ?? null;

/**
 * A kept plan as the paymentPlan input it was made with.
 * @param {import("../pkg/overdue.js").SavedPlan} p
 * @returns {import("../pkg/overdue.js").PaymentPlanInput}
 */
export const planTerms = (p) => ({ principal: p.principal, currency: p.currency, annualRate: p.annualRate, frequency: p.frequency, firstDueDate: p.firstDueDate, count: p.count });

/** What each customer owes in each currency and does not dispute (the ageing's own sums): the
 *  amount a plan would spread. */
// What each customer owes and does not dispute, after their credit notes and payments on account
// (allocated as the ageing allocates them, so one earmarked for a disputed invoice stays with it).
async function debtors(asOf, { invoices, documents = [] }) {
  const out = new Map();
  const r = await ask(ageReceivables, { asOf, invoices, documents, detail: "customers" });
  for (const c of r.customers) {
    const owed = units(c.totalOutstanding) - units(c.disputedAmount);
    if (owed > 0n) out.set(`${c.customerId}\u0000${c.currency}`, { id: c.customerId, name: c.name, currency: c.currency, owed: fromUnits(owed, c.totalOutstanding) });
  }
  return out;
}

export async function render(root, { asOf, workspace, current }) {
  const heading = el("h2", { text: "Offer a payment plan" });
  root.replaceChildren(heading, working(workspace.invoices.length));
  const owed = await debtors(asOf, workspace);
  if (!current()) return;
  const who = el("select", { id: "p-customer", name: "customer" }, el("option", { value: "", text: "Nobody in particular: just work it out" }));
  for (const [k, d] of owed) who.append(el("option", { value: k, text: `${d.name} (${d.currency}), owes ${money(d.owed, d.currency)}` }));
  if (!owed.has(chosen)) chosen = "";
  who.value = chosen;
  const principal = el("input", { id: "p-principal", name: "principal", inputmode: "decimal", value: "4200.00" });
  const currency = el("select", { id: "p-currency", name: "currency" });
  for (const c of CURRENCIES) currency.append(el("option", { value: c, text: c }));
  const rate = el("input", { id: "p-rate", name: "rate", inputmode: "decimal", value: "8" });
  const count = el("input", { id: "p-count", name: "count", inputmode: "numeric", value: "6" });
  const frequency = el("select", { id: "p-frequency", name: "frequency" });
  for (const [v, t] of FREQUENCIES) frequency.append(el("option", { value: v, text: t }));
  const first = el("input", { id: "p-first", name: "first", type: "date", value: nextMonth(asOf) });
  const whoField = field("Who is it for?", who);
  whoField.classList.add("wide");
  const form = el("form", { class: "calc" }, whoField, field("Amount to repay", principal), field("Currency", currency), field("Interest, % a year", rate),
    field("Number of instalments", count), field("How often", frequency), field("First instalment due", first));
  const out = el("div", { "aria-live": "polite" });
  const saved = el("div", { id: "p-saved" });
  const debtor = () => owed.get(who.value) ?? null;
  const savedFor = (d) => keptPlan(workspace, d.id, d.currency);
  const others = (plans, d) => (plans ?? []).filter((x) => !(String(x.customerId) === String(d.id) && x.currency === d.currency));
  const terms = () => ({ principal: principal.value.trim(), currency: currency.value, annualRate: rate.value.trim() || "0",
    frequency: frequency.value, firstDueDate: first.value, count: Number(count.value) });
  // A customer chosen: their saved plan, else what they owe in their currency.
  const fill = () => {
    const d = debtor();
    if (!d) return;
    const p = savedFor(d);
    if (p) {
      principal.value = p.principal; rate.value = p.annualRate; count.value = String(p.count); frequency.value = p.frequency; first.value = p.firstDueDate;
    } else principal.value = d.owed;
    if (![...currency.options].some((o) => o.value === d.currency)) currency.append(el("option", { value: d.currency, text: d.currency }));
    currency.value = d.currency;
  };
  const update = () => {
    saved.replaceChildren();
    let p;
    try {
      p = paymentPlan(terms());
      const c = p.currency;
      out.replaceChildren(
        el("p", { class: "total", text: `${p.count} instalments of ${money(p.regularInstalment, c)}${p.finalInstalment !== p.regularInstalment ? ` (the last one ${money(p.finalInstalment, c)})` : ""}: ${money(p.totals.interest, c)} interest, ${money(p.totals.paid, c)} in all. APR ${p.apr}%.` }),
        table("Payment schedule", [["No.", "num"], ["Due"], ["Payment", "num"], ["Interest", "num"], ["Principal", "num"], ["Left to pay", "num"]],
          p.schedule.map((r) => [String(r.number), date(r.dueDate), money(r.payment, c), money(r.interest, c), money(r.principal, c), money(r.balance, c)])));
      for (const x of form.querySelectorAll("[aria-invalid]")) x.removeAttribute("aria-invalid");
    } catch (e) {
      out.replaceChildren(el("p", { class: "error", role: "alert", text: plainMessage(e, LABELS) }));
      for (const x of form.querySelectorAll("[aria-invalid]")) x.removeAttribute("aria-invalid");
      form.querySelector(`#${FIELD[e.path] ?? "none"}`)?.setAttribute("aria-invalid", "true");
      return;
    }
    const d = debtor();
    if (!d) return;
    // Kept with the customer, so the payment-plan notice can set out this schedule.
    const mine = savedFor(d);
    const t = terms();
    const same = mine && mine.principal === p.principal && ["annualRate", "frequency", "firstDueDate", "count"].every((k) => String(mine[k]) === String(t[k])) && mine.currency === t.currency;
    if (t.currency !== d.currency) {
      saved.append(el("p", { class: "hint", text: `${d.name} owes in ${d.currency}: choose ${d.currency} to keep this plan for them.` }));
      return;
    }
    if (mine) saved.append(el("p", { class: "hint", id: "p-saved-note", text: `A plan for ${d.name} was kept on ${date(mine.savedOn)}${same ? "; this is it" : "; this one differs"}. The payment-plan notice sets it out.` }));
    if (!same) {
      const keep = el("button", { type: "button", id: "p-save", text: mine ? `Keep this plan for ${d.name} instead` : `Keep this plan for ${d.name}` });
      keep.addEventListener("click", () => change((w) => {
        w.plans = others(w.plans, d);
        w.plans.push({ customerId: d.id, currency: d.currency, savedOn: asOf, principal: p.principal, annualRate: t.annualRate, frequency: t.frequency, firstDueDate: t.firstDueDate, count: p.count });
      }, `kept a payment plan for ${d.name}: ${p.count} instalments of ${money(p.regularInstalment, p.currency)}`));
      saved.append(keep);
    }
    if (mine) {
      const drop = el("button", { type: "button", id: "p-remove", class: "secondary", text: "Remove the kept plan" });
      drop.addEventListener("click", () => change((w) => {
        w.plans = others(w.plans, d);
      }, `removed the payment plan kept for ${d.name}`));
      saved.append(drop);
    }
  };
  who.addEventListener("change", () => { chosen = who.value; fill(); update(); });
  form.addEventListener("input", (e) => { if (e.target !== who) update(); });
  form.addEventListener("submit", (e) => { e.preventDefault(); update(); });
  root.replaceChildren(heading,
    el("p", { class: "hint", text: "Equal instalments, exact to the cent: each period's interest is rounded and the last instalment settles the rest, so the balance ends at exactly zero. Choose a customer to start from what they owe and keep the plan with them: the payment-plan notice then sets it out." }),
    form, out, saved);
  fill();
  update();
}

import { paymentPlan } from "../pkg/overdue.js";
import { el, field, money, date, table, plainMessage } from "./format.js";

// The form's labels, by the name the module gives each input in its messages.
const LABELS = { principal: "Amount to repay", currency: "Currency", annualRate: "Interest, % a year", count: "Number of instalments", frequency: "How often", firstDueDate: "First instalment due" };
const FIELD = { principal: "p-principal", annualRate: "p-rate", count: "p-count", firstDueDate: "p-first" };

function nextMonth(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m, Math.min(d, 28)));
  return t.toISOString().slice(0, 10);
}

export function render(root, { asOf }) {
  const principal = el("input", { id: "p-principal", name: "principal", inputmode: "decimal", value: "4200.00" });
  const currency = el("select", { id: "p-currency", name: "currency" });
  for (const c of ["GBP", "EUR", "USD", "JPY", "CHF"]) currency.append(el("option", { value: c, text: c }));
  const rate = el("input", { id: "p-rate", name: "rate", inputmode: "decimal", value: "8" });
  const count = el("input", { id: "p-count", name: "count", inputmode: "numeric", value: "6" });
  const frequency = el("select", { id: "p-frequency", name: "frequency" });
  for (const [v, t] of [["monthly", "Monthly"], ["biweekly", "Every two weeks"], ["weekly", "Weekly"], ["semimonthly", "Twice a month"], ["quarterly", "Quarterly"]]) frequency.append(el("option", { value: v, text: t }));
  const first = el("input", { id: "p-first", name: "first", type: "date", value: nextMonth(asOf) });
  const form = el("form", { class: "calc" }, field("Amount to repay", principal), field("Currency", currency), field("Interest, % a year", rate),
    field("Number of instalments", count), field("How often", frequency), field("First instalment due", first));
  const out = el("div", { "aria-live": "polite" });
  const update = () => {
    try {
      const p = paymentPlan({ principal: principal.value.trim(), currency: currency.value, annualRate: rate.value.trim() || "0",
        frequency: frequency.value, firstDueDate: first.value, count: Number(count.value) });
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
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("submit", (e) => { e.preventDefault(); update(); });
  root.replaceChildren(el("h2", { text: "Offer a payment plan" }),
    el("p", { class: "hint", text: "Equal instalments, exact to the cent: each period's interest is rounded and the last instalment settles the rest, so the balance ends at exactly zero." }), form, out);
  update();
}

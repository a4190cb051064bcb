import { lateCharges } from "../pkg/overdue.js";
import { el, field, money, table } from "./format.js";
import { remember } from "../store.js";

const REGIMES = {
  contract: { label: "Rate agreed in the contract", currency: null },
  uk: { label: "UK statutory (Late Payment Act: 8% over Bank Rate, £40–£100)", currency: "GBP" },
  eu: { label: "EU statutory (Directive 2011/7/EU: ECB rate + 8, €40)", currency: "EUR" },
  de: { label: "Germany (§ 288 BGB: base rate + 9, €40)", currency: "EUR" },
};

export function render(root, { asOf, invoices, workspace }) {
  const kind = el("select", { name: "kind" });
  for (const [k, v] of Object.entries(REGIMES)) kind.append(el("option", { value: k, text: v.label }));
  // The rules last chosen are remembered in the workspace.
  kind.value = REGIMES[workspace?.settings?.regime] ? workspace.settings.regime : "contract";
  const rate = el("input", { name: "rate", inputmode: "decimal", value: workspace?.settings?.contractRate ?? "8" });
  const grace = el("input", { name: "grace", inputmode: "numeric", value: "0" });
  const fee = el("input", { name: "fee", inputmode: "decimal", value: "" });
  const reference = el("input", { name: "reference", inputmode: "decimal", value: "" });
  const form = el("form", { class: "calc" },
    field("Which rules?", kind),
    field("Interest rate, % a year (contract)", rate),
    field("Grace days (contract)", grace),
    field("Late fee per invoice (contract)", fee, "Optional"),
    field("Reference rate, % (statutory)", reference, "Leave empty to use the built-in Bank of England, ECB or German base rate; needed for dates the tables do not cover yet."));
  const out = el("div", { "aria-live": "polite" });
  const contractOnly = [rate, grace, fee].map((i) => i.parentElement);
  const update = () => {
    const r = REGIMES[kind.value];
    for (const f of contractOnly) f.hidden = kind.value !== "contract";
    reference.parentElement.hidden = kind.value === "contract";
    const regime = { kind: kind.value };
    if (kind.value === "contract") Object.assign(regime, { annualRate: rate.value.trim() || "0", graceDays: Number(grace.value) || 0, ...(fee.value.trim() ? { fixedFee: fee.value.trim() } : {}) });
    else if (reference.value.trim()) Object.assign(regime, kind.value === "de" ? { baseRate: reference.value.trim() } : { referenceRate: reference.value.trim() });
    const mine = r.currency ? invoices.filter((i) => i.currency === r.currency) : invoices;
    try {
      const rep = lateCharges({ asOf, invoices: mine, regime });
      const rows = rep.invoices.map((i) => [i.id, String(i.daysLate), `${i.rate}%`, money(i.interest, i.currency), money(i.compensation, i.currency), money(i.fees, i.currency), money(i.totalClaim, i.currency)]);
      out.replaceChildren(
        ...rep.currencies.map((c) => el("p", { class: "total", text: `${c.currency}: ${money(c.totalCharges, c.currency)} in charges on ${money(c.outstanding, c.currency)} overdue — ${money(c.totalClaim, c.currency)} to claim.` })),
        table("Late charges per invoice", [["Invoice"], ["Days late", "num"], ["Rate", "num"], ["Interest", "num"], ["Compensation", "num"], ["Fees", "num"], ["Total claim", "num"]], rows),
        ...(rep.invoices[0] ? [el("p", { class: "hint", text: `How ${rep.invoices[0].id} is worked out: ${rep.invoices[0].explanation}` })] : [el("p", { text: "No invoice is late under these rules." })]));
    } catch (e) {
      out.replaceChildren(el("p", { class: "error", role: "alert", text: e.message }));
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("change", () => remember((w) => { (w.settings ??= {}).regime = kind.value; w.settings.contractRate = rate.value.trim() || null; }));
  form.addEventListener("submit", (e) => { e.preventDefault(); update(); });
  root.replaceChildren(el("h2", { text: "What may I charge?" }),
    el("p", { class: "hint", text: "Interest and fees on the late invoices below, exact to the cent. Payments reduce the balance from the day they arrive." }), form, out);
  update();
}

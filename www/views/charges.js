import { lateCharges } from "../pkg/overdue.js";
import { el, field, money, table } from "./format.js";
import { remember } from "../store.js";

const REGIMES = {
  contract: { label: "Rate agreed in the contract" },
  uk: { label: "UK (Late Payment Act: 8% over Bank Rate, £40–£100)" },
  eu: { label: "EU (Directive 2011/7/EU: ECB rate + 8, €40)" },
  de: { label: "Germany (§ 288 BGB: base rate + 9, €40)" },
  fr: { label: "France (Code de commerce L441-10: ECB rate + 10, €40)" },
  es: { label: "Spain (Ley 3/2004: ECB rate + 8, €40)" },
  nl: { label: "Netherlands (BW 6:119a: ECB rate + 8, compounded yearly, €40)" },
  ie: { label: "Ireland (SI 580/2012: ECB rate + 8, €40–€100)" },
  it: { label: "Italy (D.Lgs. 231/2002: ECB rate + 8, €40)" },
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
    for (const f of contractOnly) f.hidden = kind.value !== "contract";
    reference.parentElement.hidden = kind.value === "contract";
    const regime = { kind: kind.value };
    if (kind.value === "contract") Object.assign(regime, { annualRate: rate.value.trim() || "0", graceDays: Number(grace.value) || 0, ...(fee.value.trim() ? { fixedFee: fee.value.trim() } : {}) });
    else if (reference.value.trim()) Object.assign(regime, kind.value === "de" ? { baseRate: reference.value.trim() } : { referenceRate: reference.value.trim() });
    try {
      const rep = lateCharges({ asOf, invoices, regime });
      const rows = rep.invoices.map((i) => [i.id, i.status === "paidLate" ? "Paid late" : "Open", String(i.daysLate), i.problem ? "—" : `${i.rate}%`, money(i.interest, i.currency), i.fixedSum ? money(i.fixedSum.amount, i.fixedSum.currency) : money(i.compensation, i.currency), money(i.fees, i.currency), money(i.totalClaim, i.currency)]);
      const missing = rep.unknownRates.map((u) => el("p", { class: "error", role: "alert", text: `${u.invoices === 1 ? "One invoice needs" : `${u.invoices} invoices need`} the reference rate in force on ${u.referenceDate}, which overdue's table does not have yet: type it above to charge ${u.invoices === 1 ? "it" : "them"}. The others are charged.` }));
      out.replaceChildren(
        ...missing,
        ...rep.currencies.map((c) => el("p", { class: "total", text: `${c.currency}: ${money(c.claimable, c.currency)} in charges you may claim (${money(c.paidLate.claimable, c.currency)} of it on invoices already paid late), on ${money(c.outstanding, c.currency)} still unpaid — ${money(c.totalClaim, c.currency)} in all.` })),
        table("Late charges per invoice", [["Invoice"], ["Status"], ["Days late", "num"], ["Rate", "num"], ["Interest", "num"], ["Fixed sum", "num"], ["Fees", "num"], ["Total claim", "num"]], rows),
        ...(rep.invoices[0] ? [el("p", { class: "hint", text: `How ${rep.invoices[0].id} is worked out: ${rep.invoices[0].explanation}` })] : [el("p", { text: "No invoice is late under these rules." })]));
    } catch (e) {
      out.replaceChildren(el("p", { class: "error", role: "alert", text: e.message }));
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("change", () => remember((w) => { (w.settings ??= {}).regime = kind.value; w.settings.contractRate = rate.value.trim() || null; }));
  form.addEventListener("submit", (e) => { e.preventDefault(); update(); });
  root.replaceChildren(el("h2", { text: "What may I charge?" }),
    el("p", { class: "hint", text: "Interest and fees on every invoice that is or was paid late, exact to the cent. Interest runs up to and including the day a payment arrives." }), form, out);
  update();
}

import { lateCharges } from "../pkg/overdue.js";
import { ask } from "./compute.js";
import { el, field, money, date, table, debounced, working } from "./format.js";
import { homeFirst, remember, update as change } from "../store.js";

// Where each published rate can be looked up, for the question asked when the tables stop short.
const TABLES = {
  boeBankRate: ["the Bank of England Bank Rate", "bankofengland.co.uk, “Bank Rate history”"],
  ecbMainRefinancing: ["the ECB main refinancing rate", "ecb.europa.eu, “Key ECB interest rates”"],
  deBasiszinssatz: ["the Basiszinssatz", "bundesbank.de, “Basiszinssatz”"],
  usPromptPayment: ["the Prompt Payment interest rate", "fiscal.treasury.gov, “Prompt Payment: interest rate”"],
};

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

/** The rules last chosen in this view, as lateCharges takes them (the notices add charges by them). */
export function savedRegime(workspace) {
  const s = workspace?.settings ?? {};
  const kind = REGIMES[s.regime] ? s.regime : "contract";
  const regime = kind === "contract" ? { kind, annualRate: s.contractRate || "8" } : { kind };
  if (kind !== "contract" && s.referenceRates?.length) regime.referenceRates = s.referenceRates;
  return { regime, label: REGIMES[kind].label };
}

const FIRST = 100;

export function render(root, { asOf, invoices, workspace, current }) {
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
    field("One reference rate for every invoice, % (statutory)", reference, "Leave empty: each invoice then gets the rate in force on its own reference date, from the built-in tables or the rates you enter below."));
  const out = el("div", { "aria-live": "polite" });
  const contractOnly = [rate, grace, fee].map((i) => i.parentElement);
  // Answers come back in the order asked; only the last one asked is drawn.
  let asked = 0;
  const update = async () => {
    const mine = ++asked;
    if (!out.firstChild) out.append(working(invoices.length));
    for (const f of contractOnly) f.hidden = kind.value !== "contract";
    reference.parentElement.hidden = kind.value === "contract";
    const regime = { kind: kind.value };
    if (kind.value === "contract") Object.assign(regime, { annualRate: rate.value.trim() || "0", graceDays: Number(grace.value) || 0, ...(fee.value.trim() ? { fixedFee: fee.value.trim() } : {}) });
    else if (reference.value.trim()) Object.assign(regime, kind.value === "de" ? { baseRate: reference.value.trim() } : { referenceRate: reference.value.trim() });
    // Rates the user entered for dates the tables do not reach; each names its table, so the regime
    // uses its own and passes over the others.
    else if (workspace?.settings?.referenceRates?.length) Object.assign(regime, { referenceRates: workspace.settings.referenceRates });
    try {
      // The first hundred rows, as lateCharges orders them (the largest charges first within each
      // currency, as a credit controller works through them); the rest only when asked for: all of a
      // 100,000-invoice ledger's rows are some 95 MB of explanations and periods.
      const input = { asOf, invoices, documents: workspace?.documents ?? [], regime };
      const rep = await ask(lateCharges, { ...input, limit: FIRST });
      if (mine !== asked || !current()) return;
      const total = rep.currencies.reduce((n, c) => n + c.open.invoices + c.paidLate.invoices, 0);
      const row = (i) => [i.id, i.status === "paidLate" ? "Paid late" : "Open", String(i.daysLate), i.problem ? "—" : `${i.rate}%`, money(i.interest, i.currency), i.fixedSum ? money(i.fixedSum.amount, i.fixedSum.currency) : money(i.compensation, i.currency), money(i.fees, i.currency), money(i.totalClaim, i.currency)];
      const rows = rep.invoices.map(row);
      // One question per rate and date still unknown; the answer is kept in the workspace.
      const missing = rep.unknownRates.map((u) => {
        const [what, where] = TABLES[u.table] ?? [u.table, ""];
        const id = `rate-${u.table}-${u.referenceDate}`;
        const box = el("input", { id, inputmode: "decimal", size: "6", "aria-describedby": `${id}-why` });
        const msg = el("span", { class: "error", role: "alert" });
        const save = el("button", { type: "button", class: "small", text: "Use this rate" });
        save.addEventListener("click", () => {
          const text = box.value.trim().replace(",", ".");
          if (!/^\d{1,2}(\.\d{1,4})?$/.test(text)) { msg.textContent = "Type the rate in percent, for example 3.75."; return; }
          change((w) => {
            const s = (w.settings ??= {});
            // Oldest first, as lateCharges and the workspace check them.
            s.referenceRates = [...(s.referenceRates ?? []).filter((r) => !(r.table === u.table && r.from === u.referenceDate)), { table: u.table, from: u.referenceDate, rate: text }]
              .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
          }, `entered ${what} on ${date(u.referenceDate)}: ${text}%`);
        });
        return el("div", { class: "banner warn rate-question" },
          el("p", { id: `${id}-why`, text: `${u.invoices === 1 ? "One invoice needs" : `${u.invoices} invoices need`} ${what} in force on ${date(u.referenceDate)}, which overdue's table does not have yet. Look it up (${where}) and enter it to charge ${u.invoices === 1 ? "it" : "them"}; the others are charged meanwhile.` }),
          el("label", { for: id, text: "Rate, % a year " }), box, " ", save, " ", msg);
      });
      out.replaceChildren(
        ...missing,
        ...homeFirst(rep.currencies, workspace).map((c) => el("p", { class: "total", text: `${c.currency}: ${money(c.claimable, c.currency)} in charges you may claim (${money(c.paidLate.claimable, c.currency)} of it on invoices already paid late), on ${money(c.outstanding, c.currency)} still unpaid — ${money(c.totalClaim, c.currency)} in all.` })),
        table("Late charges per invoice, largest first", [["Invoice"], ["Status"], ["Days late", "num"], ["Rate", "num"], ["Interest", "num"], ["Fixed sum", "num"], ["Fees", "num"], ["Total claim", "num"]], rows, { first: FIRST, noun: "invoices", total, rest: () => ask(lateCharges, input).then((r) => r.invoices.slice(FIRST).map(row)) }),
        ...(rep.invoices[0] ? [el("p", { class: "hint", text: `How ${rep.invoices[0].id} is worked out: ${rep.invoices[0].explanation}` })] : [el("p", { text: "No invoice is late under these rules." })]));
    } catch (e) {
      if (mine === asked && current()) out.replaceChildren(el("p", { class: "error", role: "alert", text: e.message }));
    }
  };
  // A choice from the list answers at once; typing waits for a pause.
  const soon = debounced(update);
  form.addEventListener("input", (e) => (e.target === kind ? update() : soon()));
  form.addEventListener("change", () => remember((w) => { (w.settings ??= {}).regime = kind.value; w.settings.contractRate = rate.value.trim() || null; }));
  form.addEventListener("submit", (e) => { e.preventDefault(); update(); });
  root.replaceChildren(el("h2", { text: "What may I charge?" }),
    el("p", { class: "hint", text: "Interest and fees on every invoice that is or was paid late, exact to the cent. Interest runs up to and including the day a payment arrives." }), form, out);
  return update();
}

// Importing invoices from a spreadsheet: the module reads the CSV (columns, dates, amounts), the page
// shows what it found, asks what it cannot tell (which column is which, day or month first), lists
// every bad row with its line, and adds the good rows when the user confirms.
import { importInvoicesCsv } from "../pkg/overdue.js";
import { el, field, table } from "./format.js";
import { CURRENCIES } from "./invoices.js";
import { update } from "../store.js";

const LABELS = {
  id: "Invoice number", customerName: "Customer", customerId: "Customer number", email: "Customer email", currency: "Currency",
  amount: "Amount", issueDate: "Issue date", dueDate: "Due date", paid: "Amount paid", outstanding: "Amount still owed", disputed: "Disputed",
};
const FORMAT_EXAMPLE = { "DD/MM/YYYY": "day first (03/04/2026 is 3 April)", "MM/DD/YYYY": "month first (03/04/2026 is March 4)" };

export function importSection(ws) {
  const state = { text: "", mapping: null, dateFormat: null, currency: ws.settings?.currency ?? "GBP", name: "" };
  const out = el("div", { id: "import-preview", "aria-live": "polite" });
  const file = el("input", { type: "file", id: "csv-file", accept: ".csv,text/csv,text/plain" });
  const paste = el("textarea", { id: "csv-paste", rows: "4", placeholder: "…or paste the rows here, with their header line" });

  const run = () => {
    out.replaceChildren();
    if (!state.text.trim()) return;
    let r;
    try {
      r = importInvoicesCsv({ text: state.text, mapping: state.mapping, dateFormat: state.dateFormat, currency: state.currency });
    } catch (e) {
      out.append(el("p", { class: "error", role: "alert", text: e.message }));
      return;
    }
    out.append(el("p", { text: `${r.rows} ${r.rows === 1 ? "row" : "rows"} found${state.name ? ` in ${state.name}` : ""}, separated by “${r.delimiter === "\t" ? "tab" : r.delimiter}”; amounts use “${r.decimalSeparator}” for decimals.` }));

    // Which column is which: preset from the header, changeable.
    const grid = el("div", { class: "calc", id: "csv-mapping" });
    for (const [fieldName, label] of Object.entries(LABELS)) {
      const sel = el("select", { id: `map-${fieldName}`, name: fieldName }, el("option", { value: "", text: "— not in the file —" }),
        ...r.columns.map((c, i) => el("option", { value: String(i), text: c })));
      sel.value = r.mapping[fieldName] !== undefined ? String(r.mapping[fieldName]) : "";
      sel.addEventListener("change", () => {
        state.mapping = { ...(state.mapping ?? {}), [fieldName]: sel.value === "" ? null : Number(sel.value) };
        run();
      });
      grid.append(field(label + (r.missing.includes(fieldName) ? " (needed)" : ""), sel));
    }
    const cur = el("select", { id: "csv-currency" }, ...CURRENCIES.map((c) => el("option", { value: c, text: c })));
    cur.value = state.currency;
    cur.addEventListener("change", () => { state.currency = cur.value; run(); });
    grid.append(field("Currency when the file has none", cur));
    out.append(el("h4", { text: "Which column is which?" }), grid);
    if (r.sample.length) out.append(table("The first rows of the file", r.columns.map((c) => [c]), r.sample));

    if (r.dateFormatChoices.length) {
      const group = el("fieldset", { id: "csv-dates" }, el("legend", { text: "The dates could be read two ways. Which is it?" }));
      for (const f of r.dateFormatChoices) {
        const radio = el("input", { type: "radio", name: "csv-date-format", id: `df-${f.replace(/\W/g, "")}`, value: f });
        radio.addEventListener("change", () => { state.dateFormat = f; run(); });
        group.append(el("label", { for: radio.id }, radio, ` ${FORMAT_EXAMPLE[f]}`));
      }
      out.append(group);
    }
    if (r.missing.length) {
      out.append(el("p", { class: "error", text: `Please choose the column for: ${r.missing.map((m) => LABELS[m]).join(", ")}.` }));
    }
    if (!r.ready) return;

    const existing = new Set(ws.invoices.map((i) => String(i.id)));
    const fresh = r.invoices.filter((i) => !existing.has(String(i.id)));
    const skipped = r.invoices.length - fresh.length;
    if (r.errorCount) {
      out.append(el("h4", { text: `${r.errorCount} ${r.errorCount === 1 ? "row has" : "rows have"} a problem and will not be imported` }));
      out.append(el("ul", { class: "csv-errors" }, ...r.errors.map((e) => el("li", { text: `Line ${e.line}${e.field ? ` (${LABELS[e.field] ?? e.field})` : ""}: ${e.message}` }))));
    }
    if (skipped) out.append(el("p", { class: "hint", text: `${skipped} ${skipped === 1 ? "invoice is" : "invoices are"} already in your list and will be left as they are.` }));
    const go = el("button", { type: "button", id: "csv-import", text: `Import ${fresh.length} ${fresh.length === 1 ? "invoice" : "invoices"}` });
    go.disabled = fresh.length === 0;
    go.addEventListener("click", () => update((w) => { w.invoices.push(...fresh); }));
    out.append(go);
  };

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    Object.assign(state, { text: await f.text(), name: f.name, mapping: null, dateFormat: null });
    run();
  });
  paste.addEventListener("input", () => {
    Object.assign(state, { text: paste.value, name: "", mapping: null, dateFormat: null });
    run();
  });
  return el("details", { class: "panel-box", id: "import-box" }, el("summary", { text: "Import invoices from a spreadsheet (CSV)" }),
    el("p", { class: "hint", text: "Export your invoices from your accounting program or spreadsheet as CSV. Nothing leaves this computer." }),
    field("CSV file", file), field("Or paste", paste), out);
}

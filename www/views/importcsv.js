// Importing invoices from the file an accounting program or spreadsheet exported: the module reads
// the file's bytes (encoding, report titles, customer groups, totals, one invoice from its line rows),
// the page shows what it understood and lets the user correct each part, asks what the file cannot
// tell (which column, day or month first, which dollar), lists what it skipped and why, and on
// confirmation adds the new invoices and updates the ones already here, and keeps the credit notes
// and unapplied payments it found on the customers' accounts.
import { importInvoicesCsv } from "../pkg/overdue.js";
import { date, el, field, listed, money, plural, table } from "./format.js";
import { CURRENCIES } from "./invoices.js";
import { docKey } from "../merge.js";
import { update, homeCurrency } from "../store.js";

const LABELS = {
  id: "Invoice number", customerName: "Customer", customerId: "Customer number", email: "Customer email", currency: "Currency",
  amount: "Amount", lineAmount: "Line amount (one row per invoice line)", issueDate: "Issue date", dueDate: "Due date",
  paid: "Amount paid", outstanding: "Amount still owed", datePaid: "Date paid", status: "Status", type: "Document type", disputed: "Disputed",
};
const FORMAT_EXAMPLE = { "DD/MM/YYYY": "day first (03/04/2026 is 3 April)", "MM/DD/YYYY": "month first (03/04/2026 is March 4)" };
const ENCODINGS = { "utf-8": "UTF-8", "utf-16le": "UTF-16 (Excel “Unicode text”)", "utf-16be": "UTF-16 big-endian", "windows-1252": "Windows (ANSI, Western European)", "iso-8859-15": "ISO-8859-15 (Latin-9)" };
const SKIPPED = {
  title: ["title line", "title lines"], group: ["group heading", "group headings"], total: ["total line", "total lines"], note: ["note line", "note lines"],
  draft: ["draft", "drafts"], void: ["void or cancelled invoice", "void or cancelled invoices"], deleted: ["deleted invoice", "deleted invoices"],
  credit: ["credit note", "credit notes"], payment: ["payment not tied to an invoice", "payments not tied to an invoice"], other: ["other document", "other documents"],
};

// The fields that make an invoice the same as the one already stored (notes and history stay ours).
const FROM_FILE = ["customer", "currency", "amount", "issueDate", "dueDate", "payments", "disputed"];
const same = (a, b) => FROM_FILE.every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
const DOC_FIELDS = ["kind", "customerId", "currency", "date", "amount"];
const sameDoc = (a, b) => DOC_FIELDS.every((k) => a[k] === b[k]) && (a.id ?? null) === (b.id ?? null);
/** @type {Record<string, [string, string]>} */
const DOC_WORDS = { creditNote: ["credit note", "credit notes"], paymentOnAccount: ["payment on account", "payments on account"] };

export function importSection(ws) {
  const fresh = () => ({ mapping: null, dateFormat: null, currency: null, headerRow: null, groupRows: null, encoding: null, decimalSeparator: null });
  const state = { bytes: null, text: "", name: "", ...fresh() };
  const out = el("div", { id: "import-preview", "aria-live": "polite" });
  const file = el("input", { type: "file", id: "csv-file", accept: ".csv,.txt,.tsv,text/csv,text/plain" });
  const paste = el("textarea", { id: "csv-paste", rows: "4", placeholder: "…or paste the rows here, with their header line" });

  const read = (extra = {}) => {
    const options = { ...extra };
    for (const k of ["mapping", "dateFormat", "currency", "headerRow", "groupRows", "decimalSeparator"]) if (state[k] != null) options[k] = state[k];
    if (state.bytes) return importInvoicesCsv({ ...options, bytes: state.bytes, ...(state.encoding ? { encoding: state.encoding } : {}) });
    return importInvoicesCsv({ ...options, text: state.text });
  };

  const run = () => {
    out.replaceChildren();
    if (!state.bytes && !state.text.trim()) return;
    let r;
    try {
      r = read();
      // A file that never says its currency is in the workspace's, shown and changeable below.
      if (r.missing.includes("currency") && !r.currencyChoices.length && state.currency == null) r = read({ currency: homeCurrency(ws) });
    } catch (e) {
      out.append(el("p", { class: "error", role: "alert", text: e.message }));
      return;
    }
    const where = state.name ? ` in ${state.name}` : "";
    const how = [
      r.encoding ? `read as ${ENCODINGS[r.encoding]}` : null,
      `separated by “${r.delimiter === "\t" ? "tab" : r.delimiter}”`,
      `“${r.decimalSeparator}” for decimals`,
      r.headerRow ? `column names on line ${r.headerRow}` : "no line of column names",
    ].filter(Boolean);
    out.append(el("p", { id: "csv-summary", text: `${plural(r.rows, ["row", "rows"])} of invoices and other documents found${where}: ${how.join(", ")}.` }));
    if (r.rows === 0) {
      out.append(el("p", { class: "error", role: "alert", text: r.headerRow ? "The file has column names but no invoice rows under them." : "No invoice rows were found in this file." }));
    }
    for (const w of r.warnings) out.append(el("p", { class: "hint warning", text: w.message }));

    // What was understood of the layout, each part correctable.
    const layout = el("div", { class: "calc", id: "csv-layout" });
    const header = el("input", { type: "number", id: "csv-header-row", min: "1", step: "1", value: String(r.headerRow ?? "") });
    header.addEventListener("change", () => { state.headerRow = header.value ? Number(header.value) : null; state.mapping = null; run(); });
    layout.append(field("Line with the column names", header, "A report's title lines above it are skipped."));
    const decimal = el("select", { id: "csv-decimal" }, el("option", { value: ".", text: "1,234.56 (point)" }), el("option", { value: ",", text: "1.234,56 (comma)" }));
    decimal.value = r.decimalSeparator;
    decimal.addEventListener("change", () => { state.decimalSeparator = decimal.value; run(); });
    layout.append(field("Decimals", decimal));
    if (r.encoding) {
      const enc = el("select", { id: "csv-encoding" }, ...Object.entries(ENCODINGS).map(([v, t]) => el("option", { value: v, text: t })));
      enc.value = r.encoding;
      enc.addEventListener("change", () => { state.encoding = enc.value; run(); });
      layout.append(field("Characters", enc, "Change this if names show odd characters."));
    }
    if (r.groupRows) {
      const groups = el("select", { id: "csv-groups" }, el("option", { value: "customer", text: "the customer of the invoices below" }), el("option", { value: "skip", text: "a heading to skip (an ageing period)" }));
      groups.value = r.groupRows;
      groups.addEventListener("change", () => { state.groupRows = groups.value; run(); });
      layout.append(field("A line with only a name is", groups));
    }
    const cur = el("select", { id: "csv-currency" }, el("option", { value: "", text: "— choose —" }),
      ...[...new Set([...r.currencyChoices, ...CURRENCIES, ...(r.currency ? [r.currency] : [])])].map((c) => el("option", { value: c, text: c })));
    cur.value = r.currency ?? "";
    cur.addEventListener("change", () => { state.currency = cur.value || null; run(); });
    // Asked when the file needs it or sets one; a file with its own currency column needs neither.
    if (r.missing.includes("currency") || r.currency) layout.append(field(r.currencyChoices.length ? `Which currency is “${r.currencyChoices[0] === "USD" ? "$" : r.currencyChoices.join("/")}”?` : "Currency where the file has none", cur));
    out.append(el("h4", { text: "What the file looks like" }), layout);

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
      grid.append(field(label + (r.missing.some((m) => m === fieldName) && fieldName !== "currency" ? " (needed)" : ""), sel));
    }
    const columnsMissing = r.missing.filter((m) => m !== "currency");
    const sample = r.sample.length ? [table("The first invoice rows of the file", r.columns.map((c) => [c]), r.sample)] : [];
    // Found from the column names: shown folded unless something is missing, to keep the question
    // that matters in sight.
    out.append(el("details", { id: "csv-columns", ...(columnsMissing.length ? { open: "" } : {}) },
      el("summary", { text: columnsMissing.length ? "Which column is which?" : "Which column is which (found from the column names; open to change)" }), grid, ...sample));

    if (r.dateFormatChoices.length) {
      const group = el("fieldset", { id: "csv-dates" }, el("legend", { text: "The dates could be read two ways. Which is it?" }));
      for (const f of r.dateFormatChoices) {
        const radio = el("input", { type: "radio", name: "csv-date-format", id: `df-${f.replace(/\W/g, "")}`, value: f });
        radio.addEventListener("change", () => { state.dateFormat = f; run(); });
        group.append(el("label", { for: radio.id }, radio, ` ${FORMAT_EXAMPLE[f]}`));
      }
      out.append(group);
    }
    if (columnsMissing.length) out.append(el("p", { class: "error", text: `Please choose the column for: ${columnsMissing.map((m) => LABELS[m]).join(", ")}.` }));
    if (r.missing.includes("currency")) out.append(el("p", { class: "error", text: "Please choose the currency of the file." }));
    if (!r.ready) return;

    const counts = Object.entries(r.skippedCounts).filter(([, n]) => n > 0);
    if (counts.length) {
      out.append(el("h4", { text: "Not imported" }), el("p", { id: "csv-skipped", text: counts.map(([k, n]) => plural(n, SKIPPED[k])).join(", ") + "." }));
      const money_docs = r.skipped.filter((s) => s.amount != null);
      if (money_docs.length) {
        out.append(table("Documents not imported", [["Line"], ["What"], ["Number"], ["Customer"], ["Amount", "num"]],
          money_docs.slice(0, 50).map((s) => [String(s.line), SKIPPED[s.reason][0], s.text, s.customer ?? "", money(s.amount, s.currency)])));
        if (r.skippedCounts.credit || r.skippedCounts.payment) out.append(el("p", { class: "hint", text: "These credit notes and payments have nothing left to apply, or the file gives no date for them: the invoices' balances already show what they paid." }));
      }
    }

    const byId = new Map(ws.invoices.map((i, at) => [String(i.id), at]));
    const added = [], changed = [];
    let unchanged = 0;
    for (const inv of r.invoices) {
      const at = byId.get(String(inv.id));
      if (at === undefined) added.push(inv);
      else if (same(ws.invoices[at], inv)) unchanged++;
      else changed.push(inv);
    }
    const inFile = new Set(r.invoices.map((i) => String(i.id)));
    const gone = ws.invoices.filter((i) => !inFile.has(String(i.id))).length;
    const ours = new Map((ws.documents ?? []).map((d, at) => [docKey(d), at]));
    const docsAdded = [], docsChanged = [];
    for (const d of r.documents) {
      const at = ours.get(docKey(d));
      if (at === undefined) docsAdded.push(d);
      else if (!sameDoc(ws.documents[at], d)) docsChanged.push(d);
    }
    if (r.documents.length) {
      const names = new Map([...ws.invoices, ...r.invoices].map((i) => [String(i.customer.id), i.customer.name]));
      out.append(el("h4", { text: "Credit notes and payments on account" }),
        el("p", { class: "hint", id: "csv-documents", text: "Money these customers have to their credit: it is set against their oldest invoices first, and what they owe is shown after it." }),
        table("Credit notes and payments on account", [["What"], ["Number"], ["Customer"], ["Date"], ["Amount", "num"]],
          r.documents.slice(0, 50).map((d) => [DOC_WORDS[d.kind][0], d.id != null ? String(d.id) : "", names.get(String(d.customerId)) ?? String(d.customerId), date(d.date), money(d.amount, d.currency)])));
    }
    if (r.errorCount) {
      out.append(el("h4", { text: `${r.errorCount} ${r.errorCount === 1 ? "row has" : "rows have"} a problem and will not be imported` }));
      out.append(el("ul", { class: "csv-errors" }, ...r.errors.map((e) => el("li", { text: `Line ${e.line}${e.field ? ` (${LABELS[e.field] ?? e.field})` : ""}: ${e.message}` }))));
    }
    for (const t of r.totals) out.append(el("p", { class: "hint", text: `${plural(t.invoices, ["invoice", "invoices"])} in ${t.currency}: ${money(t.amount, t.currency)}, of which ${money(t.outstanding, t.currency)} still owed.` }));
    const parts = [`${added.length.toLocaleString()} new`, `${changed.length.toLocaleString()} changed`, `${unchanged.toLocaleString()} unchanged`];
    out.append(el("p", { id: "csv-changes", text: `Compared with your list: ${parts.join(", ")}${gone ? `; ${gone.toLocaleString()} of yours are not in this file (left as they are)` : ""}.` }));
    // Nothing new: say so, rather than offer a button that would import nothing.
    if (added.length + changed.length + docsAdded.length + docsChanged.length === 0) {
      out.append(el("p", { id: "csv-nothing", text: r.invoices.length || r.documents.length ? "Everything in this file is already in your list, unchanged." : "There is nothing in this file to import." }));
      return;
    }
    const news = [added.length ? plural(added.length, ["invoice", "invoices"]) : ""];
    for (const [kind, words] of Object.entries(DOC_WORDS)) {
      const n = docsAdded.filter((d) => d.kind === kind).length;
      news.push(n ? plural(n, words) : "");
    }
    const what = news.filter(Boolean);
    const updates = changed.length + docsChanged.length;
    const go = el("button", { type: "button", id: "csv-import", text: what.length ? `Import ${listed(what)}${updates ? ` and update ${updates}` : ""}` : `Update ${updates}` });
    go.addEventListener("click", () => update((w) => {
      const at = new Map(w.invoices.map((i, n) => [String(i.id), n]));
      // The file's amounts, dates and payments; this page's notes and promises stay.
      for (const inv of changed) {
        const n = at.get(String(inv.id));
        if (n !== undefined) w.invoices[n] = { ...w.invoices[n], ...Object.fromEntries(FROM_FILE.map((k) => [k, inv[k]])) };
      }
      w.invoices.push(...added);
      if (docsAdded.length + docsChanged.length) {
        w.documents = [...(w.documents ?? [])];
        const mine = new Map(w.documents.map((d, n) => [docKey(d), n]));
        for (const d of docsChanged) w.documents[mine.get(docKey(d))] = { ...w.documents[mine.get(docKey(d))], ...d };
        w.documents.push(...docsAdded);
      }
    }, `imported ${added.length} and updated ${changed.length} invoices${docsAdded.length + docsChanged.length ? ` and ${docsAdded.length + docsChanged.length} credit notes or payments on account` : ""} from ${state.name || "the pasted rows"}`));
    out.append(go);
  };

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    Object.assign(state, { bytes: new Uint8Array(await f.arrayBuffer()), text: "", name: f.name, ...fresh() });
    run();
  });
  paste.addEventListener("input", () => {
    Object.assign(state, { bytes: null, text: paste.value, name: "", ...fresh() });
    run();
  });
  return el("details", { class: "panel-box", id: "import-box" }, el("summary", { text: "Import invoices from your accounting program or a spreadsheet (CSV)" }),
    el("p", { class: "hint", text: "Export your invoices or an open-invoices / aged receivables report as CSV (QuickBooks, Xero, FreshBooks, Zoho, DATEV and others work as they are). Nothing leaves this computer." }),
    field("CSV file", file), field("Or paste", paste), out);
}

// The cases every runtime runs. `runCases(api)` returns a JSON-able record of every answer and every
// thrown error (with `instanceof Error`, name, code, path), and checks after each error that the
// same instance still answers. Runtimes must produce identical records.

const inv = (over = {}) => ({
  id: "INV-7", customer: { id: "c1", name: "Acme Ltd", email: "ap@acme.example" }, currency: "GBP",
  amount: "1200.00", issueDate: "2026-10-01", dueDate: "2026-10-31",
  payments: [{ date: "2026-11-02", amount: 200, reference: "BACS 1142" }], ...over,
});

export const GOOD = {
  asOf: "2026-11-23",
  invoices: [
    inv(),
    inv({ id: "INV-8", currency: "JPY", amount: 185400, payments: [] }),
    inv({ id: "INV-9", currency: "KWD", amount: "1.5", dueDate: "2026-12-31", payments: [] }),
    inv({ id: 10, currency: "EUR", amount: "99.90", payments: [{ date: "2026-11-01", amount: "120" }] }),
    inv({ id: "INV-11", customer: { id: "c2", name: "<img src=x onerror=alert(1)> Café Ünïcödé 😀 שלום" }, currency: "EUR", amount: "10.05", payments: null, credits: [{ date: "2026-11-05", amount: "0.05" }], disputed: true, promisedDate: "2026-12-01", notes: "line1\r\nline2" }),
  ],
};

const bad = (over) => ({ asOf: "2026-11-23", invoices: [inv(over)] });

const CSV = "Invoice Number;Customer;Customer Name;Currency;Total;Issue Date;Due Date;Amount Paid\r\n" +
  "INV-7;c1;\"Acme; Ltd\";GBP;1200.00;2026-10-01;2026-10-31;200\r\nINV-8;c2;Beta;JPY;185400;2026-10-01;2026-10-31;\r\n";

const LATIN1 = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const UTF16LE = (text) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) { out[2 + 2 * i] = text.charCodeAt(i) & 0xff; out[3 + 2 * i] = text.charCodeAt(i) >> 8; }
  return out.buffer;
};

const KPI_LEDGER = [
  inv({ id: "K1", currency: "USD", amount: "12000", issueDate: "2026-10-01", dueDate: "2026-10-31", payments: [{ date: "2026-11-10", amount: "7000" }] }),
  inv({ id: "K2", currency: "USD", amount: "6000", issueDate: "2026-11-05", dueDate: "2026-11-20", payments: [] }),
  inv({ id: "K3", currency: "USD", amount: "4000", issueDate: "2026-11-25", dueDate: "2026-12-25", payments: [] }),
];

// One customer who pays 10 days after the due date, three times, and one invoice due 30 Nov 2026.
const paidLate = (id, issueDate, dueDate, date) => inv({ id, issueDate, dueDate, payments: [{ date, amount: "1200.00" }] });
const HABITS = [
  paidLate("F1", "2026-07-02", "2026-08-01", "2026-08-11"),
  paidLate("F2", "2026-08-02", "2026-09-01", "2026-09-11"),
  paidLate("F3", "2026-09-01", "2026-10-01", "2026-10-11"),
  inv({ id: "F4", issueDate: "2026-10-31", dueDate: "2026-11-30", payments: [] }),
];

const NOTICE = {
  asOf: "2026-11-23", stage: "friendly",
  sender: { name: "Harbour Lane Design", bankDetails: "Sort code 20-00-00\nAccount 55555555", paymentLink: "https://pay.example/7" },
  customer: { contactName: "Alex Rivera" },
  invoices: [GOOD.invoices[0]],
};

/** Good calls of every function: [label, function name, input]. */
export const CALLS = [
  ["normalize", "normalizeInvoices", GOOD],
  ["ageing", "ageReceivables", { ...GOOD, buckets: [30, 60, 90] }],
  ["ageing by issue date, customers", "ageReceivables", { ...GOOD, basis: "issueDate", detail: "customers" }],
  ["ageing CSV", "ageReceivablesCsv", { asOf: "2026-11-23", csv: CSV }],
  ["KPIs from summary (GUIDE §5 example)", "receivablesKpis", { currency: "USD", beginningReceivables: "12000", creditSales: "10000", endingReceivables: "15000", endingCurrent: "4000", days: 30 }],
  ["KPIs from ledger", "receivablesKpis", { periodStart: "2026-11-01", periodEnd: "2026-11-30", invoices: KPI_LEDGER }],
  ["plan 15000 at 8% over 60 months", "paymentPlan", { principal: "15000", currency: "USD", annualRate: "8", frequency: "monthly", firstDueDate: "2026-01-31", count: 60 }],
  ["plan with down payment and fee", "paymentPlan", { principal: "1200", currency: "JPY", annualRate: 6, frequency: "semimonthly", firstDueDate: "2026-01-31", downPayment: { amount: 200 }, setupFee: 50, method: "equalPrincipal", maxInstalment: 200 }],
  ["UK statutory interest (GUIDE §5: £1,000, 12 %, 30 days)", "lateCharges", { asOf: "2002-10-01", regime: { kind: "uk" }, invoices: [inv({ id: "U1", amount: "1000.00", issueDate: "2002-08-10", dueDate: "2002-09-01", payments: [] })] }],
  ["UK charges on an invoice paid late, and one whose rate is not known yet", "lateCharges", { asOf: "2027-03-01", regime: { kind: "uk" }, invoices: [
    inv({ id: "L1", amount: "5000.00", issueDate: "2025-01-01", dueDate: "2025-01-31", payments: [{ date: "2025-03-15", amount: "5000.00" }] }),
    inv({ id: "L2", amount: "800.00", issueDate: "2026-12-01", dueDate: "2027-01-15", payments: [] })] }],
  ["EU statutory interest (GUIDE §5: €4,500, 11 %, 30 days)", "lateCharges", { asOf: "2000-03-02", regime: { kind: "eu" }, invoices: [inv({ id: "E1", currency: "EUR", amount: "4500", issueDate: "2000-01-02", dueDate: "2000-02-01", payments: [] })] }],
  ["DE default interest across a half-year", "lateCharges", { asOf: "2025-07-15", regime: { kind: "de" }, invoices: [inv({ id: "D1", currency: "EUR", amount: "10000", issueDate: "2025-05-15", dueDate: "2025-06-15", payments: [] })] }],
  ["US Prompt Payment interest", "lateCharges", { asOf: "2026-03-02", regime: { kind: "us-prompt-payment", annualRate: "4.625" }, invoices: [inv({ id: "P1", currency: "USD", amount: "10000", issueDate: "2026-01-01", dueDate: "2026-01-31", payments: [] })] }],
  ["contract charges", "lateCharges", { ...GOOD, invoices: GOOD.invoices.slice(0, 3), regime: { kind: "contract", annualRate: "8", dayCount: "act/act", fixedFee: "25", graceDays: 3 } }],
  ["terms as text", "paymentTerms", "2/10 Net 30"],
  ["terms as object", "paymentTerms", { terms: "net 30 EOM" }],
  ["an amount as typed in a German form", "parseAmount", { text: "1.250,50 €", currency: "EUR", decimalSeparator: "," }],
  ["early payment discount", "earlyPaymentDiscount", { terms: "2/10 net 30", issueDate: "2026-11-01", amount: "1000", currency: "USD", asOf: "2026-11-05" }],
  ["risk", "paymentRisk", { asOf: "2026-11-23", invoices: [0, 5, 10, 15, 20, 25, 30].map((d, i) => {
    const due = new Date(Date.UTC(2026, 3 + i, 1));
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    return inv({ id: `R${i}`, issueDate: iso(due.getTime() - 30 * 864e5), dueDate: iso(due.getTime()), payments: [{ date: iso(due.getTime() + d * 864e5), amount: "1200.00" }] });
  }) }],
  ["cash forecast of a steady payer", "cashForecast", { asOf: "2026-11-23", invoices: HABITS, horizonDays: 28 }],
  ["cash forecast backtest", "cashForecastBacktest", { asOf: "2026-11-23", invoices: HABITS, from: "2026-09-05", to: "2026-10-05" }],
  // tests/provision.rs's ledger: one month of history, buckets Current, 1–30, 31+.
  ["provision matrix", "provisionMatrix", { asOf: "2026-12-02", months: 1, buckets: [30], invoices: [
    inv({ id: "A", currency: "EUR", amount: "1000.00", issueDate: "2026-10-01", dueDate: "2026-11-15", payments: [] }),
    inv({ id: "B", currency: "EUR", amount: "1000.00", issueDate: "2026-10-01", dueDate: "2026-11-10", payments: [{ date: "2026-11-20", amount: "1000.00" }] }),
    inv({ id: "C", currency: "EUR", amount: "500.00", issueDate: "2026-09-20", dueDate: "2026-10-20", payments: [] }),
    inv({ id: "D", currency: "EUR", amount: "500.00", issueDate: "2026-09-20", dueDate: "2026-10-25", payments: [{ date: "2026-11-05", amount: "500.00" }] }),
    inv({ id: "E", currency: "EUR", amount: "400.00", issueDate: "2026-08-01", dueDate: "2026-09-01", payments: [], credits: [{ date: "2026-11-15", amount: "400.00", writeOff: true }] }),
    inv({ id: "F", currency: "EUR", amount: "400.00", issueDate: "2026-08-01", dueDate: "2026-09-05", payments: [{ date: "2026-11-10", amount: "400.00" }] }),
    inv({ id: "G", currency: "EUR", amount: "200.00", issueDate: "2026-07-01", dueDate: "2026-08-01", payments: [] }),
    inv({ id: "H", currency: "EUR", amount: "800.00", issueDate: "2026-11-20", dueDate: "2026-12-20", payments: [] })] }],
  ["statement of account in German", "statementOfAccount", { asOf: "2026-11-23", customer: { id: "c1", accountNumber: "AC-77" }, language: "de", invoices: [GOOD.invoices[0], GOOD.invoices[3]],
    documents: [{ kind: "paymentOnAccount", customerId: "c1", currency: "GBP", date: "2026-11-20", amount: "100.00", reference: "Überweisung 88" }] }],
  ["next actions", "nextActions", { ...GOOD, history: [{ customerId: "c1", stageId: "friendly", date: "2026-11-01" }] }],
  ["next actions after a gap", "nextActions", { asOf: "2026-12-15", invoices: [inv({ payments: [] })] }],
  ["ladder preview", "previewLadder", { asOf: "2026-11-23", invoice: inv() }],
  ["worklist", "collectionWorklist", { ...GOOD, risk: { customers: [{ customerId: "c1", score: 40, trend: "deteriorating" }] } }],
  ["notice, built-in friendly email", "renderNotice", NOTICE],
  ["notice, German final letter with charges", "renderNotice", { ...NOTICE, stage: "final", channel: "letter", language: "de", invoices: [inv({ currency: "EUR", payments: [] })], charges: { invoices: [{ id: "INV-7", interest: "12.34", compensation: "40.00", explanation: "9 points above the base rate." }] } }],
  ["notice, custom template", "renderNotice", { ...NOTICE, template: { subject: "Re: {{ invoiceNumbers }}", text: "Hello {{ customer.name | upper }}\n{% for i in invoices %}{{ i.number }}: {{ i.outstanding }}\n{% endfor %}" } }],
  ["template check", "validateTemplate", { template: { text: "{{ customer.nmae }} {{ totl }}" } }],
  ["built-in template source", "noticeTemplate", { stage: "plan", channel: "email", language: "fr" }],
  ["template variables", "listTemplateVariables", undefined],
  ["CSV import with two bad rows", "importInvoicesCsv", { text: "Rechnungsnummer;Kunde;Währung;Betrag;Fälligkeitsdatum\r\nR-1;Müller GmbH;EUR;1.234,56;31.10.2026\r\nR-2;Müller GmbH;EUR;zwölf;31.10.2026\r\nR-3;<img src=x onerror=alert(1)>;EUR;99,90;31.02.2026\r\nR-4;Weber KG;EUR;10,00;15.11.2026\r\n" }],
  ["CSV import, ambiguous dates", "importInvoicesCsv", { text: "id,customer,currency,amount,due\nA,Acme,USD,10.00,03/04/2026\n" }],
  // As German Excel saves CSV (Windows-1252), and as Excel's "Unicode text" (UTF-16 LE with a BOM, tabs).
  ["CSV import from Windows-1252 bytes", "importInvoicesCsv", { bytes: LATIN1("Rechnungsnummer;Kunde;Betrag;Fällig am\r\nR-1;Müller & Söhne;1.234,50;31.10.2026\r\n"), currency: "EUR" }],
  ["CSV import from a UTF-16 ArrayBuffer", "importInvoicesCsv", { bytes: UTF16LE("Invoice\tCustomer\tAmount\tDue date\r\nA-1\tZoë Ltd\t£99.00\t2026-10-31\r\n") }],
];

/** Every bad call, of normalizeInvoices (BAD) and of the others: [label, function name, input, code, path]. */
export const allBadCalls = () => [...BAD.map(([name, input, code, path]) => [name, "normalizeInvoices", input, code, path]), ...BAD_OTHER];

/** Bad calls of the other functions: [label, function name, input, code, path]. */
export const BAD_OTHER = [
  ["buckets not ascending", "ageReceivables", { ...GOOD, buckets: [60, 30] }, "invalid_value", "buckets[1]"],
  ["negative bucket", "ageReceivables", { ...GOOD, buckets: [-30] }, "invalid_value", "buckets[0]"],
  ["unknown basis", "ageReceivables", { ...GOOD, basis: "paidDate" }, "invalid_value", "basis"],
  ["asOf before every issue date", "ageReceivables", { ...GOOD, asOf: "2026-01-01" }, "invalid_date_order", "asOf"],
  ["CSV bad date", "ageReceivablesCsv", { asOf: "2026-11-23", csv: CSV.replace("2026-10-31;200", "2026-02-30;200") }, "invalid_date", "csv[2].dueDate"],
  ["CSV missing column", "ageReceivablesCsv", { asOf: "2026-11-23", csv: "id,currency\n" }, "missing_field", "csv[1]"],
  ["CSV not a string", "ageReceivablesCsv", { asOf: "2026-11-23", csv: 42 }, "invalid_type", "csv"],
  ["KPI period reversed", "receivablesKpis", { periodStart: "2026-11-30", periodEnd: "2026-11-01", invoices: [] }, "invalid_date_order", "periodEnd"],
  ["KPI summary incomplete", "receivablesKpis", { currency: "USD", creditSales: "1" }, "missing_field", "beginningReceivables"],
  ["plan count 0", "paymentPlan", { principal: "100", currency: "EUR", annualRate: 5, frequency: "monthly", firstDueDate: "2026-01-31", count: 0 }, "invalid_value", "count"],
  ["plan rate over 100", "paymentPlan", { principal: "100", currency: "EUR", annualRate: "100.01", frequency: "monthly", firstDueDate: "2026-01-31", count: 2 }, "invalid_value", "annualRate"],
  ["plan unknown frequency", "paymentPlan", { principal: "100", currency: "EUR", annualRate: 5, frequency: "daily", firstDueDate: "2026-01-31", count: 2 }, "invalid_value", "frequency"],
  ["plan down payment too big", "paymentPlan", { principal: "100", currency: "EUR", annualRate: 5, frequency: "monthly", firstDueDate: "2026-01-31", count: 2, downPayment: { amount: "100" } }, "invalid_amount", "downPayment.amount"],
  ["plan NaN rate", "paymentPlan", { principal: "100", currency: "EUR", annualRate: NaN, frequency: "monthly", firstDueDate: "2026-01-31", count: 2 }, "invalid_amount", "annualRate"],
  ["charges unknown regime", "lateCharges", { ...GOOD, regime: { kind: "french" } }, "invalid_value", "regime.kind"],
  ["charges negative rate", "lateCharges", { ...GOOD, regime: { kind: "contract", annualRate: -1 } }, "invalid_value", "regime.annualRate"],
  ["charges with a negative fee", "lateCharges", { ...GOOD, regime: { kind: "contract", annualRate: 5, fixedFee: "-10" } }, "invalid_amount", "regime.fixedFee"],
  ["terms unreadable", "paymentTerms", "pay when you like", "invalid_terms", ""],
  ["an amount that reads two ways", "parseAmount", { text: "1.250", currency: "EUR" }, "invalid_amount", "text"],
  ["discount bad terms", "earlyPaymentDiscount", { terms: "2/40 net 30", issueDate: "2026-11-01", amount: "1000", currency: "USD", asOf: "2026-11-05" }, "invalid_terms", "terms"],
  ["risk window 0", "paymentRisk", { ...GOOD, windowMonths: 0 }, "invalid_value", "windowMonths"],
  ["risk threshold out of range", "paymentRisk", { ...GOOD, thresholds: { recentVsPriorDays: -1 } }, "invalid_value", "thresholds.recentVsPriorDays"],
  ["forecast horizon too short", "cashForecast", { ...GOOD, horizonDays: 3 }, "invalid_value", "horizonDays"],
  ["backtest dates reversed", "cashForecastBacktest", { ...GOOD, from: "2026-11-01", to: "2026-10-01" }, "invalid_date_order", "from"],
  ["provision history of 0 months", "provisionMatrix", { ...GOOD, months: 0 }, "invalid_value", "months"],
  ["statement starting after its date", "statementOfAccount", { asOf: "2026-11-23", customer: { id: "c1" }, invoices: [], from: "2026-12-01" }, "invalid_date_order", "from"],
  ["statement with a negative credit note", "statementOfAccount", { asOf: "2026-11-23", customer: { id: "c1" }, invoices: [], documents: [{ kind: "creditNote", customerId: "c1", currency: "GBP", date: "2026-11-01", amount: "-5" }] }, "invalid_amount", "documents[0].amount"],
  ["history with an unknown stage", "nextActions", { ...GOOD, history: [{ invoiceId: "INV-7", stageId: "nope", date: "2026-11-01" }] }, "invalid_value", "history[0].stageId"],
  ["policy out of order", "nextActions", { ...GOOD, policy: [{ id: "b", name: "B", offsetDays: 10, channel: "email", template: "friendly" }, { id: "a", name: "A", offsetDays: 5, channel: "email", template: "final" }] }, "invalid_value", "policy[1].offsetDays"],
  ["policy naming a template that does not exist", "nextActions", { ...GOOD, policy: [{ id: "b", name: "B", offsetDays: 10, channel: "email", template: "nope" }] }, "invalid_value", "policy[0].template"],
  ["history dated after asOf", "nextActions", { ...GOOD, history: [{ invoiceId: "INV-7", stageId: "final", date: "9999-12-31" }] }, "invalid_date_order", "history[0].date"],
  ["plan ending after 9999", "paymentPlan", { principal: "100", currency: "EUR", annualRate: 5, frequency: "monthly", firstDueDate: "9999-12-31", count: 2 }, "invalid_date", "firstDueDate"],
  ["semimonthly plan starting before 1900", "paymentPlan", { principal: "100", currency: "EUR", annualRate: 5, frequency: "semimonthly", firstDueDate: "1900-01-01", count: 2 }, "invalid_date", "firstDueDate"],
  ["preview bad invoice", "previewLadder", { asOf: "2026-11-23", invoice: inv({ dueDate: "2026-02-30" }) }, "invalid_date", "invoice.dueDate"],
  ["notice unknown variable", "renderNotice", { ...NOTICE, template: { text: "Dear {{ customer.nmae }}" } }, "template_error", "template.text"],
  ["notice template syntax", "renderNotice", { ...NOTICE, template: { text: "ok", subject: "{% if total %}" } }, "template_error", "template.subject"],
  ["notice unknown stage", "renderNotice", { ...NOTICE, stage: "shout" }, "invalid_value", "stage"],
  ["notice two customers", "renderNotice", { ...NOTICE, invoices: [GOOD.invoices[0], { ...GOOD.invoices[0], id: "X", customer: { id: "c9", name: "Other" } }] }, "invalid_value", "invoices[1].customer.id"],
  ["notice nothing owed", "renderNotice", { ...NOTICE, invoices: [inv({ payments: [{ date: "2026-11-02", amount: "1200.00" }] })] }, "invalid_value", "invoices"],
  ["notice loops too deep", "renderNotice", { ...NOTICE, invoices: Array.from({ length: 300 }, (_, i) => inv({ id: `N${i}`, payments: [] })), template: { text: "{% for a in invoices %}{% for b in invoices %}{% for c in invoices %}.{% endfor %}{% endfor %}{% endfor %}" } }, "template_too_complex", "template.text"],
  // Found by fuzzing: deep brackets overran the wasm stack inside the template parser.
  ["notice brackets too deep", "renderNotice", { ...NOTICE, template: { text: "{{ " + "(".repeat(3000) + "customer.name" + ")".repeat(3000) + " }}" } }, "template_error", "template.text"],
  ["notice blocks too deep", "renderNotice", { ...NOTICE, template: { text: "{% if total %}".repeat(3000) + "x" + "{% endif %}".repeat(3000) } }, "template_error", "template.text"],
  ["notice unclosed brackets", "renderNotice", { ...NOTICE, template: { text: "ok", subject: "{{ A" + "(".repeat(3000) } }, "template_error", "template.subject"],
  ["notice output too large", "renderNotice", { ...NOTICE, invoices: Array.from({ length: 300 }, (_, i) => inv({ id: `N${i}`, payments: [] })), template: { text: "{% for a in invoices %}" + "x".repeat(5000) + "{% endfor %}" } }, "output_too_large", "template.text"],
  ["CSV import empty", "importInvoicesCsv", { text: "  " }, "missing_field", "text"],
  ["CSV import bad mapping", "importInvoicesCsv", { text: "a,b\n1,2\n", mapping: { amount: 7 } }, "invalid_value", "mapping.amount"],
  // The first bytes of an .xlsx workbook: a ZIP whose first entry is [Content_Types].xml.
  ["CSV import of a workbook", "importInvoicesCsv", { bytes: LATIN1("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml") }, "unsupported_file", "bytes"],
  ["template source unknown language", "noticeTemplate", { language: "it" }, "invalid_value", "language"],
  ["worklist bad invoice", "collectionWorklist", { asOf: "2026-11-23", invoices: [inv({ currency: "ABC" })] }, "unknown_currency", "invoices[0].currency"],
];

export const BAD = [
  ["0.1+0.2", bad({ amount: 0.1 + 0.2 }), "too_many_decimals", "invoices[0].amount"],
  ["30 decimals", bad({ amount: "1." + "0".repeat(29) + "1" }), "too_many_decimals", "invoices[0].amount"],
  ["NaN", bad({ amount: NaN }), "invalid_amount", "invoices[0].amount"],
  ["Infinity", bad({ amount: Infinity }), "invalid_amount", "invoices[0].amount"],
  ["-Infinity", bad({ amount: -Infinity }), "invalid_amount", "invoices[0].amount"],
  ["1e308", bad({ amount: 1e308 }), "amount_out_of_range", "invoices[0].amount"],
  ["empty amount", bad({ amount: "" }), "invalid_amount", "invoices[0].amount"],
  ["negative amount", bad({ amount: "-1" }), "invalid_amount", "invoices[0].amount"],
  ["amount object", bad({ amount: { value: 1 } }), "invalid_type", "invoices[0].amount"],
  ["JPY decimals", bad({ currency: "JPY", amount: "100.5" }), "too_many_decimals", "invoices[0].amount"],
  ["unknown currency", bad({ currency: "XYZ" }), "unknown_currency", "invoices[0].currency"],
  ["Feb 30", bad({ dueDate: "2025-02-30" }), "invalid_date", "invoices[0].dueDate"],
  ["year 0", bad({ issueDate: "0000-01-01" }), "invalid_date", "invoices[0].issueDate"],
  ["due before issue", bad({ dueDate: "2026-09-01" }), "invalid_date_order", "invoices[0].dueDate"],
  ["date type", bad({ dueDate: 20261031 }), "invalid_type", "invoices[0].dueDate"],
  ["missing customer", bad({ customer: undefined }), "missing_field", "invoices[0].customer"],
  ["null customer name", bad({ customer: { id: "c", name: null } }), "missing_field", "invoices[0].customer.name"],
  ["blank id", bad({ id: "  " }), "empty_text", "invoices[0].id"],
  ["disputed string", bad({ disputed: "yes" }), "invalid_type", "invoices[0].disputed"],
  ["payment missing amount", bad({ payments: [{ date: "2026-11-02" }] }), "missing_field", "invoices[0].payments[0].amount"],
  ["duplicate id", { asOf: "2026-11-23", invoices: [inv(), inv({ amount: "5" })] }, "duplicate_id", "invoices[1].id"],
  ["invoices not a list", { asOf: "2026-11-23", invoices: "all" }, "invalid_type", "invoices"],
  ["missing asOf", { invoices: [] }, "missing_field", "asOf"],
  ["bad asOf", { asOf: "23/11/2026", invoices: [] }, "invalid_date", "asOf"],
  ["undefined input", undefined, "missing_field", ""],
  ["null input", null, "missing_field", ""],
  ["number input", 42, "invalid_type", ""],
];

function describeError(e) {
  return { isError: e instanceof Error, name: e?.name, code: e?.code, path: e?.path, hasMessage: typeof e?.message === "string" && e.message.length > 0 };
}

export function runCases(api) {
  const record = { version: api.version(), errorCodes: api.errorCodes(), good: api.normalizeInvoices(GOOD), calls: {}, bad: [], aliveAfterEachError: true };
  for (const [label, fn, input] of CALLS) record.calls[label] = api[fn](input);
  const reference = JSON.stringify(record.good);
  const bad = allBadCalls();
  for (const [name, fn, input, code, path] of bad) {
    let outcome;
    try {
      api[fn](input);
      outcome = { case: name, threw: false };
    } catch (e) {
      outcome = { case: name, threw: true, error: describeError(e), expected: { code, path } };
    }
    record.bad.push(outcome);
    if (JSON.stringify(api.normalizeInvoices(GOOD)) !== reference) record.aliveAfterEachError = false;
  }
  record.suite = runBadInputSuite(api);
  return record;
}

// The bad-input suite: every field of every function's input, and of the first invoice, replaced by
// each of these in turn (or removed).
const NASTY = [
  ["missing", undefined], ["null", null], ["NaN", NaN], ["Infinity", Infinity], ["-Infinity", -Infinity],
  ["1e308", 1e308], ["-0", -0], ["true", true], ["string", "x"], ["empty array", []], ["object", { a: 1 }],
  ["30 decimals", "1." + "0".repeat(29) + "1"], ["negative", "-5"], ["2025-02-30", "2025-02-30"], ["0000-01-01", "0000-01-01"],
  ["9999-12-31", "9999-12-31"], ["long string", "A".repeat(100_000)], ["HTML and CRLF", "<img src=x onerror=alert(1)>\r\nX-Injected: 1"],
  ["RTL and emoji", "שלום 😀 مرحبا"],
];

function attempt(api, fn, input) {
  const t = performance.now();
  try {
    const out = api[fn](input);
    // Any answer is an answer (version() gives a string, readStored a string or null).
    return { ok: out !== undefined, ms: performance.now() - t };
  } catch (e) {
    return { code: e?.code, path: e?.path, name: e?.name, isError: e instanceof Error && e instanceof api.OverdueError && api.isOverdueError(e), ms: performance.now() - t };
  }
}

/** Runs the suite; returns the outcomes (identical across runtimes) and any rule broken. */
export function runBadInputSuite(api) {
  const codes = new Set(api.errorCodes());
  const reference = JSON.stringify(api.normalizeInvoices(GOOD));
  const outcomes = [];
  const problems = [];
  let slowest = 0;
  // `volatile`: engines differ in what they can stringify (stack depth), so only "handled" is recorded.
  const check = (label, fn, input, bound = 2000, volatile = false) => {
    const o = attempt(api, fn, input);
    slowest = Math.max(slowest, o.ms);
    if (!o.ok) {
      if (!(o.isError && o.name === "OverdueError" && codes.has(o.code) && o.code !== "internal" && typeof o.path === "string")) problems.push(`${label}: threw ${JSON.stringify(o)}`);
    }
    if (o.ms > bound) problems.push(`${label}: took ${o.ms.toFixed(0)} ms`);
    if (JSON.stringify(api.normalizeInvoices(GOOD)) !== reference) problems.push(`${label}: the instance answered differently afterwards`);
    outcomes.push(volatile ? `${label}: handled` : o.ok ? `${label}: ok` : `${label}: ${o.code} at ${o.path}`);
  };
  for (const [name, fn, input] of CALLS) {
    if (typeof input !== "object") continue;
    for (const key of Object.keys(input)) {
      for (const [vname, v] of NASTY) check(`${name} / ${key} = ${vname}`, fn, { ...input, [key]: v });
    }
    if (Array.isArray(input.invoices) && input.invoices.length) {
      for (const key of Object.keys(input.invoices[0])) {
        for (const [vname, v] of NASTY) {
          check(`${name} / invoices[0].${key} = ${vname}`, fn, { ...input, invoices: [{ ...input.invoices[0], [key]: v }, ...input.invoices.slice(1)] });
        }
      }
    }
  }
  // Size and shape extremes, with time bounds proportional to the input.
  check("a million-element invoices array", "ageReceivables", { asOf: "2026-11-23", invoices: new Array(1_000_000).fill(7) }, 10000);
  let deep = {};
  for (let i = 0; i < 5000; i++) deep = { a: deep };
  check("5,000-deep nesting", "normalizeInvoices", { asOf: "2026-11-23", invoices: [], extra: deep }, 2000, true);
  const cyclic = { asOf: "2026-11-23", invoices: [] };
  cyclic.self = cyclic;
  check("a cycle", "normalizeInvoices", cyclic);
  check("a BigInt", "normalizeInvoices", { asOf: "2026-11-23", invoices: [{ ...GOOD.invoices[0], amount: 10n }] });
  // Every export with every kind of JavaScript value (hardening round 2: a non-string key had
  // trapped in the glue, a re-entrant getter had crashed Node).
  // The loaders and the error class are not capabilities (a class called without `new` throws).
  const notCapabilities = ["default", "initSync", "OverdueError", "isOverdueError"];
  for (const fn of Object.keys(api).filter((k) => typeof api[k] === "function" && !notCapabilities.includes(k)).sort()) {
    // Storage answers differently where there is none (storage_unavailable): only "handled" is compared.
    const storage = ["loadWorkspace", "saveWorkspace", "listBackups", "readStored"].includes(fn);
    for (const [vname, make] of ODD_VALUES) check(`${fn}(${vname})`, fn, make(api, fn), 2000, storage);
  }
  return { count: outcomes.length, outcomes, problems, slowestUnder: slowest < 10000 };
}

/** Values of every JavaScript type, each made fresh for the export it is given to. */
const ODD_VALUES = [
  ["undefined", () => undefined], ["null", () => null], ["number", () => 123], ["NaN", () => NaN],
  ["string", () => "x"], ["empty string", () => ""], ["boolean", () => true], ["BigInt", () => 10n],
  ["Symbol", () => Symbol("s")], ["function", () => () => 1], ["array", () => [1, 2]], ["empty object", () => ({})],
  ["length -1", () => ({ length: -1 })], ["Date", () => new Date(0)], ["typed array", () => new Uint8Array(4)],
  ["Proxy that throws", () => new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } })],
  ["getter that throws", () => Object.defineProperty({}, "asOf", { enumerable: true, get() { throw new Error("getter"); } })],
  ["toJSON that throws", () => ({ toJSON() { throw new Error("toJSON"); } })],
  // The getter calls the same export 600 times, as deep as it can go; each inner call must be
  // refused at once, and the outer call must still end in a coded error or an answer.
  ["getter that re-enters", (api, fn) => {
    const input = { ...GOOD };
    return Object.defineProperty(input, "asOf", { enumerable: true, get() {
      for (let i = 0; i < 600; i++) {
        try { api[fn](input); } catch (e) { if (e?.code !== "reentrant_call") throw new Error(`inner call: ${e?.code ?? e}`, { cause: e }); }
      }
      return "2026-11-23";
    } });
  }],
];

/** The feature entries (`overdue/plan`, …), keyed by name: what each exports, its answers to the
 * good cases of its functions, and the codes of the bad ones. The runtime suite requires them to
 * equal the full build's record. */
export function runEntries(apis) {
  const out = {};
  const bad = allBadCalls();
  for (const [name, api] of Object.entries(apis)) {
    const record = { exports: Object.keys(api).filter((k) => typeof api[k] === "function").sort(), calls: {}, bad: {} };
    for (const [label, fn, input] of CALLS) if (typeof api[fn] === "function") record.calls[label] = api[fn](input);
    for (const [label, fn, input] of bad) {
      if (typeof api[fn] !== "function") continue;
      try {
        api[fn](input);
        record.bad[label] = "answered";
      } catch (e) {
        record.bad[label] = { code: e.code, path: e.path, instance: e instanceof api.OverdueError };
      }
    }
    out[name] = record;
  }
  return out;
}

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
  const record = { version: api.version(), errorCodes: api.errorCodes(), good: api.normalizeInvoices(GOOD), bad: [], aliveAfterEachError: true };
  const reference = JSON.stringify(record.good);
  for (const [name, input, code, path] of BAD) {
    let outcome;
    try {
      api.normalizeInvoices(input);
      outcome = { case: name, threw: false };
    } catch (e) {
      outcome = { case: name, threw: true, error: describeError(e), expected: { code, path } };
    }
    record.bad.push(outcome);
    if (JSON.stringify(api.normalizeInvoices(GOOD)) !== reference) record.aliveAfterEachError = false;
  }
  return record;
}

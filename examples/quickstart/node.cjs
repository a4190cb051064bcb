const { normalizeInvoices } = require("overdue");

try {
  normalizeInvoices({ asOf: "2026-11-23", invoices: [{ id: 1, customer: { id: 1, name: "A" },
    currency: "GBP", amount: 0.1 + 0.2, issueDate: "2026-11-01", dueDate: "2026-11-30" }] });
} catch (err) {
  console.log(err.name, err.code, err.path); // OverdueError too_many_decimals invoices[0].amount
}

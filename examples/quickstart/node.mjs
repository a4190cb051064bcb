import { normalizeInvoices } from "overdue";

const report = normalizeInvoices({
  asOf: "2026-11-23",
  invoices: [{
    id: "INV-1042",
    customer: { id: "C-7", name: "Hartley's Bakery" },
    currency: "GBP",
    amount: "1260.50",
    issueDate: "2026-09-30",
    dueDate: "2026-10-30",
    payments: [{ date: "2026-11-13", amount: "500.00" }],
  }],
});

const [invoice] = report.invoices;
console.log(invoice.status, invoice.outstanding, invoice.daysPastDue); // overdue 760.50 24

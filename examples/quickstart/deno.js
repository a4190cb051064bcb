import { normalizeInvoices } from "overdue";

const { totals } = normalizeInvoices({
  asOf: "2026-11-23",
  invoices: [
    { id: "F-0611", customer: { id: "C-4", name: "Café Lumière" }, currency: "EUR",
      amount: "1480.00", issueDate: "2026-10-09", dueDate: "2026-11-08" },
    { id: "F-0612", customer: { id: "C-4", name: "Café Lumière" }, currency: "EUR",
      amount: "96.80", issueDate: "2026-11-10", dueDate: "2026-12-10" },
  ],
});
console.log(totals[0].currency, totals[0].outstanding, totals[0].overdue); // EUR 1576.80 1480.00

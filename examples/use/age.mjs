import { ageReceivables } from "overdue";

const invoices = [
  { id: "INV-101", customer: { id: "C-1", name: "Hartley's Bakery" }, currency: "GBP",
    amount: "1200.00", issueDate: "2026-01-01", dueDate: "2026-01-31" },
  { id: "INV-102", customer: { id: "C-2", name: "Orchard Dental" }, currency: "GBP",
    amount: "300.50", issueDate: "2026-03-01", dueDate: "2026-04-01",
    payments: [{ date: "2026-03-20", amount: "100.00" }] },
];
const [gbp] = ageReceivables({ asOf: "2026-03-31", invoices }).currencies;
for (const b of gbp.buckets) console.log(b.label, b.amount);
console.log("owed", gbp.totalOutstanding, "overdue", gbp.overdueTotal);

import { provisionMatrix } from "overdue";

const invoice = (id, amount, issueDate, dueDate, more = {}) => ({ id, amount, issueDate, dueDate,
  customer: { id: "c", name: "Customer" }, currency: "EUR", ...more });
const paid = (date, amount) => ({ payments: [{ date, amount }] });

const matrix = provisionMatrix({
  asOf: "2026-12-02", months: 1, buckets: [30],
  invoices: [
    invoice("A", "1000.00", "2026-10-01", "2026-11-15"),
    invoice("B", "1000.00", "2026-10-01", "2026-11-10", paid("2026-11-20", "1000.00")),
    invoice("C", "500.00", "2026-09-20", "2026-10-20"),
    invoice("D", "500.00", "2026-09-20", "2026-10-25", paid("2026-11-05", "500.00")),
    invoice("E", "400.00", "2026-08-01", "2026-09-01",
      { credits: [{ date: "2026-11-15", amount: "400.00", writeOff: true }] }),
    invoice("F", "400.00", "2026-08-01", "2026-09-05", paid("2026-11-10", "400.00")),
    invoice("G", "200.00", "2026-07-01", "2026-08-01"),
    invoice("H", "800.00", "2026-11-20", "2026-12-20"),
  ],
});
const eur = matrix.currencies[0];
for (const b of eur.buckets) console.log(b.label, b.balance, b.lossRate, b.expectedLoss);
console.log(eur.expectedLoss, eur.coveragePercent);

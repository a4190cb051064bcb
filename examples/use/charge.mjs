import { lateCharges } from "overdue";

// Paid six weeks late: under the UK Late Payment Act the interest and the fixed sum are still owed.
const { invoices } = lateCharges({
  asOf: "2025-04-01",
  regime: { kind: "uk" },
  invoices: [{ id: "INV-88", customer: { id: "C-9", name: "Northgate Builders" }, currency: "GBP",
    amount: "5000.00", issueDate: "2025-01-01", dueDate: "2025-01-31",
    payments: [{ date: "2025-03-15", amount: "5000.00" }] }],
});
const [late] = invoices;
console.log(late.rate, late.interest, late.compensation, late.claimable);

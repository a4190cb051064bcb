import { statementOfAccount } from "overdue";

const acme = { id: "c1", name: "Acme Ltd" };
const statement = statementOfAccount({
  asOf: "2026-12-02", customer: { id: "c1", accountNumber: "AC-77" }, language: "en",
  invoices: [
    { id: "INV-1", customer: acme, currency: "GBP", amount: "1200.00", issueDate: "2026-09-01",
      dueDate: "2026-10-01", payments: [{ date: "2026-10-10", amount: "200.00", reference: "BACS 1142" }] },
    { id: "INV-2", customer: acme, currency: "GBP", amount: "300.00", issueDate: "2026-10-05",
      dueDate: "2026-11-04" },
  ],
  documents: [{ kind: "paymentOnAccount", customerId: "c1", currency: "GBP", date: "2026-11-20",
    amount: "100.00", reference: "Transfer 88" }],
});
const gbp = statement.currencies[0];
for (const line of gbp.lines) console.log(line.date, line.description, line.balance);
console.log(gbp.closingBalance, gbp.ageing.buckets.map((b) => `${b.label} ${b.amount}`).join(", "));

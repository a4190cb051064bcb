import { cashForecast } from "overdue";

const bakery = { id: "hb", name: "Hartley's Bakery" };
const paid = (id, dueDate, date) => ({ id, customer: bakery, currency: "GBP", amount: "800.00",
  issueDate: "2026-06-01", dueDate, payments: [{ date, amount: "800.00" }] });

const forecast = cashForecast({
  asOf: "2026-12-02", horizonDays: 28,
  invoices: [
    paid("A-1", "2026-08-31", "2026-09-12"),
    paid("A-2", "2026-09-30", "2026-10-12"),
    paid("A-3", "2026-10-31", "2026-11-12"),
    { id: "A-4", customer: bakery, currency: "GBP", amount: "1250.00",
      issueDate: "2026-11-04", dueDate: "2026-12-04" },
    { id: "D-9", customer: { id: "od", name: "Orchard Dental" }, currency: "GBP", amount: "350.00",
      issueDate: "2026-10-01", dueDate: "2026-10-31", promisedDate: "2026-12-15" },
  ],
});
for (const i of forecast.invoices) console.log(i.invoiceId, i.expectedDate, i.basis);
for (const w of forecast.currencies[0].weeks) console.log(w.start, w.end, w.expected);

import { collectionWorklist } from "overdue";

const customer = (id, name) => ({ id, name });
const { items } = collectionWorklist({
  asOf: "2026-05-15",
  invoices: [
    { id: "A-1", customer: customer("C-1", "Hartley's Bakery"), currency: "GBP", amount: "4200.00",
      issueDate: "2026-02-01", dueDate: "2026-03-03" },
    { id: "B-1", customer: customer("C-2", "Orchard Dental"), currency: "GBP", amount: "350.00",
      issueDate: "2026-04-01", dueDate: "2026-05-01" },
    { id: "C-1", customer: customer("C-3", "Lumen Studio"), currency: "GBP", amount: "9000.00",
      issueDate: "2026-03-01", dueDate: "2026-03-31", disputed: true },
  ],
});
for (const item of items) console.log(item.name, item.status, item.reason);

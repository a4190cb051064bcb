import { paymentPlan } from "overdue";

const plan = paymentPlan({
  principal: "15000.00", currency: "USD", annualRate: 8,
  frequency: "monthly", firstDueDate: "2026-02-01", count: 60,
});
console.log(plan.regularInstalment, plan.finalInstalment, plan.totals.interest);
console.log(plan.schedule[59].balance);

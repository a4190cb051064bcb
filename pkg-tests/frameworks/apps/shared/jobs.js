// The jobs every framework app runs with the overdue it bundled. The answers are compared with
// hand-worked figures in ../../expected.mjs, never with another run of overdue.
const invoice = (id, amount, issueDate, dueDate) =>
  ({ id, customer: { id: "c1", name: "Brightwater Joinery" }, currency: "GBP", amount, issueDate, dueDate });

// `plan` is the feature entry overdue/plan, whose schedule must be the full build's.
export function runJobs(overdue, plan) {
  const aged = overdue.ageReceivables({
    asOf: "2026-03-31",
    invoices: [invoice("A-1", "1200.00", "2026-01-01", "2026-01-31"), invoice("A-2", "300.50", "2026-03-01", "2026-04-01")],
  }).currencies[0];
  const charged = overdue.lateCharges({
    asOf: "2026-03-02",
    regime: { kind: "contract", annualRate: 12 },
    invoices: [invoice("L-1", "1000.00", "2026-01-01", "2026-01-31")],
  }).invoices[0];
  const terms = { principal: "1200.00", currency: "GBP", annualRate: 0, frequency: "monthly", firstDueDate: "2026-02-15", count: 3 };
  const schedule = (p) => p.schedule.map((r) => `${r.dueDate} ${r.payment}`).join(", ");
  const byDate = overdue.normalizeInvoices({
    asOf: new Date("2026-03-31"), invoices: [invoice("A-1", "1200.00", "2026-01-01", "2026-01-31")],
  }).invoices[0];
  let error = null;
  try {
    overdue.normalizeInvoices({ asOf: "2026-02-30", invoices: [] });
  } catch (e) {
    error = { code: e.code, path: e.path, instance: e instanceof overdue.OverdueError, is: overdue.isOverdueError(e) };
  }
  return {
    aged: { total: aged.totalOutstanding, buckets: aged.buckets.map((b) => `${b.label}=${b.amount}`).join(" ") },
    interest: charged.interest,
    plan: schedule(overdue.paymentPlan(terms)),
    planFromEntry: schedule(plan.paymentPlan(terms)),
    daysPastDueFromDate: byDate.daysPastDue,
    error,
  };
}

// What a call made before `init()` throws, for the browser builds.
export function beforeInit(overdue) {
  try {
    overdue.ageReceivables({ asOf: "2026-03-31", invoices: [] });
    return "answered";
  } catch (e) {
    return { code: e.code, instance: e instanceof overdue.OverdueError };
  }
}

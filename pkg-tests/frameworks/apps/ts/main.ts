// A TypeScript program as a Node developer writes it, compiled by tsc and run; the same file is
// built as CommonJS and as ESM. It prints what it got as JSON.
import init, { ageReceivables, lateCharges, normalizeInvoices, OverdueError, isOverdueError, type ErrorCode } from "overdue";

const invoice = { id: "L-1", customer: { id: "c1", name: "Brightwater Joinery" }, currency: "GBP", amount: "1000.00", issueDate: "2026-01-01", dueDate: "2026-01-31" };

init().then(() => {
  const interest: string = lateCharges({ asOf: "2026-03-02", regime: { kind: "contract", annualRate: 12 }, invoices: [invoice] }).invoices[0].interest;
  const total: string = ageReceivables({ asOf: "2026-03-31", invoices: [invoice] }).currencies[0].totalOutstanding;
  let code: ErrorCode | null = null;
  let path = "";
  let caught = false;
  try {
    normalizeInvoices({ asOf: "2026-02-30", invoices: [] });
  } catch (e) {
    if (e instanceof OverdueError) {
      code = e.code;
      path = e.path;
    }
    caught = isOverdueError(e);
  }
  console.log(JSON.stringify({ interest, total, code, path, caught }));
});

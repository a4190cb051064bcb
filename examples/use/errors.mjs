import { lateCharges, OverdueError } from "overdue";

function handle(body) {
  try {
    return { status: 200, body: lateCharges(body) };
  } catch (err) {
    if (!(err instanceof OverdueError)) throw err;
    return { status: 400, body: { code: err.code, path: err.path } };
  }
}
console.log(JSON.stringify(handle({ asOf: "2026-02-30", regime: { kind: "uk" }, invoices: [] })));

// The declarations alone, under lib "es2022" with no @types/node and no DOM: nothing they name may
// come from either (an edge worker's or a library's tsconfig looks like this).
import init, { initSync, lateCharges, OverdueError, type LateChargesReport } from "overdue";

export async function charge(body: unknown, wasm: Uint8Array): Promise<string> {
  initSync({ module: wasm });
  await init();
  try {
    const out: LateChargesReport = lateCharges(body as Parameters<typeof lateCharges>[0]);
    return out.invoices[0]?.interest ?? "";
  } catch (e) {
    if (e instanceof OverdueError) return `${e.code} at ${e.path}`;
    throw e;
  }
}

// A feature entry has the same loaders, class and types, and only its functions.
import initPlan, { paymentPlan, OverdueError as PlanError, type PaymentPlan } from "overdue/plan";
export async function plan(): Promise<PaymentPlan> {
  await initPlan();
  try {
    return paymentPlan({ principal: "100", currency: "EUR", annualRate: 0, frequency: "monthly", firstDueDate: "2026-01-31", count: 2 });
  } catch (e) {
    if (e instanceof PlanError) throw new Error(e.code);
    throw e;
  }
}

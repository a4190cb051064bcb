// Compiled with `tsc --noEmit --strict` against the packed package: every export has real types.
// The @ts-expect-error lines fail the compile if a type ever degrades to `any`.
import init, {
  normalizeInvoices, version, errorCodes, ageReceivables, ageReceivablesCsv, receivablesKpis, collectionWorklist,
  nextActions, previewLadder, type NextActions, type PlannedStage,
  importInvoicesCsv, type ImportInvoicesCsvResult,
  renderNotice, validateTemplate, noticeTemplate, listTemplateVariables, type Notice, type TemplateCheck, type NoticeTemplateSource, type TemplateVariable, paymentPlan, paymentRisk, type RiskReport, lateCharges, paymentTerms, parseAmount, earlyPaymentDiscount, type LateChargesReport, type AgingReport, type KpiReport, type Worklist, type PaymentPlan,
  type NormalizeInvoicesInput, type NormalizeInvoicesOutput, type InvoiceInput, OverdueError, isOverdueError, type ErrorCode,
  loadWorkspace, listBackups,
  cashForecast, cashForecastBacktest, provisionMatrix, statementOfAccount, type CashForecast, type StatementOfAccount, type ProvisionMatrix,
} from "overdue";

await init();

const invoice: InvoiceInput = {
  id: "INV-1", customer: { id: "c1", name: "Acme Ltd", accountNumber: "AC-9" }, currency: "EUR",
  amount: "250.00", issueDate: "2026-10-01", dueDate: "2026-10-31", payments: [{ date: "2026-11-01", amount: 50 }],
};
const input: NormalizeInvoicesInput = { asOf: "2026-11-23", invoices: [invoice] };
const out: NormalizeInvoicesOutput = normalizeInvoices(input);
const outstanding: string = out.invoices[0].outstanding;
const days: number = out.invoices[0].daysPastDue;
const status: "paid" | "current" | "overdue" | "credit" | "writtenOff" = out.invoices[0].status;
const v: string = version();
const codes: ErrorCode[] = errorCodes();

try {
  normalizeInvoices({ asOf: "2026-11-23", invoices: [] });
} catch (e) {
  // The class narrows without a cast, and so does the guard.
  if (e instanceof OverdueError) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    console.log(code, path);
  }
  if (isOverdueError(e)) console.log(e.code);
}
const made: OverdueError = new OverdueError("invalid_value", "made by hand", "x");
// @ts-expect-error: codes are the stable list
new OverdueError("no_such_code", "x");

const aging: AgingReport = ageReceivables({ asOf: "2026-11-23", invoices: [invoice], buckets: [30, 60], basis: "dueDate", detail: "customers" });
const firstBucket: string = aging.currencies[0].buckets[0].label;
const bulk: AgingReport = ageReceivablesCsv({ asOf: "2026-11-23", csv: "id,customerId,currency,amount,dueDate\n", detail: "summary" });
const kpis: KpiReport = receivablesKpis({ currency: "USD", beginningReceivables: 1, creditSales: "2", endingReceivables: "1", endingCurrent: "0", days: 30 });
const dso: string | null = kpis.currencies[0].dso;
const work: Worklist = collectionWorklist({ asOf: "2026-11-23", invoices: [invoice], risk: { customers: [{ customerId: "c1", trend: "deteriorating" }] } });
const reason: string = work.items[0].reason;
console.log(firstBucket, bulk, dso, reason);
// @ts-expect-error: detail is one of three words
ageReceivables({ asOf: "2026-11-23", invoices: [], detail: "everything" });
// @ts-expect-error: a priority is a decimal string
const p: number = work.items[0].priority;
console.log(p);

const plan: PaymentPlan = paymentPlan({ principal: "1000", currency: "EUR", annualRate: 5, frequency: "monthly", firstDueDate: "2026-01-31", count: 12 });
const lastBalance: string = plan.schedule[plan.schedule.length - 1].balance;
console.log(lastBalance);
const charged: LateChargesReport = lateCharges({ asOf: "2026-11-23", invoices: [invoice], regime: { kind: "uk", referenceRate: "3.75" } });
const why: string = charged.invoices[0].explanation;
const net: number = paymentTerms("2/10 net 30").netDays + paymentTerms({ terms: "net 30" }).netDays;
const typed: string = parseAmount({ text: "12,50", currency: "EUR", decimalSeparator: "," }).amount;
const cost: string | null = earlyPaymentDiscount({ terms: "2/10 net 30", issueDate: "2026-11-01", amount: 1000, currency: "USD", asOf: "2026-11-05" }).annualCostSimple360;
console.log(why, net, cost);
const riskReport: RiskReport = paymentRisk({ asOf: "2026-11-23", invoices: [invoice], windowMonths: 6 });
const sliding: boolean = riskReport.customers[0].trend === "deteriorating";
collectionWorklist({ asOf: "2026-11-23", invoices: [invoice], risk: riskReport });
console.log(sliding);
const forecast: CashForecast = cashForecast({ asOf: "2026-11-23", invoices: [invoice], horizonDays: 28, detail: "summary" });
const expected: string | null = forecast.invoices[0]?.expectedDate ?? null;
const mae: string | null = cashForecastBacktest({ asOf: "2026-11-23", invoices: [invoice], from: "2026-06-01" }).meanAbsoluteErrorDays;
const ecl: ProvisionMatrix = provisionMatrix({ asOf: "2026-11-23", invoices: [invoice], adjustmentPercent: "10" });
const statement: StatementOfAccount = statementOfAccount({ asOf: "2026-11-23", customer: { id: "c1" }, invoices: [invoice], language: "fr",
  documents: [{ kind: "paymentOnAccount", customerId: "c1", currency: "EUR", date: "2026-11-20", amount: "10.00" }] });
const closing: string | undefined = statement.currencies[0]?.closingBalance;
console.log(expected, mae, ecl.currencies[0]?.expectedLoss, closing);
// @ts-expect-error a document kind that does not exist
statementOfAccount({ asOf: "2026-11-23", customer: { id: "c1" }, invoices: [], documents: [{ kind: "refund", customerId: "c1", currency: "EUR", date: "2026-11-20", amount: "1" }] });
// @ts-expect-error the forecast has no detail "customers"
cashForecast({ asOf: "2026-11-23", invoices: [], detail: "customers" });
const todo: NextActions = nextActions({ asOf: "2026-11-23", invoices: [invoice], history: [{ customerId: "c1", stageId: "friendly", date: "2026-11-01" }] });
const firstStage: string | undefined = todo.actions[0]?.stageId;
const ladder: PlannedStage[] = previewLadder({ asOf: "2026-11-23", invoice });
console.log(firstStage, ladder.length);
const notice: Notice = renderNotice({ asOf: "2026-11-23", stage: "final", language: "de", sender: { name: "Harbour Lane" }, invoices: [invoice] });
const subjectLine: string = notice.subject;
const check: TemplateCheck = validateTemplate({ template: { text: "{{ customer.name }}" } });
const firstProblem: number | undefined = check.problems[0]?.line;
const source: NoticeTemplateSource = noticeTemplate({ stage: "plan", channel: "sms", language: "nl" });
const names: string[] = listTemplateVariables().map((v: TemplateVariable) => v.name);
console.log(subjectLine, firstProblem, source.html, names);
const imported: ImportInvoicesCsvResult = importInvoicesCsv({ text: "id,customer,currency,amount,due\nA,Acme,USD,10.00,2026-10-01\n", dateFormat: "YYYY-MM-DD" });
const firstImported: string | number | undefined = imported.invoices[0]?.id;
console.log(firstImported, imported.errors.map((e) => `${e.line} ${e.field} ${e.code}`));
// @ts-expect-error: no such date format
importInvoicesCsv({ text: "", dateFormat: "YY/MM/DD" });
// @ts-expect-error: Italian is not a notice language
renderNotice({ asOf: "2026-11-23", language: "it", sender: { name: "X" }, invoices: [invoice] });
// @ts-expect-error: no fax channel
nextActions({ asOf: "2026-11-23", invoices: [], policy: [{ id: "x", name: "X", offsetDays: 1, channel: "fax", template: "t" }] });
// @ts-expect-error: no such regime
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "french" } });
// @ts-expect-error: no daily plans
paymentPlan({ principal: "1000", currency: "EUR", annualRate: 5, frequency: "daily", firstDueDate: "2026-01-31", count: 12 });

// @ts-expect-error: asOf is required
normalizeInvoices({ invoices: [] });
// @ts-expect-error: amounts are strings or numbers, not booleans
const wrong: InvoiceInput = { ...invoice, amount: true };
// @ts-expect-error: outstanding is a decimal string, not a number
const n: number = out.invoices[0].outstanding;
// @ts-expect-error: no such status
const s2: typeof status = "late";

// Dates as Date objects at midnight UTC are accepted in inputs.
normalizeInvoices({ asOf: new Date("2026-11-23"), invoices: [{ ...invoice, dueDate: new Date("2026-10-31") }] });
// A notice action's template and next stage are renderNotice's, with no cast.
const action = todo.actions[0];
if (action) renderNotice({ asOf: "2026-11-23", stage: action.template, nextStage: action.nextStage, sender: { name: "X" }, invoices: [invoice] });
// The whole lateCharges and paymentPlan results fit the notice's inputs.
renderNotice({ asOf: "2026-11-23", sender: { name: "X" }, invoices: [invoice], charges: charged, plan });
// The storage functions' key is optional.
const backups: number = listBackups().length + loadWorkspace().bytes;
// Each regime takes its own options, and a contract its rate.
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "contract", annualRate: 8, graceDays: 5, fixedFee: 40 } });
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "nl", consumer: true, annualRate: 6, letterReceived: "2026-11-01" } });
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "de", consumer: true, holidays: ["2026-01-06"] } });
// @ts-expect-error: the UK Act has no grace period
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "uk", graceDays: 10 } });
// @ts-expect-error: a contract needs its rate
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "contract" } });
// @ts-expect-error: a Dutch consumer claim needs the statutory rate
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "nl", consumer: true } });
// @ts-expect-error: the Prompt Payment Act counts 360 days
lateCharges({ asOf: "2026-11-23", invoices: [], regime: { kind: "us-prompt-payment", dayCount: "act/365" } });
const terms = { principal: "1000", currency: "EUR", annualRate: 5, frequency: "monthly", firstDueDate: "2026-01-31" } as const;
paymentPlan({ ...terms, maxInstalment: "100" });
// @ts-expect-error: neither count nor maxInstalment
paymentPlan(terms);
// @ts-expect-error: count and maxInstalment both
paymentPlan({ ...terms, count: 12, maxInstalment: "100" });
// @ts-expect-error: neither a ledger nor the summary figures
receivablesKpis({});
// @ts-expect-error: a ledger needs its period
receivablesKpis({ invoices: [invoice] });
// @ts-expect-error: not a trend
collectionWorklist({ asOf: "2026-11-23", invoices: [], risk: { customers: [{ customerId: "c1", trend: "sliding" }] } });
// @ts-expect-error: customers' email is absent, never null, in results
const noEmail: null = out.invoices[0].customer.email;

console.log(outstanding, days, status, v, codes, wrong, n, s2, made, backups, noEmail);

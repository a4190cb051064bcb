/** A decimal amount as a string, e.g. "1854.02" (JPY "1854", KWD "1.500"). Inputs also accept numbers. */
export type Money = string;
/** An amount as input: a decimal string, or a number with no more decimals than the currency allows. */
export type MoneyInput = string | number;
/** A calendar date "YYYY-MM-DD". */
export type DateString = string;
/** A date as input: "YYYY-MM-DD", or a `Date` at midnight UTC (`new Date("2026-11-23")`); a `Date`
 * at any other instant is refused (`invalid_date`), its day depending on a time zone. */
export type DateInput = DateString | Date;
/** An ISO 4217 currency code such as "EUR", "GBP", "USD", "JPY". */
export type CurrencyCode = string;

/** Stable error codes carried by every thrown `OverdueError`. */
export type ErrorCode =
  | "missing_field" | "invalid_type" | "invalid_value" | "invalid_amount" | "too_many_decimals"
  | "amount_out_of_range" | "invalid_date" | "invalid_date_order" | "unknown_currency" | "empty_text"
  | "too_long" | "duplicate_id" | "too_many" | "invalid_json" | "internal" | "instalment_too_small"
  | "rate_unknown" | "invalid_terms" | "template_error" | "template_too_complex" | "output_too_large" | "storage_full" | "storage_unavailable"
  | "invalid_text" | "too_large" | "reentrant_call" | "unsupported_file" | "not_initialised"
  | "wasm_not_found";

/**
 * What every overdue function throws on bad input, and `init` when it cannot load:
 * `err instanceof OverdueError` (within one copy of the package; `isOverdueError` across copies).
 *
 * ```js
 * try { lateCharges(body); } catch (e) { if (e instanceof OverdueError) return { status: 400, code: e.code, path: e.path }; throw e; }
 * ```
 */
export class OverdueError extends Error {
  constructor(code: ErrorCode, message: string, path?: string);
  readonly name: "OverdueError";
  readonly code: ErrorCode;
  /** Where in the input, e.g. "invoices[3].dueDate"; "" for the input as a whole. */
  readonly path: string;
}

/** True for an error overdue threw, also when two copies of the package are loaded (ESM and CommonJS). */
export function isOverdueError(e: unknown): e is OverdueError;

export interface CustomerInput {
  id: string | number;
  name: string;
  email?: string | null;
  accountNumber?: string | null;
}

export interface PaymentInput {
  /** When it arrived; absent or null when not known (an export that gives only the amount paid): it
   * then counts toward what is owed, but late charges take it as paid by the due date and payment
   * habits leave it out. */
  date?: DateInput | null;
  amount: MoneyInput;
  reference?: string | null;
}

export interface CreditInput {
  date: DateInput;
  amount: MoneyInput;
  /** A bad debt written off rather than a credit note: a loss for `provisionMatrix`; the invoice's
   * status is `writtenOff` once nothing is left. */
  writeOff?: boolean | null;
}

/** The invoice model every overdue function shares. Unknown extra fields are ignored. */
export interface InvoiceInput {
  id: string | number;
  customer: CustomerInput;
  currency: CurrencyCode;
  amount: MoneyInput;
  issueDate: DateInput;
  dueDate: DateInput;
  payments?: PaymentInput[] | null;
  credits?: CreditInput[] | null;
  disputed?: boolean | null;
  /** The date the customer promised to pay by. */
  promisedDate?: DateInput | null;
  notes?: string | null;
}

export interface NormalizeInvoicesInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
}

export interface Customer {
  id: string;
  name: string;
  /** Absent when the input had none. */
  email?: string;
  accountNumber?: string;
}

export type InvoiceStatus = "paid" | "current" | "overdue" | "credit" | "writtenOff";

export interface NormalizedInvoice {
  id: string;
  customer: Customer;
  currency: CurrencyCode;
  amount: Money;
  issueDate: DateString;
  dueDate: DateString;
  /** Payments dated on or before asOf. */
  paid: Money;
  /** Credits dated on or before asOf. */
  credited: Money;
  /** amount − paid − credited; negative when overpaid. */
  outstanding: Money;
  /** Days after the due date while something is owed; 0 otherwise. */
  daysPastDue: number;
  status: InvoiceStatus;
  disputed: boolean;
  promisedDate: DateString | null;
  notes: string | null;
}

export interface CurrencyTotals {
  currency: CurrencyCode;
  invoices: number;
  invoiced: Money;
  outstanding: Money;
  overdue: Money;
  /** Owed back to customers who overpaid. */
  customerCredit: Money;
}

export interface NormalizeInvoicesOutput {
  asOf: DateString;
  invoices: NormalizedInvoice[];
  /** One entry per currency, ordered by code; currencies are never added together. */
  totals: CurrencyTotals[];
}

/** "dueDate": days past the due date (default); "issueDate": days since issue. */
export type AgingBasis = "dueDate" | "issueDate";

/** How much per-invoice detail a report carries: "invoices" (default), "customers" or "summary". */
export type AgingDetail = "invoices" | "customers" | "summary";

export interface AgeReceivablesInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Ascending upper limits in days, inclusive; default [30, 60, 90, 120]. */
  buckets?: number[] | null;
  basis?: AgingBasis | null;
  detail?: AgingDetail | null;
  /** Credit notes and payments on account, netted per customer (the invoices they name first, then
   * the oldest due); what they leave over is customer credit, listed under the document's id. */
  documents?: CustomerDocument[] | null;
}

/** A ledger as CSV text, columns found by header name (id, customerId, customerName, currency, amount, issueDate, dueDate, paid | outstanding, disputed). */
export interface AgeReceivablesCsvInput {
  asOf: DateInput;
  csv: string;
  buckets?: number[] | null;
  basis?: AgingBasis | null;
  detail?: AgingDetail | null;
}

export interface BucketDef {
  /** "Current", "1–30", …, "121+" (issue-date basis: "0–30", …). */
  label: string;
  /** Lowest age in the bucket; null for "Current". */
  from: number | null;
  /** Highest age in the bucket; null for the last, open bucket. */
  to: number | null;
}

export interface BucketTotal {
  label: string;
  amount: Money;
  count: number;
}

export interface CurrencyAging {
  currency: CurrencyCode;
  buckets: BucketTotal[];
  /** Everything owed, disputed included; the sum of the buckets. */
  totalOutstanding: Money;
  overdueTotal: Money;
  disputedTotal: Money;
  /** Overpayments owed back to customers. */
  customerCredit: Money;
  openInvoices: number;
  /** Percent of totalOutstanding more than 90 days past due, e.g. "37.50". */
  shareOver90Days: string;
  /** Amount-weighted average days past due, one decimal, e.g. "55.8". */
  weightedAverageDaysPastDue: string;
}

export interface CustomerAging {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  /** Amounts in the order of the report's buckets. */
  buckets: Money[];
  totalOutstanding: Money;
  overdueTotal: Money;
  oldestDaysPastDue: number;
  openInvoices: number;
  disputedAmount: Money;
  credit: Money;
}

export interface InvoiceAging {
  id: string;
  customerId: string;
  currency: CurrencyCode;
  outstanding: Money;
  /** Days on the report's basis (negative while not yet due on the due-date basis). */
  age: number;
  daysPastDue: number;
  /** Index into the report's buckets. */
  bucket: number;
  disputed: boolean;
}

export interface CreditEntry {
  invoiceId: string;
  customerId: string;
  currency: CurrencyCode;
  amount: Money;
}

export interface AgingReport {
  asOf: DateString;
  basis: AgingBasis;
  buckets: BucketDef[];
  currencies: CurrencyAging[];
  customers: CustomerAging[];
  invoices: InvoiceAging[];
  credits: CreditEntry[];
  paidInvoices: number;
  notYetIssued: number;
}

/** Either a ledger or the summary figures, complete. */
export type ReceivablesKpisInput =
  | {
      periodStart: DateInput;
      periodEnd: DateInput;
      invoices: InvoiceInput[];
      /** Credit notes and payments on account: receivables are netted of them at each end of the
       * period, and credit sales of the credit notes dated in it. */
      documents?: CustomerDocument[] | null;
    }
  | {
      currency: CurrencyCode;
      beginningReceivables: MoneyInput;
      creditSales: MoneyInput;
      endingReceivables: MoneyInput;
      endingCurrent: MoneyInput;
      /** The period's length, 1–3,660 days. */
      days: number;
      /** Reported back as given. */
      periodStart?: DateInput | null;
      periodEnd?: DateInput | null;
    };

export interface CountbackMonth {
  /** "YYYY-MM" */
  month: string;
  creditSales: Money;
  daysCounted: string;
}

/** Ratios are decimal strings with two decimals; null where the denominator is zero. */
export interface Kpis {
  currency: CurrencyCode;
  days: number;
  beginningReceivables: Money;
  creditSales: Money;
  endingReceivables: Money;
  endingCurrent: Money;
  dso: string | null;
  bestPossibleDso: string | null;
  averageDaysDelinquent: string | null;
  /** CEI with the period's credit sales, percent. */
  cei: string | null;
  /** CEI with average monthly credit sales, percent. */
  ceiMonthlySales: string | null;
  months: string;
  countbackDso: string | null;
  countback: CountbackMonth[];
}

export interface KpiReport {
  source: "ledger" | "summary";
  periodStart: DateString | null;
  periodEnd: DateString | null;
  currencies: Kpis[];
}

export interface CustomerRiskInput {
  customerId: string | number;
  score?: number | null;
  trend?: RiskTrend | null;
}

export interface CollectionWorklistInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** A paymentRisk report (only customers[].customerId, score and trend are read). */
  risk?: { customers: CustomerRiskInput[] } | null;
}

export interface WorkInvoice {
  id: string;
  dueDate: DateString;
  outstanding: Money;
  daysPastDue: number;
  hold: "disputed" | "promised" | null;
  promisedDate: DateString | null;
}

export interface WorkItem {
  customerId: string;
  name: string;
  email: string | null;
  currency: CurrencyCode;
  /** 0–100, one decimal. */
  priority: string;
  status: "chase" | "onHold";
  reason: string;
  chaseable: Money;
  held: Money;
  oldestDaysPastDue: number;
  invoices: WorkInvoice[];
}

export interface Worklist {
  asOf: DateString;
  items: WorkItem[];
}

export type PlanFrequency = "weekly" | "biweekly" | "semimonthly" | "monthly" | "quarterly";
export type PlanMethod = "level" | "equalPrincipal";

/** A paymentPlan's input: `count` or `maxInstalment`, exactly one of them. */
export type PaymentPlanInput = PaymentPlanTerms & (
  | { /** The number of instalments, 1–600. */ count: number; maxInstalment?: null }
  | { /** The most any instalment may be; the count follows. */ maxInstalment: MoneyInput; count?: null }
);

export interface PaymentPlanTerms {
  /** What is to be repaid, e.g. the outstanding balance plus agreed charges. */
  principal: MoneyInput;
  currency: CurrencyCode;
  /** Percent a year: "7.5" is 7.5 %; 0 for an interest-free split. */
  annualRate: MoneyInput;
  frequency: PlanFrequency;
  firstDueDate: DateInput;
  /** The day the plan is agreed; default one period before the first due date. */
  startDate?: DateInput | null;
  /** Paid on its date (default the start date); not financed. */
  downPayment?: { amount: MoneyInput; date?: DateInput | null } | null;
  /** Added to the first instalment; counted in the APR. */
  setupFee?: MoneyInput | null;
  method?: PlanMethod | null;
}

export interface PlanRow {
  number: number;
  dueDate: DateString;
  /** principal + interest + fee */
  payment: Money;
  interest: Money;
  principal: Money;
  fee: Money;
  /** Balance after this instalment. */
  balance: Money;
}

export interface PaymentPlan {
  currency: CurrencyCode;
  method: PlanMethod;
  frequency: PlanFrequency;
  periodsPerYear: number;
  principal: Money;
  downPayment: { amount: Money; date: DateString } | null;
  /** principal − down payment */
  financed: Money;
  setupFee: Money;
  startDate: DateString;
  /** annual rate / periods per year as a fraction, unrounded */
  periodicRate: string;
  count: number;
  regularInstalment: Money;
  finalInstalment: Money;
  schedule: PlanRow[];
  totals: { paid: Money; interest: Money; fees: Money; principal: Money };
  /** Annual percentage rate including the setup fee (actuarial), e.g. "8.00". */
  apr: string;
  /** Effective annual rate from the APR, percent. */
  effectiveAnnualRate: string;
}

/** A built-in table of published rates. */
export type RateTable = "boeBankRate" | "ecbMainRefinancing" | "deBasiszinssatz" | "usPromptPayment";

export type RegimeKind = "contract" | "uk" | "eu" | "de" | "fr" | "es" | "nl" | "ie" | "it" | "us-prompt-payment";

/** A reference rate in force from a date, percent a year: rows you give replace the built-in table from the first one on. */
export interface ReferenceRateRow {
  /** When given, the row is for that table only: a regime using another table passes over it. */
  table?: RateTable | null;
  from: DateString;
  rate: MoneyInput;
}

/** The rules to charge by; which fields apply depends on kind. Rates are percent a year. */
/** What every regime takes. */
interface RegimeOptions {
  /** "act/365" (default), "act/360" or "act/act" (each calendar year's days) */
  dayCount?: "act/365" | "act/360" | "act/act" | null;
  /** Newer rows for the statutory table (Bank Rate, ECB, Basiszinssatz, Treasury); rows naming
   * another regime's table are passed over, so one list serves every regime. */
  referenceRates?: ReferenceRateRow[] | null;
  /** How a part payment is applied (default by regime: costsInterestPrincipal for de, fr, es, nl, it). */
  allocation?: "principalFirst" | "costsInterestPrincipal" | null;
  /** Round each day's interest to the minor unit before multiplying, as some official examples do. */
  roundDaily?: boolean | null;
  /** A fee once per late invoice, besides the interest; never negative. */
  fixedFee?: MoneyInput | null;
  /** Percent of the balance outstanding on asOf, once per late invoice. */
  percentFee?: MoneyInput | null;
  /** The most an invoice's charges may total; never negative. */
  cap?: MoneyInput | null;
}
/** What every statutory regime takes besides. */
interface StatutoryOptions extends RegimeOptions {
  /** One reference rate for every day, instead of the table. */
  referenceRate?: MoneyInput | null;
}
interface HalfYearly extends StatutoryOptions {
  /** Each half-year at its own rate (default true); false fixes the first half-year's for the debt. */
  perHalfYear?: boolean | null;
}
/** The value of 1 unit of an invoice's currency in GBP (uk) or EUR (ie), to set the fixed sum's tier. */
type ExchangeRates = { currency: string; rate: MoneyInput }[];

/**
 * The rules to charge by, one shape per `kind`: an option that does not apply to a regime is
 * refused (`invalid_value` at its path), never ignored.
 */
export type Regime =
  | (RegimeOptions & {
      kind: "contract";
      /** Percent a year. */
      annualRate: MoneyInput;
      /** Interest starts after this many days past due. */
      graceDays?: number | null;
    })
  | (StatutoryOptions & { kind: "uk"; exchangeRates?: ExchangeRates | null })
  | (HalfYearly & { kind: "ie"; exchangeRates?: ExchangeRates | null })
  | (HalfYearly & {
      kind: "eu";
      /** Points over the reference rate, at least 8 (default 8). */
      margin?: MoneyInput | null;
    })
  | (HalfYearly & { kind: "fr" | "es" | "it" })
  | (HalfYearly & { kind: "nl"; consumer?: false | null })
  | (HalfYearly & {
      kind: "nl";
      /** A consumer: the statutory rate and the collection-cost scale. */
      consumer: true;
      /** The statutory rate of art. 6:119 BW, percent a year. */
      annualRate: MoneyInput;
      /** The day the 14-day letter (art. 6:96(6) BW) was received. */
      letterReceived?: DateString | null;
    })
  | (StatutoryOptions & {
      kind: "de";
      /** One Basiszinssatz for every day, instead of the table. */
      baseRate?: MoneyInput | null;
      /** A consumer debtor: +5 points, no €40. */
      consumer?: boolean | null;
      /** A Land's public holidays, besides the nationwide ones (§ 193 BGB). */
      holidays?: DateString[] | null;
      /** "dueDate" (default) or "30DaysAfterInvoice" (§ 286(3) BGB). */
      defaultStarts?: "dueDate" | "30DaysAfterInvoice" | null;
    })
  | (StatutoryOptions & {
      kind: "us-prompt-payment";
      /** Instead of Treasury's table, percent a year. */
      annualRate?: MoneyInput | null;
      /** The Act counts a 360-day year. */
      dayCount?: "act/360" | null;
    });

export interface LateChargesInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  regime: Regime;
  /** "invoices" (default), "customers" or "summary": leave out the per-invoice or per-customer rows. */
  detail?: AgingDetail | null;
  /** "all" (default: open invoices and those paid late) or "open" */
  scope?: "all" | "open" | null;
  /** The customers' credit notes and payments on account, allocated as ageReceivables allocates
   * them and charged from their own dates: a payment on account as a payment (under the regime's
   * allocation rule), a credit note as a credit. */
  documents?: CustomerDocument[] | null;
}

export interface ChargePeriod {
  from: DateString;
  to: DateString;
  days: number;
  balance: Money;
  /** percent a year */
  rate: string;
  interest: Money;
}

/** What one payment paid, by the regime's allocation rule. */
export interface PaymentApplied {
  date: DateString;
  amount: Money;
  costs: Money;
  interest: Money;
  principal: Money;
}

export interface ChargeTotals {
  /** what is left of the invoice itself */
  outstanding: Money;
  interest: Money;
  compensation: Money;
  fees: Money;
  /** interest + compensation + fees */
  totalCharges: Money;
  /** charges already paid by payments applied to them */
  chargesPaid: Money;
  /** charges still owed */
  claimable: Money;
  /** outstanding + claimable */
  totalClaim: Money;
}

export interface InvoiceCharges extends ChargeTotals {
  id: string;
  customerId: string;
  currency: CurrencyCode;
  dueDate: DateString;
  /** the first day of interest (after § 193 BGB, a grace period or the 30-day rule) */
  interestFrom: DateString;
  status: "open" | "paidLate";
  /** to asOf when open, to the settling payment when paid late */
  daysLate: number;
  /** percent a year (the first period's when it changes by half-year) */
  rate: string;
  /** one more day on today's balance, for reading only */
  dailyInterest: Money;
  /** the fixed sum when it is in another currency than the invoice (then not in the totals); absent otherwise */
  fixedSum?: { amount: Money; currency: CurrencyCode };
  capped: boolean;
  /** the rule, the rate and where it came from */
  explanation: string;
  periods: ChargePeriod[];
  payments: PaymentApplied[];
  /** why the invoice could not be charged in full; absent when it was */
  problem?: { code: "rate_unknown" | "exchange_rate_needed"; message: string; table: string | null; referenceDate: DateString | null };
}

export interface StatusTotals {
  invoices: number;
  totalCharges: Money;
  claimable: Money;
  totalClaim: Money;
}

export interface LateChargesReport {
  asOf: DateString;
  kind: RegimeKind;
  /** The regime's consumer rules applied (de, nl). */
  consumer: boolean;
  allocation: "principalFirst" | "costsInterestPrincipal";
  invoices: InvoiceCharges[];
  customers: (ChargeTotals & { customerId: string; name: string; currency: CurrencyCode; open: StatusTotals; paidLate: StatusTotals })[];
  currencies: (ChargeTotals & { currency: CurrencyCode; open: StatusTotals; paidLate: StatusTotals; fixedSums: { amount: Money; currency: CurrencyCode }[]; unpriced: number })[];
  /** reference rates the report needed and did not have; give them as regime.referenceRates */
  unknownRates: { table: RateTable; referenceDate: DateString; invoices: number }[];
}

export interface PaymentTerms {
  /** percent off for paying early, e.g. "2" */
  discountPercent: string | null;
  discountDays: number | null;
  netDays: number;
  /** days count from the end of the invoice's month */
  endOfMonth: boolean;
  /** due on this day of the next month ("net 10th prox"), instead of netDays */
  proximoDay: number | null;
  /** e.g. "2/10 net 30" */
  canonical: string;
}

export interface EarlyPaymentDiscountInput {
  terms: string;
  issueDate: DateInput;
  amount: MoneyInput;
  currency: CurrencyCode;
  asOf: DateInput;
}

export interface EarlyPaymentDiscount {
  terms: PaymentTerms;
  currency: CurrencyCode;
  dueDate: DateString;
  discountDeadline: DateString | null;
  discountAmount: Money;
  discountAvailable: boolean;
  amountPayableNow: Money;
  /** d/(1−d) × 360/(N−D), percent: the textbook figure */
  annualCostSimple360: string | null;
  /** d/(1−d) × 365/(N−D), percent: on the same year as the compounded figure */
  annualCostSimple365: string | null;
  /** (1 + d/(1−d))^(365/(N−D)) − 1, percent */
  annualCostCompound365: string | null;
}

export interface PaymentRiskInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Months of history, 1–60 (default 12). */
  windowMonths?: number | null;
  thresholds?: {
    /** Slope that counts as drifting, days per month (default 2). */
    slopeDaysPerMonth?: number | null;
    /** How much later the last 3 months must be than before, days (default 5). */
    recentVsPriorDays?: number | null;
    /** Experiences needed for a score and a trend (default 3). */
    minExperiences?: number | null;
  } | null;
}

export type RiskTrend = "deteriorating" | "improving" | "stable" | "unknown";

export interface CustomerRisk {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  experiences: number;
  /** Weighted days beyond terms, one decimal; negative pays early. */
  dbt: number | null;
  /** PAYDEX-style 1–100; null with too few experiences. */
  score: number | null;
  grade: "A" | "B" | "C" | "D" | "E" | null;
  trend: RiskTrend;
  slopeDaysPerMonth: number | null;
  recentDbt: number | null;
  priorDbt: number | null;
  outstanding: Money;
  explanation: string;
  /** One point per month of the window, for charts. */
  monthly: { month: string; dbt: number | null; amountPaid: Money }[];
}

export interface RiskReport {
  asOf: DateString;
  windowStart: DateString;
  windowMonths: number;
  /** Riskiest first. */
  customers: CustomerRisk[];
  currencies: { currency: CurrencyCode; outstanding: Money; deterioratingOutstanding: Money; deterioratingShare: string }[];
}

export interface CashForecastOptions {
  /** Days after which a settled invoice counts half as much, 7–3650 (default 180). */
  halfLifeDays?: number | null;
  /** How many settled invoices the whole ledger's habits count as beside a customer's own, 0–100 (default 3). */
  priorWeight?: number | null;
}

export interface CashForecastInput extends CashForecastOptions {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Days ahead that weeks and months are totalled for, 7–730 (default 91). */
  horizonDays?: number | null;
  /** Days a dispute pushes an invoice's forecast back, 0–365 (default 30). */
  disputeDelayDays?: number | null;
  /** `summary` leaves out the per-invoice rows (default `invoices`). */
  detail?: ForecastDetail | null;
}

export type ForecastDetail = "invoices" | "summary";

/** Where an expected date comes from: a promise to pay, the customer's own habits blended with the
 * ledger's, the ledger's alone (no paid invoice of this customer's), the due date (nobody has paid
 * anything yet), or nothing (later already than almost every payment on record: no date). */
export type ForecastBasis = "promise" | "customer" | "ledger" | "terms" | "beyondHistory";

export interface InvoiceForecast {
  invoiceId: string;
  customerId: string;
  customerName: string;
  currency: CurrencyCode;
  outstanding: Money;
  dueDate: DateString;
  /** Negative while not yet due. */
  daysPastDue: number;
  /** The median of the chance of payment left; always after asOf; null for `beyondHistory`. */
  expectedDate: DateString | null;
  /** The 20th percentile. */
  earliestDate: DateString | null;
  /** The 80th percentile; null when history does not reach it (the range is open-ended). */
  latestDate: DateString | null;
  basis: ForecastBasis;
  /** The customer's invoices settled on record. */
  paidOnRecord: number;
  /** The customer's own share of the blended habits, whole percent. */
  customerWeight: number;
  disputed: boolean;
  /** A promised date has passed unpaid (and was ignored). */
  brokenPromise: boolean;
  explanation: string;
}

export interface ForecastPeriod {
  start: DateString;
  end: DateString;
  /** Outstanding of the invoices expected in the period: those with their `expectedDate` in it. */
  expected: Money;
  invoiceCount: number;
  /** From the day after asOf to the period's end: expected. */
  cumulativeExpected: Money;
  /** … invoices whose latest date has passed (likely at least). */
  cumulativeLow: Money;
  /** … invoices whose earliest date has passed (possible at most). */
  cumulativeHigh: Money;
}

export interface CashForecast {
  asOf: DateString;
  horizonEnd: DateString;
  /** Settled invoices the habits were learnt from. */
  paidOnRecord: number;
  /** Soonest expected first (no date last), then largest first; empty with `detail: "summary"`. */
  invoices: InvoiceForecast[];
  currencies: {
    currency: CurrencyCode;
    open: Money;
    expectedInHorizon: Money;
    later: Money;
    /** With no date (`beyondHistory`). */
    unforecast: Money;
    disputed: Money;
    /** Monday to Sunday; the first and last cut at asOf + 1 and the horizon's end. */
    weeks: ForecastPeriod[];
    months: ForecastPeriod[];
  }[];
  /** The method in a few sentences. */
  method: string;
}

export interface CashForecastBacktestInput extends CashForecastOptions {
  /** The ledger's date: settlements up to it are known. */
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** The first past date to forecast from. */
  from: DateInput;
  /** The last (default asOf − 91 days). */
  to?: DateInput | null;
  /** Days between forecast dates, 1–365 (default 30); at most 120 dates. */
  everyDays?: number | null;
}

export interface ForecastScore {
  /** Forecasts compared with a settlement. */
  scored: number;
  meanAbsoluteErrorDays: string | null;
  medianAbsoluteErrorDays: string | null;
  /** Mean of expected − settled: positive when forecasts come too late. */
  biasDays: string | null;
  /** Percent of settlements inside [earliest, latest]. */
  insideRangePercent: string | null;
  /** The mean absolute error of "paid on the due date (or tomorrow, if past)". */
  dueDateRuleMaeDays: string | null;
}

export interface CashForecastBacktest extends ForecastScore {
  asOf: DateString;
  forecasts: number;
  noDate: number;
  /** Forecasts of invoices not settled by asOf (not scored). */
  unsettled: number;
  /** Of those, expected on or before asOf: already wrong. */
  unsettledExpectedByAsOf: number;
  cuts: ({ asOf: DateString; open: number; noDate: number; unsettled: number } & ForecastScore)[];
}

export type Channel = "email" | "letter" | "phone" | "sms";

export interface Stage {
  id: string;
  name: string;
  /** Days from the due date; negative = before it. Stages are in order of offset. */
  offsetDays: number;
  channel: Channel;
  /** Which built-in notice text to use. */
  template: NoticeStage;
  /** A fee the stage adds: fixed, or a percentage of what is outstanding; on each invoice the
   * notice asks for (default) or once per notice. */
  fee?: { fixed?: MoneyInput | null; percent?: MoneyInput | null; per?: "invoice" | "notice" | null } | null;
  /** Days since the last notice to the customer before this stage may be sent. */
  minGapDays?: number | null;
  /** Catching up after a gap may not skip this stage. */
  required?: boolean | null;
  /** Send a phone-call script with this stage. */
  phoneScript?: boolean | null;
}

/** A notice already sent, to one invoice or to a whole customer. */
export interface SentNotice {
  invoiceId?: string | number | null;
  customerId?: string | number | null;
  stageId: string;
  date: DateString;
  /** How it went out, when recorded. */
  channel?: Channel | null;
}

export interface NextActionsInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Default: courtesy −3, friendly +1, follow-up +14, final +30 (required), plan +45, agency +60, legal +90. */
  policy?: Stage[] | null;
  history?: SentNotice[] | null;
}

export interface NoticeAction {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  /** The most advanced stage among the invoices: it sets tone and channel. */
  stageId: string;
  stageName: string;
  channel: Channel;
  /** renderNotice's `stage`. */
  template: NoticeStage;
  phoneScript: boolean;
  /** Each invoice at its own stage; `template` is what renderNotice's `invoiceStages` takes. An
   * invoice below the action's stage is listed in the notice, not demanded, and bears no fee. */
  invoices: { id: string; stageId: string; template: NoticeStage; daysPastDue: number; outstanding: Money; fee: Money }[];
  outstanding: Money;
  fees: Money;
  /** What the history holds for this customer: pass `history` itself to renderNotice. */
  previousNotices: number;
  lastNotice: { stageId: string; date: DateString; channel?: Channel } | null;
  firstContact: boolean;
  /** The template of the policy's next stage ("none" after the last): renderNotice's `nextStage`. */
  nextStage: NoticeStage | "none";
}

export interface NextActions {
  asOf: DateString;
  /** Notices to send today, most advanced stage first. */
  actions: NoticeAction[];
  /** Due but held (disputed), paused (promised) or waiting for the gap (minGap). */
  deferred: { customerId: string; invoiceId: string; stageId: string | null; reason: "disputed" | "promised" | "minGap"; until: DateString | null }[];
  /** The next stage for invoices with nothing due today. */
  upcoming: { customerId: string; invoiceId: string; stageId: string; date: DateString }[];
}

export interface PreviewLadderInput {
  asOf: DateInput;
  invoice: InvoiceInput;
  policy?: Stage[] | null;
}

export interface PlannedStage {
  stageId: string;
  name: string;
  channel: Channel;
  date: DateString;
  status: "past" | "planned";
  required: boolean;
}

/** A built-in notice: one stage of the default ladder. */
export type NoticeStage = "courtesy" | "friendly" | "followup" | "final" | "plan" | "agency" | "legal";
export type NoticeLanguage = "en" | "de" | "fr" | "es" | "nl";
/** Locales for money and dates; a bare language picks its first one. */
export type NoticeLocale =
  | "en-GB" | "en-US" | "en-IE" | "de-DE" | "de-AT" | "fr-FR" | "fr-BE" | "es-ES" | "nl-NL" | "nl-BE"
  | NoticeLanguage;

export interface NoticeSender {
  name: string;
  /** Several lines allowed. */
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  /** As it should appear, several lines allowed. */
  bankDetails?: string | null;
  paymentLink?: string | null;
  /** The person who signs. */
  signatory?: string | null;
  logoText?: string | null;
}

/** Who the notice goes to; each field defaults from the first invoice's customer. */
export interface NoticeRecipient {
  name?: string | null;
  contactName?: string | null;
  accountNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** A custom template in upon syntax (`{{ customer.name }}`, `{% if %}`, `{% for x in invoices %}`). */
export interface NoticeTemplate {
  /** Default: the built-in subject of the stage. */
  subject?: string | null;
  text: string;
  /** Default: the text as escaped paragraphs. Every inserted value is HTML-escaped. */
  html?: string | null;
}

/** What renderNotice reads of a lateCharges result (the whole result fits). */
export interface NoticeCharges {
  /** The regime, so the notice names the law in its own language. */
  kind?: RegimeKind | null;
  consumer?: boolean | null;
  invoices: {
    id: string | number;
    interest?: MoneyInput | null;
    compensation?: MoneyInput | null;
    fees?: MoneyInput | null;
    /** What is still claimable; the charges themselves when absent. */
    claimable?: MoneyInput | null;
    explanation?: string | null;
    rate?: MoneyInput | null;
    interestFrom?: DateString | null;
    dailyInterest?: MoneyInput | null;
  }[];
}

export interface ProvisionMatrixInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Months of history the rates are learnt from, 1–60 (default 12). */
  months?: number | null;
  /** Upper limits of the past-due buckets, as for ageReceivables (default 30, 60, 90, 120). */
  buckets?: number[] | null;
  /** Forward-looking adjustment of every loss rate, percent, −100 to 1000 (default 0). */
  adjustmentPercent?: MoneyInput | null;
}

export interface ProvisionBucket {
  label: string;
  /** Owed on asOf. */
  balance: Money;
  /** Percent rolling on to a later bucket within a month; null for the last bucket or with no history. */
  rollRate: string | null;
  /** Percent expected to be lost, after the adjustment, four decimals; null when the history cannot tell (see `notes`). */
  lossRate: string | null;
  expectedLoss: Money | null;
  /** The bucket's money summed over the month ends the rate was learnt from. */
  history: Money;
}

export interface ProvisionMatrix {
  asOf: DateString;
  /** The month ends the rates were learnt from, oldest first. */
  snapshots: DateString[];
  currencies: {
    currency: CurrencyCode;
    buckets: ProvisionBucket[];
    lastBucket: { writtenOffPerMonth: string | null; clearedPerMonth: string | null; eventualLoss: string | null };
    balance: Money;
    /** Null when nothing in the oldest bucket was ever paid or written off: no rate can be learnt. */
    expectedLoss: Money | null;
    coveragePercent: string | null;
    /** What the history could not tell, in words. */
    notes: string[];
  }[];
  method: string;
}

/** A credit note or a payment on account (money received without an invoice named), for
 * `statementOfAccount`: set against the invoices it names first, then the customer's oldest. */
export interface CustomerDocument {
  kind: DocumentKind;
  id?: string | number | null;
  customerId: string | number;
  currency: CurrencyCode;
  date: DateInput;
  amount: MoneyInput;
  reference?: string | null;
  /** Invoice ids it is for, allocated first. */
  appliesTo?: (string | number)[] | null;
}

export type DocumentKind = "creditNote" | "paymentOnAccount";

export interface StatementOfAccountInput {
  asOf: DateInput;
  /** Whose statement; name, address and account number for the heading (by default the name on their invoices). */
  customer: { id: string | number; name?: string | null; contactName?: string | null; accountNumber?: string | null; address?: string | null };
  /** The ledger; other customers' invoices are left out. */
  invoices: InvoiceInput[];
  documents?: CustomerDocument[] | null;
  /** Default: the issue date of the customer's oldest open invoice (or the first of the month three months back). */
  from?: DateInput | null;
  language?: NoticeLanguage | null;
  locale?: NoticeLocale | null;
  /** Who the statement is from: name and address head it. */
  sender?: SenderDetails | null;
  /** A lateCharges result: each of this customer's invoices' claimable charges, dated asOf. */
  charges?: NoticeCharges | null;
  output?: "both" | "text" | "html" | null;
}

export type StatementLineKind = "invoice" | "payment" | "credit" | "creditNote" | "paymentOnAccount" | "charges";

export interface StatementLine {
  date: DateString;
  kind: StatementLineKind;
  invoiceId?: string;
  /** A payment's reference or a document's. */
  reference?: string;
  /** In the statement's language. */
  description: string;
  debit: Money;
  credit: Money;
  balance: Money;
  /** A payment recorded without its date, shown on its invoice's issue date. */
  dateUnknown?: true;
}

export interface StatementOfAccount {
  asOf: DateString;
  from: DateString;
  customerId: string;
  customerName: string;
  language: NoticeLanguage;
  locale: Exclude<NoticeLocale, NoticeLanguage>;
  /** One per currency, by code. */
  currencies: {
    currency: CurrencyCode;
    openingBalance: Money;
    lines: StatementLine[];
    totalDebits: Money;
    totalCredits: Money;
    closingBalance: Money;
    /** What is owed by days past due after documents are allocated; `total` is the closing balance. */
    ageing: { buckets: { label: string; amount: Money }[]; unallocatedCredit: Money; charges: Money; total: Money };
  }[];
  title: string;
  /** Empty with output "html". */
  text: string;
  /** A whole document, A4 in print; empty with output "text". */
  html: string;
}

/** What renderNotice reads of a paymentPlan result (the whole result fits). */
export interface NoticePlan {
  schedule: { number: number; dueDate: DateString; payment: MoneyInput }[];
  downPayment?: { amount: MoneyInput; date: DateString } | null;
  totals: { paid: MoneyInput };
  apr?: MoneyInput | null;
  effectiveAnnualRate?: MoneyInput | null;
}

export interface RenderNoticeInput {
  asOf: DateInput;
  /** The built-in template; an action's `template` from nextActions. Default "friendly". */
  stage?: NoticeStage | null;
  /** Default: the stage's channel in the default policy. */
  channel?: Channel | null;
  template?: NoticeTemplate | null;
  /** Default "en", or the locale's language. */
  language?: NoticeLanguage | null;
  locale?: NoticeLocale | null;
  sender: NoticeSender;
  customer?: NoticeRecipient | null;
  /** One customer's invoices in one currency, all of them: the notice asks for what is due at its
   * stage (a courtesy reminder: what is not yet due), lists the rest for information, and holds what
   * is disputed or under a promise to pay; paid invoices are left out. */
  invoices: InvoiceInput[];
  /** What was sent to this customer before (the nextActions history): the notice speaks of earlier
   * contact only as this records it. Entries for other customers or invoices are ignored. */
  history?: SentNotice[] | null;
  /** An action's `invoices` from nextActions: an invoice at an earlier stage than the notice, or
   * absent from these rows, is listed, not demanded. */
  invoiceStages?: { id: string | number; template?: NoticeStage | null; stageId?: string | null }[] | null;
  /** The stage the notice announces as its consequence (an action's `nextStage`). Default: the
   * default ladder's next stage. */
  nextStage?: NoticeStage | "none" | null;
  /** List disputed and promised invoices, never demanded, under "On hold". Default true. */
  showOnHold?: boolean | null;
  /** Attach the customer's statement of account after the notice (text) and as a page of its own
   * (HTML): by default of the notice's invoices; pass the customer's whole ledger for the complete
   * account (it lists the notice's `documents` too). */
  statement?: { invoices?: InvoiceInput[] | null; from?: DateInput | null } | null;
  /** The customer's credit notes and payments on account: set against the invoices (those they
   * name, then the oldest; over the statement's ledger when one is attached), so the notice asks
   * only for what they leave owed. */
  documents?: CustomerDocument[] | null;
  /** A lateCharges result (detail "invoices"); lines for invoices not asked for are ignored. Its
   * `kind` names the law in the notice's language. */
  charges?: NoticeCharges | null;
  /** A paymentPlan result. The notice prints the effective annual rate as the APR (the UK and EU
   * meaning), the nominal `apr` for en-US (Regulation Z). */
  plan?: NoticePlan | null;
  /** Fees the stage adds (an action's `fees`). Refused when the charges already claim the statutory
   * fixed sum for the costs of recovery: the same costs twice. */
  fees?: MoneyInput | null;
  /** Overrides sender.paymentLink. */
  paymentLink?: string | null;
  /** Default by stage: 7 days (friendly, follow-up, agency), 10 (final), 14 (plan), 30 (legal); none for courtesy. */
  replyBy?: DateInput | null;
  /** Completes "If we have not received payment by …, ___" in the notice's language. */
  consequence?: string | null;
  /** Default "both"; the part left out comes back empty and is not rendered. */
  output?: "both" | "text" | "html" | null;
}

export interface Notice {
  /** One line, never a line break. */
  subject: string;
  /** Plain text, no markup; empty when output is "html". */
  text: string;
  /** A whole HTML document, letters with print CSS for A4; empty when output is "text". */
  html: string;
  language: NoticeLanguage;
  locale: Exclude<NoticeLocale, NoticeLanguage>;
  stage: NoticeStage;
  channel: Channel;
  replyBy: DateString | null;
}

export interface ValidateTemplateInput {
  template: NoticeTemplate;
}

export interface TemplateProblem {
  part: "subject" | "text" | "html";
  /** 1-based; 0 when the position is unknown. */
  line: number;
  column: number;
  kind: "syntax" | "unknown_variable" | "not_text" | "not_a_list" | "not_a_group" | "unsupported";
  message: string;
  /** The nearest known name. */
  suggestion?: string;
}

export interface TemplateCheck {
  ok: boolean;
  problems: TemplateProblem[];
}

export interface NoticeTemplateInput {
  stage?: NoticeStage | null;
  channel?: Channel | null;
  language?: NoticeLanguage | null;
}

export interface NoticeTemplateSource {
  subject: string;
  text: string;
  /** null for phone scripts and text messages. */
  html: string | null;
}

export interface TemplateVariable {
  /** `invoices[].number` is a field of each item of the list `invoices`. */
  name: string;
  kind: "text" | "money" | "date" | "number" | "yes/no" | "list" | "group";
  description: string;
}

export type ImportField =
  | "id" | "customerId" | "customerName" | "email" | "currency" | "amount" | "lineAmount" | "issueDate" | "dueDate" | "paid" | "outstanding" | "datePaid" | "status" | "type" | "disputed";
export type CsvDateFormat = "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY";
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "iso-8859-15";
/** A label alone on its row above its invoices: their customer, or a heading to skip (an ageing bucket). */
export type CsvGroupRows = "customer" | "skip";
export type CsvSkipReason = "title" | "group" | "total" | "note" | "draft" | "void" | "deleted" | "credit" | "payment" | "other";

export interface ImportInvoicesCsvInput {
  /** The file's text; give `bytes` instead to have the encoding found. */
  text?: string | null;
  /** The file's bytes, as read from a file input (`new Uint8Array(await file.arrayBuffer())`). */
  bytes?: Uint8Array | ArrayBuffer | null;
  /** How to read `bytes`; found from them when absent. */
  encoding?: CsvEncoding | null;
  /** Field → column header name or 0-based position; null unmaps. Overrides what the header suggests. */
  mapping?: Partial<Record<ImportField, string | number | null>> | null;
  /** Required when the answer lists dateFormatChoices. */
  dateFormat?: CsvDateFormat | null;
  /** Found from the amounts when absent. */
  decimalSeparator?: "." | "," | null;
  /** The file's currency: for rows without a currency column or sign, and for a `$`, `kr` or `¥`
   * that could be several currencies. Found from the signs when they name one. */
  currency?: CurrencyCode | null;
  /** Found from the content when absent. */
  hasHeader?: boolean | null;
  /** The 1-based line of the header row, after a report's title rows; found when absent. */
  headerRow?: number | null;
  /** What a label alone on its row is; found from the labels when absent. */
  groupRows?: CsvGroupRows | null;
}

export interface ImportRowError {
  /** 1-based line in the file. */
  line: number;
  field: ImportField | "";
  code: ErrorCode;
  message: string;
}

/** A row or a document read and deliberately not imported. */
export interface ImportSkipped {
  line: number;
  reason: CsvSkipReason;
  /** The document's number, or the row's text ("Total for Acme Corp"). */
  text: string;
  /** For drafts, void invoices, credit notes and payments: who, how much (negative when owed to the customer), in what. */
  customer?: string;
  amount?: Money;
  currency?: CurrencyCode;
}

export interface ImportInvoicesCsvResult {
  /** False while a required field has no column, or the date format or the currency must be chosen; then no invoices. */
  ready: boolean;
  /** How the bytes were read; absent when text was given. */
  encoding?: CsvEncoding;
  delimiter: string;
  hasHeader: boolean;
  /** The 1-based line of the header row. */
  headerRow: number | null;
  /** What the labels alone on their rows were taken as; null when the file has none. */
  groupRows: CsvGroupRows | null;
  columns: string[];
  /** Up to five invoice rows as read, for the mapping preview. */
  sample: string[][];
  mapping: Partial<Record<ImportField, number>>;
  /** Fields that need a column, or for "currency" a choice (see currencyChoices), before the rows are read. */
  missing: ImportField[];
  dateFormat: CsvDateFormat | null;
  dateFormatChoices: CsvDateFormat[];
  decimalSeparator: "." | ",";
  /** The currency of rows without their own: the one given, or the one the file's signs name. */
  currency: CurrencyCode | null;
  /** When amounts carry `$`, `kr` or `¥`, the currencies to ask the user to choose from. */
  currencyChoices: CurrencyCode[];
  /** Invoice rows in the file (not counting titles, groups, totals and notes). */
  rows: number;
  invoices: ImportedInvoice[];
  /** Credit notes and payments not tied to an invoice with something of them still open, as the
   * customers' documents (pass them to ageReceivables, lateCharges, renderNotice); a negative
   * invoice is a credit note here. Those with nothing open stay in `skipped`. */
  documents: CustomerDocument[];
  /** Per currency: how many invoices, their amount and what is still owed. */
  totals: { currency: CurrencyCode; invoices: number; amount: Money; outstanding: Money }[];
  /** The first 1,000; skippedCounts counts them all. */
  skipped: ImportSkipped[];
  skippedCounts: Partial<Record<CsvSkipReason, number>>;
  /** The first 1,000 bad rows; errorCount counts them all. */
  errors: ImportRowError[];
  errorCount: number;
  warnings: { code: "replacement_characters" | "undated_payments" | "partly_paid_unknown" | "balance_differs" | "total_mismatch"; message: string }[];
}

export interface ParseAmountInput {
  /** As typed: "12,50", "1.250,00", "1,250.00", "£12.50". */
  text: string;
  currency: CurrencyCode;
  /** The decimal separator of the user's locale, tried first; "." when absent. */
  decimalSeparator?: "." | "," | null;
}

export interface ParsedAmount {
  /** With exactly the currency's minor digits ("12.50", JPY "1250"). */
  amount: Money;
  currency: CurrencyCode;
}

/** An invoice as overdue writes it: every InvoiceInput field, amounts as decimal strings. */
export interface ImportedInvoice extends InvoiceInput {
  amount: Money;
}

export interface SenderDetails {
  name?: string | null; address?: string | null; email?: string | null; phone?: string | null; website?: string | null;
  bankDetails?: string | null; paymentLink?: string | null; signatory?: string | null; logoText?: string | null;
}

export interface WorkspaceSettings {
  currency?: CurrencyCode | null;
  locale?: NoticeLocale | null;
  language?: NoticeLanguage | null;
  buckets?: number[] | null;
  regime?: RegimeKind | null;
  /** For the contract regime: percent a year. */
  contractRate?: string | null;
  /** The escalation ladder; the default policy when absent. */
  policy?: Stage[] | null;
  /** Rates the user looked up for dates the built-in tables do not reach yet (percent a year, in
   * force from `from`); the page passes them to lateCharges as `referenceRates`. */
  referenceRates?: (ReferenceRateRow & { table: RateTable })[] | null;
}

export interface CustomerDetails {
  id: string | number;
  contactName?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface LogEntry {
  customerId: string | number;
  date: DateString;
  kind: "call" | "email" | "letter" | "promise" | "note";
  text: string;
}

/** The calculator page's document: everything it keeps, one JSON value. */
export interface Workspace {
  /** 1; older documents are migrated on load, newer ones refused. */
  version?: number;
  demo?: boolean;
  sender?: SenderDetails;
  settings?: WorkspaceSettings;
  invoices: InvoiceInput[];
  customers?: CustomerDetails[];
  history?: SentNotice[];
  log?: LogEntry[];
  /** Credit notes and payments on account, not tied to one invoice. */
  documents?: CustomerDocument[];
  /** Payment plans made for customers, one per customer and currency. */
  plans?: SavedPlan[];
}

/** A payment plan made for a customer: the paymentPlan terms, checked as paymentPlan checks them. */
export interface SavedPlan {
  customerId: string | number;
  currency: CurrencyCode;
  savedOn: DateString;
  principal: Money;
  /** Percent a year. */
  annualRate: string;
  frequency: PlanFrequency;
  firstDueDate: DateString;
  count: number;
}

export interface ParsedWorkspace {
  workspace: Workspace;
  /** The version the text was in, when older. */
  migratedFrom: number | null;
}

export interface LoadedWorkspace {
  status: "new" | "ok" | "migrated" | "repaired" | "damaged" | "newer";
  workspace: Workspace | null;
  /** Where the original was copied before anything else happened (migrated, damaged). */
  backupKey: string | null;
  message: string | null;
  bytes: number;
}

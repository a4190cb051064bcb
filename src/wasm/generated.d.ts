// Generated from the Rust types by tests/typescript.rs: do not edit. To write it again:
// OVERDUE_WRITE_TYPES=1 cargo test --test typescript

/** A customer as an invoice names it. */
export interface CustomerInput {
  id: string | number;
  name: string;
  /** Absent when the input had none. */
  email?: string | null;
  accountNumber?: string | null;
}

/** A payment received against an invoice. */
export interface PaymentInput {
  /**
   * When it arrived; absent or `null` when not known (an export that gives only the amount paid). An
   * undated payment counts toward what is owed at any date, but nothing that depends on when
   * money came in (late interest, payment habits) treats it as arriving on a day it may not have.
   */
  date?: DateInput | null;
  amount: MoneyInput;
  reference?: string | null;
}

/** A credit note or write-off reducing what is owed on an invoice. */
export interface CreditInput {
  date: DateInput;
  amount: MoneyInput;
  /**
   * A bad debt written off rather than a credit note: a loss (`provisionMatrix`), and the
   * invoice's status is `writtenOff` once nothing is left.
   */
  writeOff?: boolean | null;
}

/**
 * An invoice: `{ id, customer, currency, amount, issueDate, dueDate, payments?, credits?, disputed?,
 * promisedDate?, notes? }`.
 */
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

/** Input of `normalizeInvoices`. */
export interface NormalizeInvoicesInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
}

/** A customer as an invoice names it. */
export interface Customer {
  id: string;
  name: string;
  /** Absent when the input had none. */
  email?: string;
  accountNumber?: string;
}

/** Where an invoice stands on `asOf`. */
export type InvoiceStatus = "paid" | "current" | "overdue" | "credit" | "writtenOff";

/** A validated invoice with figures as of `asOf`. Amounts carry exactly the currency's minor digits. */
export interface NormalizedInvoice {
  id: string;
  customer: Customer;
  currency: CurrencyCode;
  amount: Money;
  issueDate: DateString;
  dueDate: DateString;
  /** Payments dated on or before `asOf`. */
  paid: Money;
  /** Credits dated on or before `asOf`. */
  credited: Money;
  /** amount − paid − credited; negative for an overpaid invoice. */
  outstanding: Money;
  /** Days after the due date while something is owed; 0 otherwise. */
  daysPastDue: number;
  status: InvoiceStatus;
  disputed: boolean;
  promisedDate: DateString | null;
  notes: string | null;
}

/** Totals for one currency; amounts in different currencies are never added together. */
export interface CurrencyTotals {
  currency: CurrencyCode;
  invoices: number;
  invoiced: Money;
  /** What customers owe (overpayments not netted off). */
  outstanding: Money;
  /** The part of `outstanding` that is past due. */
  overdue: Money;
  /** What is owed back to customers who overpaid, as a positive amount. */
  customerCredit: Money;
}

/** Output of `normalizeInvoices`. */
export interface NormalizeInvoicesOutput {
  asOf: DateString;
  invoices: NormalizedInvoice[];
  /** One entry per currency, ordered by code. */
  totals: CurrencyTotals[];
}

/** A payment received against an invoice. */
export interface Payment {
  /**
   * When it arrived; absent or `null` when not known (an export that gives only the amount paid). An
   * undated payment counts toward what is owed at any date, but nothing that depends on when
   * money came in (late interest, payment habits) treats it as arriving on a day it may not have.
   */
  date?: DateString;
  amount: Money;
  reference?: string;
}

/** A credit note or write-off reducing what is owed on an invoice. */
export interface Credit {
  date: DateString;
  amount: Money;
  /**
   * A bad debt written off rather than a credit note: a loss (`provisionMatrix`), and the
   * invoice's status is `writtenOff` once nothing is left.
   */
  writeOff?: boolean;
}

/**
 * An invoice: `{ id, customer, currency, amount, issueDate, dueDate, payments?, credits?, disputed?,
 * promisedDate?, notes? }`.
 */
export interface ImportedInvoice {
  id: string;
  customer: Customer;
  currency: CurrencyCode;
  amount: Money;
  issueDate: DateString;
  dueDate: DateString;
  payments?: Payment[];
  credits?: Credit[];
  disputed?: boolean;
  /** The date the customer promised to pay by. */
  promisedDate?: DateString;
  notes?: string;
}

/** Which date an invoice's age is counted from. */
export type AgingBasis = "dueDate" | "issueDate";

/**
 * How much per-invoice detail a report carries. Large ledgers that only need totals skip building
 * one output row per invoice, which is most of the cost of returning a report to JavaScript.
 */
export type AgingDetail = "invoices" | "customers" | "summary";

/** Input of `ageReceivables`. */
export interface AgeReceivablesInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Ascending upper limits in days; default `[30, 60, 90, 120]`. */
  buckets?: number[] | null;
  basis?: AgingBasis | null;
  /** `"invoices"` (default), `"customers"` or `"summary"`. */
  detail?: AgingDetail | null;
  /**
   * Credit notes and payments on account, netted per customer as the statement does
   * (`documents::allocate`): what they do not cover is customer credit, never a negative bucket.
   */
  documents?: CustomerDocument[] | null;
}

/** Input of `ageReceivablesCsv`. */
export interface AgeReceivablesCsvInput {
  asOf: DateInput;
  /** The ledger; empty or absent is `missing_field` at `csv`. */
  csv: string;
  buckets?: number[] | null;
  basis?: AgingBasis | null;
  detail?: AgingDetail | null;
}

/** One bucket's definition: `from`–`to` days inclusive (`to` is `null` for the last, open bucket). */
export interface BucketDef {
  /** "Current", "1–30", …, "121+" (issue-date basis: "0–30", …). */
  label: string;
  /** Lowest age in the bucket; `null` for "Current" (anything not yet due). */
  from: number | null;
  /** Highest age in the bucket; null for the last, open bucket. */
  to: number | null;
}

/** Amount and count in one bucket. */
export interface BucketTotal {
  label: string;
  amount: Money;
  count: number;
}

/** Totals for one currency. */
export interface CurrencyAging {
  currency: CurrencyCode;
  buckets: BucketTotal[];
  /** Everything owed (disputed included); equals the sum of the buckets. */
  totalOutstanding: Money;
  /** The part of `totalOutstanding` past its due date. */
  overdueTotal: Money;
  /** The part of `totalOutstanding` on disputed invoices. */
  disputedTotal: Money;
  /** Overpayments, owed back to customers (never netted into the buckets). */
  customerCredit: Money;
  openInvoices: number;
  /** Percentage of `totalOutstanding` more than 90 days past due, two decimals (`"37.50"`). */
  shareOver90Days: string;
  /** Σ(outstanding × days past due) / Σ outstanding, one decimal; not-yet-due invoices count as 0. */
  weightedAverageDaysPastDue: string;
}

/** A customer's position in one currency. */
export interface CustomerAging {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  /** Amounts in the same order as the report's `buckets`. */
  buckets: Money[];
  totalOutstanding: Money;
  overdueTotal: Money;
  /** Days past due of the customer's oldest open invoice; 0 when nothing is overdue. */
  oldestDaysPastDue: number;
  openInvoices: number;
  disputedAmount: Money;
  credit: Money;
}

/** An open invoice's place in the report. */
export interface InvoiceAging {
  id: string;
  customerId: string;
  currency: CurrencyCode;
  outstanding: Money;
  /** Days counted on the report's basis (negative while not yet due on the due-date basis). */
  age: number;
  /** Days past the due date, 0 while not yet due. */
  daysPastDue: number;
  /** Index into the report's `buckets`. */
  bucket: number;
  disputed: boolean;
}

/** An overpaid invoice, reported as credit owed to the customer. */
export interface CreditEntry {
  invoiceId: string;
  customerId: string;
  currency: CurrencyCode;
  amount: Money;
}

/** Output of `ageReceivables`. */
export interface AgingReport {
  asOf: DateString;
  basis: AgingBasis;
  buckets: BucketDef[];
  /** One per currency, ordered by code. */
  currencies: CurrencyAging[];
  /**
   * Customers with something owed or credited, per currency largest total first (ties in the
   * order first seen). Empty when `detail` is `"summary"`.
   */
  customers: CustomerAging[];
  /**
   * Open invoices, oldest first; invoices of the same age in input order. Empty unless
   * `detail` is `"invoices"`.
   */
  invoices: InvoiceAging[];
  /** Overpaid invoices. Empty unless `detail` is `"invoices"`. */
  credits: CreditEntry[];
  /** Invoices fully paid by asOf (left out of the buckets). */
  paidInvoices: number;
  /** Invoices issued after asOf (not aged). */
  notYetIssued: number;
}

/** Which kind of input the figures came from. */
export type KpiSource = "ledger" | "summary";

/** One month of countback DSO. */
export interface CountbackMonth {
  /** `YYYY-MM`. */
  month: string;
  creditSales: Money;
  /** Days this month adds to the countback DSO (a share of its days for the last one reached). */
  daysCounted: string;
}

/**
 * KPIs for one currency. Ratios are decimal strings with two decimals; `null` where the
 * denominator is zero.
 */
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
  /** CEI with the period's credit sales, in percent. */
  cei: string | null;
  /**
   * CEI with the average monthly credit sales (credit sales / months in the period), in percent;
   * `null` when that would fall outside 0–100 (a period much longer than a month, or opening with
   * nothing owed), where the variant has no meaning.
   */
  ceiMonthlySales: string | null;
  /** Months in the period used for `ceiMonthlySales` (days / (365.25 / 12), two decimals). */
  months: string;
  /** Countback DSO; `null` without a ledger, or when receivables exceed 36 months of sales. */
  countbackDso: string | null;
  countback: CountbackMonth[];
}

/** Output of `receivablesKpis`: one entry per currency, ordered by code. */
export interface KpiReport {
  /** Which kind of input the figures came from. */
  source: KpiSource;
  periodStart: DateString | null;
  periodEnd: DateString | null;
  currencies: Kpis[];
}

export interface CustomerRiskInput {
  customerId: string | number;
  /** A PAYDEX-style score 1–100, `null` when unavailable. */
  score?: number | null;
  /** `"deteriorating"`, `"stable"` or `"improving"`. */
  trend?: RiskTrend | null;
}

/** What the worklist reads from a payment-risk report: per customer, its score and trend. */
export interface WorklistRiskInput {
  customers?: CustomerRiskInput[] | null;
}

/** Input of `collectionWorklist`. */
export interface CollectionWorklistInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** A paymentRisk report (only customers[].customerId, score and trend are read). */
  risk?: WorklistRiskInput | null;
  /**
   * Per currency code, the overdue amount that earns all 55 of the amount's points
   * (`{ "GBP": "25000" }`). Default: 10,000 in a currency with two decimals, 1,000,000 in one
   * with none (yen), 1,000 in one with three (dinar).
   */
  amountScale?: Record<string, MoneyInput> | null;
}

/** Why an invoice is not being chased. */
export type HoldReason = "disputed" | "promised";

/**
 * Whether a customer is chased now or waits: on hold when everything overdue is disputed or
 * promised.
 */
export type WorkStatus = "chase" | "onHold";

export interface WorkInvoice {
  id: string;
  dueDate: DateString;
  outstanding: Money;
  daysPastDue: number;
  hold: HoldReason | null;
  promisedDate: DateString | null;
}

/** One customer to chase (or on hold), in one currency. */
export interface WorkItem {
  customerId: string;
  name: string;
  email: string | null;
  currency: CurrencyCode;
  /** 0–100, one decimal; higher means chase sooner. */
  priority: string;
  status: WorkStatus;
  /** One line for people: `"£4,200.00 over 60 days, oldest 74 days"`. */
  reason: string;
  /** Overdue on invoices that are not held. */
  chaseable: Money;
  /** Overdue on held invoices. */
  held: Money;
  oldestDaysPastDue: number;
  /** The customer's past-due invoices, oldest first (same age: input order). */
  invoices: WorkInvoice[];
}

/** Output of `collectionWorklist`. */
export interface Worklist {
  asOf: DateString;
  items: WorkItem[];
}

export type PlanFrequency = "weekly" | "biweekly" | "semimonthly" | "monthly" | "quarterly";

export type PlanMethod = "level" | "equalPrincipal";

export interface DownPaymentInput {
  amount: MoneyInput;
  date?: DateInput | null;
}

export interface PlanRow {
  number: number;
  dueDate: DateString;
  /** principal + interest + fee. */
  payment: Money;
  interest: Money;
  principal: Money;
  fee: Money;
  /** Balance after this instalment. */
  balance: Money;
}

export interface DownPayment {
  amount: Money;
  date: DateString;
}

export interface PlanTotals {
  /** Down payment + every instalment (fees included). */
  paid: Money;
  interest: Money;
  fees: Money;
  /** Principal repaid by the instalments: equals `financed`. */
  principal: Money;
}

/** Output of `paymentPlan`. */
export interface PaymentPlan {
  currency: CurrencyCode;
  method: PlanMethod;
  frequency: PlanFrequency;
  periodsPerYear: number;
  principal: Money;
  downPayment: DownPayment | null;
  /** principal − down payment: what the instalments repay. */
  financed: Money;
  setupFee: Money;
  startDate: DateString;
  /** Annual rate / periods per year, as a fraction (not a percentage), unrounded. */
  periodicRate: string;
  count: number;
  /** The level instalment (for `equalPrincipal`: the first instalment without the fee). */
  regularInstalment: Money;
  finalInstalment: Money;
  schedule: PlanRow[];
  totals: PlanTotals;
  /**
   * Annual percentage rate including the setup fee (actuarial method: the periodic rate at which
   * the instalments' present value equals the amount financed, × periods per year), two decimals.
   */
  apr: string;
  /** (1 + APR / periods per year)^(periods per year) − 1, as a percentage, two decimals. */
  effectiveAnnualRate: string;
}

/** Payment terms read from text. */
export interface PaymentTerms {
  /** Percent off for paying early (e.g. "2"), or null. */
  discountPercent: string | null;
  /** Days from the invoice date (or from month end, with `endOfMonth`) to take the discount. */
  discountDays: number | null;
  /** Days to pay in full. */
  netDays: number;
  /** Days count from the end of the invoice's month instead of from the invoice date. */
  endOfMonth: boolean;
  /** Due on this day of the month after the invoice's (`net 10th prox`), instead of `netDays`. */
  proximoDay: number | null;
  /** The terms in a canonical spelling: "2/10 net 30", "net 30 EOM", "due on receipt". */
  canonical: string;
}

/** Input of `earlyPaymentDiscount`. */
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
  /** Whether asOf is on or before the discount deadline. */
  discountAvailable: boolean;
  /** What settles the invoice if paid on asOf. */
  amountPayableNow: Money;
  /**
   * d / (1 − d) × 360 / (net − discount days), percent, two decimals: the textbook figure, on a
   * 360-day year (36.73 for 2/10 net 30).
   */
  annualCostSimple360: string | null;
  /** The same on a 365-day year (37.24 for 2/10 net 30), to set beside the compounded figure. */
  annualCostSimple365: string | null;
  /**
   * (1 + d / (1 − d))^(365 / (net − discount days)) − 1, percent, two decimals: compounded on a
   * 365-day year (44.59 for 2/10 net 30).
   */
  annualCostCompound365: string | null;
}

/** Overrides of the trend rules. */
export interface RiskThresholds {
  /**
   * Days per month of slope that counts as drifting (default 2; 0.1–60).
   * Slope that counts as drifting, days per month (default 2).
   */
  slopeDaysPerMonth?: number | null;
  /**
   * Days by which the last 3 months must differ from the months before (default 5; 0–365).
   * How much later the last 3 months must be than before, days (default 5).
   */
  recentVsPriorDays?: number | null;
  /**
   * Experiences needed for a score and a trend (default 3; 1–100).
   * Experiences needed for a score and a trend (default 3).
   */
  minExperiences?: number | null;
}

/** Input of `paymentRisk`. */
export interface PaymentRiskInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Months of history (default 12; 1–60). */
  windowMonths?: number | null;
  thresholds?: RiskThresholds | null;
}

export type RiskTrend = "deteriorating" | "improving" | "stable" | "unknown";

export interface RiskMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Weighted DBT of the month's experiences, one decimal; null when there were none. */
  dbt: number | null;
  /** Paid in the month. */
  amountPaid: Money;
}

export interface CustomerRisk {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  experiences: number;
  /** Weighted days beyond terms over the window, one decimal (negative: pays early). */
  dbt: number | null;
  /** PAYDEX-style 1–100; null with fewer experiences than needed. */
  score: number | null;
  /** "A" … "E"; null without a score. */
  grade: "A" | "B" | "C" | "D" | "E" | null;
  trend: RiskTrend;
  slopeDaysPerMonth: number | null;
  recentDbt: number | null;
  priorDbt: number | null;
  /** What the customer owes on asOf. */
  outstanding: Money;
  explanation: string;
  /** One point per month of the window, for charts. */
  monthly: RiskMonth[];
}

export interface CurrencyRisk {
  currency: CurrencyCode;
  outstanding: Money;
  deterioratingOutstanding: Money;
  /** Percent of `outstanding` owed by deteriorating customers, two decimals. */
  deterioratingShare: string;
}

/** Output of `paymentRisk`. */
export interface RiskReport {
  asOf: DateString;
  windowStart: DateString;
  windowMonths: number;
  /** Riskiest first: deteriorating, then by score (lowest first; no score last), then by amount owed. */
  customers: CustomerRisk[];
  currencies: CurrencyRisk[];
}

/** What a document is. */
export type DocumentKind = "creditNote" | "paymentOnAccount";

/**
 * A credit note or a payment on account: `{ kind, id?, customerId, currency, date, amount,
 * reference?, appliesTo? }`.
 */
export interface CustomerDocument {
  kind: DocumentKind;
  id?: string | number | null;
  customerId: string | number;
  currency: CurrencyCode;
  date: DateInput;
  amount: MoneyInput;
  reference?: string | null;
  /** Invoices it is for, by id: allocated to these first. */
  appliesTo?: (string | number)[] | null;
}

/** Which published rate. */
export type RateTable =
  | "boeBankRate" | "ecbMainRefinancing" | "deBasiszinssatz" | "usPromptPayment";

export type RegimeKind =
  | "contract" | "uk" | "eu" | "de" | "fr" | "es" | "nl" | "ie" | "it" | "us-prompt-payment";

/**
 * A rate in force from a date, given by the caller. With a `table`, the row is for that table
 * only, and a regime using another table passes over it: a workspace keeps the rates typed in for
 * every table in one list, given whole to whichever regime is chosen.
 */
export interface ReferenceRateRow {
  /** When given, the row is for that table only: a regime using another table passes over it. */
  table?: RateTable | null;
  from: DateInput;
  /** Percent a year. */
  rate: MoneyInput;
}

export type DayCount = "act/365" | "act/360" | "act/act";

/** The order in which a part payment is applied. */
export type Allocation = "principalFirst" | "costsInterestPrincipal";

/** When a German debtor is in default. */
export type DefaultStarts = "dueDate" | "30DaysAfterInvoice";

/** Which invoices a report covers. */
export type ChargeScope = "all" | "open";

/** The value of one unit of `currency` in the fixed sum's currency (GBP for uk, EUR for ie). */
export interface ExchangeRate {
  currency: CurrencyCode;
  rate: MoneyInput;
}

/** Input of `lateCharges`. */
export interface LateChargesInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  regime: Regime;
  /** `"invoices"` (default), `"customers"` or `"summary"`, as for ageing. */
  detail?: AgingDetail | null;
  /** `"all"` (default: open and paid late) or `"open"`. */
  scope?: ChargeScope | null;
  /**
   * Credit notes and payments on account, allocated to the customer's invoices as ageing does
   * (`documents::allocate`), each part charged from its own date: a payment on account is a
   * payment (costs and interest first where the regime says so), a credit note a credit.
   */
  documents?: CustomerDocument[] | null;
  /**
   * At most this many invoice rows: the first in the report's order (most charges first in each
   * currency). Customers, currencies and their counts still cover every invoice. A page that
   * shows the first hundred rows of a large ledger then writes and reads a hundred, not all.
   */
  limit?: number | null;
}

/** One stretch of days charged at one rate on one balance. */
export interface ChargePeriod {
  from: DateString;
  to: DateString;
  days: number;
  balance: Money;
  /** Percent a year. */
  rate: string;
  interest: Money;
}

/** What one payment paid: costs, interest and the invoice, by the regime's rule. */
export interface PaymentApplied {
  date: DateString;
  amount: Money;
  costs: Money;
  interest: Money;
  principal: Money;
}

/**
 * Outstanding (what is left of the invoice itself), interest, compensation, fees, total charges
 * (the three), charges paid (by payments applied to them), claimable (charges still owed) and the
 * total claim (outstanding + claimable).
 */
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

/** `open` (something of the invoice is still owed on asOf) or `paidLate` (settled after its due date). */
export type ChargeStatus = "open" | "paidLate";

/** A sum in a currency other than the invoice's (a UK fixed sum on a dollar invoice). */
export interface AmountIn {
  amount: Money;
  currency: CurrencyCode;
}

/** Why an invoice could not be charged in full. */
export interface ChargeProblem {
  /** `rate_unknown`, or `exchange_rate_needed` for a fixed sum whose tier needs one. */
  code: "rate_unknown" | "exchange_rate_needed";
  message: string;
  /** For `rate_unknown`: the table and the date whose rate is needed. */
  table: string | null;
  referenceDate: DateString | null;
}

export interface InvoiceCharges extends ChargeTotals {
  id: string;
  customerId: string;
  currency: CurrencyCode;
  dueDate: DateString;
  /** The first day of interest (after § 193 BGB, a grace period or the 30-day rule). */
  interestFrom: DateString;
  status: ChargeStatus;
  /** Days late: to asOf for an open invoice, to its settling payment for one paid late. */
  daysLate: number;
  /** The rate applied, percent a year (the first period's, when it changes by half-year). */
  rate: string;
  /** Interest for one more day on today's balance, for reading only (0 once paid). */
  dailyInterest: Money;
  /**
   * The fixed sum when it is in another currency than the invoice (then not in the totals);
   * absent otherwise.
   */
  fixedSum?: AmountIn;
  /** Whether the contract's cap reduced the charges. */
  capped: boolean;
  /** The rule, the rate and where it came from, in a sentence. */
  explanation: string;
  periods: ChargePeriod[];
  /**
   * What each payment paid, when any payment paid costs or interest (else every payment went to
   * the invoice itself, as the invoice's own payments say).
   */
  payments: PaymentApplied[];
  /** Why the invoice could not be charged in full; absent when it was. */
  problem?: ChargeProblem;
}

/** A status's share of a customer's or currency's totals. */
export interface StatusTotals {
  invoices: number;
  totalCharges: Money;
  claimable: Money;
  totalClaim: Money;
}

export interface CustomerCharges extends ChargeTotals {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  open: StatusTotals;
  paidLate: StatusTotals;
}

export interface CurrencyCharges extends ChargeTotals {
  currency: CurrencyCode;
  open: StatusTotals;
  paidLate: StatusTotals;
  /** Fixed sums owed in another currency than these invoices'. */
  fixedSums: AmountIn[];
  /** Late invoices not charged because a rate is unknown. */
  unpriced: number;
}

/** A reference rate the report needed and did not have. */
export interface UnknownRate {
  table: RateTable;
  referenceDate: DateString;
  invoices: number;
}

/** Output of `lateCharges`. */
export interface LateChargesReport {
  asOf: DateString;
  kind: RegimeKind;
  /** The debtor is a consumer (de, nl): the law differs, and a notice cites the consumer's article. */
  consumer: boolean;
  allocation: Allocation;
  /** Late invoices, most charges first. Empty unless `detail` is `"invoices"`. */
  invoices: InvoiceCharges[];
  customers: CustomerCharges[];
  currencies: CurrencyCharges[];
  /** reference rates the report needed and did not have; give them as regime.referenceRates */
  unknownRates: UnknownRate[];
}

/** How much of the forecast to return. */
export type ForecastDetail = "invoices" | "summary";

/** Where an invoice's expected date comes from. */
export type ForecastBasis = "promise" | "customer" | "ledger" | "terms" | "beyondHistory";

/** Input of `cashForecast`. */
export interface CashForecastInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Days ahead to total (default 91; 7–730). */
  horizonDays?: number | null;
  halfLifeDays?: number | null;
  priorWeight?: number | null;
  /** Days a dispute pushes an invoice's forecast back, 0–365 (default 30). */
  disputeDelayDays?: number | null;
  /** `summary` leaves out the per-invoice rows (default `invoices`). */
  detail?: ForecastDetail | null;
}

/** One open invoice's forecast. */
export interface InvoiceForecast {
  invoiceId: string;
  customerId: string;
  customerName: string;
  currency: CurrencyCode;
  outstanding: Money;
  dueDate: DateString;
  /** Negative while not yet due. */
  daysPastDue: number;
  /** The conditional median; null for `beyondHistory`. */
  expectedDate: DateString | null;
  /** The 20th percentile. */
  earliestDate: DateString | null;
  /** The 80th percentile; null when history does not reach it (the range is open-ended). */
  latestDate: DateString | null;
  basis: ForecastBasis;
  /** The customer's invoices settled on record (before the recency weighting). */
  paidOnRecord: number;
  /** The customer's share of the blended habits, percent, whole. */
  customerWeight: number;
  disputed: boolean;
  /** A promised date has passed unpaid (and was ignored). */
  brokenPromise: boolean;
  explanation: string;
}

/** One week or month of one currency. */
export interface ForecastPeriod {
  start: DateString;
  end: DateString;
  /** Outstanding of the invoices expected in the period. */
  expected: Money;
  /** How many invoices that is (the rows with their `expectedDate` in the period). */
  invoiceCount: number;
  /** From the day after asOf to the period's end: expected. */
  cumulativeExpected: Money;
  /** By the period's end: invoices whose latest date has passed. */
  cumulativeLow: Money;
  /** By the period's end: invoices whose earliest date has passed. */
  cumulativeHigh: Money;
}

export interface CurrencyForecast {
  currency: CurrencyCode;
  /** Everything open on asOf. */
  open: Money;
  expectedInHorizon: Money;
  /** Expected after the horizon. */
  later: Money;
  /**
   * With no date (`beyondHistory`).
   * With no date (`beyondHistory`).
   */
  unforecast: Money;
  /** Of `open`, what is disputed. */
  disputed: Money;
  /** Monday to Sunday; the first and last cut at asOf + 1 and the horizon's end. */
  weeks: ForecastPeriod[];
  months: ForecastPeriod[];
}

/** Output of `cashForecast`. */
export interface CashForecast {
  asOf: DateString;
  horizonEnd: DateString;
  /** Settled invoices the habits were learnt from. */
  paidOnRecord: number;
  /**
   * Open invoices, soonest expected first (no date last), then largest first; empty with
   * `detail: "summary"`.
   */
  invoices: InvoiceForecast[];
  currencies: CurrencyForecast[];
  /** The method in a few sentences. */
  method: string;
}

/** Input of `cashForecastBacktest`. */
export interface CashForecastBacktestInput {
  /** The ledger's date: settlements up to it are known. */
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** The first past date to forecast from. */
  from: DateInput;
  /** The last (default asOf − 91 days, so most forecasts have had time to come true). */
  to?: DateInput | null;
  /** Days between forecast dates (default 30; 1–365). */
  everyDays?: number | null;
  halfLifeDays?: number | null;
  priorWeight?: number | null;
}

/** Errors of one set of forecasts. */
export interface ForecastScore {
  /** Forecasts compared with a settlement. */
  scored: number;
  /** Mean of |expected − settled| in days, two decimals; null when nothing was scored. */
  meanAbsoluteErrorDays: string | null;
  medianAbsoluteErrorDays: string | null;
  /** Mean of expected − settled: positive when forecasts come too late. */
  biasDays: string | null;
  /** Percent of settlements inside [earliest, latest], two decimals. */
  insideRangePercent: string | null;
  /** The same mean absolute error for "paid on the due date (or tomorrow, if past)". */
  dueDateRuleMaeDays: string | null;
}

export interface BacktestCut extends ForecastScore {
  asOf: DateString;
  /** Invoices open then. */
  open: number;
  /** Of those, forecast with no date. */
  noDate: number;
  /** Of those, not settled by the ledger's date. */
  unsettled: number;
}

/** Output of `cashForecastBacktest`. */
export interface CashForecastBacktest extends ForecastScore {
  asOf: DateString;
  forecasts: number;
  noDate: number;
  /** Forecasts of invoices not settled by asOf (not scored). */
  unsettled: number;
  /** Of the unsettled, those expected on or before the ledger's date: forecasts already wrong. */
  unsettledExpectedByAsOf: number;
  cuts: BacktestCut[];
}

/** Input of `provisionMatrix`. */
export interface ProvisionMatrixInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /** Months of history (default 12; 1–60). */
  months?: number | null;
  /** Upper limits of the past-due buckets, as in `ageReceivables` (default 30, 60, 90, 120). */
  buckets?: number[] | null;
  /** Forward-looking adjustment of every loss rate, percent (default 0; −100 to 1000). */
  adjustmentPercent?: MoneyInput | null;
}

export interface ProvisionBucket {
  label: string;
  /** Owed on asOf. */
  balance: Money;
  /**
   * Percent rolling on to a later bucket within a month, two decimals; null for the last
   * bucket, or with no history in the bucket.
   */
  rollRate: string | null;
  /**
   * Percent of the bucket expected to be lost, after the adjustment, four decimals; null when
   * the history cannot tell (see `notes`).
   */
  lossRate: string | null;
  expectedLoss: Money | null;
  /** The amount the rate was learnt from: the bucket's money summed over the month ends. */
  history: Money;
}

export interface LastBucket {
  /** Percent of the last bucket written off within a month, two decimals. */
  writtenOffPerMonth: string | null;
  /** Percent paid or credited within a month. */
  clearedPerMonth: string | null;
  /** Percent that ends written off: written off ÷ (written off + cleared). */
  eventualLoss: string | null;
}

export interface CurrencyProvision {
  currency: CurrencyCode;
  buckets: ProvisionBucket[];
  lastBucket: LastBucket;
  balance: Money;
  /**
   * Null when no bucket's rate could be learnt (see `notes`).
   * Null when nothing in the oldest bucket was ever paid or written off: no rate can be learnt.
   */
  expectedLoss: Money | null;
  /** Expected loss ÷ balance, percent, two decimals. */
  coveragePercent: string | null;
  /**
   * What the history could not tell, in words (empty when it told everything).
   * What the history could not tell, in words.
   */
  notes: string[];
}

/** Output of `provisionMatrix`. */
export interface ProvisionMatrix {
  asOf: DateString;
  /** The month ends the rates were learnt from, oldest first. */
  snapshots: DateString[];
  currencies: CurrencyProvision[];
  /** The method in words. */
  method: string;
}

export type Channel = "email" | "letter" | "phone" | "sms";

export type FeePer = "invoice" | "notice";

/** A fee a stage adds: a fixed amount, or a percentage of what is outstanding. */
export interface StageFee {
  fixed?: MoneyInput | null;
  percent?: MoneyInput | null;
  /**
   * Charged on each invoice the notice asks for (the default), or once per notice, as ERPNext's
   * dunning fee is: a percentage then applies to what the notice asks for.
   */
  per?: FeePer | null;
}

export interface Stage {
  id: string;
  name: string;
  /** Days from the due date; negative = before it. */
  offsetDays: number;
  channel: Channel;
  /** Which notice text to use (the built-in ones are named after the default stages). */
  template: NoticeStage;
  /**
   * A fee the stage adds: fixed, or a percentage of what is outstanding; on each invoice the
   * notice asks for (default) or once per notice.
   */
  fee?: StageFee | null;
  /** Days that must pass since the last notice to the customer before this stage is sent. */
  minGapDays?: number | null;
  /** A stage that catching up may not skip. */
  required?: boolean | null;
  /** Send a phone-call script with this stage. */
  phoneScript?: boolean | null;
}

/** A notice already sent. */
export interface SentNotice {
  invoiceId?: string | number | null;
  customerId?: string | number | null;
  stageId: string;
  date: DateInput;
  /** How it went out, when recorded. */
  channel?: Channel | null;
}

/** Input of `nextActions`. */
export interface NextActionsInput {
  asOf: DateInput;
  invoices: InvoiceInput[];
  /**
   * Default: courtesy −3, friendly +1, follow-up +14, final +30 (required), plan +45, agency
   * +60, legal +90.
   */
  policy?: Stage[] | null;
  history?: SentNotice[] | null;
}

export interface ActionInvoice {
  id: string;
  /** The stage this invoice has reached with this notice. */
  stageId: string;
  /**
   * Its stage's built-in template: `renderNotice`'s `invoiceStages` takes these rows as they are,
   * so an invoice at an earlier stage than the notice is listed, not demanded under its words.
   */
  template: NoticeStage;
  daysPastDue: number;
  outstanding: Money;
  fee: Money;
}

/** The last notice to a customer, as the history records it. */
export interface LastNotice {
  stageId: string;
  date: DateString;
  channel?: Channel;
}

/** One notice to send today. */
export interface NoticeAction {
  customerId: string;
  name: string;
  currency: CurrencyCode;
  /** The most advanced stage among the invoices: it sets the tone and the channel. */
  stageId: string;
  stageName: string;
  channel: Channel;
  /** renderNotice's `stage`. */
  template: NoticeStage;
  phoneScript: boolean;
  /**
   * Each invoice at its own stage; `template` is what renderNotice's `invoiceStages` takes. An
   * invoice below the action's stage is listed in the notice, not demanded, and bears no fee.
   */
  invoices: ActionInvoice[];
  outstanding: Money;
  fees: Money;
  /**
   * What the history holds for this customer, for the notice's words about the past: how many
   * notices, the last one, and whether this is the first contact.
   */
  previousNotices: number;
  lastNotice: LastNotice | null;
  firstContact: boolean;
  /**
   * The template of the policy's stage after this one (`"none"` after the last), which the
   * notice announces as its consequence: `renderNotice`'s `nextStage`.
   */
  nextStage: NoticeStage | "none";
}

/**
 * Why a notice that is due waits: the invoice is disputed, under a promise to pay, or the last
 * notice to the customer was too recent (the stage's `minGapDays`).
 */
export type DeferReason = "disputed" | "promised" | "minGap";

/** Something that is due but must wait, or is held. */
export interface DeferredNotice {
  customerId: string;
  invoiceId: string;
  stageId: string | null;
  reason: DeferReason;
  /** The first day it can go ahead (null while disputed). */
  until: DateString | null;
}

/** The next stage coming for an invoice with nothing due today. */
export interface UpcomingNotice {
  customerId: string;
  invoiceId: string;
  stageId: string;
  date: DateString;
}

/** Output of `nextActions`. */
export interface NextActions {
  asOf: DateString;
  /** Notices to send today, most advanced stage first. */
  actions: NoticeAction[];
  /** Due but held (disputed), paused (promised) or waiting for the gap (minGap). */
  deferred: DeferredNotice[];
  /** The next stage for invoices with nothing due today. */
  upcoming: UpcomingNotice[];
}

/** Input of `previewLadder`. */
export interface PreviewLadderInput {
  asOf: DateInput;
  invoice: InvoiceInput;
  policy?: Stage[] | null;
}

/** Whether a stage's day has gone by. */
export type PlannedStatus = "past" | "planned";

export interface PlannedStage {
  stageId: string;
  name: string;
  channel: Channel;
  date: DateString;
  status: PlannedStatus;
  required: boolean;
}

/** The customer the statement is for; invoices and documents of other customers are left out. */
export interface StatementCustomer {
  id: string | number;
  name?: string | null;
  contactName?: string | null;
  accountNumber?: string | null;
  address?: string | null;
}

/** Input of `statementOfAccount`. */
export interface StatementOfAccountInput {
  asOf: DateInput;
  /**
   * Whose statement; name, address and account number for the heading (by default the name on
   * their invoices).
   */
  customer: StatementCustomer;
  /** The ledger; other customers' invoices are left out. */
  invoices: InvoiceInput[];
  documents?: CustomerDocument[] | null;
  /**
   * Default: the issue date of the customer's oldest open invoice (or the first of the month
   * three months back).
   */
  from?: DateInput | null;
  language?: NoticeLanguage | null;
  locale?: NoticeLocale | null;
  /** Who the statement is from: name and address head it. */
  sender?: NoticeSender | null;
  /** A lateCharges result: each of this customer's invoices' claimable charges, dated asOf. */
  charges?: NoticeCharges | null;
  output?: NoticeOutput | null;
}

/** What a line records. */
export type StatementLineKind =
  | "invoice" | "payment" | "credit" | "creditNote" | "paymentOnAccount" | "charges";

export interface StatementLine {
  date: DateString;
  kind: StatementLineKind;
  /** The invoice it belongs to, if any. */
  invoiceId?: string;
  /** A payment's reference or a document's id. */
  reference?: string;
  /** In the statement's language. */
  description: string;
  debit: Money;
  credit: Money;
  balance: Money;
  /** A payment recorded without its date, shown on the invoice's issue date. */
  dateUnknown?: boolean;
}

export interface StatementAgeBucket {
  label: string;
  amount: Money;
}

export interface StatementAgeing {
  /** Not yet due, 1–30, 31–60, 61–90, over 90 days past due. */
  buckets: StatementAgeBucket[];
  unallocatedCredit: Money;
  charges: Money;
  /** Buckets − unallocated credit + charges: the closing balance. */
  total: Money;
}

export interface CurrencyStatement {
  currency: CurrencyCode;
  openingBalance: Money;
  lines: StatementLine[];
  totalDebits: Money;
  totalCredits: Money;
  closingBalance: Money;
  /** What is owed by days past due after documents are allocated; `total` is the closing balance. */
  ageing: StatementAgeing;
}

/** Output of `statementOfAccount`. */
export interface StatementOfAccount {
  asOf: DateString;
  from: DateString;
  customerId: string;
  customerName: string;
  language: NoticeLanguage;
  locale: Exclude<NoticeLocale, NoticeLanguage>;
  /** One per currency the customer has dealings in, by code. */
  currencies: CurrencyStatement[];
  title: string;
  /** Empty with `output: "html"`. */
  text: string;
  /** A whole document, A4 in print; empty with `output: "text"`. */
  html: string;
}

/** The sender: who is owed, and how to pay them. The page keeps the same record in its workspace. */
export interface NoticeSender {
  /** Required for a notice (`empty_text` when blank); may be empty in a workspace still being set up. */
  name?: string | null;
  /** Several lines allowed. */
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  /** Bank details as they should appear, possibly on several lines. */
  bankDetails?: string | null;
  paymentLink?: string | null;
  /** The person who signs. */
  signatory?: string | null;
  /** A line of text standing in for a logo at the top of letters. */
  logoText?: string | null;
}

/** The customer the notice goes to; by default the first invoice's customer. */
export interface NoticeRecipient {
  name?: string | null;
  contactName?: string | null;
  accountNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

/**
 * A user's own template. Without `subject` the built-in subject of the stage is used; without
 * `html` the HTML is the text in paragraphs.
 */
export interface NoticeTemplate {
  /** Default: the built-in subject of the stage. */
  subject?: string | null;
  text: string;
  /** Default: the text as escaped paragraphs. Every inserted value is HTML-escaped. */
  html?: string | null;
}

/** One invoice's line of a `lateCharges` result (other fields are ignored). */
export interface NoticeChargeLine {
  id: string | number;
  interest?: MoneyInput | null;
  compensation?: MoneyInput | null;
  fees?: MoneyInput | null;
  /**
   * What of the charges is still claimable; the charges themselves when absent.
   * What is still claimable; the charges themselves when absent.
   */
  claimable?: MoneyInput | null;
  explanation?: string | null;
  /** Percent a year, and the first day of interest: for the notice's own words on the law. */
  rate?: MoneyInput | null;
  interestFrom?: DateInput | null;
  dailyInterest?: MoneyInput | null;
}

/** A `lateCharges` result with `detail: "invoices"`; lines for other invoices are ignored. */
export interface NoticeCharges {
  /** The regime, so the notice can name the law in its own language. */
  kind?: RegimeKind | null;
  /** A consumer debtor: Dutch consumer interest is art. 6:119 BW, not 6:119a. */
  consumer?: boolean | null;
  invoices: NoticeChargeLine[];
}

export interface NoticePlanRow {
  number: number;
  dueDate: DateInput;
  payment: MoneyInput;
}

export interface NoticeDownPayment {
  amount: MoneyInput;
  date: DateInput;
}

export interface NoticePlanTotals {
  paid: MoneyInput;
}

/** A `paymentPlan` result (other fields are ignored). */
export interface NoticePlan {
  schedule: NoticePlanRow[];
  downPayment?: NoticeDownPayment | null;
  totals: NoticePlanTotals;
  /** The nominal APR (periodic rate × periods a year), what US Regulation Z calls the APR. */
  apr?: MoneyInput | null;
  /**
   * The effective annual rate, what UK and EU consumer-credit law call the APR (APRC, effektiver
   * Jahreszins, TAEG, TAE, jaarlijks kostenpercentage).
   */
  effectiveAnnualRate?: MoneyInput | null;
}

/**
 * An invoice's own stage on the ladder, as `nextActions` gives it in `actions[].invoices[]`:
 * the built-in `template` of its stage (or a built-in `stageId`).
 */
export interface NoticeInvoiceStage {
  id: string | number;
  stageId?: string | null;
  template?: NoticeStage | null;
}

/**
 * What a notice's attached statement covers: by default the notice's own invoices; pass the
 * customer's whole ledger (`invoices`) and a `from` date for a complete account.
 */
export interface NoticeStatement {
  invoices?: InvoiceInput[] | null;
  from?: DateInput | null;
}

export type NoticeOutput = "both" | "text" | "html";

/** Input of `renderNotice`. */
export interface RenderNoticeInput {
  asOf: DateInput;
  /** The built-in template: a default stage id (`nextActions` gives it as an action's `template`). */
  stage?: NoticeStage | null;
  /** Default: the stage's channel in the default policy. */
  channel?: Channel | null;
  template?: NoticeTemplate | null;
  /** Default "en", or the locale's language. */
  language?: NoticeLanguage | null;
  locale?: NoticeLocale | null;
  sender: NoticeSender;
  customer?: NoticeRecipient | null;
  /**
   * One customer's invoices in one currency, all of them: the notice asks for what is due at its
   * stage (a courtesy reminder: what is not yet due), lists the rest for information, and holds
   * what is disputed or under a promise to pay; paid invoices are left out.
   */
  invoices: InvoiceInput[];
  /**
   * A lateCharges result (detail "invoices"); lines for invoices not asked for are ignored. Its
   * `kind` names the law in the notice's language.
   */
  charges?: NoticeCharges | null;
  /**
   * A paymentPlan result. The notice prints the effective annual rate as the APR (the UK and EU
   * meaning), the nominal `apr` for en-US (Regulation Z).
   */
  plan?: NoticePlan | null;
  /** Fees the stage adds (an action's `fees`). */
  fees?: MoneyInput | null;
  /** Overrides sender.paymentLink. */
  paymentLink?: string | null;
  /**
   * Default by stage: 7 days (friendly, follow-up, agency), 10 (final), 14 (plan), 30 (legal);
   * none for courtesy.
   */
  replyBy?: DateInput | null;
  /** What happens if the final deadline passes, in the notice's language. */
  consequence?: string | null;
  /** `"both"` (default), `"text"` or `"html"`: the part left out is empty and costs nothing. */
  output?: NoticeOutput | null;
  /**
   * What was sent to this customer before (`nextActions` history entries): what the notice may
   * say about the past.
   */
  history?: SentNotice[] | null;
  /**
   * Each invoice's own stage (an action's `invoices`): one at an earlier stage than the notice
   * is listed as also outstanding, not asked for under this stage's words.
   */
  invoiceStages?: NoticeInvoiceStage[] | null;
  /**
   * The built-in stage after this one on the ladder in use, or `"none"`: what the notice says
   * will happen next. By default, the next stage of the default ladder.
   */
  nextStage?: NoticeStage | "none" | null;
  /** List disputed invoices and those under a promise to pay (never asked for) as on hold. */
  showOnHold?: boolean | null;
  /**
   * Attach the customer's statement of account (the UK Pre-Action Protocol asks for one with a
   * letter before action).
   */
  statement?: NoticeStatement | null;
  /**
   * The customer's credit notes and payments on account: set against the invoices as the
   * statement sets them (`documents::allocate`), so the notice never asks for money already
   * received or credited.
   */
  documents?: CustomerDocument[] | null;
}

/** A rendered notice. */
export interface Notice {
  /** One line, never a line break. */
  subject: string;
  /** Empty when `output` is `"html"`. */
  text: string;
  /** Empty when `output` is `"text"`. */
  html: string;
  language: NoticeLanguage;
  locale: Exclude<NoticeLocale, NoticeLanguage>;
  stage: NoticeStage;
  channel: Channel;
  replyBy: DateString | null;
}

/** Input of `validateTemplate`. */
export interface ValidateTemplateInput {
  template: NoticeTemplate;
}

/** One thing wrong with a template. */
export interface TemplateProblem {
  /** `subject`, `text` or `html`. */
  part: "subject" | "text" | "html";
  /** 1-based; 0 when unknown. */
  line: number;
  column: number;
  /** `syntax`, `unknown_variable`, `notText`, `not_a_list` or `unsupported`. */
  kind: "syntax" | "unknown_variable" | "not_text" | "not_a_list" | "not_a_group" | "unsupported";
  message: string;
  /** The nearest known name, for `unknown_variable`. */
  suggestion?: string;
}

/** Output of `validateTemplate`. */
export interface TemplateCheck {
  ok: boolean;
  problems: TemplateProblem[];
}

/** Input of `noticeTemplate`. */
export interface NoticeTemplateInput {
  stage?: NoticeStage | null;
  channel?: Channel | null;
  language?: NoticeLanguage | null;
}

/** A built-in template's source, to start a custom one from. */
export interface NoticeTemplateSource {
  subject: string;
  text: string;
  /** `null` for phone scripts and text messages, whose HTML is made from the text. */
  html: string | null;
}

export interface TemplateVariable {
  /** `invoices[].number` is a field of each item of the list `invoices`. */
  name: string;
  /** `text`, `money`, `date`, `number`, `yes/no`, `list` or `group`. */
  kind: "text" | "money" | "date" | "number" | "yes/no" | "list" | "group";
  description: string;
}

/** How the numeric dates of a file are written. */
export type CsvDateFormat = "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY";

/** How the file's text was written. */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "iso-8859-15";

/** What to do with a label on a row of its own above a group of invoices. */
export type CsvGroupRows = "customer" | "skip";

/** Why a row or a document was not imported. */
export type CsvSkipReason =
  | "title" | "group" | "total" | "note" | "draft" | "void" | "deleted" | "credit" | "payment"
  | "other";

/** Input of `importInvoicesCsv`. */
export interface ImportInvoicesCsvInput {
  /** The file's text; empty or absent (without `bytes`) is `missing_field` at `text`. */
  text?: string | null;
  /**
   * The file's bytes, read in `encoding` (found from the bytes when absent). Set by the
   * JavaScript layer from a `Uint8Array` or `ArrayBuffer`; takes the place of `text`.
   */
  bytes?: Uint8Array | ArrayBuffer | null;
  /** How to read `bytes`; found from them when absent. */
  encoding?: CsvEncoding | null;
  /** Field → column; overrides what the header suggests. Later entries for the same field win. */
  mapping?: Partial<Record<ImportField, string | number | null>>;
  /** Required when the answer lists dateFormatChoices. */
  dateFormat?: CsvDateFormat | null;
  /** `"."` or `","`; found from the amounts when absent. */
  decimalSeparator?: "." | "," | null;
  /**
   * The file's currency: for rows without a currency column or sign, and for a sign such as `$`
   * that several currencies use.
   */
  currency?: CurrencyCode | null;
  /** Whether the file has a header row; found from its content when absent. */
  hasHeader?: boolean | null;
  /** The 1-based line of the header row (after a report's title rows); found when absent. */
  headerRow?: number | null;
  /** What a label alone on its row is; found from the labels when absent. */
  groupRows?: CsvGroupRows | null;
}

export interface ImportRowError {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The field at fault, or "" for the row as a whole. */
  field: ImportField | "";
  code: ErrorCode;
  message: string;
}

/** A row, or a document, that was read and deliberately not imported. */
export interface ImportSkipped {
  line: number;
  reason: CsvSkipReason;
  /** The document's number, or the row's label ("Total for Acme Corp"). */
  text: string;
  /** For documents with money: the customer, the amount (negative for a credit) and its currency. */
  customer?: string;
  amount?: Money;
  currency?: CurrencyCode;
}

/** Something the user should know about an import that went through. */
export interface ImportWarning {
  /**
   * `replacement_characters`, `undated_payments`, `partly_paid_unknown`, `balanceDiffers`,
   * `total_mismatch`.
   */
  code: "replacement_characters" | "undated_payments" | "partly_paid_unknown" | "balance_differs" | "total_mismatch";
  message: string;
}

/** The invoices imported in one currency. */
export interface ImportTotal {
  currency: CurrencyCode;
  invoices: number;
  amount: Money;
  outstanding: Money;
}

/** Output of `importInvoicesCsv`. */
export interface ImportInvoicesCsvResult {
  /**
   * Whether the rows were read: false while a required column is unmapped, the date format or
   * the currency must be chosen (then `invoices` is empty).
   */
  ready: boolean;
  /** How the bytes were read; absent when the call passed text. */
  encoding?: CsvEncoding;
  delimiter: string;
  hasHeader: boolean;
  /** The 1-based line of the header row, when there is one. */
  headerRow: number | null;
  /** What the labels alone on their rows were taken as, when the file has any. */
  groupRows: CsvGroupRows | null;
  /** The header names (or "Column 1", … without a header). */
  columns: string[];
  /** Up to five data rows as read, for a preview. */
  sample: string[][];
  /** Field → column position used. */
  mapping: Partial<Record<ImportField, number>>;
  /** Fields that need a column (or, for `currency`, a choice) before the rows can be read. */
  missing: ImportField[];
  dateFormat: CsvDateFormat | null;
  /** When the dates could be read either way, the formats to ask the user to choose from. */
  dateFormatChoices: CsvDateFormat[];
  decimalSeparator: "." | ",";
  /** The currency of rows without their own: the one given, or the one every sign in the file names. */
  currency: CurrencyCode | null;
  /** When amounts carry a sign several currencies use (`$`, `kr`, `¥`), the ones to ask about. */
  currencyChoices: CurrencyCode[];
  /** Rows of invoices in the file (after the header, not counting groups, totals and notes). */
  rows: number;
  invoices: ImportedInvoice[];
  /**
   * Credit notes and payments not tied to an invoice, with what of each is still unapplied, for
   * the customers' accounts (ageing, statements and notices net them). One whose open balance
   * is zero was applied already and is listed in `skipped`.
   */
  documents: CustomerDocument[];
  /** Per currency: how many invoices, their amount and what is still owed. */
  totals: ImportTotal[];
  /** Rows and documents not imported, at most `MAX_LISTED_ERRORS`; `skippedCounts` has them all. */
  skipped: ImportSkipped[];
  skippedCounts: Partial<Record<CsvSkipReason, number>>;
  /** Bad rows, at most `MAX_LISTED_ERRORS`; `errorCount` has them all. */
  errors: ImportRowError[];
  errorCount: number;
  warnings: ImportWarning[];
}

/** Input of `parseAmount`. */
export interface ParseAmountInput {
  /** As typed: "12,50", "1.250,00", "1,250.00", "£12.50". */
  text: string;
  currency: CurrencyCode;
  /** The decimal separator of the user's locale, `"."` (the default) or `","`. */
  decimalSeparator?: "." | "," | null;
}

/** Output of `parseAmount`. */
export interface ParsedAmount {
  /** With exactly the currency's minor digits. */
  amount: Money;
  currency: CurrencyCode;
}

export interface WorkspaceSettings {
  /** The currency new invoices start with. */
  currency?: CurrencyCode | null;
  locale?: NoticeLocale | null;
  /** Notice language. */
  language?: NoticeLanguage | null;
  /** Ageing bucket limits in days. */
  buckets?: number[] | null;
  /**
   * Late-charge regime: a `lateCharges` kind (`contract`, `uk`, `eu`, `de`, `fr`, `es`, `nl`, `ie`,
   * `it`, `us-prompt-payment`).
   */
  regime?: RegimeKind | null;
  /** For the contract regime: percent a year. */
  contractRate?: string | null;
  /** The escalation ladder; the default policy when absent. */
  policy?: Stage[] | null;
  /**
   * Reference rates the user typed in for dates the built-in tables do not reach yet, each with
   * its table; passed whole to `lateCharges` as `referenceRates`.
   */
  referenceRates?: ReferenceRateRow[] | null;
  /**
   * Who to chase: the overdue amount, in the home currency, that earns all of the priority's
   * amount points (`collectionWorklist`'s `amountScale` for that currency); its default when
   * absent.
   */
  priorityScale?: MoneyInput | null;
}

/** What the page knows about a customer beyond what invoices carry. */
export interface CustomerDetails {
  id: string | number;
  contactName?: string | null;
  phone?: string | null;
  address?: string | null;
}

export type LogKind = "call" | "email" | "letter" | "promise" | "note";

/** A dated note in a customer's communication log. */
export interface LogEntry {
  customerId: string | number;
  date: DateInput;
  kind: LogKind;
  text: string;
}

/**
 * A payment plan made for a customer on the page: the `paymentPlan` terms it was made with, so the
 * payment-plan notice can carry its schedule. One per customer and currency.
 */
export interface SavedPlan {
  customerId: string | number;
  currency: CurrencyCode;
  savedOn: DateInput;
  principal: MoneyInput;
  /** Percent a year. */
  annualRate: MoneyInput;
  frequency: PlanFrequency;
  firstDueDate: DateInput;
  count: number;
}

export interface Workspace {
  /** 1; older documents are migrated on load, newer ones refused. */
  version?: number | null;
  /** The made-up ledger shown on a first visit. */
  demo?: boolean | null;
  sender?: NoticeSender | null;
  settings?: WorkspaceSettings | null;
  invoices: InvoiceInput[];
  customers?: CustomerDetails[] | null;
  /** Notices sent, as `nextActions` reads them. */
  history?: SentNotice[] | null;
  log?: LogEntry[] | null;
  /** Credit notes and payments on account, not tied to one invoice. */
  documents?: CustomerDocument[] | null;
  /** Payment plans made for customers. */
  plans?: SavedPlan[] | null;
}

export interface ParsedWorkspace {
  workspace: Workspace;
  /** The version the text was in, when it was older than this build's. */
  migratedFrom: number | null;
}

/**
 * The stable codes every thrown `OverdueError` carries (`error.code`; `errors[].code` in an
 * import), each by its snake_case name.
 */
export type ErrorCode =
  | "missing_field" | "invalid_type" | "invalid_value" | "invalid_amount" | "too_many_decimals"
  | "amount_out_of_range" | "invalid_date" | "invalid_date_order" | "unknown_currency"
  | "empty_text" | "too_long" | "duplicate_id" | "too_many" | "invalid_json" | "internal"
  | "instalment_too_small" | "rate_unknown" | "invalid_terms" | "template_error"
  | "template_too_complex" | "output_too_large" | "storage_full" | "storage_unavailable"
  | "invalid_text" | "too_large" | "reentrant_call" | "unsupported_file" | "not_initialised"
  | "wasm_not_found";

/** The built-in stages, in ladder order. */
export type NoticeStage =
  | "courtesy" | "friendly" | "followup" | "final" | "plan" | "agency" | "legal";

/** A language notices and statements are written in, by its ISO 639-1 code. */
export type NoticeLanguage = "en" | "de" | "fr" | "es" | "nl";

/** Locales for money and dates, by their BCP 47 tags. */
export type NoticeLocale =
  | "en-GB" | "en-US" | "en-IE" | "de-DE" | "de-AT" | "fr-FR" | "fr-BE" | "es-ES" | "nl-NL"
  | "nl-BE" | NoticeLanguage;

/**
 * The fields an invoice row can fill: the keys of the import's `mapping`. `ALIASES` follows
 * this order.
 */
export type ImportField =
  | "id" | "customerId" | "customerName" | "email" | "currency" | "amount" | "lineAmount"
  | "issueDate" | "dueDate" | "paid" | "outstanding" | "datePaid" | "status" | "type" | "disputed";

// What the generator (tests/typescript.rs) cannot say, by hand; everything else is in
// generated.d.ts. Each block says why it is here.

// Scalars: how amounts, dates and currencies are written on the wire, the vocabulary the generated
// declarations are written in.
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

// The error class and its guard are JavaScript (src/wasm/convert.rs builds them), not Rust types.
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

// Unions of inputs: the Rust input is one struct of optional fields that the module checks
// (one shape or the other, one field or the other); TypeScript can refuse the wrong mix sooner.

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
  downPayment?: DownPaymentInput | null;
  /** Added to the first instalment; counted in the APR. */
  setupFee?: MoneyInput | null;
  method?: PlanMethod | null;
}

/** The rules to charge by; which fields apply depends on kind. Rates are percent a year. */
/** What every regime takes. */
interface RegimeOptions {
  /** "act/365" (default), "act/360" or "act/act" (each calendar year's days) */
  dayCount?: DayCount | null;
  /** Newer rows for the statutory table (Bank Rate, ECB, Basiszinssatz, Treasury); rows naming
   * another regime's table are passed over, so one list serves every regime. */
  referenceRates?: ReferenceRateRow[] | null;
  /** How a part payment is applied (default by regime: costsInterestPrincipal for de, fr, es, nl, it). */
  allocation?: Allocation | null;
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
type ExchangeRates = ExchangeRate[];

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
      defaultStarts?: DefaultStarts | null;
    })
  | (StatutoryOptions & {
      kind: "us-prompt-payment";
      /** Instead of Treasury's table, percent a year. */
      annualRate?: MoneyInput | null;
      /** The Act counts a 360-day year. */
      dayCount?: "act/360" | null;
    });

/** The calculator's sender details: the notices' sender, every field optional. */
export type SenderDetails = NoticeSender;

// Built as a JavaScript object by src/wasm/storage.rs, which the generator does not read.
export interface LoadedWorkspace {
  status: "new" | "ok" | "migrated" | "repaired" | "damaged" | "newer";
  workspace: Workspace | null;
  /** Where the original was copied before anything else happened (migrated, damaged). */
  backupKey: string | null;
  message: string | null;
  bytes: number;
}

/** What the storage functions can keep the workspace in instead of `localStorage`: anything with
 *  its methods, such as a `Map`-backed object on a server or the page's IndexedDB-backed one.
 *  `setItem` may throw a `QuotaExceededError` (reported as `storage_full`). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  key(index: number): string | null;
  readonly length: number;
}

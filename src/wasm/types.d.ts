/** A decimal amount as a string, e.g. "1854.02" (JPY "1854", KWD "1.500"). Inputs also accept numbers. */
export type Money = string;
/** An amount as input: a decimal string, or a number with no more decimals than the currency allows. */
export type MoneyInput = string | number;
/** A calendar date "YYYY-MM-DD". */
export type DateString = string;
/** An ISO 4217 currency code such as "EUR", "GBP", "USD", "JPY". */
export type CurrencyCode = string;

/** Stable error codes carried by every thrown `OverdueError`. */
export type ErrorCode =
  | "missing_field" | "invalid_type" | "invalid_value" | "invalid_amount" | "too_many_decimals"
  | "amount_out_of_range" | "invalid_date" | "invalid_date_order" | "unknown_currency" | "empty_text"
  | "too_long" | "duplicate_id" | "too_many" | "invalid_json" | "internal";

/** What every overdue function throws on bad input: `err instanceof Error`, `err.name === "OverdueError"`. */
export interface OverdueError extends Error {
  name: "OverdueError";
  code: ErrorCode;
  /** Where in the input, e.g. "invoices[3].dueDate"; "" for the input as a whole. */
  path: string;
}

export interface CustomerInput {
  id: string | number;
  name: string;
  email?: string | null;
  accountNumber?: string | null;
}

export interface PaymentInput {
  date: DateString;
  amount: MoneyInput;
  reference?: string | null;
}

export interface CreditInput {
  date: DateString;
  amount: MoneyInput;
}

/** The invoice model every overdue function shares. Unknown extra fields are ignored. */
export interface InvoiceInput {
  id: string | number;
  customer: CustomerInput;
  currency: CurrencyCode;
  amount: MoneyInput;
  issueDate: DateString;
  dueDate: DateString;
  payments?: PaymentInput[] | null;
  credits?: CreditInput[] | null;
  disputed?: boolean | null;
  /** The date the customer promised to pay by. */
  promisedDate?: DateString | null;
  notes?: string | null;
}

export interface NormalizeInvoicesInput {
  asOf: DateString;
  invoices: InvoiceInput[];
}

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  accountNumber: string | null;
}

export type InvoiceStatus = "paid" | "current" | "overdue" | "credit";

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

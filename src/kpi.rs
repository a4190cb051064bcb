//! `receivablesKpis`: collection KPIs for a period, computed from the ledger or from summary figures.
//!
//! Definitions (GUIDE §5; the usual textbook forms):
//! - DSO = ending receivables / credit sales × days in period;
//! - best possible DSO = ending current (not yet due) receivables / credit sales × days;
//! - average days delinquent (ADD) = DSO − best possible DSO;
//! - CEI = (beginning receivables + credit sales − ending receivables) /
//!   (beginning receivables + credit sales − ending current receivables) × 100. Some sources put the
//!   average monthly credit sales (credit sales / months in the period) in place of the period's
//!   credit sales; both are returned, labelled `cei` and `ceiMonthlySales`;
//! - countback DSO: starting from ending receivables, walk back month by month, subtracting each
//!   month's credit sales and adding its days, until the receivables are used up (a part month adds
//!   its share of days).
//!
//! Receivables here are what customers owe (positive balances), after the customers' credit notes
//! and payments on account (`documents`, allocated as ageing allocates them as of each date);
//! overpayments and credit left unallocated are not netted in. Credit sales are net: invoices
//! issued in the period less credit notes dated in it (on an invoice or stand-alone; a write-off
//! is a loss, not a sale undone).

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{validate_invoices, Invoice};
use crate::money::{check_for_currency, round_dp, round_to_minor, ser_decimal, Amount};
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// How far countback DSO walks back before giving up.
pub const COUNTBACK_MAX_MONTHS: u32 = 36;

/// Input of [`receivables_kpis`]: either a ledger (`periodStart`, `periodEnd`, `invoices`) or the
/// summary figures (`currency`, `beginningReceivables`, `creditSales`, `endingReceivables`,
/// `endingCurrent`, `days`).
#[derive(Debug, Clone, Default)]
pub struct KpiInput {
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub invoices: Option<Vec<Invoice>>,
    pub currency: Option<Currency>,
    pub beginning_receivables: Option<Amount>,
    pub credit_sales: Option<Amount>,
    pub ending_receivables: Option<Amount>,
    pub ending_current: Option<Amount>,
    pub days: Option<i64>,
    /// Credit notes and payments on account, with a ledger.
    pub documents: Vec<crate::documents::Document>,
}
crate::decode_struct!(KpiInput {
    period_start: "periodStart" = default,
    period_end: "periodEnd" = default,
    invoices: "invoices" = default,
    currency: "currency" = default,
    beginning_receivables: "beginningReceivables" = default,
    credit_sales: "creditSales" = default,
    ending_receivables: "endingReceivables" = default,
    ending_current: "endingCurrent" = default,
    days: "days" = default,
    documents: "documents" = default,
});

/// One month of countback DSO.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountbackMonth {
    /// `YYYY-MM`.
    pub month: String,
    #[serde(serialize_with = "ser_decimal")]
    pub credit_sales: Decimal,
    /// Days this month adds to the countback DSO (a share of its days for the last one reached).
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub days_counted: Decimal,
}

/// KPIs for one currency. Ratios are decimal strings with two decimals; `null` where the
/// denominator is zero.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Kpis {
    pub currency: Currency,
    pub days: i64,
    #[serde(serialize_with = "ser_decimal")]
    pub beginning_receivables: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub credit_sales: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub ending_receivables: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub ending_current: Decimal,
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub dso: Option<Decimal>,
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub best_possible_dso: Option<Decimal>,
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub average_days_delinquent: Option<Decimal>,
    /// CEI with the period's credit sales, in percent.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub cei: Option<Decimal>,
    /// CEI with the average monthly credit sales (credit sales / months in the period), in percent;
    /// `null` when that would fall outside 0–100 (a period much longer than a month, or opening with
    /// nothing owed), where the variant has no meaning.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub cei_monthly_sales: Option<Decimal>,
    /// Months in the period used for `ceiMonthlySales` (days / (365.25 / 12), two decimals).
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub months: Decimal,
    /// Countback DSO; `null` without a ledger, or when receivables exceed 36 months of sales.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub countback_dso: Option<Decimal>,
    pub countback: Vec<CountbackMonth>,
}

/// Which kind of input the figures came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiSource {
    Ledger,
    Summary,
}
crate::decode_enum!(KpiSource { Ledger = "ledger", Summary = "summary" });

/// Output of [`receivables_kpis`]: one entry per currency, ordered by code.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KpiReport {
    /// Which kind of input the figures came from.
    pub source: KpiSource,
    #[serde(with = "crate::date::ymd_opt")]
    pub period_start: Option<NaiveDate>,
    #[serde(with = "crate::date::ymd_opt")]
    pub period_end: Option<NaiveDate>,
    pub currencies: Vec<Kpis>,
}

fn missing(path: &str, why: &str) -> Error {
    Error::new(ErrorCode::MissingField, path, format!("`{path}` is required {why}."))
}

/// The KPIs as of the figures given (summary) or computed from the ledger.
///
/// # Errors
/// `missing_field` when neither a complete ledger nor complete summary figures are given;
/// `invalid_date_order` at `periodEnd` when it is before `periodStart`; invalid invoices or amounts.
///
/// ```
/// use overdue::{decode::decode_json, kpi::receivables_kpis};
/// // GUIDE §5: AR 15,000, current 4,000, sales 10,000 over 30 days → DSO 45, BPDSO 12, ADD 33.
/// let input = decode_json(r#"{"currency":"USD","beginningReceivables":"12000","creditSales":"10000",
///   "endingReceivables":"15000","endingCurrent":"4000","days":30}"#).unwrap();
/// let k = &receivables_kpis(&input).unwrap().currencies[0];
/// assert_eq!(k.dso.unwrap().to_string(), "45.00");
/// assert_eq!(k.average_days_delinquent.unwrap().to_string(), "33.00");
/// ```
pub fn receivables_kpis(input: &KpiInput) -> Result<KpiReport> {
    match &input.invoices {
        Some(invoices) => ledger_kpis(input, invoices),
        None => summary_kpis(input),
    }
}

fn summary_kpis(input: &KpiInput) -> Result<KpiReport> {
    let why = "when no `invoices` are given";
    let currency = input.currency.ok_or_else(|| missing("currency", why))?;
    let amount = |v: Option<Amount>, path: &str| -> Result<Decimal> {
        let a = v.ok_or_else(|| missing(path, why))?;
        let d = check_for_currency(a.0, currency).map_err(|e| e.within(path))?;
        if d < Decimal::ZERO {
            return Err(Error::new(
                ErrorCode::InvalidAmount,
                path,
                "Receivables and sales cannot be negative.",
            ));
        }
        Ok(d)
    };
    let begin = amount(input.beginning_receivables, "beginningReceivables")?;
    let sales = amount(input.credit_sales, "creditSales")?;
    let end = amount(input.ending_receivables, "endingReceivables")?;
    let current = amount(input.ending_current, "endingCurrent")?;
    if current > end {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            "endingCurrent",
            "Current receivables cannot exceed total ending receivables.",
        ));
    }
    let days = input.days.ok_or_else(|| missing("days", why))?;
    if !(1..=3660).contains(&days) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "days",
            "The period must be from 1 to 3,660 days long.",
        ));
    }
    let k = compute(currency, days, begin, sales, end, current, None);
    Ok(KpiReport {
        source: KpiSource::Summary,
        period_start: input.period_start,
        period_end: input.period_end,
        currencies: vec![k],
    })
}

fn ledger_kpis(input: &KpiInput, invoices: &[Invoice]) -> Result<KpiReport> {
    let why = "with `invoices`";
    let start = input.period_start.ok_or_else(|| missing("periodStart", why))?;
    let end = input.period_end.ok_or_else(|| missing("periodEnd", why))?;
    if end < start {
        return Err(Error::new(
            ErrorCode::InvalidDateOrder,
            "periodEnd",
            format!("The period ends ({end}) before it starts ({start})."),
        ));
    }
    validate_invoices(invoices, "invoices")?;
    crate::documents::validate_documents(&input.documents, "documents")?;
    let days = crate::date::days_between(start, end) + 1;
    let before = start - Duration::days(1);
    // What the documents paid depends on the day: allocated as of each end of the period.
    let (at_before, _) = crate::documents::net_into(invoices, &input.documents, before);
    let (at_end, _) = crate::documents::net_into(invoices, &input.documents, end);
    let credit_notes: Vec<(Currency, NaiveDate, Decimal)> = invoices
        .iter()
        .flat_map(|i| {
            i.credits
                .iter()
                .filter(|c| !c.write_off)
                .map(move |c| (i.currency, c.date, c.amount.0))
        })
        .chain(
            input
                .documents
                .iter()
                .filter(|d| d.kind == crate::documents::DocKind::CreditNote)
                .map(|d| (d.currency, d.date, d.amount.0)),
        )
        .collect();
    let mut seen = crate::order::SmallMap::new();
    for i in invoices {
        seen.entry(i.currency, || ());
    }
    let currencies: Vec<Currency> = crate::order::by_currency(seen).into_iter().map(|(c, ())| c).collect();
    let mut out = Vec::new();
    for c in currencies {
        let owed = |i: &Invoice, on: NaiveDate| {
            if i.issue_date > on {
                Decimal::ZERO
            } else {
                i.outstanding_as_of(on).max(Decimal::ZERO)
            }
        };
        let begin: Decimal = in_currency(&at_before, c).into_iter().map(|i| owed(i, before)).sum();
        let ending_ledger = in_currency(&at_end, c);
        let ending: Decimal = ending_ledger.iter().map(|i| owed(i, end)).sum();
        let current: Decimal = ending_ledger
            .iter()
            .filter(|i| i.due_date >= end)
            .map(|i| owed(i, end))
            .sum();
        let issued = in_currency(invoices, c);
        let sales_in = |from: NaiveDate, to: NaiveDate| -> Decimal {
            let gross: Decimal = issued
                .iter()
                .filter(|i| i.issue_date >= from && i.issue_date <= to)
                .map(|i| i.amount.0)
                .sum();
            let credited: Decimal = credit_notes
                .iter()
                .filter(|(cur, d, _)| *cur == c && *d >= from && *d <= to)
                .map(|x| x.2)
                .sum();
            gross - credited
        };
        let sales = sales_in(start, end);
        out.push(compute(
            c,
            days,
            begin,
            sales,
            ending,
            current,
            Some((end, &sales_in as &dyn Fn(NaiveDate, NaiveDate) -> Decimal)),
        ));
    }
    Ok(KpiReport {
        source: KpiSource::Ledger,
        period_start: Some(start),
        period_end: Some(end),
        currencies: out,
    })
}

fn in_currency(ledger: &[Invoice], c: Currency) -> Vec<&Invoice> {
    ledger.iter().filter(|i| i.currency == c).collect()
}

type SalesIn<'a> = (NaiveDate, &'a dyn Fn(NaiveDate, NaiveDate) -> Decimal);

fn compute(
    c: Currency,
    days: i64,
    begin: Decimal,
    sales: Decimal,
    end: Decimal,
    current: Decimal,
    ledger: Option<SalesIn<'_>>,
) -> Kpis {
    let d = Decimal::from(days);
    let ratio = |num: Decimal, den: Decimal, scale: Decimal| (!den.is_zero()).then(|| num * scale / den);
    let dso = ratio(end * d, sales, Decimal::ONE);
    let bpdso = ratio(current * d, sales, Decimal::ONE);
    let add = dso.zip(bpdso).map(|(a, b)| a - b);
    let cei = ratio(begin + sales - end, begin + sales - current, Decimal::ONE_HUNDRED);
    // Months in the period, on the average Gregorian month of 365.25 / 12 days.
    let months = d * Decimal::from(12) / Decimal::new(36525, 2);
    let monthly = if months.is_zero() {
        Decimal::ZERO
    } else {
        sales / months
    };
    // With a month's sales in place of the period's, the share can leave 0–100 % (a quarter that
    // opened at nothing gave 312 %): such a figure means nothing, and is left out.
    let cei_monthly = ratio(begin + monthly - end, begin + monthly - current, Decimal::ONE_HUNDRED)
        .filter(|v| *v >= Decimal::ZERO && *v <= Decimal::ONE_HUNDRED);
    let (countback_dso, countback) = match ledger {
        Some((period_end, sales_in)) => countback_dso(end, period_end, sales_in, c),
        None => (None, Vec::new()),
    };
    let r2 = |v: Option<Decimal>| v.map(|x| round_dp(x, 2));
    Kpis {
        currency: c,
        days,
        beginning_receivables: round_to_minor(begin, c),
        credit_sales: round_to_minor(sales, c),
        ending_receivables: round_to_minor(end, c),
        ending_current: round_to_minor(current, c),
        dso: r2(dso),
        best_possible_dso: r2(bpdso),
        average_days_delinquent: r2(add),
        cei: r2(cei),
        cei_monthly_sales: r2(cei_monthly),
        months: round_dp(months, 2),
        countback_dso: r2(countback_dso),
        countback,
    }
}

fn countback_dso(
    ending: Decimal,
    period_end: NaiveDate,
    sales_in: &dyn Fn(NaiveDate, NaiveDate) -> Decimal,
    c: Currency,
) -> (Option<Decimal>, Vec<CountbackMonth>) {
    let mut left = ending;
    let mut total = Decimal::ZERO;
    let mut months = Vec::new();
    let mut month_end = period_end;
    for _ in 0..COUNTBACK_MAX_MONTHS {
        if left <= Decimal::ZERO {
            return (Some(total), months);
        }
        let month_start = month_end.with_day(1).unwrap_or(month_end);
        let days_in = Decimal::from(crate::date::days_between(month_start, month_end) + 1);
        let sales = sales_in(month_start, month_end);
        let counted = if sales <= left { days_in } else { left / sales * days_in };
        left -= sales;
        total += counted;
        months.push(CountbackMonth {
            month: format!("{:04}-{:02}", month_start.year(), month_start.month()),
            credit_sales: round_to_minor(sales, c),
            days_counted: round_dp(counted, 2),
        });
        month_end = month_start - Duration::days(1);
    }
    if left <= Decimal::ZERO {
        (Some(total), months)
    } else {
        (None, months)
    }
}

//! `ageReceivables`: what is owed, bucketed by how late, per currency, per customer and per invoice.
//!
//! Conventions (ERPNext's Accounts Receivable report): age = asOf − due date (or − issue date with
//! `basis: "issueDate"`); a bucket's upper limit is inclusive (30 days → "1–30", 31 → "31–60");
//! payments and credits dated after asOf are ignored; invoices issued after asOf are not aged.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::fasthash::FastMap;
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::money::{round_dp, round_to_minor, ser_decimal};
use crate::order::{arrange, by_currency, currency_group, order, SmallMap};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// The default bucket limits in days: Current, 1–30, 31–60, 61–90, 91–120, 121+.
pub const DEFAULT_LIMITS: [i64; 4] = [30, 60, 90, 120];
/// Most bucket limits accepted.
pub const MAX_LIMITS: usize = 24;
/// Largest bucket limit accepted (100 years).
pub const MAX_LIMIT_DAYS: i64 = 36_525;

/// Which date an invoice's age is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// Days past the due date; invoices not yet due are "Current".
    #[default]
    DueDate,
    /// Days since the invoice was issued.
    IssueDate,
}
crate::decode_enum!(Basis { DueDate = "dueDate", IssueDate = "issueDate" });

/// Input of [`age_receivables`].
#[derive(Debug, Clone)]
pub struct AgingInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// Ascending upper limits in days; default `[30, 60, 90, 120]`.
    pub buckets: Option<Vec<i64>>,
    pub basis: Option<Basis>,
    /// `"invoices"` (default), `"customers"` or `"summary"`.
    pub detail: Option<Detail>,
    /// Credit notes and payments on account, netted per customer as the statement does
    /// (`documents::allocate`): what they do not cover is customer credit, never a negative bucket.
    pub documents: Vec<crate::documents::Document>,
}
crate::decode_struct!(AgingInput {
    as_of: "asOf",
    invoices: "invoices",
    buckets: "buckets" = default,
    basis: "basis" = default,
    detail: "detail" = default,
    documents: "documents" = default,
});

/// One bucket's definition: `from`–`to` days inclusive (`to` is `null` for the last, open bucket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketDef {
    /// "Current", "1–30", …, "121+" (issue-date basis: "0–30", …).
    pub label: String,
    /// Lowest age in the bucket; `null` for "Current" (anything not yet due).
    pub from: Option<i64>,
    /// Highest age in the bucket; null for the last, open bucket.
    pub to: Option<i64>,
}

/// Amount and count in one bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketTotal {
    pub label: String,
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
    pub count: usize,
}

/// Totals for one currency.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyAging {
    pub currency: Currency,
    pub buckets: Vec<BucketTotal>,
    /// Everything owed (disputed included); equals the sum of the buckets.
    #[serde(serialize_with = "ser_decimal")]
    pub total_outstanding: Decimal,
    /// The part of `totalOutstanding` past its due date.
    #[serde(serialize_with = "ser_decimal")]
    pub overdue_total: Decimal,
    /// The part of `totalOutstanding` on disputed invoices.
    #[serde(serialize_with = "ser_decimal")]
    pub disputed_total: Decimal,
    /// Overpayments, owed back to customers (never netted into the buckets).
    #[serde(serialize_with = "ser_decimal")]
    pub customer_credit: Decimal,
    pub open_invoices: usize,
    /// Percentage of `totalOutstanding` more than 90 days past due, two decimals (`"37.50"`).
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub share_over_90_days: Decimal,
    /// Σ(outstanding × days past due) / Σ outstanding, one decimal; not-yet-due invoices count as 0.
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub weighted_average_days_past_due: Decimal,
}

/// A customer's position in one currency.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerAging {
    pub customer_id: Id,
    pub name: String,
    pub currency: Currency,
    /// Amounts in the same order as the report's `buckets`.
    #[serde(serialize_with = "crate::money::ser_decimals")]
    pub buckets: Vec<Decimal>,
    #[serde(serialize_with = "ser_decimal")]
    pub total_outstanding: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub overdue_total: Decimal,
    /// Days past due of the customer's oldest open invoice; 0 when nothing is overdue.
    pub oldest_days_past_due: i64,
    pub open_invoices: usize,
    #[serde(serialize_with = "ser_decimal")]
    pub disputed_amount: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub credit: Decimal,
}

/// An open invoice's place in the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceAging {
    pub id: Id,
    pub customer_id: Id,
    pub currency: Currency,
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    /// Days counted on the report's basis (negative while not yet due on the due-date basis).
    pub age: i64,
    /// Days past the due date, 0 while not yet due.
    pub days_past_due: i64,
    /// Index into the report's `buckets`.
    pub bucket: usize,
    pub disputed: bool,
}

/// An overpaid invoice, reported as credit owed to the customer.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditEntry {
    pub invoice_id: Id,
    pub customer_id: Id,
    pub currency: Currency,
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
}

/// Output of [`age_receivables`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgingReport {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    pub basis: Basis,
    pub buckets: Vec<BucketDef>,
    /// One per currency, ordered by code.
    pub currencies: Vec<CurrencyAging>,
    /// Customers with something owed or credited, per currency largest total first (ties in the
    /// order first seen). Empty when `detail` is `"summary"`.
    pub customers: Vec<CustomerAging>,
    /// Open invoices, oldest first; invoices of the same age in input order. Empty unless
    /// `detail` is `"invoices"`.
    pub invoices: Vec<InvoiceAging>,
    /// Overpaid invoices. Empty unless `detail` is `"invoices"`.
    pub credits: Vec<CreditEntry>,
    /// Invoices fully paid by asOf (left out of the buckets).
    pub paid_invoices: usize,
    /// Invoices issued after asOf (not aged).
    pub not_yet_issued: usize,
}

/// Checks bucket limits: whole numbers of days, at least 1, strictly ascending, at most
/// [`MAX_LIMITS`] of them.
///
/// # Errors
/// `invalid_value` at `buckets[i]` for the first bad limit, `too_many` for too many.
pub fn check_limits(limits: &[i64]) -> Result<()> {
    if limits.len() > MAX_LIMITS {
        return Err(Error::new(
            ErrorCode::TooMany,
            "buckets",
            format!("At most {MAX_LIMITS} bucket limits are allowed."),
        ));
    }
    for (i, &l) in limits.iter().enumerate() {
        let path = format!("buckets[{i}]");
        if !(1..=MAX_LIMIT_DAYS).contains(&l) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                path,
                format!("A bucket limit must be a whole number of days from 1 to {MAX_LIMIT_DAYS} (got {l})."),
            ));
        }
        if i > 0 && l <= limits[i - 1] {
            let what = if l == limits[i - 1] {
                "repeats"
            } else {
                "is smaller than"
            };
            return Err(Error::new(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "Bucket limits must go up: {l} {what} the limit before it ({}).",
                    limits[i - 1]
                ),
            ));
        }
    }
    Ok(())
}

/// The buckets for `limits` on a basis: "Current", "1–30", …, "121+" (issue-date basis: "0–30", …).
pub fn bucket_defs(limits: &[i64], basis: Basis) -> Vec<BucketDef> {
    let mut defs = Vec::with_capacity(limits.len() + 2);
    let mut from = match basis {
        Basis::DueDate => {
            defs.push(BucketDef {
                label: "Current".into(),
                from: None,
                to: Some(0),
            });
            1
        }
        Basis::IssueDate => 0,
    };
    for &to in limits {
        defs.push(BucketDef {
            label: format!("{from}–{to}"),
            from: Some(from),
            to: Some(to),
        });
        from = to + 1;
    }
    defs.push(BucketDef {
        label: format!("{from}+"),
        from: Some(from),
        to: None,
    });
    defs
}

/// The index of the bucket an age falls into.
pub fn bucket_index(age: i64, limits: &[i64], basis: Basis) -> usize {
    let offset = usize::from(basis == Basis::DueDate);
    if basis == Basis::DueDate && age <= 0 {
        return 0;
    }
    // Upper limits are inclusive: the first limit ≥ age.
    offset + limits.partition_point(|&l| l < age)
}

/// How much per-invoice detail a report carries. Large ledgers that only need totals skip building
/// one output row per invoice, which is most of the cost of returning a report to JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Currencies, customers and one row per open invoice (the default).
    #[default]
    Invoices,
    /// Currencies and customers; `invoices` and `credits` are left empty.
    Customers,
    /// Currencies only.
    Summary,
}
crate::decode_enum!(Detail { Invoices = "invoices", Customers = "customers", Summary = "summary" });

/// One receivable as the accumulator sees it, borrowed from whichever input it came from. The
/// customer id is kept as a map key for the whole report (`'a`); the rest only for one call (`'b`).
pub struct Item<'a, 'b> {
    pub id: &'b str,
    pub customer_id: std::borrow::Cow<'a, str>,
    pub customer_name: &'b str,
    pub currency: Currency,
    /// Outstanding on asOf; negative for an overpayment.
    pub outstanding: Decimal,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub disputed: bool,
}

/// Builds an [`AgingReport`] from receivables fed one at a time (from invoice objects or CSV rows).
pub struct Ager<'a> {
    as_of: NaiveDate,
    basis: Basis,
    limits: Vec<i64>,
    defs: Vec<BucketDef>,
    detail: Detail,
    currencies: SmallMap<Currency, CurrencyAcc>,
    // Customers in first-seen order, found through a hash index: a tree keyed by strings spent
    // most of the report's time comparing ids.
    customers: Vec<CustomerAging>,
    customer_index: FastMap<(Currency, std::borrow::Cow<'a, str>), usize>,
    invoices: Vec<InvoiceAging>,
    credits: Vec<CreditEntry>,
    paid: usize,
    future: usize,
}

impl<'a> Ager<'a> {
    /// # Errors
    /// Bad bucket limits (see [`check_limits`]).
    pub fn new(
        as_of: NaiveDate,
        limits: Option<&[i64]>,
        basis: Option<Basis>,
        detail: Option<Detail>,
    ) -> Result<Ager<'a>> {
        let limits = limits.unwrap_or(&DEFAULT_LIMITS).to_vec();
        check_limits(&limits)?;
        let basis = basis.unwrap_or_default();
        Ok(Ager {
            as_of,
            basis,
            defs: bucket_defs(&limits, basis),
            limits,
            detail: detail.unwrap_or_default(),
            currencies: SmallMap::new(),
            customers: Vec::new(),
            customer_index: FastMap::default(),
            invoices: Vec::new(),
            credits: Vec::new(),
            paid: 0,
            future: 0,
        })
    }

    /// Adds one receivable.
    pub fn add(&mut self, it: Item<'a, '_>) {
        let as_of = self.as_of;
        if it.issue_date > as_of {
            self.future += 1;
            return;
        }
        let out = it.outstanding;
        if out.is_zero() {
            self.paid += 1;
            return;
        }
        let c = it.currency;
        let n = self.defs.len();
        let per_customer = self.detail != Detail::Summary;
        let slot = if per_customer {
            let customers = &mut self.customers;
            let cid = it.customer_id.clone();
            Some(*self.customer_index.entry((c, cid)).or_insert_with(|| {
                customers.push(CustomerAging {
                    customer_id: Id(it.customer_id.to_string()),
                    name: it.customer_name.to_string(),
                    currency: c,
                    buckets: vec![Decimal::ZERO; n],
                    total_outstanding: Decimal::ZERO,
                    overdue_total: Decimal::ZERO,
                    oldest_days_past_due: 0,
                    open_invoices: 0,
                    disputed_amount: Decimal::ZERO,
                    credit: Decimal::ZERO,
                });
                customers.len() - 1
            }))
        } else {
            None
        };
        let acc = self.currencies.entry(c, || CurrencyAcc::new(n));
        if out < Decimal::ZERO {
            acc.credit -= out;
            if let Some(s) = slot {
                self.customers[s].credit -= out;
            }
            if self.detail == Detail::Invoices {
                self.credits.push(CreditEntry {
                    invoice_id: Id(it.id.to_string()),
                    customer_id: Id(it.customer_id.to_string()),
                    currency: c,
                    amount: round_to_minor(-out, c),
                });
            }
            return;
        }
        let from_due = crate::date::days_between(it.due_date, as_of);
        let dpd = from_due.max(0);
        let age = match self.basis {
            Basis::DueDate => from_due,
            Basis::IssueDate => crate::date::days_between(it.issue_date, as_of),
        };
        let b = bucket_index(age, &self.limits, self.basis);
        acc.add(b, out, dpd, it.disputed);
        if let Some(s) = slot {
            let cust = &mut self.customers[s];
            cust.buckets[b] += out;
            cust.total_outstanding += out;
            cust.open_invoices += 1;
            if dpd > 0 {
                cust.overdue_total += out;
            }
            cust.oldest_days_past_due = cust.oldest_days_past_due.max(dpd);
            if it.disputed {
                cust.disputed_amount += out;
            }
        }
        if self.detail == Detail::Invoices {
            self.invoices.push(InvoiceAging {
                id: Id(it.id.to_string()),
                customer_id: Id(it.customer_id.to_string()),
                currency: c,
                outstanding: round_to_minor(out, c),
                age,
                days_past_due: dpd,
                bucket: b,
                disputed: it.disputed,
            });
        }
    }

    /// The finished report: amounts rounded to each currency's minor unit and rows in report order.
    pub fn finish(self) -> AgingReport {
        let defs = self.defs;
        let currencies: Vec<CurrencyAging> = by_currency(self.currencies)
            .into_iter()
            .map(|(c, a)| a.finish(c, &defs))
            .collect();
        let customers: Vec<CustomerAging> = self
            .customers
            .into_iter()
            .map(|mut cu| {
                let c = cu.currency;
                for b in &mut cu.buckets {
                    *b = round_to_minor(*b, c);
                }
                cu.total_outstanding = round_to_minor(cu.total_outstanding, c);
                cu.overdue_total = round_to_minor(cu.overdue_total, c);
                cu.disputed_amount = round_to_minor(cu.disputed_amount, c);
                cu.credit = round_to_minor(cu.credit, c);
                cu
            })
            .collect();
        // Totals of one currency all have its minor scale after rounding, so their mantissas order
        // them exactly; comparing Decimals and id strings here cost more than the rest of the report.
        let keys = customers
            .iter()
            .enumerate()
            .map(|(i, c)| (currency_group(c.currency), -c.total_outstanding.mantissa(), i as u32))
            .collect();
        let customers = arrange(customers, &order(keys));
        // Stable: invoices of the same age keep the order they were given in. Sorting indices and
        // then moving each row once is much cheaper than letting the sort shuffle the rows.
        let keys = self
            .invoices
            .iter()
            .enumerate()
            .map(|(i, x)| (0, -i128::from(x.age), i as u32))
            .collect();
        let invoices = arrange(self.invoices, &order(keys));
        AgingReport {
            as_of: self.as_of,
            basis: self.basis,
            buckets: defs,
            currencies,
            customers,
            invoices,
            credits: self.credits,
            paid_invoices: self.paid,
            not_yet_issued: self.future,
        }
    }
}

/// Ages the receivables as of `asOf`.
///
/// # Errors
/// Invalid invoices (as [`crate::normalize::normalize_invoices`]), bad bucket limits, or an `asOf`
/// before every invoice's issue date (`invalid_date_order` at `asOf`).
///
/// ```
/// use overdue::{aging::age_receivables, decode::decode_json};
/// let input = decode_json(r#"{"asOf":"2026-11-23","invoices":[
///   {"id":"A","customer":{"id":"c","name":"C"},"currency":"GBP","amount":"300","issueDate":"2026-09-01","dueDate":"2026-10-01"}]}"#).unwrap();
/// let r = age_receivables(&input).unwrap();
/// assert_eq!(r.buckets[2].label, "31–60");
/// assert_eq!(r.currencies[0].buckets[2].amount.to_string(), "300.00"); // 53 days past due
/// ```
pub fn age_receivables(input: &AgingInput) -> Result<AgingReport> {
    validate_invoices(&input.invoices, "invoices")?;
    crate::documents::validate_documents(&input.documents, "documents")?;
    let mut ager = Ager::new(input.as_of, input.buckets.as_deref(), input.basis, input.detail)?;
    check_not_all_future(input.as_of, input.invoices.iter().map(|i| i.issue_date))?;
    let as_of = input.as_of;
    let netted = net_documents(&input.invoices, &input.documents, as_of);
    for (i, inv) in input.invoices.iter().enumerate() {
        ager.add(Item {
            id: inv.id.as_str(),
            customer_id: std::borrow::Cow::Borrowed(inv.customer.id.as_str()),
            customer_name: &inv.customer.name,
            currency: inv.currency,
            outstanding: netted
                .owed
                .get(i)
                .copied()
                .flatten()
                .unwrap_or_else(|| inv.outstanding_as_of(as_of)),
            issue_date: inv.issue_date,
            due_date: inv.due_date,
            disputed: inv.disputed,
        });
    }
    // What documents left over is the customer's credit, listed under the document's own name.
    for (d, left) in netted.credit {
        ager.add(Item {
            id: d
                .id
                .as_ref()
                .map(|i| i.as_str())
                .or(d.reference.as_deref())
                .unwrap_or("on account"),
            customer_id: std::borrow::Cow::Borrowed(d.customer_id.as_str()),
            customer_name: netted
                .names
                .get(&(d.currency, d.customer_id.as_str()))
                .copied()
                .unwrap_or(d.customer_id.as_str()),
            currency: d.currency,
            outstanding: -left,
            issue_date: as_of,
            due_date: as_of,
            disputed: false,
        });
    }
    Ok(ager.finish())
}

/// Invoices' balances after documents, and each customer's credit left over.
struct Netted<'a> {
    /// Per invoice (as given): the balance after its customer's documents, when it has any.
    owed: Vec<Option<Decimal>>,
    /// Per customer and currency with credit left: the last document, and the credit.
    credit: Vec<(&'a crate::documents::Document, Decimal)>,
    names: crate::fasthash::FastMap<(Currency, &'a str), &'a str>,
}

fn net_documents<'a>(invoices: &'a [Invoice], docs: &'a [crate::documents::Document], as_of: NaiveDate) -> Netted<'a> {
    let mut out = Netted {
        owed: Vec::new(),
        credit: Vec::new(),
        names: Default::default(),
    };
    if docs.is_empty() {
        return out;
    }
    out.owed = vec![None; invoices.len()];
    for inv in invoices {
        out.names
            .insert((inv.currency, inv.customer.id.as_str()), inv.customer.name.as_str());
    }
    for account in crate::documents::accounts(invoices, docs, as_of) {
        let Some(&last) = account.documents.last() else {
            continue;
        };
        let alloc = &account.allocation;
        let mut overpaid = Decimal::ZERO;
        for (&i, owed) in account.invoices.iter().zip(&alloc.owed) {
            let before = invoices[i].outstanding_as_of(as_of);
            // An overpaid invoice stays a credit entry of its own; allocate counted it as credit too.
            if before < Decimal::ZERO {
                overpaid -= before;
            } else {
                out.owed[i] = Some(*owed);
            }
        }
        let left = alloc.credit - overpaid;
        if left > Decimal::ZERO {
            out.credit.push((last, left));
        }
    }
    out
}

/// An `asOf` before every issue date is almost always a mistyped date, so it is an error rather
/// than an empty report (an empty ledger is fine).
pub fn check_not_all_future(as_of: NaiveDate, mut issue_dates: impl Iterator<Item = NaiveDate>) -> Result<()> {
    let mut any = false;
    let all_future = issue_dates.all(|d| {
        any = true;
        d > as_of
    });
    if any && all_future {
        return Err(Error::new(
            ErrorCode::InvalidDateOrder,
            "asOf",
            format!("{as_of} is before every invoice's issue date, so there is nothing to age."),
        ));
    }
    Ok(())
}

struct CurrencyAcc {
    amounts: Vec<Decimal>,
    counts: Vec<usize>,
    overdue: Decimal,
    disputed: Decimal,
    credit: Decimal,
    over_90: Decimal,
    weighted_days: Decimal,
}

impl CurrencyAcc {
    fn new(n: usize) -> Self {
        CurrencyAcc {
            amounts: vec![Decimal::ZERO; n],
            counts: vec![0; n],
            overdue: Decimal::ZERO,
            disputed: Decimal::ZERO,
            credit: Decimal::ZERO,
            over_90: Decimal::ZERO,
            weighted_days: Decimal::ZERO,
        }
    }

    fn add(&mut self, bucket: usize, out: Decimal, dpd: i64, disputed: bool) {
        self.amounts[bucket] += out;
        self.counts[bucket] += 1;
        if dpd > 0 {
            self.overdue += out;
            self.weighted_days += out * Decimal::from(dpd);
        }
        if dpd > 90 {
            self.over_90 += out;
        }
        if disputed {
            self.disputed += out;
        }
    }

    fn finish(self, c: Currency, defs: &[BucketDef]) -> CurrencyAging {
        let total: Decimal = self.amounts.iter().copied().sum();
        let ratio = |num: Decimal, dp: u32, scale: Decimal| {
            if total.is_zero() {
                round_dp(Decimal::ZERO, dp)
            } else {
                round_dp(num * scale / total, dp)
            }
        };
        CurrencyAging {
            currency: c,
            buckets: defs
                .iter()
                .zip(self.amounts.iter().zip(&self.counts))
                .map(|(d, (a, n))| BucketTotal {
                    label: d.label.clone(),
                    amount: round_to_minor(*a, c),
                    count: *n,
                })
                .collect(),
            total_outstanding: round_to_minor(total, c),
            overdue_total: round_to_minor(self.overdue, c),
            disputed_total: round_to_minor(self.disputed, c),
            customer_credit: round_to_minor(self.credit, c),
            open_invoices: self.counts.iter().sum(),
            share_over_90_days: ratio(self.over_90, 2, Decimal::ONE_HUNDRED),
            weighted_average_days_past_due: ratio(self.weighted_days, 1, Decimal::ONE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_inclusive_upper_bounds() {
        let l = DEFAULT_LIMITS;
        let b = |age| bucket_index(age, &l, Basis::DueDate);
        assert_eq!(
            [
                b(-5),
                b(0),
                b(1),
                b(30),
                b(31),
                b(60),
                b(61),
                b(90),
                b(91),
                b(120),
                b(121),
                b(5000)
            ],
            [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        let i = |age| bucket_index(age, &l, Basis::IssueDate);
        assert_eq!([i(0), i(30), i(31), i(121)], [0, 0, 1, 4]);
    }

    #[test]
    fn labels_follow_the_limits() {
        let labels: Vec<String> = bucket_defs(&DEFAULT_LIMITS, Basis::DueDate)
            .into_iter()
            .map(|d| d.label)
            .collect();
        assert_eq!(labels, ["Current", "1–30", "31–60", "61–90", "91–120", "121+"]);
        let labels: Vec<String> = bucket_defs(&[7, 14], Basis::IssueDate)
            .into_iter()
            .map(|d| d.label)
            .collect();
        assert_eq!(labels, ["0–7", "8–14", "15+"]);
    }

    #[test]
    fn bad_limits_are_refused_with_their_index() {
        let e = |l: &[i64]| check_limits(l).unwrap_err();
        assert_eq!(e(&[30, 30]).path, "buckets[1]");
        assert_eq!(e(&[60, 30]).path, "buckets[1]");
        assert_eq!(e(&[-1]).path, "buckets[0]");
        assert_eq!(e(&[0, 5]).code, ErrorCode::InvalidValue);
        assert_eq!(e(&[1; 30]).code, ErrorCode::TooMany);
        assert!(check_limits(&[]).is_ok(), "no limits: Current and 1+");
    }
}

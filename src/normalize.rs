//! `normalizeInvoices`: validated invoices with canonical amounts, the balance outstanding on `asOf`,
//! days past due and a status, plus per-currency totals.

use crate::currency::Currency;
use crate::error::Result;
use crate::invoice::{validate_invoices, Customer, Id, Invoice};
use crate::money::{round_to_minor, ser_decimal};
use crate::order::{by_currency, SmallMap};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// Input of [`normalize_invoices`].
#[derive(Debug, Clone)]
pub struct NormalizeInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
}
crate::decode_struct!(NormalizeInput {
    as_of: "asOf",
    invoices: "invoices"
});

/// Where an invoice stands on `asOf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Nothing left to pay.
    Paid,
    /// Something left to pay, not yet past the due date.
    Current,
    /// Something left to pay after the due date.
    Overdue,
    /// Paid more than the amount: the customer is owed money.
    Credit,
    /// Nothing left to pay because what was left was written off as a bad debt.
    WrittenOff,
}

/// A validated invoice with figures as of `asOf`. Amounts carry exactly the currency's minor digits.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalizedInvoice {
    pub id: Id,
    pub customer: Customer,
    pub currency: Currency,
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
    #[serde(with = "crate::date::ymd")]
    pub issue_date: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    /// Payments dated on or before `asOf`.
    #[serde(serialize_with = "ser_decimal")]
    pub paid: Decimal,
    /// Credits dated on or before `asOf`.
    #[serde(serialize_with = "ser_decimal")]
    pub credited: Decimal,
    /// amount − paid − credited; negative for an overpaid invoice.
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    /// Days after the due date while something is owed; 0 otherwise.
    pub days_past_due: i64,
    pub status: Status,
    pub disputed: bool,
    #[serde(with = "crate::date::ymd_opt")]
    pub promised_date: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// Totals for one currency; amounts in different currencies are never added together.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyTotals {
    pub currency: Currency,
    pub invoices: usize,
    #[serde(serialize_with = "ser_decimal")]
    pub invoiced: Decimal,
    /// What customers owe (overpayments not netted off).
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    /// The part of `outstanding` that is past due.
    #[serde(serialize_with = "ser_decimal")]
    pub overdue: Decimal,
    /// What is owed back to customers who overpaid, as a positive amount.
    #[serde(serialize_with = "ser_decimal")]
    pub customer_credit: Decimal,
}

/// Output of [`normalize_invoices`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalizeOutput {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    pub invoices: Vec<NormalizedInvoice>,
    /// One entry per currency, ordered by code.
    pub totals: Vec<CurrencyTotals>,
}

/// Figures for one invoice as of `as_of` (the invoice must have been validated).
pub fn normalize_one(inv: &Invoice, as_of: NaiveDate) -> NormalizedInvoice {
    let c = inv.currency;
    let outstanding = inv.outstanding_as_of(as_of);
    let days = inv.days_from_due(as_of);
    let status = if outstanding.is_zero() {
        if inv.credits.iter().any(|c| c.write_off && c.date <= as_of) {
            Status::WrittenOff
        } else {
            Status::Paid
        }
    } else if outstanding < Decimal::ZERO {
        Status::Credit
    } else if days > 0 {
        Status::Overdue
    } else {
        Status::Current
    };
    NormalizedInvoice {
        id: inv.id.clone(),
        customer: inv.customer.clone(),
        currency: c,
        amount: round_to_minor(inv.amount.0, c),
        issue_date: inv.issue_date,
        due_date: inv.due_date,
        paid: round_to_minor(inv.paid_as_of(as_of), c),
        credited: round_to_minor(inv.credited_as_of(as_of), c),
        outstanding: round_to_minor(outstanding, c),
        days_past_due: if status == Status::Overdue { days } else { 0 },
        status,
        disputed: inv.disputed,
        promised_date: inv.promised_date,
        notes: inv.notes.clone(),
    }
}

/// Validates invoices and returns them normalised as of `asOf`.
///
/// # Errors
/// The first invalid field, with its path (`invoices[3].dueDate`).
///
/// ```
/// use overdue::normalize::{normalize_invoices, NormalizeInput};
/// let input: NormalizeInput = overdue::decode::decode_json(r#"{
///   "asOf": "2026-03-31",
///   "invoices": [{ "id": "INV-1", "customer": { "id": "c1", "name": "Acme Ltd" },
///                  "currency": "GBP", "amount": "1200", "issueDate": "2026-01-15",
///                  "dueDate": "2026-02-14", "payments": [{ "date": "2026-03-01", "amount": 200.5 }] }]
/// }"#).unwrap();
/// let out = normalize_invoices(&input).unwrap();
/// assert_eq!(out.invoices[0].outstanding.to_string(), "999.50");
/// assert_eq!(out.invoices[0].days_past_due, 45);
/// ```
pub fn normalize_invoices(input: &NormalizeInput) -> Result<NormalizeOutput> {
    validate_invoices(&input.invoices, "invoices")?;
    let invoices: Vec<NormalizedInvoice> = input.invoices.iter().map(|i| normalize_one(i, input.as_of)).collect();
    let mut totals_by: SmallMap<Currency, CurrencyTotals> = SmallMap::new();
    for n in &invoices {
        let t = totals_by.entry(n.currency, || CurrencyTotals {
            currency: n.currency,
            invoices: 0,
            invoiced: Decimal::ZERO,
            outstanding: Decimal::ZERO,
            overdue: Decimal::ZERO,
            customer_credit: Decimal::ZERO,
        });
        t.invoices += 1;
        t.invoiced += n.amount;
        match n.status {
            Status::Credit => t.customer_credit -= n.outstanding,
            Status::Overdue => {
                t.outstanding += n.outstanding;
                t.overdue += n.outstanding;
            }
            Status::Current => t.outstanding += n.outstanding,
            Status::Paid | Status::WrittenOff => {}
        }
    }
    let totals = by_currency(totals_by)
        .into_iter()
        .map(|(_, mut t)| {
            let c = t.currency;
            t.invoiced = round_to_minor(t.invoiced, c);
            t.outstanding = round_to_minor(t.outstanding, c);
            t.overdue = round_to_minor(t.overdue, c);
            t.customer_credit = round_to_minor(t.customer_credit, c);
            t
        })
        .collect();
    Ok(NormalizeOutput {
        as_of: input.as_of,
        invoices,
        totals,
    })
}

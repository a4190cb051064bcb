//! The invoice model every capability shares, and its validation.
//!
//! Records are read leniently where that is safe (an id may be a string or a whole number; unknown
//! fields are ignored, so records from other systems pass straight through) and strictly where a
//! mistake would change a figure (amounts, currencies, dates).

use crate::currency::Currency;
use crate::date::days_between;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{check_for_currency, Amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Most invoices one call accepts: a bound on work and memory for untrusted input.
pub const MAX_INVOICES: usize = 2_000_000;
/// Most payments or credits on one invoice.
pub const MAX_ENTRIES_PER_INVOICE: usize = 10_000;
/// Longest id, name or reference, in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest free-text field (notes, addresses), in characters.
pub const MAX_LONG_TEXT: usize = 10_000;

/// A customer as an invoice names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: Id,
    pub name: String,
    /// Absent when the input had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
}
crate::decode_struct!(Customer {
    id: "id",
    name: "name",
    email: "email" = default,
    account_number: "accountNumber" = default,
});

/// A payment received against an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// When it arrived; absent or `null` when not known (an export that gives only the amount paid). An
    /// undated payment counts toward what is owed at any date, but nothing that depends on when
    /// money came in (late interest, payment habits) treats it as arriving on a day it may not have.
    #[serde(with = "crate::date::ymd_opt", skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub amount: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}
crate::decode_struct!(Payment {
    date: "date" = default,
    amount: "amount",
    reference: "reference" = default
});

/// A credit note or write-off reducing what is owed on an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub amount: Amount,
    /// A bad debt written off rather than a credit note: a loss (`provisionMatrix`), and the
    /// invoice's status is `writtenOff` once nothing is left.
    #[serde(skip_serializing_if = "is_false")]
    pub write_off: bool,
}
crate::decode_struct!(Credit {
    date: "date",
    amount: "amount",
    write_off: "writeOff" = default,
});

/// An invoice: `{ id, customer, currency, amount, issueDate, dueDate, payments?, credits?, disputed?,
/// promisedDate?, notes? }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invoice {
    pub id: Id,
    pub customer: Customer,
    pub currency: Currency,
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub amount: Amount,
    #[serde(with = "crate::date::ymd")]
    pub issue_date: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    // Written only when present: a stored ledger or an import of a million rows stays lean.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub payments: Vec<Payment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
    #[serde(skip_serializing_if = "is_false")]
    pub disputed: bool,
    /// The date the customer promised to pay by.
    #[serde(default, with = "crate::date::ymd_opt", skip_serializing_if = "Option::is_none")]
    pub promised_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}
crate::decode_struct!(Invoice {
    id: "id",
    customer: "customer",
    currency: "currency",
    amount: "amount",
    issue_date: "issueDate",
    due_date: "dueDate",
    payments: "payments" = default,
    credits: "credits" = default,
    disputed: "disputed" = default,
    promised_date: "promisedDate" = default,
    notes: "notes" = default,
});

fn is_false(b: &bool) -> bool {
    !*b
}

/// An identifier: a non-empty string, or a whole number (kept as its decimal digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl crate::decode::Decode for Id {
    fn decode(r: &mut crate::decode::Reader<'_>) -> Result<Self> {
        use crate::decode::Got;
        match r.got()? {
            Got::Str => Ok(Id(r.str()?.into_owned())),
            // JavaScript writes whole numbers below 10^21 without a point or exponent.
            Got::Number(n) if !n.contains(['.', 'e', 'E']) && n.trim_start_matches('-').len() <= 16 => {
                Ok(Id(r.take(n).to_string()))
            }
            got => Err(crate::decode::type_error(
                "an identifier as a string or a whole number",
                &got,
            )),
        }
    }
}

/// Checks a required short text: not blank, at most `max` characters. The error has an empty path;
/// callers add theirs with [`Error::within`], so valid input allocates nothing.
pub fn check_text(value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::new(ErrorCode::EmptyText, "", "This must not be empty."));
    }
    check_len(value, max)
}

/// Checks an optional text's length.
pub fn check_len(value: &str, max: usize) -> Result<()> {
    // `len()` counts bytes, which bounds characters from above: only count when it could matter.
    if value.len() > max && value.chars().count() > max {
        return Err(Error::new(
            ErrorCode::TooLong,
            "",
            format!("This is longer than the {max} characters allowed."),
        ));
    }
    Ok(())
}

/// `amount` checked for `currency` (its decimals, its range) and more than zero; `what` names it.
pub(crate) fn positive(amount: Amount, currency: Currency, what: &str) -> Result<Decimal> {
    let v = check_for_currency(amount.0, currency)?;
    if v <= Decimal::ZERO {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            "",
            format!("{what} must be greater than zero (got {v})."),
        ));
    }
    Ok(v)
}

fn not_before_issue(date: NaiveDate, issue: NaiveDate, what: &str) -> Result<()> {
    if date < issue {
        return Err(Error::new(
            ErrorCode::InvalidDateOrder,
            "",
            format!("The {what} {date} is before the invoice's issue date {issue}."),
        ));
    }
    Ok(())
}

impl Invoice {
    /// Checks everything serde could not: amounts against the currency, positive amounts, date order
    /// and text limits. Error paths are relative to the invoice (`payments[0].amount`).
    ///
    /// # Errors
    /// The first problem found.
    pub fn validate(&self) -> Result<()> {
        check_text(self.id.as_str(), MAX_SHORT_TEXT).map_err(|e| e.within("id"))?;
        check_text(self.customer.id.as_str(), MAX_SHORT_TEXT).map_err(|e| e.within("customer.id"))?;
        check_text(&self.customer.name, MAX_SHORT_TEXT).map_err(|e| e.within("customer.name"))?;
        if let Some(e) = &self.customer.email {
            check_len(e, 320).map_err(|e| e.within("customer.email"))?;
        }
        if let Some(a) = &self.customer.account_number {
            check_len(a, MAX_SHORT_TEXT).map_err(|e| e.within("customer.accountNumber"))?;
        }
        if let Some(n) = &self.notes {
            check_len(n, MAX_LONG_TEXT).map_err(|e| e.within("notes"))?;
        }
        positive(self.amount, self.currency, "An invoice amount").map_err(|e| e.within("amount"))?;
        if self.due_date < self.issue_date {
            return Err(Error::new(
                ErrorCode::InvalidDateOrder,
                "dueDate",
                format!(
                    "The due date {} is before the issue date {}.",
                    self.due_date, self.issue_date
                ),
            ));
        }
        for (field, len) in [("payments", self.payments.len()), ("credits", self.credits.len())] {
            if len > MAX_ENTRIES_PER_INVOICE {
                return Err(Error::new(
                    ErrorCode::TooMany,
                    field,
                    format!("An invoice may carry at most {MAX_ENTRIES_PER_INVOICE} {field}."),
                ));
            }
        }
        for (i, p) in self.payments.iter().enumerate() {
            let at = |e: Error, f: &str| e.within(f).within(&format!("payments[{i}]"));
            positive(p.amount, self.currency, "A payment").map_err(|e| at(e, "amount"))?;
            if let Some(d) = p.date {
                not_before_issue(d, self.issue_date, "payment date").map_err(|e| at(e, "date"))?;
            }
            if let Some(r) = &p.reference {
                check_len(r, MAX_SHORT_TEXT).map_err(|e| at(e, "reference"))?;
            }
        }
        for (i, c) in self.credits.iter().enumerate() {
            let at = |e: Error, f: &str| e.within(f).within(&format!("credits[{i}]"));
            positive(c.amount, self.currency, "A credit").map_err(|e| at(e, "amount"))?;
            not_before_issue(c.date, self.issue_date, "credit date").map_err(|e| at(e, "date"))?;
        }
        Ok(())
    }

    /// Money received against the invoice on or before `as_of`.
    pub fn paid_as_of(&self, as_of: NaiveDate) -> Decimal {
        self.payments
            .iter()
            .filter(|p| p.date.map_or(true, |d| d <= as_of))
            .map(|p| p.amount.0)
            .sum()
    }

    /// Credits dated on or before `as_of`.
    pub fn credited_as_of(&self, as_of: NaiveDate) -> Decimal {
        self.credits
            .iter()
            .filter(|c| c.date <= as_of)
            .map(|c| c.amount.0)
            .sum()
    }

    /// What is still owed on `as_of`: amount − payments − credits dated on or before it. Negative when
    /// the customer overpaid.
    pub fn outstanding_as_of(&self, as_of: NaiveDate) -> Decimal {
        let mut out = self.amount.0;
        for p in self.payments.iter().filter(|p| p.date.map_or(true, |d| d <= as_of)) {
            out -= p.amount.0;
        }
        for c in self.credits.iter().filter(|c| c.date <= as_of) {
            out -= c.amount.0;
        }
        out
    }

    /// Days from the due date to `as_of`; negative while not yet due.
    pub fn days_from_due(&self, as_of: NaiveDate) -> i64 {
        days_between(self.due_date, as_of)
    }
}

/// Validates a list of invoices as found at `path` (normally `invoices`): each invoice, the count,
/// and that ids are unique.
///
/// # Errors
/// The first problem found.
pub fn validate_invoices(invoices: &[Invoice], path: &str) -> Result<()> {
    if invoices.len() > MAX_INVOICES {
        return Err(Error::new(
            ErrorCode::TooMany,
            path,
            format!("At most {MAX_INVOICES} invoices can be handled in one call."),
        ));
    }
    let mut seen = crate::fasthash::FastSet::with_capacity_and_hasher(invoices.len(), Default::default());
    for (i, inv) in invoices.iter().enumerate() {
        inv.validate().map_err(|e| e.within(&format!("{path}[{i}]")))?;
        if !seen.insert(inv.id.as_str()) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                format!("{path}[{i}].id"),
                format!("The invoice id \"{}\" appears more than once.", inv.id),
            ));
        }
    }
    Ok(())
}

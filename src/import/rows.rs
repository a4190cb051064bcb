//! One row of an export to one document: an invoice (or one line of it), or a document that is not
//! money owed (a draft, a credit note) to list as skipped; rows sharing an invoice number joined.

use super::values::{self, Bad, DateFormat, Sign};
use super::vocab::{self, Kind, Status, FIELDS};
use super::vocab::{
    AMOUNT, CURRENCY, CUSTOMER_ID, CUSTOMER_NAME, DATE_PAID, DISPUTED, DUE, EMAIL, ID, ISSUE, LINE_AMOUNT, OUTSTANDING,
    PAID, STATUS, TYPE,
};
use super::{RowError, SkipReason, Warning};
use crate::currency::Currency;
use crate::date::Date;
use crate::documents::{DocKind, Document};
use crate::error::{Error, ErrorCode};
use crate::invoice::{Customer, Id, Invoice, Payment};
use crate::money::{check_for_currency, round_to_minor, Amount};
use rust_decimal::Decimal;

/// What the whole file settles for every row.
pub struct RowContext {
    pub format: DateFormat,
    pub decimal: u8,
    /// The currency of rows without their own, and of an ambiguous sign it admits.
    pub currency: Option<Currency>,
    /// The named currency an ambiguous sign stands for when the file names exactly that one.
    pub family_currency: Option<Currency>,
}

pub type Fault = (&'static str, Error);

/// A row read.
pub enum Read<'a> {
    Doc(Doc<'a>),
    /// A credit note or a payment not tied to an invoice, with what of it is still unapplied: a
    /// document for the customer's account.
    Document(Document),
    /// Not money owed: the reason, the document's number (or type), its customer and its amount.
    Skip(SkipReason, String, Option<String>, Option<(Decimal, Currency)>),
}

/// An invoice as a row (or the first of its rows) gives it.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub line: usize,
    pub id: &'a str,
    customer_id: &'a str,
    customer_name: &'a str,
    email: Option<&'a str>,
    currency: Currency,
    amount: Option<Decimal>,
    lines: Option<Decimal>,
    paid: Option<Decimal>,
    outstanding: Option<Decimal>,
    issue: Option<Date>,
    due: Date,
    date_paid: Option<Date>,
    disputed: bool,
    status: Status,
}

fn fault(field: usize, code: ErrorCode, message: String) -> Fault {
    (FIELDS[field], Error::new(code, "", message))
}

fn shown(s: &str) -> String {
    s.chars().take(30).collect()
}

/// Reads the cells of one row (`None` for an empty or unmapped cell); `group` is the customer of the
/// group the row is in.
///
/// # Errors
/// The field at fault and why.
pub fn read_row<'a>(
    line: usize,
    cells: &[Option<&'a str>; FIELDS.len()],
    group: Option<&'a str>,
    ctx: &RowContext,
) -> Result<Read<'a>, Fault> {
    let status = cells[STATUS].map_or(Status::Issued, vocab::status);
    let mut kind = cells[TYPE].map_or(Kind::Invoice, vocab::kind);
    if cells[STATUS].is_some_and(|s| vocab::key(s) == "creditnote") {
        kind = Kind::Credit;
    }
    let name = cells[CUSTOMER_NAME].or(group).or(cells[CUSTOMER_ID]);

    // The amounts first, for their signs; then the currency; then the amounts checked against it.
    let mut read = [None; 4];
    let mut sign: Option<Sign> = None;
    for (slot, field) in [AMOUNT, LINE_AMOUNT, PAID, OUTSTANDING].into_iter().enumerate() {
        let Some(v) = cells[field] else { continue };
        let r = values::amount(v, ctx.decimal).map_err(|bad| {
            let message = match bad {
                Bad::NotAmount => format!("\"{}\" is not an amount.", shown(v)),
                Bad::UnknownSign(s) => format!("\"{}\": \"{s}\" is not a currency overdue knows.", shown(v)),
                Bad::OtherSeparator(d) => {
                    let (this, other) = if ctx.decimal == b'.' { (".", ",") } else { (",", ".") };
                    let d = values::shown(d);
                    format!(
                        "\"{}\" is written with \"{other}\" for decimals ({d}), but this file uses \"{this}\": check the file's decimal separator.",
                        shown(v)
                    )
                }
            };
            fault(field, ErrorCode::InvalidAmount, message)
        })?;
        match (sign, r.sign) {
            (Some(a), Some(b)) if a != b => {
                return Err(fault(
                    field,
                    ErrorCode::InvalidValue,
                    format!("\"{}\" is in another currency than the row's other amounts.", shown(v)),
                ))
            }
            (None, s) => sign = s,
            _ => {}
        }
        read[slot] = Some((field, v, r));
    }
    let currency = currency_of(cells[CURRENCY], sign, ctx)?;
    let mut money = [None; 4];
    for (slot, r) in read.iter().enumerate() {
        let Some((field, v, r)) = r else { continue };
        if r.three_decimals && currency.minor_units() != 3 {
            let other = r.value * Decimal::ONE_THOUSAND;
            return Err(fault(
                *field,
                ErrorCode::InvalidAmount,
                format!(
                    "\"{}\" reads two ways: {} or {}. Write it with {} decimals, or choose the file's decimal separator.",
                    shown(v),
                    r.value.normalize(),
                    other.normalize(),
                    currency.minor_units()
                ),
            ));
        }
        let d = check_for_currency(r.value, currency).map_err(|e| (FIELDS[*field], e))?;
        money[slot] = Some(round_to_minor(d, currency));
    }
    let [amount, lines, paid, outstanding] = money;

    let not_owed = match (kind, status) {
        (Kind::Credit, _) => Some(SkipReason::Credit),
        (Kind::Payment, _) => Some(SkipReason::Payment),
        (Kind::Other, _) => Some(SkipReason::Other),
        (_, Status::NotOwed("draft")) => Some(SkipReason::Draft),
        (_, Status::NotOwed("deleted")) => Some(SkipReason::Deleted),
        (_, Status::NotOwed(_)) => Some(SkipReason::Void),
        _ if amount.or(lines).or(outstanding).is_some_and(|a| a < Decimal::ZERO) => Some(SkipReason::Credit),
        _ => None,
    };
    if let Some(reason) = not_owed {
        if let Some(d) = document_of(reason, cells, name, currency, outstanding.or(amount).or(lines), ctx) {
            return Ok(Read::Document(d));
        }
        let mut value = amount.or(lines).or(outstanding);
        if matches!(reason, SkipReason::Credit | SkipReason::Payment) {
            // Money owed to the customer, however the file signs it.
            value = value.map(|v| -v.abs());
        }
        let text = cells[ID].or(cells[TYPE]).unwrap_or("").to_string();
        return Ok(Read::Skip(
            reason,
            text,
            name.map(String::from),
            value.map(|v| (v, currency)),
        ));
    }

    let id = cells[ID].ok_or_else(|| fault(ID, ErrorCode::MissingField, "The invoice number is empty.".into()))?;
    let name = name.ok_or_else(|| fault(CUSTOMER_NAME, ErrorCode::MissingField, "The customer is empty.".into()))?;
    let date = |field: usize| -> Result<Option<Date>, Fault> {
        cells[field]
            .map(|v| values::date(v, ctx.format).map_err(|e| (FIELDS[field], e)))
            .transpose()
    };
    let due = date(DUE)?.ok_or_else(|| fault(DUE, ErrorCode::MissingField, "The due date is empty.".into()))?;
    let disputed = status == Status::Disputed
        || cells[DISPUTED].is_some_and(|d| {
            matches!(
                vocab::key(d).as_str(),
                "yes" | "y" | "true" | "1" | "x" | "ja" | "oui" | "si" | "disputed" | "strittig"
            )
        });
    Ok(Read::Doc(Doc {
        line,
        id,
        customer_id: cells[CUSTOMER_ID].unwrap_or(name),
        customer_name: name,
        email: cells[EMAIL],
        currency,
        amount,
        lines,
        paid,
        outstanding,
        issue: date(ISSUE)?,
        due,
        date_paid: date(DATE_PAID)?,
        disputed,
        status,
    }))
}

/// A credit note's or unapplied payment's row as a document: what is still open of it (its whole
/// amount when the file gives no open balance), dated by its own date (a payment's date paid
/// first). `None` when nothing of it is left open, or it names no customer or date: then it is
/// listed as skipped, with its amount.
fn document_of(
    reason: SkipReason,
    cells: &[Option<&str>; FIELDS.len()],
    name: Option<&str>,
    currency: Currency,
    open: Option<Decimal>,
    ctx: &RowContext,
) -> Option<Document> {
    let kind = match reason {
        SkipReason::Credit => DocKind::CreditNote,
        SkipReason::Payment => DocKind::PaymentOnAccount,
        _ => return None,
    };
    let amount = open?.abs();
    let name = name?;
    let order = match kind {
        DocKind::PaymentOnAccount => [DATE_PAID, ISSUE, DUE],
        DocKind::CreditNote => [ISSUE, DATE_PAID, DUE],
    };
    let date = order
        .iter()
        .find_map(|&f| cells[f].and_then(|v| values::date(v, ctx.format).ok()))?;
    (amount > Decimal::ZERO).then(|| Document {
        kind,
        id: cells[ID].map(|id| Id(id.to_string())),
        customer_id: Id(cells[CUSTOMER_ID].unwrap_or(name).to_string()),
        currency,
        date,
        amount: Amount(amount),
        reference: None,
        applies_to: Vec::new(),
    })
}

/// A row's currency: its currency column, else its amounts' sign, else the file's.
fn currency_of(cell: Option<&str>, sign: Option<Sign>, ctx: &RowContext) -> Result<Currency, Fault> {
    if let Some(code) = cell {
        return Currency::from_code(code).map_err(|e| (FIELDS[CURRENCY], e));
    }
    let file = ctx.currency;
    match sign {
        Some(Sign::One(c)) => Ok(c),
        Some(s) => file.filter(|c| s.admits(*c)).or(ctx.family_currency).ok_or_else(|| {
            let message = match file {
                Some(f) => format!(
                    "The amount is in {} but the file's currency is {}: choose one of {}.",
                    s.text(),
                    f.code(),
                    s.choices().join(", ")
                ),
                None => format!(
                    "\"{}\" could be {}: choose the file's currency.",
                    s.text(),
                    s.choices().join(", ")
                ),
            };
            fault(CURRENCY, ErrorCode::MissingField, message)
        }),
        None => file.ok_or_else(|| {
            fault(
                CURRENCY,
                ErrorCode::MissingField,
                "No currency: add a currency column, or choose the file's currency.".into(),
            )
        }),
    }
}

impl Doc<'_> {
    /// Takes in a later row of the same invoice: the invoice's own fields must agree; line amounts
    /// add up.
    ///
    /// # Errors
    /// The later row's error, naming the field that differs and both lines.
    pub fn absorb(&mut self, other: &Doc<'_>) -> Result<(), RowError> {
        let differs = |field: usize, here: String, there: String| RowError {
            line: other.line,
            field: FIELDS[field],
            code: ErrorCode::DuplicateId,
            message: format!(
                "Invoice {} is on line {} too, with {} {here} there and {there} here.",
                self.id,
                self.line,
                super::human(FIELDS[field])
            ),
        };
        let opt = |d: Option<Decimal>| d.map_or_else(|| "none".to_string(), |d| d.to_string());
        let optd = |d: Option<Date>| d.map_or_else(|| "none".to_string(), |d| d.to_string());
        if self.customer_name != other.customer_name {
            return Err(differs(
                CUSTOMER_NAME,
                self.customer_name.into(),
                other.customer_name.into(),
            ));
        }
        if self.currency != other.currency {
            return Err(differs(
                CURRENCY,
                self.currency.code().into(),
                other.currency.code().into(),
            ));
        }
        if self.due != other.due {
            return Err(differs(DUE, self.due.to_string(), other.due.to_string()));
        }
        if self.issue != other.issue {
            return Err(differs(ISSUE, optd(self.issue), optd(other.issue)));
        }
        for (field, a, b) in [
            (AMOUNT, self.amount, other.amount),
            (PAID, self.paid, other.paid),
            (OUTSTANDING, self.outstanding, other.outstanding),
        ] {
            if a != b {
                return Err(differs(field, opt(a), opt(b)));
            }
        }
        if self.date_paid != other.date_paid {
            return Err(differs(DATE_PAID, optd(self.date_paid), optd(other.date_paid)));
        }
        if let (Some(a), Some(b)) = (self.lines, other.lines) {
            self.lines = Some(a + b);
        }
        self.disputed |= other.disputed;
        Ok(())
    }

    /// The invoice; `None` when it nets to a credit (noted in `notes`).
    ///
    /// # Errors
    /// The field at fault.
    pub fn into_invoice(self, notes: &mut Notes) -> Result<Option<Invoice>, Fault> {
        let amount = match (self.amount, self.lines, self.outstanding) {
            (Some(a), _, _) | (None, Some(a), _) => a,
            // An open-items report lists only what is still open.
            (None, None, Some(o)) => o + self.paid.unwrap_or(Decimal::ZERO),
            (None, None, None) => return Err(fault(AMOUNT, ErrorCode::MissingField, "The amount is empty.".into())),
        };
        if amount < Decimal::ZERO {
            notes.credit = Some(Document {
                kind: DocKind::CreditNote,
                id: Some(Id(self.id.to_string())),
                customer_id: Id(self.customer_id.to_string()),
                currency: self.currency,
                date: self.issue.unwrap_or(self.due).min(self.due),
                amount: Amount(-amount),
                reference: None,
                applies_to: Vec::new(),
            });
            return Ok(None);
        }
        if amount == Decimal::ZERO {
            return Err(fault(
                AMOUNT,
                ErrorCode::InvalidAmount,
                "The invoice is for nothing (0): there is nothing to collect.".into(),
            ));
        }
        let paid = match (self.paid, self.outstanding) {
            (Some(p), Some(o)) => {
                if amount - p != o {
                    notes.balance_differs += 1;
                }
                amount - o
            }
            (Some(p), None) => p,
            (None, Some(o)) => amount - o,
            (None, None) if self.status == Status::Paid => amount,
            (None, None) => {
                if self.status == Status::Partial {
                    notes.partial_unknown += 1;
                }
                Decimal::ZERO
            }
        };
        if paid < Decimal::ZERO || paid > amount {
            let (field, what) = if self.outstanding.is_some() {
                (OUTSTANDING, "The amount still owed")
            } else {
                (PAID, "The amount paid")
            };
            return Err(fault(
                field,
                ErrorCode::InvalidAmount,
                format!("{what} does not fit the invoice amount {amount}."),
            ));
        }
        let payments = if paid > Decimal::ZERO {
            if self.date_paid.is_none() {
                notes.undated += 1;
            }
            vec![Payment {
                date: self.date_paid,
                amount: Amount(paid),
                reference: None,
            }]
        } else {
            Vec::new()
        };
        let invoice = Invoice {
            id: Id(self.id.to_string()),
            customer: Customer {
                id: Id(self.customer_id.to_string()),
                name: self.customer_name.to_string(),
                email: self.email.map(String::from),
                account_number: None,
            },
            currency: self.currency,
            amount: Amount(amount),
            issue_date: self.issue.unwrap_or(self.due).min(self.due),
            due_date: self.due,
            payments,
            credits: Vec::new(),
            disputed: self.disputed,
            promised_date: None,
            notes: None,
        };
        invoice.validate().map_err(|e| {
            let field = match e.path.split(['.', '[']).next().unwrap_or("") {
                "amount" => "amount",
                "dueDate" => "dueDate",
                "issueDate" => "issueDate",
                "payments" => "datePaid",
                "id" => "id",
                "customer" => "customerName",
                _ => "",
            };
            (field, e)
        })?;
        Ok(Some(invoice))
    }
}

/// What the import notices across invoices, for its warnings.
#[derive(Default)]
pub struct Notes {
    pub undated: usize,
    pub partial_unknown: usize,
    pub balance_differs: usize,
    /// The invoice just read turned out to be a credit note (its lines net below zero).
    pub credit: Option<Document>,
}

impl Notes {
    pub fn warnings(&self) -> Vec<Warning> {
        let n = |k: usize, one: &str, many: &str| {
            if k == 1 {
                format!("1 {one}")
            } else {
                format!("{k} {many}")
            }
        };
        let mut out = Vec::new();
        if self.undated > 0 {
            out.push(Warning {
                code: "undated_payments",
                message: if self.undated == 1 {
                    "1 invoice shows an amount paid but not when it was paid: the payment counts toward what is owed, but late interest and payment habits cannot use it.".into()
                } else {
                    format!(
                        "{} invoices show amounts paid but not when they were paid: the payments count toward what is owed, but late interest and payment habits cannot use them.",
                        self.undated
                    )
                },
            });
        }
        if self.partial_unknown > 0 {
            out.push(Warning {
                code: "partly_paid_unknown",
                message: format!(
                    "{} marked partly paid, but the file does not say how much was paid: imported as unpaid. Enter the payments.",
                    n(self.partial_unknown, "invoice is", "invoices are")
                ),
            });
        }
        if self.balance_differs > 0 {
            out.push(Warning {
                code: "balance_differs",
                message: format!(
                    "On {}, the amount less what was paid is not the amount still owed (a credit note applied?): the amount still owed was used.",
                    n(self.balance_differs, "invoice", "invoices")
                ),
            });
        }
        out
    }
}

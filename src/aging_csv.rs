//! `ageReceivablesCsv`: the bulk path for large ledgers. A CSV text goes into Rust in one call and is
//! aged row by row without building invoice objects; fields are borrowed from the text.
//!
//! Columns are found by their header (case, spaces, `_` and `-` ignored):
//!
//! | column | header names | |
//! |---|---|---|
//! | invoice id | `id`, `invoice`, `invoiceId`, `invoiceNumber`, `number` | required |
//! | customer id | `customerId`, `customer`, `accountNumber` | required |
//! | customer name | `customerName`, `name` | optional, defaults to the id |
//! | currency | `currency` | required |
//! | amount | `amount`, `total` | required |
//! | issue date | `issueDate`, `invoiceDate`, `date` | optional, defaults to the earlier of due date and asOf |
//! | due date | `dueDate` | required |
//! | paid | `paid`, `amountPaid` | optional: paid and credited up to asOf |
//! | outstanding | `outstanding`, `balance`, `amountDue` | optional: replaces amount − paid |
//! | disputed | `disputed` | optional: `true`/`yes`/`1` |
//!
//! Dates are `YYYY-MM-DD` and amounts plain decimals (`1234.50`); the general CSV import, with other
//! date and number layouts and a column mapping, is `importInvoicesCsv`. Errors name the line:
//! their path is `csv[LINE].column`.

use crate::aging::{check_not_all_future, Ager, AgingReport, Basis, Detail, Item};
use crate::csv::{detect_delimiter, Reader};
use crate::currency::Currency;
use crate::date::parse_date;
use crate::error::{Error, ErrorCode, Result};
use crate::fasthash::FastSet;
use crate::money::{check_for_currency, parse_decimal};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Most data rows one call reads.
pub const MAX_ROWS: usize = 5_000_000;

/// Input of [`age_receivables_csv`].
#[derive(Debug, Clone)]
pub struct AgingCsvInput {
    pub as_of: NaiveDate,
    /// The ledger; empty or absent is `missing_field` at `csv`.
    pub csv: String,
    pub buckets: Option<Vec<i64>>,
    pub basis: Option<Basis>,
    pub detail: Option<Detail>,
}
crate::decode_struct!(AgingCsvInput {
    as_of: "asOf",
    csv: "csv" = default,
    buckets: "buckets" = default,
    basis: "basis" = default,
    detail: "detail" = default,
});

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Id,
    CustomerId,
    CustomerName,
    Currency,
    Amount,
    IssueDate,
    DueDate,
    Paid,
    Outstanding,
    Disputed,
}

const COLUMNS: &[(Col, &str, &[&str], bool)] = &[
    (
        Col::Id,
        "id",
        &["id", "invoice", "invoiceid", "invoicenumber", "number"],
        true,
    ),
    (
        Col::CustomerId,
        "customerId",
        &["customerid", "customer", "accountnumber"],
        true,
    ),
    (Col::CustomerName, "customerName", &["customername", "name"], false),
    (Col::Currency, "currency", &["currency"], true),
    (Col::Amount, "amount", &["amount", "total"], true),
    (
        Col::IssueDate,
        "issueDate",
        &["issuedate", "invoicedate", "date"],
        false,
    ),
    (Col::DueDate, "dueDate", &["duedate"], true),
    (Col::Paid, "paid", &["paid", "amountpaid"], false),
    (
        Col::Outstanding,
        "outstanding",
        &["outstanding", "balance", "amountdue"],
        false,
    ),
    (Col::Disputed, "disputed", &["disputed"], false),
];

fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .map(crate::csv::header_lower)
        .collect()
}

fn column_positions(header: &[Cow<'_, str>]) -> Result<[Option<usize>; 10]> {
    let mut pos = [None; 10];
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    for (i, (_, _, names, _)) in COLUMNS.iter().enumerate() {
        pos[i] = names.iter().find_map(|n| keys.iter().position(|k| k == n));
    }
    for (i, (_, name, _, required)) in COLUMNS.iter().enumerate() {
        if *required && pos[i].is_none() {
            return Err(Error::new(
                ErrorCode::MissingField,
                "csv[1]",
                format!(
                    "The header line has no `{name}` column (found: {}).",
                    header.iter().map(|h| h.as_ref()).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    Ok(pos)
}

fn trimmed(c: Cow<'_, str>) -> Cow<'_, str> {
    match c {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// Ages a CSV ledger as of `asOf`, with the same report and options as
/// [`crate::aging::age_receivables`].
///
/// # Errors
/// `missing_field` at `csv[1]` for a missing required column; the first bad row's error at
/// `csv[LINE].column` (`invalid_date`, `invalid_amount`, `too_many_decimals`, `unknown_currency`,
/// `duplicate_id`, `invalid_date_order`, `empty_text`); `too_many` over [`MAX_ROWS`] rows.
pub fn age_receivables_csv(input: &AgingCsvInput) -> Result<AgingReport> {
    let mut ager = Ager::new(input.as_of, input.buckets.as_deref(), input.basis, input.detail)?;
    let text = input.csv.as_str();
    let mut reader = Reader::new(text, detect_delimiter(text));
    let mut fields: Vec<Cow<'_, str>> = Vec::with_capacity(12);
    let with_line = |e: Error, line: usize| e.within(&format!("csv[{line}]"));
    if reader.next_record(&mut fields).map_err(|e| e.within("csv"))?.is_none() {
        return Err(Error::new(
            ErrorCode::MissingField,
            "csv",
            "The CSV text is empty: it needs a header line and one line per invoice.",
        ));
    }
    let pos = column_positions(&fields)?;
    let mut row: Vec<Cow<'_, str>> = Vec::with_capacity(12);
    // Roughly one id per 60 bytes of CSV: sized once instead of rehashing a million-entry set.
    let mut seen: FastSet<Cow<'_, str>> =
        FastSet::with_capacity_and_hasher((text.len() / 60).min(MAX_ROWS), Default::default());
    // Ledgers use a handful of currencies: remember the last one instead of looking every row up.
    let mut last_currency: Option<(&str, Currency)> = None;
    let col = |c: Col| COLUMNS.iter().position(|(k, ..)| *k == c).and_then(|i| pos[i]);
    let idx: [Option<usize>; 10] = [
        Col::Id,
        Col::CustomerId,
        Col::CustomerName,
        Col::Currency,
        Col::Amount,
        Col::IssueDate,
        Col::DueDate,
        Col::Paid,
        Col::Outstanding,
        Col::Disputed,
    ]
    .map(col);
    let mut issue_dates_future = true;
    let mut rows = 0usize;
    while let Some(line) = reader.next_record(&mut row).map_err(|e| e.within("csv"))? {
        rows += 1;
        if rows > MAX_ROWS {
            return Err(Error::new(
                ErrorCode::TooMany,
                "csv",
                format!("At most {MAX_ROWS} rows can be aged in one call."),
            ));
        }
        let get = |c: Col| -> &str {
            idx[c as usize]
                .and_then(|p| row.get(p))
                .map_or("", |f| f.as_ref().trim())
        };
        let at = |col: &'static str| move |e: Error| with_line(e.within(col), line);
        let id = get(Col::Id);
        if id.is_empty() {
            return Err(with_line(
                Error::new(ErrorCode::EmptyText, "id", "The invoice id is empty."),
                line,
            ));
        }
        let customer_id = get(Col::CustomerId);
        if customer_id.is_empty() {
            return Err(with_line(
                Error::new(ErrorCode::EmptyText, "customerId", "The customer id is empty."),
                line,
            ));
        }
        let code = get(Col::Currency);
        let currency = match last_currency {
            Some((last, c)) if last == code => c,
            _ => {
                let c = Currency::from_code(code).map_err(at("currency"))?;
                if let Some(Cow::Borrowed(raw)) = idx[Col::Currency as usize].and_then(|p| row.get(p)) {
                    last_currency = Some((raw.trim(), c));
                }
                c
            }
        };
        let money = |col: Col, name: &'static str| -> Result<Option<Decimal>> {
            let raw = get(col);
            if raw.is_empty() {
                return Ok(None);
            }
            let d = parse_decimal(raw)
                .and_then(|d| check_for_currency(d, currency))
                .map_err(at(name))?;
            Ok(Some(d))
        };
        let amount = money(Col::Amount, "amount")?.ok_or_else(|| {
            with_line(
                Error::new(ErrorCode::MissingField, "amount", "The amount is empty."),
                line,
            )
        })?;
        if amount <= Decimal::ZERO {
            return Err(with_line(
                Error::new(
                    ErrorCode::InvalidAmount,
                    "amount",
                    "An invoice amount must be greater than zero.",
                ),
                line,
            ));
        }
        let due = parse_date(get(Col::DueDate)).map_err(at("dueDate"))?;
        let issue = match get(Col::IssueDate) {
            // A row in an exported ledger has been issued; without its date, age it as issued by
            // the due date, or by asOf when that comes first.
            "" => due.min(input.as_of),
            s => parse_date(s).map_err(at("issueDate"))?,
        };
        if due < issue {
            return Err(with_line(
                Error::new(
                    ErrorCode::InvalidDateOrder,
                    "dueDate",
                    format!("The due date {due} is before the issue date {issue}."),
                ),
                line,
            ));
        }
        let outstanding = match money(Col::Outstanding, "outstanding")? {
            Some(o) => o,
            None => amount - money(Col::Paid, "paid")?.unwrap_or(Decimal::ZERO),
        };
        let disputed = matches!(
            get(Col::Disputed).to_ascii_lowercase().as_str(),
            "true" | "yes" | "y" | "1"
        );
        if !seen.insert(trimmed(row[pos[0].unwrap_or(0)].clone())) {
            return Err(with_line(
                Error::new(
                    ErrorCode::DuplicateId,
                    "id",
                    format!("The invoice id \"{id}\" appears more than once."),
                ),
                line,
            ));
        }
        issue_dates_future &= issue > input.as_of;
        let customer_cow = trimmed(row[pos[1].unwrap_or(0)].clone());
        let name = match get(Col::CustomerName) {
            "" => customer_id,
            n => n,
        };
        ager.add(Item {
            id,
            customer_id: customer_cow,
            customer_name: name,
            currency,
            outstanding,
            issue_date: issue,
            due_date: due,
            disputed,
        });
    }
    if rows > 0 && issue_dates_future {
        check_not_all_future(input.as_of, std::iter::once(input.as_of + chrono::Duration::days(1)))?;
    }
    Ok(ager.finish())
}

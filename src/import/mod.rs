//! `importInvoicesCsv`: invoices from the file a small business exports from its accounting program
//! or spreadsheet, with every bad row listed (line number and reason) while the good rows import.
//!
//! The file may come as bytes (UTF-8, UTF-16, Windows-1252 / ISO-8859-15: [`bytes`]) or text. Reports
//! are read as their programs lay them out: title rows before the header, a customer or
//! an ageing bucket on a row of its own with its invoices beneath, subtotal and total rows, a stamp
//! at the foot. Exports with one row per invoice line are put back together by invoice number. The
//! columns are found from the header in the vocabularies of the common programs ([`vocab`]) or given
//! as a `mapping`. Drafts, void and deleted invoices are not imported as money owed: they are listed
//! in `skipped` with their amounts. Credit notes and unapplied payments are money the customer has
//! to its credit: what of each is still open comes back in `documents`, for the customer's account
//! (one fully applied already is listed in `skipped`).
//!
//! Nothing is guessed that the file does not say: when the dates read two ways (every day ≤ 12), the
//! answer lists `dateFormatChoices`; when amounts carry a `$` that could be several currencies,
//! `currencyChoices`; an amount written for the other decimal separator (`1 250,00` in a `.` file)
//! or one that reads two ways (`1.250`) is a row error naming its readings. A payment's date comes
//! from a "Date paid" column; without one, the payment is kept with no date — never the issue date.
//! Every choice the answer reports is a value the same call accepts back.

pub mod bytes;
mod layout;
mod rows;
pub mod typed;
pub mod values;
pub mod vocab;

pub use bytes::Encoding;
use rows::{read_row, Doc, Notes, Read, RowContext};
pub use values::DateFormat;
use values::Sign;
pub use vocab::FIELDS;
use vocab::{
    ALIASES, AMOUNT, CURRENCY, CUSTOMER_ID, CUSTOMER_NAME, DATE_PAID, DUE, ID, ISSUE, LINE_AMOUNT, OUTSTANDING, PAID,
};

use crate::csv::{detect_delimiter, Reader};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{Invoice, MAX_INVOICES};
use layout::Role;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Most errors (and most skipped documents) listed; the counts say how many there were.
pub const MAX_LISTED_ERRORS: usize = 1_000;

/// A column, by its header name or its 0-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    Index(usize),
    Name(String),
}

impl crate::decode::Decode for ColumnRef {
    fn decode(r: &mut crate::decode::Reader<'_>) -> Result<Self> {
        use crate::decode::Got;
        match r.got()? {
            Got::Str => Ok(ColumnRef::Name(r.str()?.into_owned())),
            Got::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(ColumnRef::Index(r.take(n).parse().unwrap_or(usize::MAX)))
            }
            got => Err(crate::decode::type_error(
                "a column name or a 0-based column number",
                &got,
            )),
        }
    }
}

/// What to do with a label on a row of its own above a group of invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRows {
    /// The label is the customer of the invoices beneath (QuickBooks "Open Invoices").
    Customer,
    /// The label is skipped (an ageing bucket, as in "A/R Aging Detail").
    Skip,
}
crate::decode_enum!(GroupRows { Customer = "customer", Skip = "skip" });

/// Input of [`import_invoices_csv`].
#[derive(Debug, Clone, Default)]
pub struct ImportInput {
    /// The file's text; empty or absent (without `bytes`) is `missing_field` at `text`.
    pub text: String,
    /// The file's bytes, read in `encoding` (found from the bytes when absent). Set by the
    /// JavaScript layer from a `Uint8Array` or `ArrayBuffer`; takes the place of `text`.
    pub bytes: Option<Vec<u8>>,
    /// How to read `bytes`; found from them when absent.
    pub encoding: Option<Encoding>,
    /// Field → column; overrides what the header suggests. Later entries for the same field win.
    pub mapping: Option<crate::decode::Pairs<Option<ColumnRef>>>,
    /// Required when the answer lists dateFormatChoices.
    pub date_format: Option<DateFormat>,
    /// `"."` or `","`; found from the amounts when absent.
    pub decimal_separator: Option<String>,
    /// The file's currency: for rows without a currency column or sign, and for a sign such as `$`
    /// that several currencies use.
    pub currency: Option<Currency>,
    /// Whether the file has a header row; found from its content when absent.
    pub has_header: Option<bool>,
    /// The 1-based line of the header row (after a report's title rows); found when absent.
    pub header_row: Option<usize>,
    /// What a label alone on its row is; found from the labels when absent.
    pub group_rows: Option<GroupRows>,
}
crate::decode_struct!(ImportInput {
    text: "text" = default,
    bytes: "bytes" = default,
    encoding: "encoding" = default,
    mapping: "mapping" = default,
    date_format: "dateFormat" = default,
    decimal_separator: "decimalSeparator" = default,
    currency: "currency" = default,
    has_header: "hasHeader" = default,
    header_row: "headerRow" = default,
    group_rows: "groupRows" = default,
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// The field at fault, or "" for the row as a whole.
    pub field: &'static str,
    pub code: ErrorCode,
    pub message: String,
}

/// Why a row or a document was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// A row above the header (company, report name, "As of …").
    Title,
    /// A customer or bucket label above its invoices.
    Group,
    /// A subtotal or total.
    Total,
    /// A line at the foot, or a lone cell that is not a label.
    Note,
    Draft,
    Void,
    Deleted,
    /// A credit note, or a negative amount: money owed to the customer.
    Credit,
    /// A payment not tied to an invoice.
    Payment,
    /// Another kind of document (a journal entry, an estimate).
    Other,
}
crate::decode_enum!(SkipReason {
    Title = "title",
    Group = "group",
    Total = "total",
    Note = "note",
    Draft = "draft",
    Void = "void",
    Deleted = "deleted",
    Credit = "credit",
    Payment = "payment",
    Other = "other",
});

/// A row, or a document, that was read and deliberately not imported.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub line: usize,
    pub reason: SkipReason,
    /// The document's number, or the row's label ("Total for Acme Corp").
    pub text: String,
    /// For documents with money: the customer, the amount (negative for a credit) and its currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::money::ser_opt_decimal"
    )]
    pub amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
}

/// Something the user should know about an import that went through.
#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    /// `replacement_characters`, `undated_payments`, `partly_paid_unknown`, `balance_differs`,
    /// `total_mismatch`.
    pub code: &'static str,
    pub message: String,
}

/// The invoices imported in one currency.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyTotal {
    pub currency: Currency,
    pub invoices: usize,
    #[serde(serialize_with = "crate::money::ser_decimal")]
    pub amount: Decimal,
    #[serde(serialize_with = "crate::money::ser_decimal")]
    pub outstanding: Decimal,
}

/// Output of [`import_invoices_csv`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    /// Whether the rows were read: false while a required column is unmapped, the date format or
    /// the currency must be chosen (then `invoices` is empty).
    pub ready: bool,
    /// How the bytes were read; absent when the call passed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Encoding>,
    pub delimiter: String,
    pub has_header: bool,
    /// The 1-based line of the header row, when there is one.
    pub header_row: Option<usize>,
    /// What the labels alone on their rows were taken as, when the file has any.
    pub group_rows: Option<GroupRows>,
    /// The header names (or "Column 1", … without a header).
    pub columns: Vec<String>,
    /// Up to five data rows as read, for a preview.
    pub sample: Vec<Vec<String>>,
    /// Field → column position used.
    pub mapping: FieldColumns,
    /// Fields that need a column (or, for `currency`, a choice) before the rows can be read.
    pub missing: Vec<&'static str>,
    pub date_format: Option<DateFormat>,
    /// When the dates could be read either way, the formats to ask the user to choose from.
    pub date_format_choices: Vec<DateFormat>,
    pub decimal_separator: String,
    /// The currency of rows without their own: the one given, or the one every sign in the file names.
    pub currency: Option<Currency>,
    /// When amounts carry a sign several currencies use (`$`, `kr`, `¥`), the ones to ask about.
    pub currency_choices: Vec<&'static str>,
    /// Rows of invoices in the file (after the header, not counting groups, totals and notes).
    pub rows: usize,
    pub invoices: Vec<Invoice>,
    /// Credit notes and payments not tied to an invoice, with what of each is still unapplied, for
    /// the customers' accounts (ageing, statements and notices net them). One whose open balance
    /// is zero was applied already and is listed in `skipped`.
    pub documents: Vec<crate::documents::Document>,
    /// Per currency: how many invoices, their amount and what is still owed.
    pub totals: Vec<CurrencyTotal>,
    /// Rows and documents not imported, at most [`MAX_LISTED_ERRORS`]; `skippedCounts` has them all.
    pub skipped: Vec<Skipped>,
    pub skipped_counts: ReasonCounts,
    /// Bad rows, at most [`MAX_LISTED_ERRORS`]; `errorCount` has them all.
    pub errors: Vec<RowError>,
    pub error_count: usize,
    pub warnings: Vec<Warning>,
}

/// Skip reason → how many, written as a JSON object of the reasons that occur; indexed by the
/// reason's place in [`SkipReason::ALL`].
#[derive(Debug, Clone, Default)]
pub struct ReasonCounts(pub [usize; SkipReason::ALL.len()]);

impl ReasonCounts {
    pub fn get(&self, r: SkipReason) -> usize {
        self.0[r as usize]
    }
    fn add(&mut self, r: SkipReason) {
        self.0[r as usize] += 1;
    }
}

impl Serialize for ReasonCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        for (r, n) in SkipReason::ALL.iter().zip(self.0) {
            if n > 0 {
                m.serialize_entry(r.word(), &n)?;
            }
        }
        m.end()
    }
}

/// Reads the invoices of a CSV file.
///
/// # Errors
/// `missing_field` at `text` for an empty file; `unsupported_file` at `bytes` for a workbook, PDF or
/// DATEV booking batch; `invalid_text` when `bytes` are not in the `encoding` given;
/// `invalid_value` at `mapping.FIELD` for a column that does not exist or an unknown field, at
/// `headerRow` for a line that is not a row, at `decimalSeparator`; `too_many` past [`MAX_INVOICES`]
/// rows. Problems in rows are not errors: they are listed in `errors`.
pub fn import_invoices_csv(input: &ImportInput) -> Result<ImportResult> {
    let (text, encoding) = match &input.bytes {
        Some(b) if !b.is_empty() => {
            let (t, e) = bytes::decode(b, input.encoding)?;
            (Cow::Owned(t), Some(e))
        }
        _ => (Cow::Borrowed(input.text.as_str()), None),
    };
    let text: &str = &text;
    if text.trim().is_empty() {
        return Err(Error::new(ErrorCode::MissingField, "text", "The file is empty."));
    }
    let start = text.trim_start_matches('\u{feff}');
    if ["\"EXTF\"", "EXTF;", "\"DTVF\"", "DTVF;"]
        .iter()
        .any(|m| start.starts_with(m))
    {
        return Err(Error::new(
            ErrorCode::UnsupportedFile,
            "text",
            "This is a DATEV booking batch (EXTF Buchungsstapel): it lists bookings, not open invoices. In DATEV, export the list of open items (OPOS-Liste, Offene Posten) and save it as CSV.",
        ));
    }
    let delimiter = detect_delimiter(text);
    let (records, read_error) = read_records(text, delimiter)?;
    if records.is_empty() {
        return Err(Error::new(ErrorCode::MissingField, "text", "The file has no rows."));
    }

    let header_at = match (input.header_row, input.has_header) {
        (Some(line), _) => Some(records.iter().position(|(l, _)| *l == line).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                "headerRow",
                format!("Line {line} is not a row of the file (it is blank or past the end)."),
            )
        })?),
        (None, Some(false)) => None,
        (None, Some(true)) => Some(layout::find_header(&records).unwrap_or(0)),
        (None, None) => layout::find_header(&records).or_else(|| looks_like_header(&records[0].1).then_some(0)),
    };
    let width = records.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let columns: Vec<String> = (0..width)
        .map(
            |i| match header_at.and_then(|h| records[h].1.get(i)).filter(|c| !c.is_empty()) {
                Some(c) => c.to_string(),
                None => format!("Column {}", i + 1),
            },
        )
        .collect();
    let body = &records[header_at.map_or(0, |h| h + 1)..];
    let map = mapping(input, header_at.map(|h| &records[h].1[..]), &columns, width)?;
    let col = |f: usize| map[f];

    let roles: Vec<Role> = body.iter().map(|(_, r)| layout::role(r, col(ID))).collect();
    let group_rows = input.group_rows.or_else(|| {
        let mut groups = roles.iter().filter_map(|r| match r {
            Role::Group { bucket } => Some(*bucket),
            _ => None,
        });
        let first = groups.next()?;
        // One label that is not an ageing period makes them customers.
        Some(if !first || groups.any(|b| !b) {
            GroupRows::Customer
        } else {
            GroupRows::Skip
        })
    });

    let data = || {
        body.iter()
            .zip(&roles)
            .filter(|(_, r)| **r == Role::Data)
            .map(|((line, row), _)| (*line, row))
    };
    let cells_of = |fields: &'static [usize]| {
        data().flat_map(move |(_, row)| {
            fields
                .iter()
                .filter_map(move |f| map[*f].and_then(|i| row.get(i)).map(|c| c.as_ref()))
        })
    };
    let decimal = match values::decimal_separator(input.decimal_separator.as_deref())? {
        Some(d) => d,
        None => values::guess_decimal(cells_of(&[AMOUNT, LINE_AMOUNT, PAID, OUTSTANDING])),
    };
    let (date_format, date_choices) = match input.date_format {
        Some(f) => (Some(f), Vec::new()),
        None => values::guess_date_format(cells_of(&[ISSUE, DUE, DATE_PAID])),
    };

    // The currency signs of the file, totals included (QuickBooks puts its `$` only there).
    let mut named: Vec<Currency> = Vec::new();
    let mut family: Option<Sign> = None;
    let money_cols = [AMOUNT, LINE_AMOUNT, PAID, OUTSTANDING].map(col);
    for ((_, row), role) in body.iter().zip(&roles) {
        for (i, c) in row.iter().enumerate() {
            let counts = match role {
                Role::Data => money_cols.contains(&Some(i)),
                Role::Total => true,
                _ => false,
            };
            if !counts {
                continue;
            }
            match values::amount(c, decimal).ok().and_then(|r| r.sign) {
                Some(Sign::One(cur)) if !named.contains(&cur) && named.len() < 8 => named.push(cur),
                Some(s @ (Sign::Dollar | Sign::Krone | Sign::Yen)) if family.is_none() => family = Some(s),
                _ => {}
            }
        }
    }
    let family_settled = family.map_or(true, |s| named.iter().any(|c| s.admits(*c)));
    let (currency, currency_choices) = match input.currency {
        Some(c) => (Some(c), Vec::new()),
        None if !family_settled => (None, family.map_or(&[][..], |s| s.choices()).to_vec()),
        None if named.len() == 1 => (Some(named[0]), Vec::new()),
        None => (None, Vec::new()),
    };

    let mut missing = Vec::new();
    for (field, needed) in [
        (ID, col(ID).is_none()),
        (
            AMOUNT,
            col(AMOUNT).is_none() && col(LINE_AMOUNT).is_none() && col(OUTSTANDING).is_none(),
        ),
        (DUE, col(DUE).is_none()),
        (
            CUSTOMER_NAME,
            col(CUSTOMER_NAME).is_none() && col(CUSTOMER_ID).is_none() && group_rows != Some(GroupRows::Customer),
        ),
        (
            CURRENCY,
            col(CURRENCY).is_none() && currency.is_none() && (named.len() < 2 || !currency_choices.is_empty()),
        ),
    ] {
        if needed {
            missing.push(FIELDS[field]);
        }
    }

    let mut result = ImportResult {
        ready: false,
        encoding,
        delimiter: char::from(delimiter).to_string(),
        has_header: header_at.is_some(),
        header_row: header_at.map(|h| records[h].0),
        group_rows,
        columns,
        sample: data()
            .take(5)
            .map(|(_, r)| r.iter().map(|c| c.to_string()).collect())
            .collect(),
        mapping: mapping_of(&map),
        missing,
        date_format,
        date_format_choices: date_choices,
        decimal_separator: char::from(decimal).to_string(),
        currency,
        currency_choices,
        rows: roles.iter().filter(|r| **r == Role::Data).count(),
        invoices: Vec::new(),
        documents: Vec::new(),
        totals: Vec::new(),
        skipped: Vec::new(),
        skipped_counts: ReasonCounts::default(),
        errors: Vec::new(),
        error_count: 0,
        warnings: Vec::new(),
    };
    if text.contains('\u{FFFD}') {
        result.warnings.push(Warning {
            code: "replacement_characters",
            message: "Some characters could not be read and show as �: the file was saved in another encoding. Choose the file itself (not pasted text), or pick its encoding.".into(),
        });
    }
    if !result.missing.is_empty() || (date_format.is_none() && !result.date_format_choices.is_empty()) {
        return Ok(result);
    }
    result.ready = true;

    let ctx = RowContext {
        format: date_format.unwrap_or(DateFormat::Iso),
        decimal,
        currency,
        // A `$` amid amounts in several named currencies is the one of them that uses it.
        family_currency: family.and_then(|s| named.iter().copied().find(|c| s.admits(*c))),
    };
    let mut skip = Skips::default();
    if let Some(h) = header_at {
        for (line, row) in &records[..h] {
            skip.push(*line, SkipReason::Title, label_of(row), None);
        }
    }
    let mut errors: Vec<RowError> = Vec::new();
    let mut docs: Vec<Doc<'_>> = Vec::new();
    let mut by_id: crate::fasthash::FastMap<&str, usize> = Default::default();
    let mut doc_ids: crate::order::Groups<'_, ()> = Default::default();
    let mut group: Option<&str> = None;
    let mut sums = roles
        .contains(&Role::Total)
        .then(|| TotalCheck::new(money_cols, decimal));
    for ((line, row), role) in body.iter().zip(&roles) {
        let line = *line;
        match role {
            Role::Blank => continue,
            Role::Group { .. } => {
                group = (group_rows == Some(GroupRows::Customer)).then(|| first_filled(row));
                skip.push(line, SkipReason::Group, label_of(row), None);
                if let Some(s) = &mut sums {
                    s.group = [Decimal::ZERO; 4];
                }
                continue;
            }
            Role::Total => {
                skip.push(line, SkipReason::Total, label_of(row), None);
                if let Some(s) = &mut sums {
                    s.check(line, row);
                }
                continue;
            }
            Role::Note => {
                skip.push(line, SkipReason::Note, label_of(row), None);
                continue;
            }
            Role::Data => {}
        }
        if let Some(s) = &mut sums {
            s.add(row);
        }
        let cells: [Option<&str>; FIELDS.len()] = std::array::from_fn(|f| {
            map[f]
                .and_then(|i| row.get(i))
                .map(|c| c.as_ref())
                .filter(|c| !c.is_empty())
        });
        match read_row(line, &cells, group, &ctx) {
            Ok(Read::Skip(reason, text, who, money)) => skip.push(line, reason, text, Some((who, money))),
            // A credit note of several line rows is one document.
            Ok(Read::Document(d)) => {
                if cells[ID].map_or(true, |id| doc_ids.add(d.currency, id, || ())) {
                    result.documents.push(d);
                }
            }
            Ok(Read::Doc(doc)) => match by_id.get(doc.id) {
                None => {
                    by_id.insert(doc.id, docs.len());
                    docs.push(doc);
                }
                Some(&at) => {
                    if let Err(e) = docs[at].absorb(&doc) {
                        errors.push(e);
                    }
                }
            },
            Err((field, e)) => errors.push(RowError {
                line,
                field,
                code: e.code,
                message: e.message,
            }),
        }
        if docs.len() > MAX_INVOICES || result.documents.len() > MAX_INVOICES {
            return Err(Error::new(
                ErrorCode::TooMany,
                "text",
                format!("At most {MAX_INVOICES} invoices can be imported at once."),
            ));
        }
    }
    if let Some(e) = read_error {
        errors.push(e);
    }

    let mut notes = Notes::default();
    for doc in docs {
        let line = doc.line;
        match doc.into_invoice(&mut notes) {
            Ok(Some(inv)) => result.invoices.push(inv),
            Ok(None) => {}
            Err((field, e)) => errors.push(RowError {
                line,
                field,
                code: e.code,
                message: e.message,
            }),
        }
        if let Some(d) = notes.credit.take() {
            result.documents.push(d);
        }
    }
    result.warnings.extend(notes.warnings());
    if let Some(w) = sums.and_then(TotalCheck::warning) {
        result.warnings.push(w);
    }
    result.totals = totals(&result.invoices);
    result.error_count = errors.len();
    errors.truncate(MAX_LISTED_ERRORS);
    result.errors = errors;
    result.skipped_counts = skip.counts;
    result.skipped = skip.list;
    Ok(result)
}

type Records<'a> = Vec<(usize, Vec<Cow<'a, str>>)>;

/// Every record of the text with its line; an unclosed quote ends the reading there, as a row error.
fn read_records(text: &str, delimiter: u8) -> Result<(Records<'_>, Option<RowError>)> {
    let mut reader = Reader::new(text, delimiter);
    // Cells borrow from the text: a million-row file is not copied cell by cell.
    let mut records: Records<'_> = Vec::new();
    let mut fields = Vec::new();
    loop {
        match reader.next_record(&mut fields) {
            Ok(Some(line)) => {
                if records.len() > MAX_INVOICES + 1_000 {
                    return Err(Error::new(
                        ErrorCode::TooMany,
                        "text",
                        format!("At most {MAX_INVOICES} rows can be imported at once."),
                    ));
                }
                records.push((line, fields.drain(..).map(trimmed).collect()));
            }
            Ok(None) => return Ok((records, None)),
            Err(e) => {
                // An unclosed quote swallows the rest of the file: report it and stop there.
                let error = RowError {
                    line: reader_line(&e),
                    field: "",
                    code: e.code,
                    message: e.message,
                };
                return Ok((records, Some(error)));
            }
        }
    }
}

/// Field → column: the header's suggestion, then the caller's choices.
fn mapping(
    input: &ImportInput,
    header: Option<&[Cow<'_, str>]>,
    columns: &[String],
    width: usize,
) -> Result<[Option<usize>; FIELDS.len()]> {
    let mut map: [Option<usize>; FIELDS.len()] = [None; FIELDS.len()];
    if let Some(header) = header {
        let keys: Vec<String> = header.iter().map(|c| layout::header_key(c)).collect();
        let mut taken = vec![false; keys.len()];
        for (f, aliases) in ALIASES.iter().enumerate() {
            let found = aliases
                .split('|')
                .find_map(|a| keys.iter().enumerate().position(|(i, k)| !taken[i] && k == a));
            if let Some(i) = found {
                map[f] = Some(i);
                taken[i] = true;
            }
        }
    }
    let Some(m) = &input.mapping else { return Ok(map) };
    // As in JSON.parse, the last of a repeated key is the one that counts.
    let mut last = [usize::MAX; FIELDS.len()];
    for (at, (field, _)) in m.0.iter().enumerate() {
        let f = field_index(field).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                format!("mapping.{field}"),
                format!("\"{field}\" is not an invoice field; use one of {}.", FIELDS.join(", ")),
            )
        })?;
        last[f] = at;
    }
    for (at, (field, column)) in m.0.iter().enumerate() {
        let Some(f) = field_index(field).filter(|f| last[*f] == at) else {
            continue;
        };
        let path = format!("mapping.{field}");
        map[f] = match column {
            None => None,
            Some(ColumnRef::Index(i)) if *i < width => Some(*i),
            Some(ColumnRef::Name(n)) => match columns.iter().position(|c| c == n) {
                Some(i) => Some(i),
                None => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!("There is no column \"{n}\"."),
                    ))
                }
            },
            Some(ColumnRef::Index(i)) => {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    path,
                    format!("There is no column {i}: the file has {width}."),
                ))
            }
        };
    }
    Ok(map)
}

fn field_index(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| *f == name)
}

fn first_filled<'a>(row: &'a [Cow<'a, str>]) -> &'a str {
    row.iter().find(|c| !c.is_empty()).map_or("", |c| c.as_ref())
}

/// A row's cells joined, for a skipped row's text.
fn label_of(row: &[Cow<'_, str>]) -> String {
    let cells: Vec<&str> = row.iter().map(|c| c.as_ref()).filter(|c| !c.is_empty()).collect();
    let joined = cells.join(" · ");
    if joined.chars().count() > 120 {
        joined.chars().take(119).chain(['…']).collect()
    } else {
        joined
    }
}

/// A report's own totals checked against the rows above them, in each money column: a total that is
/// neither its group's sum nor the whole file's says a row was not read as the program meant it.
struct TotalCheck {
    cols: [Option<usize>; 4],
    decimal: u8,
    group: [Decimal; 4],
    all: [Decimal; 4],
    /// How many totals did not match, and the first of them: line, its figure, the group's sum.
    wrong: usize,
    first: Option<(usize, Decimal, Decimal)>,
}

impl TotalCheck {
    fn new(cols: [Option<usize>; 4], decimal: u8) -> TotalCheck {
        TotalCheck {
            cols,
            decimal,
            group: [Decimal::ZERO; 4],
            all: [Decimal::ZERO; 4],
            wrong: 0,
            first: None,
        }
    }

    fn value(&self, row: &[Cow<'_, str>], k: usize) -> Option<Decimal> {
        let cell = row.get(self.cols[k]?)?;
        values::amount(cell, self.decimal).ok().map(|r| r.value)
    }

    fn add(&mut self, row: &[Cow<'_, str>]) {
        for k in 0..4 {
            if let Some(v) = self.value(row, k) {
                self.group[k] += v;
                self.all[k] += v;
            }
        }
    }

    fn check(&mut self, line: usize, row: &[Cow<'_, str>]) {
        for k in 0..4 {
            let Some(v) = self.value(row, k) else { continue };
            if v != self.group[k] && v != self.all[k] {
                self.wrong += 1;
                self.first.get_or_insert((line, v, self.group[k]));
                break;
            }
        }
        self.group = [Decimal::ZERO; 4];
    }

    fn warning(self) -> Option<Warning> {
        let (line, v, sum) = self.first?;
        let more = match self.wrong {
            1 => String::new(),
            n => format!(" ({} totals in all do not match)", n),
        };
        Some(Warning {
            code: "total_mismatch",
            message: format!(
                "The total on line {line} ({}) is not the sum of the rows above it ({}){more}: check that every row was read.",
                values::shown(v),
                values::shown(sum)
            ),
        })
    }
}

/// A skipped document's customer, and its amount and currency.
type SkippedMoney = (Option<String>, Option<(Decimal, Currency)>);

/// The documents and rows not imported, listed up to a limit and all counted.
#[derive(Default)]
struct Skips {
    list: Vec<Skipped>,
    counts: ReasonCounts,
    /// Documents listed line by line are listed once.
    seen: crate::fasthash::FastSet<String>,
}

impl Skips {
    fn push(&mut self, line: usize, reason: SkipReason, text: String, money: Option<SkippedMoney>) {
        if money.is_some() && !text.is_empty() && !self.seen.insert(text.clone()) {
            return;
        }
        self.counts.add(reason);
        if self.list.len() < MAX_LISTED_ERRORS {
            let (customer, amount) = money.unwrap_or((None, None));
            self.list.push(Skipped {
                line,
                reason,
                text,
                customer,
                amount: amount.map(|a| a.0),
                currency: amount.map(|a| a.1),
            });
        }
    }
}

fn totals(invoices: &[Invoice]) -> Vec<CurrencyTotal> {
    let mut out: Vec<CurrencyTotal> = Vec::new();
    for inv in invoices {
        let paid: Decimal = inv.payments.iter().map(|p| p.amount.0).sum();
        let at = match out.iter().position(|t| t.currency == inv.currency) {
            Some(at) => at,
            None => {
                out.push(CurrencyTotal {
                    currency: inv.currency,
                    invoices: 0,
                    amount: Decimal::ZERO,
                    outstanding: Decimal::ZERO,
                });
                out.len() - 1
            }
        };
        let t = &mut out[at];
        t.invoices += 1;
        t.amount += inv.amount.0;
        t.outstanding += inv.amount.0 - paid;
    }
    out
}

fn trimmed(c: Cow<'_, str>) -> Cow<'_, str> {
    match c {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

fn reader_line(e: &Error) -> usize {
    // The reader's messages start with the line: "Line 12: …".
    e.message
        .strip_prefix("Line ")
        .and_then(|m| m.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// A first line is a header when none of its cells reads as an amount or a date.
fn looks_like_header(first: &[Cow<'_, str>]) -> bool {
    first.iter().all(|c| {
        c.is_empty()
            || (values::amount(c, b'.').is_err() && values::amount(c, b',').is_err() && values::date_parts(c).is_none())
    })
}

fn human(field: &str) -> &'static str {
    match field {
        "id" => "invoice number",
        "customerName" => "customer",
        "currency" => "currency",
        "amount" => "amount",
        "issueDate" => "issue date",
        "dueDate" => "due date",
        "paid" => "amount paid",
        "outstanding" => "amount still owed",
        "datePaid" => "payment date",
        _ => "value",
    }
}

/// Field → column position, written as a JSON object in the order of [`FIELDS`]. A `BTreeMap` here
/// had brought its own copy of the tree's code and of the standard library's stable sort.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldColumns(pub Vec<(&'static str, usize)>);

impl FieldColumns {
    /// The column of `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<usize> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }
}

impl Serialize for FieldColumns {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (field, column) in &self.0 {
            m.serialize_entry(field, column)?;
        }
        m.end()
    }
}

/// The chosen column of each field that has one.
fn mapping_of(map: &[Option<usize>]) -> FieldColumns {
    FieldColumns(FIELDS.iter().zip(map).filter_map(|(f, c)| c.map(|c| (*f, c))).collect())
}

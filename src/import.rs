//! `importInvoicesCsv`: invoices from the CSV a small business exports from its accounting tool or
//! spreadsheet, with every bad row listed (line number and reason) while the good rows import.
//!
//! The columns are found from the header (in English, German, French, Spanish and Dutch) or given as
//! a `mapping`; the caller shows the result as a preview and confirms. Dates may be ISO, `DD/MM/YYYY`
//! or `MM/DD/YYYY`: when the file cannot tell which (every day and month ≤ 12), nothing is guessed —
//! the answer says `dateFormatChoices` and the caller asks. Amounts may be written `1,234.56`,
//! `1.234,56`, `£1,234.56`, `1 234,56 €` or `(120.00)`.

use crate::csv::{detect_delimiter, Reader};
use crate::currency::Currency;
use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{Customer, Id, Invoice, Payment, MAX_INVOICES};
use crate::money::{check_for_currency, parse_decimal, round_to_minor, Amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Most errors listed; the count says how many there were.
pub const MAX_LISTED_ERRORS: usize = 1_000;

/// The fields an invoice row can fill.
pub const FIELDS: [&str; 11] = [
    "id",
    "customerId",
    "customerName",
    "email",
    "currency",
    "amount",
    "issueDate",
    "dueDate",
    "paid",
    "outstanding",
    "disputed",
];

/// Header names recognised for each field (compared without case, spaces, `_`, `-`, `.`, `#`).
const ALIASES: [&[&str]; 11] = [
    &[
        "id",
        "invoice",
        "invoiceid",
        "invoiceno",
        "invoicenumber",
        "number",
        "no",
        "rechnung",
        "rechnungsnummer",
        "rechnungsnr",
        "facture",
        "numerofacture",
        "nfacture",
        "factura",
        "numerofactura",
        "factuur",
        "factuurnummer",
        "factuurnr",
    ],
    &[
        "customerid",
        "clientid",
        "accountnumber",
        "account",
        "accountno",
        "customerno",
        "customernumber",
        "kundennummer",
        "kundennr",
        "numeroclient",
        "codigocliente",
        "klantnummer",
        "debiteurnummer",
    ],
    &[
        "customer",
        "customername",
        "client",
        "clientname",
        "name",
        "company",
        "kunde",
        "kundenname",
        "firma",
        "nomclient",
        "cliente",
        "nombrecliente",
        "klant",
        "klantnaam",
        "debiteur",
    ],
    &[
        "email",
        "customeremail",
        "emailaddress",
        "mail",
        "courriel",
        "correo",
        "correoelectronico",
    ],
    &[
        "currency", "curr", "ccy", "wahrung", "währung", "devise", "monnaie", "moneda", "divisa", "valuta", "munt",
    ],
    &[
        "amount",
        "total",
        "invoicetotal",
        "invoiceamount",
        "gross",
        "totalamount",
        "betrag",
        "rechnungsbetrag",
        "brutto",
        "montant",
        "montantttc",
        "totalttc",
        "importe",
        "importetotal",
        "bedrag",
        "totaalbedrag",
    ],
    &[
        "issuedate",
        "invoicedate",
        "date",
        "issued",
        "dateissued",
        "rechnungsdatum",
        "datum",
        "datefacture",
        "date",
        "fecha",
        "fechafactura",
        "factuurdatum",
    ],
    &[
        "duedate",
        "due",
        "datedue",
        "paymentdue",
        "faelligkeit",
        "fälligkeit",
        "fälligam",
        "fallig",
        "fälligkeitsdatum",
        "faelligkeitsdatum",
        "zahlungsziel",
        "echeance",
        "échéance",
        "dateecheance",
        "dateéchéance",
        "vencimiento",
        "fechavencimiento",
        "vervaldatum",
        "vervaldag",
    ],
    &[
        "paid",
        "amountpaid",
        "payments",
        "received",
        "bezahlt",
        "gezahlt",
        "paye",
        "payé",
        "montantpaye",
        "pagado",
        "importepagado",
        "betaald",
    ],
    &[
        "outstanding",
        "balance",
        "amountdue",
        "balancedue",
        "open",
        "offen",
        "offenerbetrag",
        "restbetrag",
        "restant",
        "restantdu",
        "soldepayer",
        "pendiente",
        "saldo",
        "openstaand",
        "saldoopen",
    ],
    &[
        "disputed",
        "dispute",
        "inquiry",
        "strittig",
        "bestritten",
        "litige",
        "conteste",
        "disputa",
        "betwist",
    ],
];

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    Iso,
    Dmy,
    Mdy,
}
crate::decode_enum!(DateFormat { Iso = "YYYY-MM-DD", Dmy = "DD/MM/YYYY", Mdy = "MM/DD/YYYY" });

/// Input of [`import_invoices_csv`].
#[derive(Debug, Clone)]
pub struct ImportInput {
    /// The file's text; empty or absent is `missing_field` at `text`.
    pub text: String,
    /// Field → column; overrides what the header suggests. Later entries for the same field win.
    pub mapping: Option<crate::decode::Pairs<Option<ColumnRef>>>,
    pub date_format: Option<DateFormat>,
    /// `"."` or `","`; found from the amounts when absent.
    pub decimal_separator: Option<String>,
    /// The currency of rows without one.
    pub currency: Option<Currency>,
    /// Whether the first line names the columns; found from its content when absent.
    pub has_header: Option<bool>,
}
crate::decode_struct!(ImportInput {
    text: "text" = default,
    mapping: "mapping" = default,
    date_format: "dateFormat" = default,
    decimal_separator: "decimalSeparator" = default,
    currency: "currency" = default,
    has_header: "hasHeader" = default,
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// The field at fault, or "" for the row as a whole.
    pub field: &'static str,
    pub code: crate::error::ErrorCode,
    pub message: String,
}

/// Output of [`import_invoices_csv`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    /// Whether the rows were read: false while a required column is unmapped or the date format is
    /// ambiguous (then `invoices` is empty).
    pub ready: bool,
    pub delimiter: String,
    pub has_header: bool,
    /// The header names (or "Column 1", … without a header).
    pub columns: Vec<String>,
    /// Up to five rows as read, for a preview.
    pub sample: Vec<Vec<String>>,
    /// Field → column position used.
    pub mapping: FieldColumns,
    /// Required fields without a column.
    pub missing: Vec<&'static str>,
    pub date_format: Option<DateFormat>,
    /// When the dates could be read either way, the formats to ask the user to choose from.
    pub date_format_choices: Vec<DateFormat>,
    pub decimal_separator: String,
    pub rows: usize,
    pub invoices: Vec<Invoice>,
    /// Bad rows, at most [`MAX_LISTED_ERRORS`]; `errorCount` has them all.
    pub errors: Vec<RowError>,
    pub error_count: usize,
}

fn key(h: &str) -> String {
    h.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '#' | '\u{a0}'))
        .map(crate::csv::header_lower)
        .collect()
}

fn field_index(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| *f == name)
}

/// Reads the invoices of a CSV text.
///
/// # Errors
/// `missing_field` at `text` for an empty file, `invalid_value` at `mapping.FIELD` for a column that
/// does not exist or an unknown field, `invalid_value` at `decimalSeparator`, `too_many` past
/// [`MAX_INVOICES`] rows. Problems in rows are not errors: they are listed in `errors`.
pub fn import_invoices_csv(input: &ImportInput) -> Result<ImportResult> {
    let text = input.text.as_str();
    if text.trim().is_empty() {
        return Err(Error::new(ErrorCode::MissingField, "text", "The file is empty."));
    }
    let delimiter = detect_delimiter(text);
    let mut reader = Reader::new(text, delimiter);
    // Cells borrow from the text: a million-row file is not copied cell by cell.
    let mut records: Vec<(usize, Vec<Cow<'_, str>>)> = Vec::new();
    let mut fields = Vec::new();
    let mut read_errors = Vec::new();
    loop {
        match reader.next_record(&mut fields) {
            Ok(Some(line)) => {
                if records.len() > MAX_INVOICES {
                    return Err(Error::new(
                        ErrorCode::TooMany,
                        "text",
                        format!("At most {MAX_INVOICES} rows can be imported at once."),
                    ));
                }
                records.push((line, fields.drain(..).map(trimmed).collect()));
            }
            Ok(None) => break,
            Err(e) => {
                // An unclosed quote swallows the rest of the file: report it and stop there.
                read_errors.push(RowError {
                    line: reader_line(&e),
                    field: "",
                    code: e.code,
                    message: e.message,
                });
                break;
            }
        }
    }
    let Some((_, first)) = records.first() else {
        return Err(Error::new(ErrorCode::MissingField, "text", "The file has no rows."));
    };
    let has_header = input.has_header.unwrap_or_else(|| looks_like_header(first));
    let width = records.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let columns: Vec<String> = if has_header {
        (0..width)
            .map(|i| {
                first
                    .get(i)
                    .map_or_else(|| format!("Column {}", i + 1), |c| c.to_string())
            })
            .collect()
    } else {
        (0..width).map(|i| format!("Column {}", i + 1)).collect()
    };
    let body = if has_header { &records[1..] } else { &records[..] };

    // The mapping: the header's suggestion, then the caller's choices.
    let mut map: [Option<usize>; FIELDS.len()] = [None; FIELDS.len()];
    if has_header {
        let keys: Vec<String> = columns.iter().map(|c| key(c)).collect();
        let mut taken = vec![false; keys.len()];
        for (f, aliases) in ALIASES.iter().enumerate() {
            let found = aliases.iter().find_map(|a| {
                let a = key(a);
                keys.iter().enumerate().position(|(i, k)| !taken[i] && *k == a)
            });
            if let Some(i) = found {
                map[f] = Some(i);
                taken[i] = true;
            }
        }
    }
    if let Some(m) = &input.mapping {
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
        for (at, (field, col)) in m.0.iter().enumerate() {
            let Some(f) = field_index(field).filter(|f| last[*f] == at) else {
                continue;
            };
            let path = format!("mapping.{field}");
            map[f] = match col {
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
    }
    let col = |name: &str| field_index(name).and_then(|f| map[f]);
    let mut missing = Vec::new();
    for req in ["id", "amount", "dueDate"] {
        if col(req).is_none() {
            missing.push(FIELDS[field_index(req).unwrap_or(0)]);
        }
    }
    if col("customerId").is_none() && col("customerName").is_none() {
        missing.push("customerName");
    }

    let decimal = match input.decimal_separator.as_deref() {
        Some(".") => b'.',
        Some(",") => b',',
        Some(other) => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "decimalSeparator",
                format!("\"{other}\" is not \".\" or \",\"."),
            ))
        }
        None => guess_decimal(body, [col("amount"), col("paid"), col("outstanding")]),
    };
    let date_cols = [col("issueDate"), col("dueDate")];
    let (date_format, choices) = match input.date_format {
        Some(f) => (Some(f), Vec::new()),
        None => guess_date_format(body, date_cols),
    };

    let mut result = ImportResult {
        ready: false,
        delimiter: (delimiter as char).to_string(),
        has_header,
        columns,
        sample: body
            .iter()
            .take(5)
            .map(|(_, r)| r.iter().map(|c| c.to_string()).collect())
            .collect(),
        mapping: mapping_of(&map),
        missing,
        date_format,
        date_format_choices: choices,
        decimal_separator: (decimal as char).to_string(),
        rows: body.len(),
        invoices: Vec::new(),
        errors: Vec::new(),
        error_count: 0,
    };
    if !result.missing.is_empty() || (date_format.is_none() && !result.date_format_choices.is_empty()) {
        return Ok(result);
    }
    result.ready = true;
    let format = date_format.unwrap_or(DateFormat::Iso);
    let mut seen = crate::fasthash::FastSet::default();
    let mut errors = read_errors;
    for (line, row) in body {
        let cells: [Option<&str>; 11] = std::array::from_fn(|f| {
            map[f]
                .and_then(|i| row.get(i))
                .map(|c| c.as_ref())
                .filter(|c| !c.is_empty())
        });
        match read_row(&cells, format, decimal, input.currency) {
            Ok(inv) => {
                if !seen.insert(inv.id.0.clone()) {
                    errors.push(RowError {
                        line: *line,
                        field: "id",
                        code: crate::error::ErrorCode::DuplicateId,
                        message: format!("Invoice {} appears on an earlier line too.", inv.id),
                    });
                } else {
                    result.invoices.push(inv);
                }
            }
            Err((field, e)) => errors.push(RowError {
                line: *line,
                field,
                code: e.code,
                message: e.message,
            }),
        }
    }
    result.error_count = errors.len();
    errors.truncate(MAX_LISTED_ERRORS);
    result.errors = errors;
    Ok(result)
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
        let c = c.trim();
        c.is_empty()
            || (amount_digits(c, b'.').is_none() && amount_digits(c, b',').is_none() && date_parts(c).is_none())
    })
}

/// The decimal separator the amounts use: a `,` or `.` followed by one or two final digits decides;
/// with no evidence, `.`.
fn guess_decimal(rows: &[(usize, Vec<Cow<'_, str>>)], cols: [Option<usize>; 3]) -> u8 {
    let (mut dot, mut comma) = (0, 0);
    for (_, r) in rows.iter().take(10_000) {
        for c in cols.iter().flatten() {
            let Some(v) = r.get(*c) else { continue };
            let v = v.trim_end_matches(|ch: char| !ch.is_ascii_digit());
            let tail: Vec<u8> = v.bytes().rev().take(3).collect();
            match tail.as_slice() {
                [d1, b'.', ..] | [d1, _, b'.'] if d1.is_ascii_digit() => dot += 1,
                [d1, b',', ..] | [d1, _, b','] if d1.is_ascii_digit() => comma += 1,
                _ => {}
            }
        }
    }
    if comma > dot {
        b','
    } else {
        b'.'
    }
}

/// `(first, second, year)` of a `d/m/y`-like date, or the ISO parts as `(year, month, day)` with
/// `iso` set. Separators `/`, `.` or `-`.
fn date_parts(s: &str) -> Option<(u32, u32, u32, bool, u8)> {
    let sep = s.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'))?;
    let mut parts = s.split(sep as char);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || [a, b, c]
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if a.len() == 4 {
        return Some((n(a)?, n(b)?, n(c)?, true, sep));
    }
    (c.len() == 4).then_some(())?;
    Some((n(a)?, n(b)?, n(c)?, false, sep))
}

/// The date format of the date columns, or the choices when the file cannot tell.
fn guess_date_format(
    rows: &[(usize, Vec<Cow<'_, str>>)],
    cols: [Option<usize>; 2],
) -> (Option<DateFormat>, Vec<DateFormat>) {
    let (mut iso, mut day_first, mut month_first, mut either, mut dotted) = (0, 0, 0, 0, 0);
    for (_, r) in rows {
        for c in cols.iter().flatten() {
            let Some((a, b, _, is_iso, sep)) = r.get(*c).and_then(|v| date_parts(v)) else {
                continue;
            };
            if is_iso {
                iso += 1;
            } else if a > 12 {
                day_first += 1;
            } else if b > 12 {
                month_first += 1;
            } else {
                either += 1;
                if sep == b'.' {
                    dotted += 1;
                }
            }
        }
    }
    match (day_first > 0, month_first > 0) {
        (true, false) => (Some(DateFormat::Dmy), vec![]),
        (false, true) => (Some(DateFormat::Mdy), vec![]),
        // Evidence both ways: the rows that disagree with the user's choice will be listed.
        (true, true) => (None, vec![DateFormat::Dmy, DateFormat::Mdy]),
        // `23.11.2026` is day first wherever dots are used.
        (false, false) if either > 0 && dotted == either => (Some(DateFormat::Dmy), vec![]),
        (false, false) if either > 0 => (None, vec![DateFormat::Dmy, DateFormat::Mdy]),
        (false, false) => (if iso > 0 { Some(DateFormat::Iso) } else { None }, vec![]),
    }
}

fn parse_date_as(s: &str, format: DateFormat) -> Result<Date> {
    let bad = || {
        let shown: String = s.chars().take(30).collect();
        let expected = match format {
            DateFormat::Iso => "YYYY-MM-DD",
            DateFormat::Dmy => "DD/MM/YYYY",
            DateFormat::Mdy => "MM/DD/YYYY",
        };
        Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("\"{shown}\" is not a date in the form {expected}."),
        )
    };
    let (a, b, c, is_iso, _) = date_parts(s).ok_or_else(bad)?;
    let (y, m, d) = if is_iso {
        (a, b, c)
    } else {
        match format {
            DateFormat::Mdy => (c, a, b),
            _ => (c, b, a),
        }
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).map_err(|_| bad())?, m, d).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidDate,
            "",
            format!(
                "\"{}\" is not a real calendar date.",
                s.chars().take(30).collect::<String>()
            ),
        )
    })?;
    // The same range as everywhere else.
    if !(1900..=9999).contains(&y) {
        return Err(Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("{y} is outside the years 1900–9999 overdue accepts."),
        ));
    }
    Ok(date)
}

/// The digits of an amount with `decimal` as its separator: symbols, codes and spaces dropped,
/// thousands separators removed, `(…)` and a trailing `-` as minus. `None` when it is not an amount.
fn amount_digits(s: &str, decimal: u8) -> Option<(String, Option<String>)> {
    let group = if decimal == b'.' { ',' } else { '.' };
    let mut negative = false;
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    }
    let mut code = None;
    let mut out = String::with_capacity(t.len());
    let mut letters = String::new();
    for ch in t.chars() {
        match ch {
            '0'..='9' => out.push(ch),
            c if c as u32 == u32::from(decimal) => out.push('.'),
            c if c == group || c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\'' => {}
            '-' | '−' => negative = true,
            '+' => {}
            '£' => code = Some("GBP"),
            '€' => code = Some("EUR"),
            '$' => code = Some("USD"),
            '¥' => code = Some("JPY"),
            c if c.is_ascii_alphabetic() => letters.push(c),
            _ => return None,
        }
    }
    if out.is_empty() || !out.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let code = match letters.len() {
        0 => code.map(String::from),
        3 => Some(letters.to_ascii_uppercase()),
        _ => return None,
    };
    if negative {
        out.insert(0, '-');
    }
    Some((out, code))
}

type RowResult = std::result::Result<Invoice, (&'static str, Error)>;

// Positions in FIELDS.
const ID: usize = 0;
const CUSTOMER_ID: usize = 1;
const CUSTOMER_NAME: usize = 2;
const EMAIL: usize = 3;
const CURRENCY: usize = 4;
const AMOUNT: usize = 5;
const ISSUE: usize = 6;
const DUE: usize = 7;
const PAID: usize = 8;
const OUTSTANDING: usize = 9;
const DISPUTED: usize = 10;

fn read_row(
    cells: &[Option<&str>; 11],
    format: DateFormat,
    decimal: u8,
    default_currency: Option<Currency>,
) -> RowResult {
    let cell = |i: usize| cells[i];
    let req = |i: usize| {
        let name = FIELDS[i];
        cell(i).ok_or_else(|| {
            (
                name,
                Error::new(ErrorCode::MissingField, "", format!("The {} is empty.", human(name))),
            )
        })
    };
    let money =
        |name: &'static str, v: &str| -> std::result::Result<(Decimal, Option<String>), (&'static str, Error)> {
            let (digits, code) = amount_digits(v, decimal).ok_or_else(|| {
                (
                    name,
                    Error::new(
                        ErrorCode::InvalidAmount,
                        "",
                        format!("\"{}\" is not an amount.", v.chars().take(30).collect::<String>()),
                    ),
                )
            })?;
            let d = parse_decimal(&digits).map_err(|e| (name, e))?;
            Ok((d, code))
        };
    let id = req(ID)?.to_string();
    let name = cell(CUSTOMER_NAME).or_else(|| cell(CUSTOMER_ID)).ok_or_else(|| {
        (
            "customerName",
            Error::new(ErrorCode::MissingField, "", "The customer is empty.".to_string()),
        )
    })?;
    let customer_id = cell(CUSTOMER_ID).unwrap_or(name);
    let (amount, symbol_code) = money("amount", req(AMOUNT)?)?;
    if amount <= Decimal::ZERO {
        return Err((
            "amount",
            Error::new(
                ErrorCode::InvalidAmount,
                "",
                "A credit or zero amount is not an invoice to chase: leave it out or enter it as a credit.".to_string(),
            ),
        ));
    }
    let currency = match cell(CURRENCY) {
        Some(c) => Currency::from_code(c).map_err(|e| ("currency", e))?,
        None => match (symbol_code.as_deref(), default_currency) {
            (Some(code), _) => Currency::from_code(code).map_err(|e| ("amount", e))?,
            (None, Some(c)) => c,
            (None, None) => {
                return Err((
                    "currency",
                    Error::new(
                        ErrorCode::MissingField,
                        "",
                        "No currency: add a currency column, or choose the file's currency.".to_string(),
                    ),
                ))
            }
        },
    };
    // Written with exactly the currency's minor digits, as everywhere else.
    let minor = |name: &'static str, d: Decimal| {
        check_for_currency(d, currency)
            .map(|d| round_to_minor(d, currency))
            .map_err(|e| (name, e))
    };
    let amount = minor("amount", amount)?;
    let due = parse_date_as(req(DUE)?, format).map_err(|e| ("dueDate", e))?;
    let issue = match cell(ISSUE) {
        Some(v) => parse_date_as(v, format).map_err(|e| ("issueDate", e))?,
        None => due,
    };
    let paid = match (cell(PAID), cell(OUTSTANDING)) {
        (Some(p), _) => minor("paid", money("paid", p)?.0)?,
        (None, Some(o)) => amount - minor("outstanding", money("outstanding", o)?.0)?,
        (None, None) => Decimal::ZERO,
    };
    let disputed = cell(DISPUTED).is_some_and(|d| {
        matches!(
            d.to_ascii_lowercase().as_str(),
            "yes" | "y" | "true" | "1" | "x" | "ja" | "oui" | "sí" | "si"
        )
    });
    let payments = if paid > Decimal::ZERO {
        // The file has no payment date: the payment counts from the issue date.
        vec![Payment {
            date: issue,
            amount: Amount(paid),
            reference: None,
        }]
    } else {
        Vec::new()
    };
    let invoice = Invoice {
        id: Id(id),
        customer: Customer {
            id: Id(customer_id.to_string()),
            name: name.to_string(),
            email: cell(EMAIL).map(String::from),
            account_number: None,
        },
        currency,
        amount: Amount(amount),
        issue_date: issue,
        due_date: due,
        payments,
        credits: Vec::new(),
        disputed,
        promised_date: None,
        notes: None,
    };
    invoice.validate().map_err(|e| {
        let field = match e.path.split(['.', '[']).next().unwrap_or("") {
            "amount" => "amount",
            "dueDate" => "dueDate",
            "issueDate" => "issueDate",
            "payments" => "paid",
            "id" => "id",
            "customer" => "customerName",
            _ => "",
        };
        (field, e)
    })?;
    Ok(invoice)
}

fn human(field: &str) -> &'static str {
    match field {
        "id" => "invoice number",
        "amount" => "amount",
        "dueDate" => "due date",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_is_written_as_a_header_key() {
        // A header is compared by its key, so an alias with a capital or a space could never match.
        for alias in ALIASES.iter().flat_map(|a| a.iter()) {
            assert_eq!(key(alias), *alias);
        }
    }

    #[test]
    fn amounts_in_every_common_form() {
        let d = |s: &str, sep: u8| amount_digits(s, sep).map(|(d, c)| (d, c.unwrap_or_default()));
        assert_eq!(d("1,234.56", b'.'), Some(("1234.56".into(), "".into())));
        assert_eq!(d("1.234,56", b','), Some(("1234.56".into(), "".into())));
        assert_eq!(d("£1,234.56", b'.'), Some(("1234.56".into(), "GBP".into())));
        assert_eq!(d("1 234,56 €", b','), Some(("1234.56".into(), "EUR".into())));
        assert_eq!(d("(120.00)", b'.'), Some(("-120.00".into(), "".into())));
        assert_eq!(d("CHF 1'250.50", b'.'), Some(("1250.50".into(), "CHF".into())));
        assert_eq!(d("abc", b'.'), None);
        assert_eq!(d("12/10/2026", b'.'), None);
    }

    #[test]
    fn dates_in_three_forms() {
        assert_eq!(
            parse_date_as("2026-11-23", DateFormat::Dmy).unwrap().to_string(),
            "2026-11-23"
        );
        assert_eq!(
            parse_date_as("23/11/2026", DateFormat::Dmy).unwrap().to_string(),
            "2026-11-23"
        );
        assert_eq!(
            parse_date_as("11/23/2026", DateFormat::Mdy).unwrap().to_string(),
            "2026-11-23"
        );
        assert_eq!(
            parse_date_as("23.11.2026", DateFormat::Dmy).unwrap().to_string(),
            "2026-11-23"
        );
        assert!(parse_date_as("31/02/2026", DateFormat::Dmy).is_err());
        assert!(parse_date_as("23/11/26", DateFormat::Dmy).is_err());
    }
}

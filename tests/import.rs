#![cfg(not(target_arch = "wasm32"))]
//! importInvoicesCsv: exports from accounting tools in several languages and formats, bad rows listed
//! while good rows import, ambiguous dates asked rather than guessed, and a round-trip property.

mod common;

use common::input;
use overdue::import::{import_invoices_csv, ImportInput, ImportResult};
use proptest::prelude::*;
use serde_json::{json, Value};

fn import(v: Value) -> ImportResult {
    let i: ImportInput = input(v).unwrap();
    import_invoices_csv(&i).unwrap()
}

#[test]
fn good_rows_import_and_each_bad_row_is_listed() {
    let text = "Invoice Number,Customer,Currency,Amount,Invoice Date,Due Date,Amount Paid\n\
        INV-1,Acme Ltd,GBP,\"1,200.00\",2026-09-01,2026-10-01,200.00\n\
        INV-2,Acme Ltd,GBP,480.50,2026-09-10,2026-02-30,\n\
        INV-3,Beta & Co,GBP,99.99,2026-09-12,2026-10-12,\n\
        INV-4,Beta & Co,GBP,twelve,2026-09-12,2026-10-12,\n\
        INV-5,\"Gamma, \"\"The\"\" Studio\",EUR,15.00,2026-09-20,2026-10-20,\n";
    let r = import(json!({ "text": text }));
    assert!(r.ready);
    assert_eq!(r.rows, 5);
    let ids: Vec<&str> = r.invoices.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["INV-1", "INV-3", "INV-5"]);
    let bad: Vec<(usize, &str, &str)> = r.errors.iter().map(|e| (e.line, e.field, e.code.as_str())).collect();
    assert_eq!(bad, [(3, "dueDate", "invalid_date"), (5, "amount", "invalid_amount")]);
    assert_eq!(r.invoices[0].amount.0.to_string(), "1200.00");
    assert_eq!(r.invoices[0].payments[0].amount.0.to_string(), "200.00");
    assert_eq!(r.invoices[2].customer.name, "Gamma, \"The\" Studio");
    // Without a customer id column, the name is the id.
    assert_eq!(r.invoices[1].customer.id.as_str(), "Beta & Co");
}

#[test]
fn a_german_export_with_bom_crlf_semicolons_and_decimal_commas() {
    let text = "\u{feff}Rechnungsnummer;Kunde;Währung;Betrag;Rechnungsdatum;Fälligkeitsdatum;Offen\r\n\
        R-2026-17;Müller GmbH;EUR;1.234,56;01.10.2026;31.10.2026;1.234,56\r\n\
        R-2026-18;Müller GmbH;EUR;99,90;02.10.2026;01.11.2026;0,00\r\n";
    let r = import(json!({ "text": text }));
    assert!(r.ready, "{r:?}");
    assert_eq!((r.delimiter.as_str(), r.decimal_separator.as_str()), (";", ","));
    // The wire word, as the caller reads it back, not the Rust Debug text.
    assert_eq!(
        r.date_format.map(|f| f.word()),
        Some("DD/MM/YYYY"),
        "dots mean day first"
    );
    assert_eq!(r.invoices.len(), 2);
    assert_eq!(r.invoices[0].amount.0.to_string(), "1234.56");
    assert_eq!(r.invoices[0].due_date.to_string(), "2026-10-31");
    assert!(r.invoices[0].payments.is_empty(), "nothing paid");
    assert_eq!(
        r.invoices[1].payments[0].amount.0.to_string(),
        "99.90",
        "outstanding 0 means paid in full"
    );
}

#[test]
fn ambiguous_dates_are_asked_not_guessed() {
    let text = "id,customer,currency,amount,due date\nA,Acme,USD,10.00,03/04/2026\nB,Acme,USD,12.00,05/06/2026\n";
    let r = import(json!({ "text": text }));
    assert!(!r.ready);
    assert!(r.invoices.is_empty());
    assert_eq!(r.date_format_choices.len(), 2);
    let dmy = import(json!({ "text": text, "dateFormat": "DD/MM/YYYY" }));
    assert_eq!(dmy.invoices[0].due_date.to_string(), "2026-04-03");
    let mdy = import(json!({ "text": text, "dateFormat": "MM/DD/YYYY" }));
    assert_eq!(mdy.invoices[0].due_date.to_string(), "2026-03-04");
    // One day over 12 settles it.
    let clear = import(json!({ "text": format!("{text}C,Acme,USD,1.00,12/25/2026\n") }));
    assert!(clear.ready);
    assert_eq!(clear.invoices[2].due_date.to_string(), "2026-12-25");
}

#[test]
fn amounts_with_symbols_and_parentheses() {
    let text = "Invoice,Client,Total,Due\nA,Acme,\"£1,234.56\",2026-10-01\nB,Acme,(120.00),2026-10-01\nC,Acme,\"$ 5,000\",2026-10-01\n";
    // The header has no currency column; the signs say it, except that "$" is six currencies.
    let r = import(json!({ "text": text }));
    assert!(!r.ready);
    assert_eq!(r.missing, ["currency"]);
    assert_eq!(r.currency_choices, ["USD", "CAD", "AUD", "NZD", "SGD", "HKD"]);
    let r = import(json!({ "text": text, "currency": "CAD" }));
    assert!(r.ready, "{r:?}");
    let got: Vec<(&str, &str, String)> = r
        .invoices
        .iter()
        .map(|i| (i.id.as_str(), i.currency.code(), i.amount.0.to_string()))
        .collect();
    assert_eq!(got, [("A", "GBP", "1234.56".into()), ("C", "CAD", "5000.00".into())]);
    // (120.00) is a credit note for Acme, in the file's currency, dated by the only date its row
    // has: a document for the customer's account, not an invoice and not an error.
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    let d = &r.documents[0];
    assert_eq!(
        (
            d.kind,
            d.id.as_ref().map(|i| i.as_str()),
            d.customer_id.as_str(),
            d.currency.code(),
            d.date.to_string(),
            d.amount.0.to_string()
        ),
        (
            overdue::documents::DocKind::CreditNote,
            Some("B"),
            "Acme",
            "CAD",
            "2026-10-01".into(),
            "120.00".into()
        )
    );
}

#[test]
fn a_file_without_a_recognisable_header_is_mapped_by_the_caller() {
    let text = "A-1;Acme;250,00;2026-10-01\nA-2;Beta;1.000,00;2026-10-15\n";
    let r = import(json!({ "text": text }));
    assert!(!r.has_header && !r.ready);
    assert_eq!(r.missing, ["id", "amount", "dueDate", "customerName", "currency"]);
    assert_eq!(r.sample.len(), 2);
    let r = import(
        json!({ "text": text, "currency": "EUR", "mapping": { "id": 0, "customerName": 1, "amount": 2, "dueDate": 3 } }),
    );
    assert!(r.ready);
    assert_eq!(r.invoices[1].amount.0.to_string(), "1000.00");
    let bad: Result<ImportInput, _> = input(json!({ "text": text, "mapping": { "amount": 9 } }));
    let e = import_invoices_csv(&bad.unwrap()).unwrap_err();
    assert_eq!(e.path, "mapping.amount");
    // As in JSON.parse, the last of a repeated key wins; the result names each field's column once.
    let text_json = serde_json::to_string(text).unwrap();
    let repeated = format!(
        r#"{{"text":{text_json},"currency":"EUR","mapping":{{"amount":9,"id":0,"customerName":1,"dueDate":3,"amount":2}}}}"#
    );
    let r = import_invoices_csv(&overdue::decode::decode_json::<ImportInput>(&repeated).unwrap()).unwrap();
    assert!(r.ready, "{:?}", r.missing);
    assert_eq!(
        (
            r.mapping.get("amount"),
            r.mapping.get("dueDate"),
            r.mapping.get("notes")
        ),
        (Some(2), Some(3), None)
    );
    assert_eq!(
        overdue::encode::to_json(&r.mapping).unwrap(),
        r#"{"id":0,"customerName":1,"amount":2,"dueDate":3}"#,
        "in the order of the invoice's fields"
    );
    assert_eq!(
        overdue::encode::to_json(&r).unwrap(),
        serde_json::to_string(&r).unwrap(),
        "overdue's writer and serde_json agree"
    );
}

#[test]
fn a_missing_currency_is_asked_and_a_differing_repeat_is_a_row_error() {
    let text = "id,customer,amount,due\nA,Acme,10,2026-10-01\nA,Acme,11,2026-10-02\n";
    let r = import(json!({ "text": text }));
    assert!(!r.ready);
    assert_eq!((r.missing.as_slice(), r.currency_choices.len()), (&["currency"][..], 0));
    let r = import(json!({ "text": text, "currency": "GBP" }));
    assert_eq!(r.invoices.len(), 1);
    let e = &r.errors[0];
    assert_eq!((e.line, e.code.as_str(), e.field), (3, "duplicate_id", "dueDate"));
    assert_eq!(
        e.message,
        "Invoice A is on line 2 too, with due date 2026-10-01 there and 2026-10-02 here."
    );
}

fn write_csv(rows: &[(String, u32, i64, u32, u32)], dmy: bool, comma: bool) -> String {
    let sep = if comma { ';' } else { ',' };
    let mut s = format!("Invoice{sep}Customer{sep}Currency{sep}Amount{sep}Due Date\n");
    for (id, cust, cents, day, month) in rows {
        let amount = format!("{}{}{:02}", cents / 100, if comma { ',' } else { '.' }, cents % 100);
        let date = if dmy {
            format!("{day:02}/{month:02}/2026")
        } else {
            format!("2026-{month:02}-{day:02}")
        };
        s.push_str(&format!("{id}{sep}Customer {cust}{sep}EUR{sep}{amount}{sep}{date}\n"));
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// What a spreadsheet writes, in any of the formats, reads back as the same invoices.
    #[test]
    fn written_rows_read_back(rows in prop::collection::vec((1u32..50, 1i64..10_000_000, 1u32..=28, 1u32..=12), 1..40), dmy in any::<bool>(), comma in any::<bool>()) {
        let rows: Vec<(String, u32, i64, u32, u32)> = rows.into_iter().enumerate().map(|(i, (c, a, d, m))| (format!("N-{i}"), c, a, d, m)).collect();
        let text = write_csv(&rows, dmy, comma);
        let fmt = if dmy { "DD/MM/YYYY" } else { "YYYY-MM-DD" };
        let r = import(json!({ "text": text, "dateFormat": fmt, "decimalSeparator": if comma { "," } else { "." } }));
        prop_assert!(r.ready, "{:?}", r.missing);
        prop_assert!(r.errors.is_empty(), "{:?}", r.errors);
        prop_assert_eq!(r.invoices.len(), rows.len());
        for (inv, (id, cust, cents, day, month)) in r.invoices.iter().zip(&rows) {
            prop_assert_eq!(inv.id.as_str(), id.as_str());
            prop_assert_eq!(inv.customer.name.clone(), format!("Customer {cust}"));
            prop_assert_eq!(inv.amount.0 * rust_decimal::Decimal::from(100), rust_decimal::Decimal::from(*cents));
            prop_assert_eq!(inv.due_date.to_string(), format!("2026-{month:02}-{day:02}"));
        }
    }
}

/// One invoice of a generated ledger: customer, amount in cents, paid in cents, due day and month,
/// and how many line rows it is written as.
type Ledger = Vec<(usize, i64, i64, u32, u32, usize)>;

const NAMES: [&str; 5] = [
    "Acme Ltd",
    "Müller & Söhne GmbH",
    "Café Olé",
    "Brightwater Joinery, Ltd",
    "Ørsted Træ A/S",
];

/// How a program might lay the ledger out.
#[derive(Debug, Clone, Copy)]
struct Layout {
    titles: usize,
    grouped: bool,
    semicolon: bool,
    thousands: bool,
    encoding: u8,
    crlf: bool,
    dmy: bool,
}

fn money_text(cents: i64, l: Layout) -> String {
    let (dec, group) = if l.semicolon { (',', '.') } else { ('.', ',') };
    let units = (cents / 100).to_string();
    let units = if l.thousands {
        let b = units.as_bytes();
        let mut out = String::new();
        for (i, c) in b.iter().enumerate() {
            if i > 0 && (b.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(char::from(*c));
        }
        out
    } else {
        units
    };
    format!("{units}{dec}{:02}", cents % 100)
}

/// The ledger as a file: title rows, a header, optional customer groups with their totals, invoices
/// split over line rows, in one of the separators, encodings and line ends.
fn write_ledger(ledger: &Ledger, l: Layout) -> Vec<u8> {
    let sep = if l.semicolon { ';' } else { ',' };
    let cell = |s: String| {
        if s.contains(sep) || s.contains('"') {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let date = |d: u32, m: u32| {
        if l.dmy {
            format!("{d:02}/{m:02}/2026")
        } else {
            format!("2026-{m:02}-{d:02}")
        }
    };
    let mut lines: Vec<String> = Vec::new();
    for t in [
        "Brightwater Joinery Ltd",
        "Open invoices by customer",
        "As of 30 November 2026",
    ]
    .iter()
    .take(l.titles)
    {
        lines.push(cell(t.to_string()));
    }
    let lead = if l.grouped { vec![String::new()] } else { vec![] };
    let who = if l.grouped {
        vec![]
    } else {
        vec!["Customer".to_string()]
    };
    let header = [
        lead.clone(),
        vec!["Invoice No".into()],
        who,
        ["Due Date", "Line Total", "Amount Paid", "Date Paid"]
            .map(String::from)
            .to_vec(),
    ]
    .concat();
    lines.push(header.join(&sep.to_string()));
    let mut order: Vec<usize> = (0..ledger.len()).collect();
    if l.grouped {
        order.sort_by_key(|&i| ledger[i].0);
    }
    let mut current: Option<usize> = None;
    let mut group_sum = 0i64;
    let close = |lines: &mut Vec<String>, c: Option<usize>, sum: i64| {
        if let Some(c) = c {
            lines.push(
                [
                    cell(format!("Total for {}", NAMES[c])),
                    String::new(),
                    String::new(),
                    cell(money_text(sum, l)),
                ]
                .join(&sep.to_string()),
            );
        }
    };
    for &i in &order {
        let (c, cents, paid, d, m, parts) = ledger[i];
        if l.grouped && current != Some(c) {
            close(&mut lines, current, group_sum);
            lines.push(cell(NAMES[c].to_string()));
            current = Some(c);
            group_sum = 0;
        }
        group_sum += cents;
        // Split the amount over the line rows: every line but the last takes a whole share.
        let share = cents / parts as i64;
        for p in 0..parts {
            let line_cents = if p + 1 == parts {
                cents - share * (parts as i64 - 1)
            } else {
                share
            };
            let mut row = lead.clone();
            row.push(format!("N-{i}"));
            if !l.grouped {
                row.push(cell(NAMES[c].to_string()));
            }
            row.push(date(d, m));
            row.push(cell(money_text(line_cents, l)));
            row.push(cell(money_text(paid, l)));
            row.push(if paid > 0 { date(d, m) } else { String::new() });
            lines.push(row.join(&sep.to_string()));
        }
    }
    if l.grouped {
        close(&mut lines, current, group_sum);
        let all = money_text(ledger.iter().map(|x| x.1).sum(), l);
        lines.push(["TOTAL".to_string(), String::new(), String::new(), cell(all)].join(&sep.to_string()));
    }
    let eol = if l.crlf { "\r\n" } else { "\n" };
    let text = lines.join(eol) + eol;
    match l.encoding {
        0 => text.into_bytes(),
        1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        // Windows-1252: every character used here is in Latin-1.
        _ => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any ledger written in any of the layouts real exports use (title rows, customer groups with
    /// totals, invoices over several line rows, `,` or `;`, thousands separators, UTF-8 with or
    /// without a BOM, UTF-16, Windows-1252, LF or CRLF, ISO or day-first dates) reads back as the
    /// same invoices, with each payment on its date.
    #[test]
    fn a_ledger_in_any_layout_reads_back(
        ledger in prop::collection::vec((0usize..5, 100i64..50_000_000, 0u8..3, 1u32..=28, 1u32..=12, 1usize..=3), 1..25),
        titles in 0usize..=3, grouped in any::<bool>(), semicolon in any::<bool>(), thousands in any::<bool>(),
        encoding in 0u8..4, crlf in any::<bool>(), dmy in any::<bool>(),
    ) {
        // Paid: nothing, a third, or all of it.
        let ledger: Ledger = ledger.into_iter().map(|(c, a, p, d, m, parts)| (c, a, [0, a / 3, a][usize::from(p)], d, m, parts)).collect();
        let l = Layout { titles, grouped, semicolon, thousands, encoding, crlf, dmy };
        let bytes = write_ledger(&ledger, l);
        let mut input: ImportInput = input(json!({ "currency": "EUR", "dateFormat": if dmy { "DD/MM/YYYY" } else { "YYYY-MM-DD" } })).unwrap();
        input.bytes = Some(bytes);
        let r = import_invoices_csv(&input).unwrap();
        prop_assert!(r.ready, "{:?}", r.missing);
        prop_assert!(r.errors.is_empty(), "{:?}", r.errors);
        prop_assert!(r.warnings.iter().all(|w| w.code != "total_mismatch"), "{:?}", r.warnings);
        prop_assert_eq!(r.header_row, Some(titles + 1));
        prop_assert_eq!(r.decimal_separator.as_str(), if semicolon { "," } else { "." });
        let mut got: Vec<(String, String, i64, String, i64, Option<String>)> = r.invoices.iter().map(|i| {
            let cents = |d: rust_decimal::Decimal| i64::try_from(d * rust_decimal::Decimal::from(100)).unwrap();
            let paid = i.payments.iter().map(|p| cents(p.amount.0)).sum();
            (i.id.to_string(), i.customer.name.clone(), cents(i.amount.0), i.due_date.to_string(), paid, i.payments.first().and_then(|p| p.date).map(|d| d.to_string()))
        }).collect();
        got.sort();
        let mut want: Vec<(String, String, i64, String, i64, Option<String>)> = ledger.iter().enumerate().map(|(i, &(c, a, p, d, m, _))| {
            let due = format!("2026-{m:02}-{d:02}");
            (format!("N-{i}"), NAMES[c].to_string(), a, due.clone(), p, (p > 0).then_some(due))
        }).collect();
        want.sort();
        prop_assert_eq!(got, want);
    }
}

fn import_bytes(bytes: Vec<u8>, v: Value) -> Result<ImportResult, overdue::Error> {
    let mut i: ImportInput = input(v).unwrap();
    i.bytes = Some(bytes);
    import_invoices_csv(&i)
}

#[test]
fn an_amount_written_for_the_other_separator_is_a_row_error_not_a_rescale() {
    // "1 250,00" in a file whose amounts use "." had become 125,000.00.
    let text = "Invoice,Customer,Amount,Due\nA,Acme,12.50,2026-10-01\nB,Acme,\"1 250,00\",2026-10-01\nC,Acme,1.250,2026-10-01\n";
    let r = import(json!({ "text": text, "currency": "GBP" }));
    assert_eq!(r.decimal_separator, ".");
    assert_eq!(r.invoices.len(), 1);
    let msgs: Vec<(usize, &str)> = r.errors.iter().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(
        msgs,
        [
            (3, "\"1 250,00\" is written with \",\" for decimals (1250.00), but this file uses \".\": check the file's decimal separator."),
            (4, "\"1.250\" reads two ways: 1.25 or 1250. Write it with 2 decimals, or choose the file's decimal separator."),
        ]
    );
    // Three decimals are the currency's own in Kuwaiti dinars.
    let r = import(json!({ "text": text.replace("\"1 250,00\"", "2.000"), "currency": "KWD" }));
    assert_eq!(
        r.invoices.iter().map(|i| i.amount.0.to_string()).collect::<Vec<_>>(),
        ["12.500", "2.000", "1.250"]
    );
}

#[test]
fn files_that_are_not_invoice_lists_get_a_plain_answer() {
    let e = import(json!({ "text": "Invoice,Customer,Amount,Due\n", "currency": "EUR" }));
    assert!(
        e.ready && e.invoices.is_empty() && e.rows == 0,
        "a header alone is read, with no rows"
    );
    let e = import_invoices_csv(&input::<ImportInput>(json!({ "text": "  \n" })).unwrap()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("missing_field", "The file is empty.")
    );
    // The first bytes of an .xlsx workbook (a ZIP holding [Content_Types].xml), of a PDF.
    let xlsx =
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x00\x00\x00\x00\x13\x00\x00\x00[Content_Types].xml".to_vec();
    let e = import_bytes(xlsx, json!({})).unwrap_err();
    assert_eq!(e.code.as_str(), "unsupported_file");
    assert!(e.message.contains("save it as CSV"), "{}", e.message);
    let e = import_bytes(b"%PDF-1.4\n".to_vec(), json!({})).unwrap_err();
    assert!(e.message.starts_with("This is a PDF"), "{}", e.message);
}

#[test]
fn excel_unicode_text_and_a_damaged_paste() {
    // Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a byte-order mark, tab separated.
    let text = "Rechnungsnummer\tKunde\tBetrag\tFällig am\r\nR-1\tJürgen Groß\t1.234,50\t31.10.2026\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let r = import_bytes(bytes, json!({ "currency": "EUR" })).unwrap();
    assert_eq!(
        (r.encoding.map(|e| e.word()), r.delimiter.as_str()),
        (Some("utf-16le"), "\t")
    );
    assert_eq!(r.invoices[0].customer.name, "Jürgen Groß");
    assert_eq!(r.invoices[0].amount.0.to_string(), "1234.50");
    // Text that was decoded wrongly before it reached overdue is said so.
    let r = import(
        json!({ "text": "Invoice,Customer,Amount,Due\nA,M\u{FFFD}ller GmbH,10.00,2026-10-01\n", "currency": "EUR" }),
    );
    assert_eq!(
        r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
        ["replacement_characters"]
    );
}

#[test]
fn a_total_that_is_not_the_sum_of_its_rows_is_pointed_out() {
    // A customer group whose second invoice has an amount the import cannot read: the report's own
    // total (1,500.00 = 1,000.00 + 500.00) no longer matches what was read (1,000.00).
    let text = ",Num,Due date,Open balance\nAcme Corp,,,\n,A-1,2026-10-01,\"1,000.00\"\n,A-2,2026-10-05,five hundred\nTotal for Acme Corp,,,\"1,500.00\"\n";
    let r = import(json!({ "text": text, "currency": "GBP" }));
    assert_eq!(r.invoices.len(), 1);
    assert_eq!(r.errors.len(), 1);
    let w: Vec<(&str, &str)> = r.warnings.iter().map(|w| (w.code, w.message.as_str())).collect();
    assert_eq!(
        w,
        [(
            "total_mismatch",
            "The total on line 5 (1500.00) is not the sum of the rows above it (1000.00): check that every row was read."
        )]
    );
    // With the row fixed, the total is its group's sum and nothing is said.
    let r = import(json!({ "text": text.replace("five hundred", "500.00"), "currency": "GBP" }));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn skip_counts_are_indexed_by_the_reasons_own_order() {
    // ReasonCounts indexes by `reason as usize`: that is the reason's place in ALL only while the
    // enum and its word list are written in the same order.
    use overdue::import::SkipReason;
    for (i, r) in SkipReason::ALL.iter().enumerate() {
        assert_eq!(*r as usize, i, "{}", r.word());
    }
}

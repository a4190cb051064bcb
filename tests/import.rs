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
    let text = "Invoice,Client,Total,Due\nA,Acme,£1,234.56,2026-10-01\nB,Acme,(120.00),2026-10-01\nC,Acme,\"$ 5,000\",2026-10-01\n";
    // The header has no currency column; the symbols say it.
    let r = import(json!({ "text": text.replace("£1,234.56", "\"£1,234.56\"") }));
    assert!(r.ready, "{r:?}");
    assert_eq!(r.invoices.len(), 2);
    assert_eq!(
        (
            r.invoices[0].currency.code(),
            r.invoices[0].amount.0.to_string().as_str()
        ),
        ("GBP", "1234.56")
    );
    assert_eq!(
        (
            r.invoices[1].currency.code(),
            r.invoices[1].amount.0.to_string().as_str()
        ),
        ("USD", "5000.00")
    );
    assert_eq!(
        (r.errors[0].line, r.errors[0].field, r.errors[0].code.as_str()),
        (3, "amount", "invalid_amount")
    );
}

#[test]
fn a_file_without_a_recognisable_header_is_mapped_by_the_caller() {
    let text = "A-1;Acme;250,00;2026-10-01\nA-2;Beta;1.000,00;2026-10-15\n";
    let r = import(json!({ "text": text }));
    assert!(!r.has_header && !r.ready);
    assert_eq!(r.missing, ["id", "amount", "dueDate", "customerName"]);
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
fn duplicates_and_a_missing_currency_are_row_errors() {
    let text = "id,customer,amount,due\nA,Acme,10,2026-10-01\nA,Acme,11,2026-10-02\n";
    let r = import(json!({ "text": text }));
    assert_eq!(r.invoices.len(), 0);
    assert!(r.errors.iter().all(|e| e.field == "currency"), "{:?}", r.errors);
    let r = import(json!({ "text": text, "currency": "GBP" }));
    assert_eq!(r.invoices.len(), 1);
    assert_eq!((r.errors[0].line, r.errors[0].code.as_str()), (3, "duplicate_id"));
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

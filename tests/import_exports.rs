#![cfg(not(target_arch = "wasm32"))]
//! importInvoicesCsv on files laid out as accounting programs write them. Each fixture in
//! tests/fixtures/import/ names its source in its header comment; the expected invoices, totals,
//! customers and payment dates below are read off the fixture's rows by hand (the sums are written
//! out), not produced by the code under test.

use overdue::import::{import_invoices_csv, ImportInput, ImportResult};
use serde_json::{json, Value};

/// The file of a fixture: everything after its comment and the `---` line, byte for byte.
fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    let all = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let at = all
        .windows(5)
        .position(|w| w == b"\n---\n")
        .expect("a --- line after the comment");
    all[at + 5..].to_vec()
}

fn import_bytes(bytes: &[u8], options: Value) -> ImportResult {
    let mut input: ImportInput = overdue::decode::decode_json(&options.to_string()).unwrap();
    input.bytes = Some(bytes.to_vec());
    import_invoices_csv(&input).unwrap()
}

/// (id, customer, currency, amount, due date, paid, payment date or "", disputed)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
);

type Got = (String, String, String, String, String, String, String, bool);

fn rows(r: &ImportResult) -> Vec<Got> {
    r.invoices
        .iter()
        .map(|i| {
            let paid: rust_decimal::Decimal = i.payments.iter().map(|p| p.amount.0).sum();
            let date = i
                .payments
                .first()
                .and_then(|p| p.date)
                .map(|d| d.to_string())
                .unwrap_or_default();
            (
                i.id.to_string(),
                i.customer.name.clone(),
                i.currency.code().to_string(),
                i.amount.0.to_string(),
                i.due_date.to_string(),
                format!("{:.2}", paid),
                date,
                i.disputed,
            )
        })
        .collect()
}

fn expect(r: &ImportResult, want: &[Row]) {
    let want: Vec<Got> = want
        .iter()
        .map(|w| {
            (
                w.0.into(),
                w.1.into(),
                w.2.into(),
                w.3.into(),
                w.4.into(),
                w.5.into(),
                w.6.into(),
                w.7,
            )
        })
        .collect();
    assert_eq!(rows(r), want, "errors: {:?}", r.errors);
}

fn totals(r: &ImportResult) -> Vec<(String, usize, String, String)> {
    r.totals
        .iter()
        .map(|t| {
            (
                t.currency.code().to_string(),
                t.invoices,
                t.amount.to_string(),
                t.outstanding.to_string(),
            )
        })
        .collect()
}

fn skipped(r: &ImportResult) -> Vec<(usize, String, String, Option<String>)> {
    r.skipped
        .iter()
        .map(|s| {
            (
                s.line,
                s.reason.word().to_string(),
                s.text.clone(),
                s.amount.map(|a| a.to_string()),
            )
        })
        .collect()
}

/// (kind, number, customer, currency, date, amount) of a document imported.
type DocRow = (&'static str, Option<String>, String, String, String, String);

fn documents(r: &ImportResult) -> Vec<DocRow> {
    r.documents
        .iter()
        .map(|d| {
            (
                d.kind.word(),
                d.id.as_ref().map(|i| i.as_str().to_string()),
                d.customer_id.as_str().to_string(),
                d.currency.code().to_string(),
                d.date.to_string(),
                d.amount.0.to_string(),
            )
        })
        .collect()
}

/// The ageing of what was imported, invoices and documents, as of the report's own date: (owed on
/// invoices, customer credit) in the one currency.
fn aged(r: &ImportResult, as_of: &str) -> (String, String) {
    let input = json!({ "asOf": as_of, "invoices": r.invoices, "documents": r.documents });
    let a = overdue::aging::age_receivables(&overdue::decode::decode_json(&input.to_string()).unwrap()).unwrap();
    assert_eq!(a.currencies.len(), 1);
    let c = &a.currencies[0];
    (c.total_outstanding.to_string(), c.customer_credit.to_string())
}

/// Every choice the answer reports, fed back, gives the same invoices: the page can always send
/// back what it was told.
fn choices_round_trip(bytes: &[u8], first: &ImportResult, options: Value) {
    let mut o = options.as_object().unwrap().clone();
    let v = serde_json::to_value(first).unwrap();
    for key in [
        "encoding",
        "dateFormat",
        "decimalSeparator",
        "currency",
        "headerRow",
        "groupRows",
        "mapping",
    ] {
        if !v[key].is_null() {
            o.insert(key.into(), v[key].clone());
        }
    }
    let again = import_bytes(bytes, Value::Object(o));
    assert!(again.ready);
    assert_eq!(rows(&again), rows(first));
    assert_eq!(totals(&again), totals(first));
}

#[test]
fn quickbooks_ar_aging_detail() {
    let bytes = fixture("qbo-us-ar-aging-detail.txt");
    // No currency sign anywhere in this export: the currency is asked, with nothing to choose from.
    let r = import_bytes(&bytes, json!({}));
    assert!(!r.ready);
    assert_eq!((r.missing.as_slice(), r.currency_choices.len()), (&["currency"][..], 0));
    assert_eq!((r.header_row, r.encoding.map(|e| e.word())), (Some(5), Some("utf-8")));
    let r = import_bytes(&bytes, json!({ "currency": "USD" }));
    assert!(r.ready, "{:?}", r.missing);
    // 01/23/2023 can only be month first.
    assert_eq!(r.date_format.map(|f| f.word()), Some("MM/DD/YYYY"));
    assert_eq!(
        r.group_rows.map(|g| g.word()),
        Some("skip"),
        "the groups are ageing buckets"
    );
    // SI-1: amount 1,000.00, open 800.00, so 200.00 paid on a day the report does not give.
    expect(
        &r,
        &[
            ("SI-1", "TACTICS", "USD", "1000.00", "2025-12-11", "200.00", "", false),
            (
                "SI-2",
                "Sports Basement",
                "USD",
                "500.00",
                "2026-09-01",
                "0.00",
                "",
                false,
            ),
            (
                "SI-3",
                "Jane Doe - REP",
                "USD",
                "200.00",
                "2026-09-01",
                "0.00",
                "",
                false,
            ),
        ],
    );
    // 1000 + 500 + 200 = 1700; open 800 + 500 + 200 = 1500 (the report's TOTAL, 1,400.00, is that
    // less the credit memo's 100.00).
    assert_eq!(totals(&r), [("USD".into(), 3, "1700.00".into(), "1500.00".into())]);
    let s = skipped(&r);
    assert_eq!(s.iter().filter(|x| x.1 == "title").count(), 3);
    // Line 8: the credit memo SC-1 to ZUMIEZ of 01/23/2023, open balance -100.00.
    assert_eq!(
        documents(&r),
        [(
            "creditNote",
            Some("SC-1".into()),
            "ZUMIEZ".into(),
            "USD".into(),
            "2023-01-23".into(),
            "100.00".into()
        )]
    );
    assert!(!s.iter().any(|x| x.1 == "credit"), "{s:?}");
    // The report's own TOTAL, "1,400.00": 1,500.00 owed on invoices less ZUMIEZ's 100.00 of
    // credit. (Its SI-2 and SI-3 are dated 08/01/2026, after its "As of Jul 25" line, so it is
    // aged on 1 August, when every invoice in it had been issued.)
    assert_eq!(aged(&r, "2026-08-01"), ("1500.00".into(), "100.00".into()));
    assert_eq!(
        s.iter().filter(|x| x.1 == "total").map(|x| x.0).collect::<Vec<_>>(),
        [9, 13, 14]
    );
    assert_eq!(
        s.iter().filter(|x| x.1 == "group").map(|x| x.0).collect::<Vec<_>>(),
        [6, 10]
    );
    assert_eq!(
        s.iter().filter(|x| x.1 == "note").map(|x| x.0).collect::<Vec<_>>(),
        [15]
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(
        r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
        ["undated_payments"]
    );
    choices_round_trip(&bytes, &r, json!({}));
}

#[test]
fn quickbooks_open_invoices_grouped_by_customer() {
    let bytes = fixture("qbo-us-open-invoices.txt");
    // "$" on the totals: dollars, but which?
    let r = import_bytes(&bytes, json!({}));
    assert!(!r.ready);
    assert_eq!(r.missing, ["currency"]);
    assert_eq!(r.currency_choices, ["USD", "CAD", "AUD", "NZD", "SGD", "HKD"]);
    let r = import_bytes(&bytes, json!({ "currency": "USD" }));
    assert!(r.ready, "{:?}", r.missing);
    assert_eq!(r.group_rows.map(|g| g.word()), Some("customer"));
    // An open-items report: the open balance is the amount; nothing is known to be paid.
    expect(
        &r,
        &[
            (
                "INV-001",
                "Acme Corp",
                "USD",
                "1500.00",
                "2026-01-30",
                "0.00",
                "",
                false,
            ),
            ("INV-002", "Beta LLC", "USD", "750.00", "2026-03-03", "0.00", "", false),
        ],
    );
    assert_eq!(totals(&r), [("USD".into(), 2, "2250.00".into(), "2250.00".into())]);
    // Line 13: PaymentCo's unapplied payment of 03/04/2026, -200.00, a payment on account; the
    // row has no number.
    assert_eq!(
        documents(&r),
        [(
            "paymentOnAccount",
            None,
            "PaymentCo".into(),
            "USD".into(),
            "2026-03-04".into(),
            "200.00".into()
        )]
    );
    assert!(!r.skipped.iter().any(|s| s.reason.word() == "payment"));
    // The report's TOTAL, "$2,050.00", as of 4 April 2026: 2,250.00 owed less 200.00 of credit.
    assert_eq!(aged(&r, "2026-04-04"), ("2250.00".into(), "200.00".into()));
    assert_eq!(r.skipped_counts.get(overdue::import::SkipReason::Total), 4);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    choices_round_trip(&bytes, &r, json!({}));
}

#[test]
fn xero_invoice_export_one_row_per_line() {
    let bytes = fixture("xero-invoice-export.txt");
    let r = import_bytes(&bytes, json!({}));
    assert!(r.ready, "{:?} {:?}", r.missing, r.date_format_choices);
    // 25/06/2026 settles day first.
    assert_eq!(r.date_format.map(|f| f.word()), Some("DD/MM/YYYY"));
    let jf = "AL Lifestyle (Pty) Ltd T/A Jellyfish";
    expect(
        &r,
        &[
            // Two line rows, one invoice: the file's Total, 1580.94 (458.24 + 916.48 + tax 206.22).
            ("INV-3440", jf, "ZAR", "1580.94", "2026-07-11", "0.00", "", false),
            // Paid in full, the export gives no date for it.
            (
                "INV-3441",
                "Karoo Farm Stall",
                "ZAR",
                "690.00",
                "2026-06-02",
                "690.00",
                "",
                false,
            ),
            (
                "INV-3442",
                "Karoo Farm Stall",
                "ZAR",
                "345.00",
                "2026-07-25",
                "100.00",
                "",
                false,
            ),
        ],
    );
    assert_eq!(
        r.invoices[0].customer.email.as_deref(),
        Some("accounts@jellyfish.example")
    );
    // 1580.94 + 690.00 + 345.00 = 2615.94; open 1580.94 + 0 + 245.00 = 1825.94.
    assert_eq!(totals(&r), [("ZAR".into(), 3, "2615.94".into(), "1825.94".into())]);
    let s: Vec<(String, String, Option<String>)> = skipped(&r).into_iter().map(|x| (x.1, x.2, x.3)).collect();
    assert_eq!(
        s,
        [
            ("draft".into(), "INV-3443".into(), Some("230.00".into())),
            ("void".into(), "INV-3439".into(), Some("460.00".into())),
        ]
    );
    // The credit note CN-0012 of 20/06/2026 to Jellyfish, 115.00 of it still due (InvoiceAmountDue);
    // Karoo Farm Stall's overpayment of 03/07/2026, 50.00, with no number.
    assert_eq!(
        documents(&r),
        [
            (
                "creditNote",
                Some("CN-0012".into()),
                jf.into(),
                "ZAR".into(),
                "2026-06-20".into(),
                "115.00".into()
            ),
            (
                "paymentOnAccount",
                None,
                "Karoo Farm Stall".into(),
                "ZAR".into(),
                "2026-07-03".into(),
                "50.00".into()
            ),
        ]
    );
    // As of 31 July 2026 the credit note is set against INV-3440 (1,580.94 → 1,465.94) and the
    // overpayment against INV-3442 (245.00 → 195.00): 1,465.94 + 195.00 = 1,660.94 owed, no credit.
    assert_eq!(aged(&r, "2026-07-31"), ("1660.94".into(), "0.00".into()));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    choices_round_trip(&bytes, &r, json!({}));
}

#[test]
fn freshbooks_invoice_details_with_statuses_and_payment_dates() {
    let bytes = fixture("freshbooks-invoice-details.txt");
    let r = import_bytes(&bytes, json!({}));
    assert!(r.ready, "{:?}", r.missing);
    expect(
        &r,
        &[
            // 525.00 + 210.00, paid on the "Date Paid", not the issue date.
            (
                "0000041",
                "Harbourside Dental",
                "CAD",
                "735.00",
                "2026-08-28",
                "735.00",
                "2026-08-28",
                false,
            ),
            (
                "0000042",
                "Northwind Cafe",
                "CAD",
                "630.00",
                "2026-10-01",
                "0.00",
                "",
                false,
            ),
            (
                "0000043",
                "Northwind Cafe",
                "CAD",
                "262.50",
                "2026-10-15",
                "0.00",
                "",
                true,
            ),
            (
                "0000045",
                "Blue Heron Books",
                "CAD",
                "420.00",
                "2026-09-09",
                "0.00",
                "",
                false,
            ),
            (
                "0000046",
                "Blue Heron Books, US",
                "USD",
                "1000.00",
                "2026-09-11",
                "0.00",
                "",
                false,
            ),
        ],
    );
    // CAD: 735 + 630 + 262.50 + 420 = 2047.50, open 2047.50 − 735 = 1312.50.
    assert_eq!(
        totals(&r),
        [
            ("CAD".into(), 4, "2047.50".into(), "1312.50".into()),
            ("USD".into(), 1, "1000.00".into(), "1000.00".into())
        ]
    );
    assert_eq!(
        skipped(&r),
        [(6, "draft".into(), "0000044".into(), Some("315.00".into()))]
    );
    assert_eq!(
        r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
        ["partly_paid_unknown"]
    );
    choices_round_trip(&bytes, &r, json!({}));
}

#[test]
fn zoho_books_invoice_export() {
    let bytes = fixture("zoho-books-invoices.txt");
    let r = import_bytes(&bytes, json!({}));
    assert!(r.ready, "{:?}", r.missing);
    expect(
        &r,
        &[
            // Item totals 1000 + 500 under one invoice; its Total (with GST) is the amount.
            (
                "INV-000101",
                "Sharma Traders",
                "INR",
                "1770.00",
                "2026-10-01",
                "0.00",
                "",
                false,
            ),
            (
                "INV-000102",
                "Gupta & Sons",
                "INR",
                "2360.00",
                "2026-10-05",
                "2360.00",
                "2026-10-05",
                false,
            ),
            // Total 590, Balance 290: 300 paid, last payment 2 November.
            (
                "INV-000104",
                "Sharma Traders",
                "INR",
                "590.00",
                "2026-11-09",
                "300.00",
                "2026-11-02",
                false,
            ),
        ],
    );
    // The customer number, not Zoho's "Account" (the sales account).
    assert_eq!(r.invoices[0].customer.id.as_str(), "2345678000000095032");
    assert_eq!(totals(&r), [("INR".into(), 3, "4720.00".into(), "2060.00".into())]);
    let s: Vec<(String, String)> = skipped(&r).into_iter().map(|x| (x.1, x.2)).collect();
    assert_eq!(
        s,
        [
            ("draft".into(), "INV-000103".into()),
            ("void".into(), "INV-000105".into())
        ]
    );
    choices_round_trip(&bytes, &r, json!({}));
}

#[test]
fn datev_open_items_saved_from_german_excel() {
    let bytes = fixture("datev-opos-excel.txt");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture really is Windows-1252"
    );
    let r = import_bytes(&bytes, json!({ "currency": "EUR" }));
    assert_eq!(r.encoding.map(|e| e.word()), Some("windows-1252"));
    assert_eq!((r.delimiter.as_str(), r.decimal_separator.as_str()), (";", ","));
    assert_eq!(r.columns[3], "Fälligkeit");
    assert!(r.ready, "{:?}", r.missing);
    assert!(r.sample[0][8].contains("Müller & Söhne"));
    // Konto is the debtor's account: the customer.
    expect(
        &r,
        &[
            ("AR-78/13", "10100", "EUR", "2500.00", "2026-11-15", "0.00", "", false),
            ("AR-79/13", "10100", "EUR", "1190.00", "2026-11-19", "500.00", "", false),
            ("AR-80/13", "10200", "EUR", "357.00", "2026-12-02", "0.00", "", false),
        ],
    );
    assert_eq!(totals(&r), [("EUR".into(), 3, "4047.00".into(), "3547.00".into())]);
    choices_round_trip(&bytes, &r, json!({}));
}

#[test]
fn a_datev_booking_batch_is_answered_in_plain_words() {
    let input = ImportInput {
        bytes: Some(fixture("datev-extf-buchungsstapel.txt")),
        ..ImportInput::default()
    };
    let e = import_invoices_csv(&input).unwrap_err();
    assert_eq!(e.code.as_str(), "unsupported_file");
    assert!(e.message.contains("OPOS"), "{}", e.message);
}

#![cfg(not(target_arch = "wasm32"))]
//! normalizeInvoices from Rust: figures, statuses, and the code and path of every kind of bad input.

use overdue::decode::decode_json;
use overdue::normalize::{normalize_invoices, NormalizeInput, NormalizeOutput, Status};
use overdue::{Error, ErrorCode};
use proptest::prelude::*;

fn run(json: &str) -> Result<NormalizeOutput, Error> {
    let input: NormalizeInput = decode_json(json)?;
    normalize_invoices(&input)
}

/// One GBP invoice; `fields` (`,"name":value…`) replace or add fields of the base invoice.
fn one(fields: &str) -> String {
    let mut inv: serde_json::Value = serde_json::from_str(
        r#"{"id":"A-1","customer":{"id":"c1","name":"Acme"},"currency":"GBP","amount":"1200.00","issueDate":"2026-10-01","dueDate":"2026-10-31"}"#,
    )
    .unwrap();
    let extra: serde_json::Value = serde_json::from_str(&format!("{{{}}}", fields.trim_start_matches(','))).unwrap();
    for (k, v) in extra.as_object().unwrap() {
        inv[k] = v.clone();
    }
    serde_json::json!({ "asOf": "2026-11-23", "invoices": [inv] }).to_string()
}

fn err(json: &str) -> (ErrorCode, String) {
    let e = run(json).unwrap_err();
    (e.code, e.path)
}

#[test]
fn outstanding_counts_only_entries_on_or_before_as_of() {
    let out = run(&one(r#","payments":[{"date":"2026-11-23","amount":"100"},{"date":"2026-11-24","amount":"500"}],"credits":[{"date":"2026-11-01","amount":50.5}]"#)).unwrap();
    let i = &out.invoices[0];
    assert_eq!(i.paid.to_string(), "100.00");
    assert_eq!(i.credited.to_string(), "50.50");
    assert_eq!(i.outstanding.to_string(), "1049.50");
    assert_eq!(i.days_past_due, 23);
    assert_eq!(i.status, Status::Overdue);
}

#[test]
fn statuses_cover_paid_current_overdue_and_credit() {
    let paid = run(&one(r#","payments":[{"date":"2026-11-01","amount":"1200"}]"#)).unwrap();
    assert_eq!(
        (paid.invoices[0].status, paid.invoices[0].days_past_due),
        (Status::Paid, 0)
    );
    let over = run(&one(r#","payments":[{"date":"2026-11-01","amount":"1250"}]"#)).unwrap();
    assert_eq!(over.invoices[0].status, Status::Credit);
    assert_eq!(over.invoices[0].outstanding.to_string(), "-50.00");
    assert_eq!(over.totals[0].customer_credit.to_string(), "50.00");
    assert_eq!(over.totals[0].outstanding.to_string(), "0.00");
    let due_today = run(&one("").replace("2026-10-31", "2026-11-23")).unwrap();
    assert_eq!(
        (due_today.invoices[0].status, due_today.invoices[0].days_past_due),
        (Status::Current, 0),
        "due today is not late"
    );
    let one_day = run(&one("").replace("2026-10-31", "2026-11-22")).unwrap();
    assert_eq!(
        (one_day.invoices[0].status, one_day.invoices[0].days_past_due),
        (Status::Overdue, 1)
    );
}

#[test]
fn days_past_due_across_a_leap_day() {
    let json = one("")
        .replace("2026-10-01", "2024-02-01")
        .replace("2026-10-31", "2024-02-28")
        .replace("2026-11-23", "2024-03-01");
    assert_eq!(
        run(&json).unwrap().invoices[0].days_past_due,
        2,
        "28 Feb → 1 Mar 2024 crosses 29 Feb"
    );
}

#[test]
fn currencies_keep_their_minor_units_and_separate_totals() {
    let json = r#"{"asOf":"2026-11-23","invoices":[
      {"id":1,"customer":{"id":"c","name":"N"},"currency":"JPY","amount":185400,"issueDate":"2026-10-01","dueDate":"2026-10-31"},
      {"id":2,"customer":{"id":"c","name":"N"},"currency":"KWD","amount":"1.5","issueDate":"2026-10-01","dueDate":"2026-12-31"},
      {"id":3,"customer":{"id":"c","name":"N"},"currency":"eur","amount":"10","issueDate":"2026-10-01","dueDate":"2026-10-31"},
      {"id":4,"customer":{"id":"c","name":"N"},"currency":"EUR","amount":"0.05","issueDate":"2026-10-01","dueDate":"2026-10-31"}]}"#;
    let out = run(json).unwrap();
    let amounts: Vec<String> = out.invoices.iter().map(|i| i.amount.to_string()).collect();
    assert_eq!(amounts, ["185400", "1.500", "10.00", "0.05"]);
    let totals: Vec<(String, String)> = out
        .totals
        .iter()
        .map(|t| (t.currency.to_string(), t.outstanding.to_string()))
        .collect();
    assert_eq!(
        totals,
        [
            ("EUR".into(), "10.05".into()),
            ("JPY".into(), "185400".into()),
            ("KWD".into(), "1.500".into())
        ]
    );
    assert_eq!(out.invoices[0].id.as_str(), "1", "numeric ids become strings");
}

#[test]
fn bad_input_gives_code_and_path() {
    let cases: &[(&str, ErrorCode, &str)] = &[
        (
            r#","amount":0.30000000000000004"#,
            ErrorCode::TooManyDecimals,
            "invoices[0].amount",
        ),
        (
            r#","amount":"12.345""#,
            ErrorCode::TooManyDecimals,
            "invoices[0].amount",
        ),
        (r#","amount":"-5""#, ErrorCode::InvalidAmount, "invoices[0].amount"),
        (r#","amount":"0""#, ErrorCode::InvalidAmount, "invoices[0].amount"),
        (r#","amount":"""#, ErrorCode::InvalidAmount, "invoices[0].amount"),
        (r#","amount":true"#, ErrorCode::InvalidType, "invoices[0].amount"),
        (r#","amount":1e300"#, ErrorCode::AmountOutOfRange, "invoices[0].amount"),
        (
            r#","amount":"1.000000000000000000000000000001""#,
            ErrorCode::TooManyDecimals,
            "invoices[0].amount",
        ),
        (
            r#","currency":"XYZ""#,
            ErrorCode::UnknownCurrency,
            "invoices[0].currency",
        ),
        (r#","currency":7"#, ErrorCode::InvalidType, "invoices[0].currency"),
        (
            r#","dueDate":"2025-02-30""#,
            ErrorCode::InvalidDate,
            "invoices[0].dueDate",
        ),
        (
            r#","dueDate":"2026-09-30""#,
            ErrorCode::InvalidDateOrder,
            "invoices[0].dueDate",
        ),
        (
            r#","issueDate":"0000-01-01""#,
            ErrorCode::InvalidDate,
            "invoices[0].issueDate",
        ),
        (
            r#","promisedDate":"31/12/2026""#,
            ErrorCode::InvalidDate,
            "invoices[0].promisedDate",
        ),
        (r#","customer":null"#, ErrorCode::MissingField, "invoices[0].customer"),
        (
            r#","customer":{"id":"c1"}"#,
            ErrorCode::MissingField,
            "invoices[0].customer.name",
        ),
        (
            r#","customer":{"id":"c1","name":"   "}"#,
            ErrorCode::EmptyText,
            "invoices[0].customer.name",
        ),
        (r#","id":"""#, ErrorCode::EmptyText, "invoices[0].id"),
        (r#","id":1.5"#, ErrorCode::InvalidType, "invoices[0].id"),
        (r#","disputed":"yes""#, ErrorCode::InvalidType, "invoices[0].disputed"),
        (
            r#","payments":[{"date":"2026-11-01","amount":"1"},{"date":"2026-11-01"}]"#,
            ErrorCode::MissingField,
            "invoices[0].payments[1].amount",
        ),
        (
            r#","payments":[{"date":"2026-09-01","amount":"1"}]"#,
            ErrorCode::InvalidDateOrder,
            "invoices[0].payments[0].date",
        ),
        (
            r#","credits":[{"date":"2026-10-02","amount":"0.001"}]"#,
            ErrorCode::TooManyDecimals,
            "invoices[0].credits[0].amount",
        ),
        (
            r#","payments":{"date":"2026-11-01"}"#,
            ErrorCode::InvalidType,
            "invoices[0].payments",
        ),
    ];
    for (fields, code, path) in cases {
        assert_eq!(err(&one(fields)), (*code, path.to_string()), "{fields}");
    }
    let long = "x".repeat(201);
    assert_eq!(
        err(&one(&format!(r#","id":"{long}""#))),
        (ErrorCode::TooLong, "invoices[0].id".into())
    );
    assert_eq!(err(r#"{"invoices":[]}"#), (ErrorCode::MissingField, "asOf".into()));
    assert_eq!(
        err(r#"{"asOf":"2026-11-23"}"#),
        (ErrorCode::MissingField, "invoices".into())
    );
    assert_eq!(
        err(r#"{"asOf":"2026-11-23","invoices":"all"}"#).0,
        ErrorCode::InvalidType
    );
    assert_eq!(err(r#"[]"#).0, ErrorCode::InvalidType);
    assert_eq!(err(r#"{"asOf":"#).0, ErrorCode::InvalidJson);
    let dup = one("").replace("]}", r#",{"id":"A-1","customer":{"id":"c1","name":"Acme"},"currency":"GBP","amount":"1","issueDate":"2026-10-01","dueDate":"2026-10-31"}]}"#);
    assert_eq!(err(&dup), (ErrorCode::DuplicateId, "invoices[1].id".into()));
}

#[test]
fn extra_fields_are_ignored_and_nulls_mean_absent() {
    let out = run(&one(r#","status":"sent","payments":null,"credits":null,"disputed":null,"notes":null,"promisedDate":null,"x":{"deep":[1,2,3]}"#)).unwrap();
    assert_eq!(out.invoices[0].outstanding.to_string(), "1200.00");
}

#[test]
fn error_names_are_stable_snake_case() {
    for c in overdue::error::ALL_CODES {
        let s = c.as_str();
        assert!(s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'), "{s}");
        assert_eq!(ErrorCode::from_name(s), Some(*c));
    }
}

fn invoice_json(i: usize, amount_cents: i64, payments: &[(u32, i64)], due_offset: i64) -> String {
    let pays: Vec<String> = payments
        .iter()
        .map(|(day, cents)| {
            format!(
                r#"{{"date":"2026-01-{:02}","amount":"{}.{:02}"}}"#,
                day,
                cents / 100,
                cents % 100
            )
        })
        .collect();
    let due = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(due_offset);
    format!(
        r#"{{"id":"I{i}","customer":{{"id":"c{}","name":"C"}},"currency":"EUR","amount":"{}.{:02}","issueDate":"2026-01-01","dueDate":"{due}","payments":[{}]}}"#,
        i % 3,
        amount_cents / 100,
        amount_cents % 100,
        pays.join(",")
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// outstanding = amount − paid − credited on every invoice, and the per-currency outstanding,
    /// overdue and credit totals are exactly the sums of the invoice figures.
    #[test]
    fn totals_add_up(
        invoices in prop::collection::vec((1i64..10_000_000, prop::collection::vec((1u32..29, 1i64..5_000_000), 0..4), 0i64..60), 1..30),
        as_of_day in 1u32..29,
    ) {
        let parts: Vec<String> = invoices.iter().enumerate().map(|(i, (a, p, d))| invoice_json(i, *a, p, *d)).collect();
        let json = format!(r#"{{"asOf":"2026-01-{as_of_day:02}","invoices":[{}]}}"#, parts.join(","));
        let out = run(&json).unwrap();
        let mut owed = rust_decimal::Decimal::ZERO;
        let mut overdue = rust_decimal::Decimal::ZERO;
        let mut credit = rust_decimal::Decimal::ZERO;
        for inv in &out.invoices {
            prop_assert_eq!(inv.outstanding, inv.amount - inv.paid - inv.credited);
            match inv.status {
                Status::Overdue => { owed += inv.outstanding; overdue += inv.outstanding; prop_assert!(inv.days_past_due > 0) }
                Status::Current => { owed += inv.outstanding; prop_assert_eq!(inv.days_past_due, 0) }
                Status::Credit => credit -= inv.outstanding,
                Status::Paid | Status::WrittenOff => prop_assert!(inv.outstanding.is_zero()),
            }
        }
        prop_assert_eq!(out.totals.len(), 1);
        prop_assert_eq!(out.totals[0].outstanding, owed);
        prop_assert_eq!(out.totals[0].overdue, overdue);
        prop_assert_eq!(out.totals[0].customer_credit, credit);
    }

    /// No string, however malformed, makes the amount or date parsers panic; each either parses or
    /// gives its coded error.
    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        if let Err(e) = overdue::money::parse_decimal(&s) {
            prop_assert!(matches!(e.code, ErrorCode::InvalidAmount | ErrorCode::TooManyDecimals | ErrorCode::AmountOutOfRange));
        }
        if let Err(e) = overdue::date::parse_date(&s) {
            prop_assert_eq!(e.code, ErrorCode::InvalidDate);
        }
    }

    /// Any finite number that prints with at most two decimals is accepted for EUR unchanged.
    #[test]
    fn numbers_with_cents_are_exact(cents in -99_999_999_999i64..99_999_999_999) {
        let v = cents as f64 / 100.0;
        let d = overdue::money::decimal_from_f64(v).unwrap();
        let c = overdue::Currency::from_code("EUR").unwrap();
        let checked = overdue::money::check_for_currency(d, c).unwrap();
        prop_assert_eq!(checked, rust_decimal::Decimal::new(cents, 2));
    }
}

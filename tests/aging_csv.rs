#![cfg(not(target_arch = "wasm32"))]
//! ageReceivablesCsv: the same report as ageReceivables for the same ledger, and errors that name
//! the line and column.

mod common;
use common::*;
use overdue::aging::{age_receivables, AgingInput};
use overdue::aging_csv::{age_receivables_csv, AgingCsvInput};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::json;

fn csv_report(csv: &str, extra: serde_json::Value) -> Result<overdue::aging::AgingReport, overdue::Error> {
    let mut v = json!({ "asOf": "2026-11-23", "csv": csv });
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    age_receivables_csv(&input::<AgingCsvInput>(v).unwrap())
}

fn same(a: &overdue::aging::AgingReport, b: &overdue::aging::AgingReport) -> bool {
    serde_json::to_string(a).unwrap() == serde_json::to_string(b).unwrap()
}

#[test]
fn headers_are_found_by_name_in_any_order_and_delimiter() {
    let csv = "\u{feff}Due Date;Invoice Number;Customer;Customer Name;Currency;Total;Amount Paid;Disputed\r\n\
               2026-10-01;A-1;c1;\"Smith; Sons\";GBP;1000.00;250.50;no\r\n\
               2026-11-30;A-2;c1;\"Smith; Sons\";GBP;99.99;;yes\r\n";
    let r = csv_report(csv, json!({})).unwrap();
    assert_eq!(r.currencies[0].total_outstanding.to_string(), "849.49");
    assert_eq!(r.currencies[0].disputed_total.to_string(), "99.99");
    assert_eq!(r.customers[0].name, "Smith; Sons");
    assert_eq!(r.invoices[0].days_past_due, 53);
}

#[test]
fn outstanding_column_wins_over_paid() {
    let csv = "id,customerId,currency,amount,paid,outstanding,dueDate\nA,c,EUR,100,90,40,2026-11-01\n";
    assert_eq!(
        csv_report(csv, json!({})).unwrap().currencies[0]
            .total_outstanding
            .to_string(),
        "40.00"
    );
}

#[test]
fn errors_name_line_and_column() {
    let head = "id,customerId,currency,amount,issueDate,dueDate\n";
    let cases = [
        (
            "A,c,GBP,10,2026-01-01,2026-02-01\nB,c,GBP,10.001,2026-01-01,2026-02-01\n",
            ErrorCode::TooManyDecimals,
            "csv[3].amount",
        ),
        (
            "A,c,GBP,10,2026-01-01,2026-02-30\n",
            ErrorCode::InvalidDate,
            "csv[2].dueDate",
        ),
        (
            "A,c,XXX,10,2026-01-01,2026-02-01\n",
            ErrorCode::UnknownCurrency,
            "csv[2].currency",
        ),
        (
            "A,c,GBP,1,2026-01-01,2026-02-01\nA,c,GBP,1,2026-01-01,2026-02-01\n",
            ErrorCode::DuplicateId,
            "csv[3].id",
        ),
        ("A,c,GBP,\"1\"x,2026-01-01,2026-02-01\n", ErrorCode::InvalidValue, "csv"),
        (",c,GBP,1,2026-01-01,2026-02-01\n", ErrorCode::EmptyText, "csv[2].id"),
        (
            "A,c,GBP,-1,2026-01-01,2026-02-01\n",
            ErrorCode::InvalidAmount,
            "csv[2].amount",
        ),
        (
            "A,c,GBP,1,2026-03-01,2026-02-01\n",
            ErrorCode::InvalidDateOrder,
            "csv[2].dueDate",
        ),
    ];
    for (rows, code, path) in cases {
        let e = csv_report(&format!("{head}{rows}"), json!({})).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, path), "{rows}");
    }
    let e = csv_report("id,currency,amount,dueDate\n", json!({})).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "csv[1]"));
    assert!(e.message.contains("customerId"), "{}", e.message);
    let e = csv_report("", json!({})).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "csv"));
    let e = csv_report(&format!("{head}A,c,GBP,1,2026-12-01,2026-12-31\n"), json!({})).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDateOrder, "asOf"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// A ledger written as CSV (payments folded into `paid` as of asOf) ages exactly as the objects do,
    /// at every level of detail.
    #[test]
    fn csv_and_objects_agree(
        rows in prop::collection::vec((0usize..3, 1i64..50_000_000, 0i64..300, 0i64..60, 0i64..100, any::<bool>(), 0usize..5), 1..40),
        detail in prop::sample::select(vec!["invoices", "customers", "summary"]),
    ) {
        let base = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let cur = [("EUR", 2u32), ("JPY", 0), ("KWD", 3)];
        let mut objects = Vec::new();
        let mut csv = String::from("id,customerId,customerName,currency,amount,issueDate,dueDate,paid,disputed\n");
        for (i, (c, cents, issue, term, paid_pct, disputed, cust)) in rows.iter().enumerate() {
            let (code, scale) = cur[*c];
            let amount = rust_decimal::Decimal::new(*cents, scale);
            let paid = (amount * rust_decimal::Decimal::from(*paid_pct) / rust_decimal::Decimal::from(100)).round_dp(scale);
            let issue_d = base + chrono::Duration::days(*issue);
            let due_d = issue_d + chrono::Duration::days(*term);
            let mut o = with(inv(&format!("I{i}"), &format!("c{cust}"), code, &amount.to_string(), &issue_d.to_string(), &due_d.to_string()), "disputed", json!(disputed));
            if !paid.is_zero() {
                o = with(o, "payments", json!([pay(&issue_d.to_string(), &paid.to_string())]));
            }
            objects.push(o);
            csv.push_str(&format!("I{i},c{cust},Customer c{cust},{code},{amount},{issue_d},{due_d},{paid},{disputed}\n"));
        }
        let from_objects = age_receivables(&input::<AgingInput>(json!({ "asOf": "2026-11-23", "invoices": objects, "detail": detail })).unwrap()).unwrap();
        let from_csv = csv_report(&csv, json!({ "detail": detail })).unwrap();
        prop_assert!(same(&from_objects, &from_csv));
    }
}

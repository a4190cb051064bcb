#![cfg(not(target_arch = "wasm32"))]
//! ageReceivables: bucket rules (ERPNext conventions, GUIDE §5), edge cases and the invariant that
//! the buckets add up to the total.

mod common;
use common::*;
use overdue::aging::{age_receivables, AgingInput, AgingReport};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::json;

fn age(v: serde_json::Value) -> AgingReport {
    age_receivables(&input::<AgingInput>(v).unwrap()).unwrap()
}

fn amounts(r: &AgingReport, cur: usize) -> Vec<String> {
    r.currencies[cur].buckets.iter().map(|b| b.amount.to_string()).collect()
}

#[test]
fn upper_limits_are_inclusive() {
    // asOf 2026-11-30: due dates 0, 1, 30, 31, 60, 61, 90, 91, 120, 121 days earlier.
    let days = [0, 1, 30, 31, 60, 61, 90, 91, 120, 121];
    let invoices: Vec<_> = days
        .iter()
        .map(|d| {
            let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() - chrono::Duration::days(*d);
            inv(&format!("I{d}"), "c", "GBP", "1", "2025-01-01", &due.to_string())
        })
        .collect();
    let r = age(json!({ "asOf": "2026-11-30", "invoices": invoices }));
    assert_eq!(
        r.currencies[0].buckets.iter().map(|b| b.count).collect::<Vec<_>>(),
        [1, 2, 2, 2, 2, 1],
        "due today is Current; 30 → 1–30; 31 → 31–60; 121 → 121+"
    );
    let by_id = |id: &str| r.invoices.iter().find(|i| i.id.as_str() == id).unwrap().bucket;
    assert_eq!(
        (by_id("I0"), by_id("I30"), by_id("I31"), by_id("I120"), by_id("I121")),
        (0, 1, 2, 4, 5)
    );
}

#[test]
fn partial_payments_credits_and_later_entries() {
    let a = with(
        inv("A", "c1", "GBP", "1000.00", "2026-09-01", "2026-10-01"),
        "payments",
        json!([pay("2026-10-15", "250.50"), pay("2026-12-01", "749.50")]),
    );
    let b = with(
        inv("B", "c1", "GBP", "200.00", "2026-09-01", "2026-10-01"),
        "credits",
        json!([pay("2026-10-02", "200.00")]),
    );
    let c = with(
        inv("C", "c2", "GBP", "100.00", "2026-09-01", "2026-12-31"),
        "payments",
        json!([pay("2026-11-01", "130.00")]),
    );
    let d = inv("D", "c2", "GBP", "500.00", "2026-12-01", "2026-12-31");
    let r = age(json!({ "asOf": "2026-11-23", "invoices": [a, b, c, d] }));
    assert_eq!(
        amounts(&r, 0),
        ["0.00", "0.00", "749.50", "0.00", "0.00", "0.00"],
        "A: 53 days, the December payment ignored"
    );
    assert_eq!(r.currencies[0].total_outstanding.to_string(), "749.50");
    assert_eq!(
        r.currencies[0].customer_credit.to_string(),
        "30.00",
        "C overpaid: credit, not a negative bucket"
    );
    assert_eq!(
        (r.paid_invoices, r.not_yet_issued),
        (1, 1),
        "B credited in full; D issued after asOf"
    );
    assert_eq!(r.credits.len(), 1);
    assert_eq!(r.credits[0].amount.to_string(), "30.00");
}

#[test]
fn leap_year_and_month_ends() {
    let r = age(json!({ "asOf": "2024-03-01", "invoices": [inv("A", "c", "EUR", "10", "2024-01-31", "2024-01-31")] }));
    assert_eq!(
        r.invoices[0].days_past_due, 30,
        "31 Jan → 1 Mar 2024 is 30 days in a leap year"
    );
    assert_eq!(r.invoices[0].bucket, 1);
    let r = age(json!({ "asOf": "2023-03-01", "invoices": [inv("A", "c", "EUR", "10", "2023-01-31", "2023-01-31")] }));
    assert_eq!(r.invoices[0].days_past_due, 29);
}

#[test]
fn currencies_are_never_summed() {
    let r = age(json!({ "asOf": "2026-11-23", "invoices": [
        inv("A", "c", "JPY", "185400", "2026-09-01", "2026-10-01"),
        inv("B", "c", "KWD", "1.250", "2026-09-01", "2026-11-01"),
        inv("C", "c", "EUR", "99.99", "2026-11-01", "2026-12-01")] }));
    let cur: Vec<(String, String)> = r
        .currencies
        .iter()
        .map(|c| (c.currency.to_string(), c.total_outstanding.to_string()))
        .collect();
    assert_eq!(
        cur,
        [
            ("EUR".into(), "99.99".into()),
            ("JPY".into(), "185400".into()),
            ("KWD".into(), "1.250".into())
        ]
    );
    assert_eq!(r.customers.len(), 3, "one row per customer and currency");
}

#[test]
fn summary_figures_and_disputes() {
    // 4,200 at 74 days and 1,875 (disputed) at 40 days and 840 not yet due.
    let r = age(json!({ "asOf": "2026-11-23", "invoices": [
        inv("A", "studio", "GBP", "4200.00", "2026-08-11", "2026-09-10"),
        with(inv("B", "studio", "GBP", "1875.00", "2026-09-14", "2026-10-14"), "disputed", json!(true)),
        inv("C", "bakery", "GBP", "840.00", "2026-11-03", "2026-12-03")] }));
    let c = &r.currencies[0];
    assert_eq!(c.total_outstanding.to_string(), "6915.00");
    assert_eq!(c.overdue_total.to_string(), "6075.00");
    assert_eq!(c.disputed_total.to_string(), "1875.00");
    assert_eq!(c.share_over_90_days.to_string(), "0.00");
    // (4200×74 + 1875×40 + 840×0) / 6915 = 385800 / 6915 = 55.79…
    assert_eq!(c.weighted_average_days_past_due.to_string(), "55.8");
    let studio = &r.customers[0];
    assert_eq!(
        (
            studio.customer_id.as_str(),
            studio.oldest_days_past_due,
            studio.open_invoices
        ),
        ("studio", 74, 2)
    );
    assert_eq!(studio.disputed_amount.to_string(), "1875.00");
    assert_eq!(
        studio.buckets.iter().map(|b| b.to_string()).collect::<Vec<_>>(),
        ["0.00", "0.00", "1875.00", "4200.00", "0.00", "0.00"]
    );
    assert!(r.invoices.iter().find(|i| i.id.as_str() == "B").unwrap().disputed);
}

#[test]
fn custom_buckets_and_issue_date_basis() {
    let r = age(
        json!({ "asOf": "2026-11-23", "buckets": [7, 14], "invoices": [inv("A", "c", "USD", "10", "2026-11-01", "2026-11-10")] }),
    );
    assert_eq!(
        r.buckets.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(),
        ["Current", "1–7", "8–14", "15+"]
    );
    assert_eq!(r.invoices[0].bucket, 2, "13 days past due");
    let r = age(
        json!({ "asOf": "2026-11-23", "basis": "issueDate", "invoices": [inv("A", "c", "USD", "10", "2026-11-01", "2026-11-10")] }),
    );
    assert_eq!(r.buckets[0].label, "0–30");
    assert_eq!(
        (r.invoices[0].age, r.invoices[0].days_past_due, r.invoices[0].bucket),
        (22, 13, 0)
    );
}

#[test]
fn bad_input_is_coded() {
    let one = || json!([inv("A", "c", "USD", "10", "2026-11-01", "2026-11-10")]);
    let err = |v| age_receivables(&input::<AgingInput>(v).unwrap()).unwrap_err();
    let e = err(json!({ "asOf": "2026-11-23", "invoices": one(), "buckets": [30, 30] }));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "buckets[1]"));
    let e = err(json!({ "asOf": "2026-11-23", "invoices": one(), "buckets": [60, 30] }));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "buckets[1]"));
    let e = err(json!({ "asOf": "2026-11-23", "invoices": one(), "buckets": [-30] }));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "buckets[0]"));
    let e = err(json!({ "asOf": "2026-10-01", "invoices": one() }));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDateOrder, "asOf"));
    let e = input::<AgingInput>(json!({ "asOf": "2026-11-23", "invoices": one(), "basis": "paidDate" })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "basis"));
    let e = input::<AgingInput>(json!({ "asOf": "2026-11-23", "invoices": one(), "buckets": [30.5] })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, "buckets[0]"));
    assert!(
        age_receivables(&input::<AgingInput>(json!({ "asOf": "2026-11-23", "invoices": [] })).unwrap()).is_ok(),
        "an empty ledger is an empty report"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Per currency the buckets add up exactly to the total outstanding, every open invoice is in
    /// exactly one bucket, and the total equals what normalizeInvoices reports as outstanding.
    #[test]
    fn buckets_add_up(
        rows in prop::collection::vec((0usize..3, 1i64..100_000_000, 0i64..400, 0i64..60, prop::option::of((0i64..200, 1i64..100_000_000)), any::<bool>()), 0..40),
        limits in prop::collection::btree_set(1i64..200, 0..6),
        as_of_offset in 0i64..500,
    ) {
        let base = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let cur = ["EUR", "JPY", "KWD"];
        let invoices: Vec<_> = rows.iter().enumerate().map(|(i, (c, cents, issue, term, payment, disputed))| {
            let scale = [2u32, 0, 3][*c];
            let amount = rust_decimal::Decimal::new(*cents, scale).to_string();
            let issue_d = base + chrono::Duration::days(*issue);
            let mut v = inv(&format!("I{i}"), &format!("c{}", i % 4), cur[*c], &amount, &issue_d.to_string(), &(issue_d + chrono::Duration::days(*term)).to_string());
            if let Some((after, pc)) = payment {
                v = with(v, "payments", json!([pay(&(issue_d + chrono::Duration::days(*after)).to_string(), &rust_decimal::Decimal::new(*pc, scale).to_string())]));
            }
            with(v, "disputed", json!(disputed))
        }).collect();
        let as_of = (base + chrono::Duration::days(as_of_offset)).to_string();
        let limits: Vec<i64> = limits.into_iter().collect();
        let parsed: AgingInput = input(json!({ "asOf": as_of, "invoices": invoices, "buckets": limits })).unwrap();
        let Ok(r) = age_receivables(&parsed) else {
            // Only when asOf precedes every issue date.
            prop_assert!(parsed.invoices.iter().all(|i| i.issue_date > parsed.as_of));
            return Ok(());
        };
        let norm = overdue::normalize::normalize_invoices(&input(json!({ "asOf": as_of, "invoices": invoices })).unwrap()).unwrap();
        for c in &r.currencies {
            let sum: rust_decimal::Decimal = c.buckets.iter().map(|b| b.amount).sum();
            prop_assert_eq!(sum, c.total_outstanding);
            prop_assert_eq!(c.buckets.iter().map(|b| b.count).sum::<usize>(), c.open_invoices);
            let open: Vec<_> = r.invoices.iter().filter(|i| i.currency == c.currency).collect();
            prop_assert_eq!(open.len(), c.open_invoices);
            for (b, total) in c.buckets.iter().enumerate() {
                let s: rust_decimal::Decimal = open.iter().filter(|i| i.bucket == b).map(|i| i.outstanding).sum();
                prop_assert_eq!(s, total.amount);
            }
            let from_normalize: rust_decimal::Decimal = norm.invoices.iter()
                .filter(|i| i.currency == c.currency && i.issue_date <= parsed.as_of && i.outstanding > rust_decimal::Decimal::ZERO)
                .map(|i| i.outstanding).sum();
            prop_assert_eq!(from_normalize, c.total_outstanding);
            let cust_sum: rust_decimal::Decimal = r.customers.iter().filter(|x| x.currency == c.currency).map(|x| x.total_outstanding).sum();
            prop_assert_eq!(cust_sum, c.total_outstanding);
        }
    }
}

/// tests/statement.rs's ledger: INV-1 1,200 − 200 paid − 50 credited = 950.00 (due 1 Oct), INV-2
/// 300.00 (due 4 Nov); 100.00 on account on 20 Nov, credit note CN-4 of 40.00 for INV-2.
fn with_documents(on_account: &str) -> serde_json::Value {
    let one = with(
        with(
            inv("INV-1", "c1", "GBP", "1200.00", "2026-09-01", "2026-10-01"),
            "payments",
            json!([pay("2026-10-10", "200.00")]),
        ),
        "credits",
        json!([{ "date": "2026-10-15", "amount": "50.00" }]),
    );
    json!({ "asOf": "2026-12-02", "invoices": [one, inv("INV-2", "c1", "GBP", "300.00", "2026-10-05", "2026-11-04")],
        "documents": [
            { "kind": "paymentOnAccount", "customerId": "c1", "currency": "GBP", "date": "2026-11-20", "amount": on_account, "reference": "Transfer 88" },
            { "kind": "creditNote", "id": "CN-4", "customerId": "c1", "currency": "GBP", "date": "2026-11-25", "amount": "40.00", "appliesTo": ["INV-2"] },
            { "kind": "creditNote", "id": "CN-9", "customerId": "c1", "currency": "GBP", "date": "2026-12-24", "amount": "999.00" },
        ] })
}

#[test]
fn documents_are_netted_per_customer_as_the_statement_nets_them() {
    // 100.00 to the oldest due (INV-1: 850.00, 62 days, 61–90); CN-4 to INV-2 (260.00, 28 days);
    // CN-9 is dated after asOf. The same figures as the statement's footer.
    let r = age(with_documents("100.00"));
    assert_eq!(amounts(&r, 0), ["0.00", "260.00", "0.00", "850.00", "0.00", "0.00"]);
    assert_eq!(
        (
            r.currencies[0].total_outstanding.to_string(),
            r.currencies[0].customer_credit.to_string()
        ),
        ("1110.00".into(), "0.00".into())
    );
    // 1,300.00 on account: INV-1's 950.00 (due first), then INV-2's 300.00, 50.00 left; CN-4 then
    // finds INV-2 settled: 40.00 more. 90.00 of credit, listed under the last document, CN-4.
    let r = age(with_documents("1300.00"));
    assert_eq!(amounts(&r, 0), ["0.00"; 6]);
    assert_eq!(r.currencies[0].customer_credit.to_string(), "90.00");
    assert_eq!(r.customers[0].credit.to_string(), "90.00");
    assert_eq!(
        r.credits
            .iter()
            .map(|c| (c.invoice_id.as_str(), c.amount.to_string()))
            .collect::<Vec<_>>(),
        [("CN-4", "90.00".to_string())]
    );
}

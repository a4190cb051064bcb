#![cfg(not(target_arch = "wasm32"))]
//! provisionMatrix (IFRS 9 simplified approach): roll rates, the last bucket's loss share, loss
//! rates and the expected credit loss worked by hand on a small ledger; the written-off status;
//! bad input; and that no rate leaves 0–100 %.

mod common;
use common::*;
use overdue::provision::{provision_matrix, Provision, ProvisionInput};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn provision(v: Value) -> Result<Provision, overdue::Error> {
    provision_matrix(&input::<ProvisionInput>(v)?)
}

/// Month ends 31 Oct and 30 Nov 2026 (asOf 2 Dec, one month of history), buckets Current, 1–30, 31+.
fn ledger() -> Vec<Value> {
    let paid = |v: Value, d: &str, a: &str| with(v, "payments", json!([pay(d, a)]));
    vec![
        // Current on 31 Oct, past due on 30 Nov: A still owed (rolled), B paid 20 Nov.
        inv("A", "c", "EUR", "1000.00", "2026-10-01", "2026-11-15"),
        paid(
            inv("B", "c", "EUR", "1000.00", "2026-10-01", "2026-11-10"),
            "2026-11-20",
            "1000.00",
        ),
        // 1–30 on 31 Oct (11 and 6 days), 31+ on 30 Nov: C still owed, D paid 5 Nov.
        inv("C", "c", "EUR", "500.00", "2026-09-20", "2026-10-20"),
        paid(
            inv("D", "c", "EUR", "500.00", "2026-09-20", "2026-10-25"),
            "2026-11-05",
            "500.00",
        ),
        // 31+ on 31 Oct: E written off 15 Nov, F paid 10 Nov, G still owed.
        with(
            inv("E", "c", "EUR", "400.00", "2026-08-01", "2026-09-01"),
            "credits",
            json!([{ "date": "2026-11-15", "amount": "400.00", "writeOff": true }]),
        ),
        paid(
            inv("F", "c", "EUR", "400.00", "2026-08-01", "2026-09-05"),
            "2026-11-10",
            "400.00",
        ),
        inv("G", "c", "EUR", "200.00", "2026-07-01", "2026-08-01"),
        // Issued after 31 Oct: only in today's balances.
        inv("H", "c", "EUR", "800.00", "2026-11-20", "2026-12-20"),
    ]
}

#[test]
fn a_provision_matrix_worked_by_hand() {
    let p = provision(json!({ "asOf": "2026-12-02", "invoices": ledger(), "months": 1, "buckets": [30] })).unwrap();
    assert_eq!(p.snapshots, ["2026-10-31", "2026-11-30"]);
    let c = &p.currencies[0];
    let col = |f: fn(&overdue::provision::ProvisionBucket) -> String| c.buckets.iter().map(f).collect::<Vec<_>>();
    assert_eq!(col(|b| b.label.clone()), ["Current", "1–30", "31+"]);
    // Roll rates: current 1,000 of 2,000 = 50 %; 1–30: 500 of 1,000 = 50 %.
    assert_eq!(
        col(|b| format!("{:?}", b.roll_rate.map(|r| r.to_string()))),
        ["Some(\"50.00\")", "Some(\"50.00\")", "None"]
    );
    // The last bucket: of 1,000, 400 written off and 400 paid in the month: loss share 400/800 = 50 %.
    let last = &c.last_bucket;
    assert_eq!(
        [last.written_off_per_month, last.cleared_per_month, last.eventual_loss].map(|d| d.unwrap().to_string()),
        ["40.00", "40.00", "50.00"]
    );
    // Loss rates: 31+ 50 %; 1–30 50 % × 50 % = 25 %; current 50 % × 25 % = 12.5 %.
    assert_eq!(
        col(|b| b.loss_rate.unwrap().to_string()),
        ["12.5000", "25.0000", "50.0000"]
    );
    // Owed on 2 Dec: H 800 current; A 1,000 (17 days); C 500 (43 days) + G 200: 700 in 31+.
    assert_eq!(col(|b| b.balance.to_string()), ["800.00", "1000.00", "700.00"]);
    // 800 × 12.5 % + 1,000 × 25 % + 700 × 50 % = 100 + 250 + 350 = 700.00 of 2,500.00: 28 %.
    assert_eq!(
        col(|b| b.expected_loss.unwrap().to_string()),
        ["100.00", "250.00", "350.00"]
    );
    assert_eq!(
        (
            c.expected_loss.unwrap().to_string(),
            c.balance.to_string(),
            c.coverage_percent.unwrap().to_string()
        ),
        ("700.00".into(), "2500.00".into(), "28.00".into())
    );
    assert!(c.notes.is_empty(), "{:?}", c.notes);

    // A forward-looking 20 % on every rate: 120 + 300 + 420 = 840.00.
    let p = provision(
        json!({ "asOf": "2026-12-02", "invoices": ledger(), "months": 1, "buckets": [30], "adjustmentPercent": "20" }),
    )
    .unwrap();
    assert_eq!(p.currencies[0].expected_loss.unwrap().to_string(), "840.00");
}

#[test]
fn a_written_off_invoice_has_its_own_status() {
    let n =
        overdue::normalize::normalize_invoices(&input(json!({ "asOf": "2026-12-02", "invoices": ledger() })).unwrap())
            .unwrap();
    let status =
        |id: &str| serde_json::to_value(n.invoices.iter().find(|i| i.id.as_str() == id).unwrap().status).unwrap();
    assert_eq!((status("E"), status("F")), (json!("writtenOff"), json!("paid")));
}

#[test]
fn without_history_no_rate_is_guessed_and_it_is_said() {
    // Nothing in the 31+ bucket was ever paid or written off: no chain, so no rate and no loss.
    let v = vec![inv("A", "c", "GBP", "100.00", "2026-11-20", "2026-12-20")];
    let p = provision(json!({ "asOf": "2026-12-02", "invoices": v, "buckets": [30] })).unwrap();
    let c = &p.currencies[0];
    assert!(c
        .buckets
        .iter()
        .all(|b| b.loss_rate.is_none() && b.expected_loss.is_none()));
    assert_eq!((c.expected_loss, c.coverage_percent), (None, None));
    assert_eq!(c.notes, ["Nothing in the 31+ bucket was paid or written off over the history, so no loss can be estimated from it yet."]);
    // With the last bucket known (one month end, 31+ paid in full: loss 0 %) but nothing ever in
    // 1–30, that bucket is taken to roll on in full, and it is said.
    let w = vec![
        with(
            inv("B", "c", "GBP", "50.00", "2026-08-01", "2026-09-01"),
            "payments",
            json!([pay("2026-11-10", "50.00")]),
        ),
        inv("A", "c", "GBP", "100.00", "2026-11-20", "2026-12-20"),
    ];
    let p = provision(json!({ "asOf": "2026-12-02", "invoices": w, "buckets": [30], "months": 1 })).unwrap();
    let c = &p.currencies[0];
    assert_eq!(
        c.buckets
            .iter()
            .map(|b| b.loss_rate.unwrap().to_string())
            .collect::<Vec<_>>(),
        ["0.0000", "0.0000", "0.0000"]
    );
    assert!(
        c.notes.iter().any(|n| n.starts_with("Nothing was in the 1–30 bucket")),
        "{:?}",
        c.notes
    );
}

#[test]
fn bad_input() {
    for (key, value, path) in [
        ("months", json!(0), "months"),
        ("months", json!(61), "months"),
        ("buckets", json!([60, 30]), "buckets[1]"),
        ("adjustmentPercent", json!("-101"), "adjustmentPercent"),
    ] {
        let mut v = json!({ "asOf": "2026-12-02", "invoices": [] });
        v[key] = value;
        let e = provision(v).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, path));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    #[test]
    fn rates_stay_between_nothing_and_everything(
        xs in prop::collection::vec((1u32..100_000, -400i64..0, prop::option::of(0i64..200), 0u8..3), 0..30),
        adjust in -100i64..200,
    ) {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let d = |n: i64| (as_of + chrono::Duration::days(n)).to_string();
        let v: Vec<Value> = xs.iter().enumerate().map(|(i, &(cents, issue, after, how))| {
            let amount = format!("{}.{:02}", cents / 100 + 1, cents % 100);
            let x = inv(&format!("I{i}"), "c", "EUR", &amount, &d(issue), &d(issue + 30));
            match after.filter(|a| issue + a <= 0) {
                Some(a) if how == 0 => with(x, "payments", json!([pay(&d(issue + a), &amount)])),
                Some(a) if how == 1 => with(x, "credits", json!([{ "date": d(issue + a), "amount": amount, "writeOff": true }])),
                _ => x,
            }
        }).collect();
        let p = provision(json!({ "asOf": d(0), "invoices": v, "adjustmentPercent": adjust.to_string() })).unwrap();
        for c in &p.currencies {
            let Some(expected) = c.expected_loss else {
                prop_assert!(c.buckets.iter().all(|b| b.loss_rate.is_none()) && !c.notes.is_empty());
                continue;
            };
            let total: rust_decimal::Decimal = c.buckets.iter().map(|b| b.expected_loss.unwrap()).sum();
            prop_assert_eq!(total, expected);
            prop_assert!(expected <= c.balance);
            for b in &c.buckets {
                let r = b.loss_rate.unwrap();
                prop_assert!(r >= rust_decimal::Decimal::ZERO && r <= rust_decimal::Decimal::ONE_HUNDRED);
                if let Some(r) = b.roll_rate { prop_assert!(r >= rust_decimal::Decimal::ZERO && r <= rust_decimal::Decimal::ONE_HUNDRED); }
            }
        }
    }
}

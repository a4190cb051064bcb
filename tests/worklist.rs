#![cfg(not(target_arch = "wasm32"))]
//! collectionWorklist: order, reasons, holds and the effect of a risk report.

mod common;
use common::*;
use overdue::worklist::{collection_worklist, WorklistInput};
use serde_json::json;

fn work(v: serde_json::Value) -> overdue::worklist::Worklist {
    collection_worklist(&input::<WorklistInput>(v).unwrap()).unwrap()
}

fn ledger() -> serde_json::Value {
    json!([
        inv("A", "studio", "GBP", "4200.00", "2026-08-11", "2026-09-10"), // 74 days
        inv("B", "bakery", "GBP", "760.50", "2026-09-23", "2026-11-01"),  // 22 days
        with(
            inv("C", "garage", "GBP", "312.40", "2026-10-19", "2026-11-18"),
            "promisedDate",
            json!("2026-11-26")
        ),
        with(
            inv("D", "design", "GBP", "1875.00", "2026-09-14", "2026-10-14"),
            "disputed",
            json!(true)
        ),
        inv("E", "bakery", "GBP", "840.00", "2026-11-03", "2026-12-03"), // not yet due
        inv("F", "cafe", "EUR", "1000.00", "2026-10-09", "2026-11-08"),  // 15 days
    ])
}

#[test]
fn bigger_and_older_first_held_last() {
    let w = work(json!({ "asOf": "2026-11-23", "invoices": ledger() }));
    let order: Vec<(&str, &str)> = w
        .items
        .iter()
        .map(|i| (i.customer_id.as_str(), i.status.word()))
        .collect();
    assert_eq!(
        order,
        [
            ("studio", "chase"),
            ("bakery", "chase"),
            ("cafe", "chase"),
            ("design", "onHold"),
            ("garage", "onHold")
        ]
    );
    assert_eq!(w.items[0].reason, "£4,200.00 over 60 days, oldest 74 days");
    assert_eq!(w.items[1].reason, "£760.50 overdue, oldest 22 days");
    assert_eq!(w.items[3].reason, "On hold: disputed (£1,875.00 overdue)");
    assert_eq!(
        w.items[4].reason,
        "On hold: promised to pay by 2026-11-26 (£312.40 overdue)"
    );
    assert_eq!(w.items[3].priority.to_string(), "0.0");
    // On the default scale of 10,000 (GBP, EUR):
    // studio: 4,200/10,000 × 0.55 + 74/180 × 0.45 = 0.231 + 0.185 = 0.416 → 41.6.
    assert_eq!(w.items[0].priority.to_string(), "41.6");
    // bakery: 760.50/10,000 × 0.55 + 22/180 × 0.45 = 0.0418275 + 0.055 = 0.0968275 → 9.7.
    assert_eq!(w.items[1].priority.to_string(), "9.7");
    // cafe: 1,000/10,000 × 0.55 + 15/180 × 0.45 = 0.055 + 0.0375 = 0.0925 → 9.3 (half away from zero).
    assert_eq!(w.items[2].priority.to_string(), "9.3");
    assert!(
        w.items.iter().all(|i| i.invoices.iter().all(|x| x.id.as_str() != "E")),
        "not-yet-due invoices are not work"
    );
}

fn priority_of(w: &overdue::worklist::Worklist, customer: &str) -> String {
    w.items
        .iter()
        .find(|i| i.customer_id.as_str() == customer)
        .unwrap()
        .priority
        .to_string()
}

#[test]
fn a_bigger_debtor_does_not_move_anyone_elses_priority() {
    let mut invoices = ledger();
    invoices
        .as_array_mut()
        .unwrap()
        .push(inv("M", "mega", "GBP", "50000.00", "2026-10-14", "2026-11-13"));
    let w = work(json!({ "asOf": "2026-11-23", "invoices": invoices }));
    // Relative to the largest debtor, studio would have fallen to 4,200/50,000 × 55 + 18.5 = 23.1.
    assert_eq!(priority_of(&w, "studio"), "41.6");
    // mega: the amount's points are capped at 55; 10 days: 55 + 10/180 × 45 = 57.5.
    assert_eq!(priority_of(&w, "mega"), "57.5");
    assert_eq!(w.items[0].customer_id.as_str(), "mega");
}

#[test]
fn the_amount_scale_is_the_callers_per_currency() {
    let w = work(json!({ "asOf": "2026-11-23", "invoices": ledger(), "amountScale": { "GBP": "4200" } }));
    // studio owes the whole scale: 55 + 74/180 × 45 = 55 + 18.5 = 73.5; EUR keeps the default.
    assert_eq!(priority_of(&w, "studio"), "73.5");
    assert_eq!(priority_of(&w, "cafe"), "9.3");
    // The yen default is 1,000,000: ¥500,000 at 36 days is 0.5 × 55 + 36/180 × 45 = 27.5 + 9 = 36.5.
    let yen = work(json!({ "asOf": "2026-11-23",
        "invoices": [inv("Y", "tokyo", "JPY", "500000", "2026-09-18", "2026-10-18")] }));
    assert_eq!(priority_of(&yen, "tokyo"), "36.5");
}

#[test]
fn a_bad_amount_scale_is_refused_with_its_path() {
    for (scale, code, path) in [
        (json!({ "XYZ": "100" }), "unknown_currency", "amountScale.XYZ"),
        (json!({ "GBP": "0" }), "invalid_amount", "amountScale.GBP"),
        (json!({ "GBP": "10.001" }), "too_many_decimals", "amountScale.GBP"),
        (json!({ "GBP": "ten" }), "invalid_amount", "amountScale.GBP"),
    ] {
        let e = input::<WorklistInput>(json!({ "asOf": "2026-11-23", "invoices": ledger(), "amountScale": scale }))
            .and_then(|i| collection_worklist(&i))
            .unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), (code, path), "{scale}");
    }
}

#[test]
fn a_passed_promise_is_chased_again() {
    let w = work(json!({ "asOf": "2026-11-27", "invoices": ledger() }));
    let garage = w.items.iter().find(|i| i.customer_id.as_str() == "garage").unwrap();
    assert_eq!(garage.status.word(), "chase");
    assert!(garage.invoices[0].hold.is_none());
}

#[test]
fn a_risk_report_raises_priority() {
    let plain = work(json!({ "asOf": "2026-11-23", "invoices": ledger() }));
    let risky = work(json!({ "asOf": "2026-11-23", "invoices": ledger(),
        "risk": { "customers": [{ "customerId": "bakery", "score": 40, "trend": "deteriorating" }] } }));
    let p = |w: &overdue::worklist::Worklist| {
        w.items
            .iter()
            .find(|i| i.customer_id.as_str() == "bakery")
            .unwrap()
            .priority
    };
    assert_eq!(
        p(&risky) - p(&plain),
        rust_decimal::Decimal::new(250, 1),
        "+0.15 deteriorating, +0.10 score below 50"
    );
    let bakery = risky.items.iter().find(|i| i.customer_id.as_str() == "bakery").unwrap();
    assert!(bakery.reason.ends_with("; paying later and later"), "{}", bakery.reason);
}

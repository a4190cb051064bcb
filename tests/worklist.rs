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
    let order: Vec<(&str, &str)> = w.items.iter().map(|i| (i.customer_id.as_str(), i.status)).collect();
    assert_eq!(
        order,
        [
            ("studio", "chase"),
            ("cafe", "chase"),
            ("bakery", "chase"),
            ("design", "onHold"),
            ("garage", "onHold")
        ]
    );
    assert_eq!(w.items[0].reason, "£4,200.00 over 60 days, oldest 74 days");
    assert_eq!(w.items[2].reason, "£760.50 overdue, oldest 22 days");
    assert_eq!(w.items[3].reason, "On hold: disputed (£1,875.00 overdue)");
    assert_eq!(
        w.items[4].reason,
        "On hold: promised to pay by 2026-11-26 (£312.40 overdue)"
    );
    assert_eq!(w.items[3].priority.to_string(), "0.0");
    // studio: amount 1 (largest GBP) × 0.55 + 74/180 × 0.45 = 0.735 → 73.5.
    assert_eq!(w.items[0].priority.to_string(), "73.5");
    // cafe: the only EUR debtor (amount 1) at 15 days: 0.55 + 15/180 × 0.45 = 0.5875 → 58.8 (half away from zero).
    assert_eq!(w.items[1].priority.to_string(), "58.8");
    assert!(
        w.items.iter().all(|i| i.invoices.iter().all(|x| x.id.as_str() != "E")),
        "not-yet-due invoices are not work"
    );
}

#[test]
fn a_passed_promise_is_chased_again() {
    let w = work(json!({ "asOf": "2026-11-27", "invoices": ledger() }));
    let garage = w.items.iter().find(|i| i.customer_id.as_str() == "garage").unwrap();
    assert_eq!(garage.status, "chase");
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

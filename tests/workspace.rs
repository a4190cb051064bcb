#![cfg(not(target_arch = "wasm32"))]
//! The page's workspace document: export → import round trips over random content.

use proptest::prelude::*;
use serde_json::{json, Value};

fn any_workspace() -> impl Strategy<Value = Value> {
    let invoice = (
        1u32..40,
        1i64..10_000_000,
        1u32..=28,
        1u32..=12,
        0i64..3,
        any::<bool>(),
        "[ -~]{0,12}",
    );
    (prop::collection::vec(invoice, 0..20), "[ -~]{0,20}", prop::collection::vec(("[ -~]{1,30}", 1u32..=28), 0..5)).prop_map(|(invs, sender, log)| {
        let invoices: Vec<Value> = invs.iter().enumerate().map(|(i, (c, cents, d, m, paid, disputed, note))| json!({
            "id": format!("W-{i}"), "customer": { "id": format!("C{c}"), "name": format!("Customer {c}") }, "currency": "EUR",
            "amount": format!("{}.{:02}", cents / 100, cents % 100), "issueDate": format!("2026-{m:02}-{d:02}"), "dueDate": format!("2026-{m:02}-{d:02}"),
            "payments": if *paid > 0 { json!([{ "date": format!("2026-{m:02}-{d:02}"), "amount": "0.01" }]) } else { json!([]) },
            "disputed": disputed, "notes": note,
        })).collect();
        json!({ "version": 1, "sender": { "name": sender }, "invoices": invoices,
                "log": log.iter().map(|(t, d)| json!({ "customerId": "C1", "date": format!("2026-11-{d:02}"), "kind": "note", "text": t })).collect::<Vec<_>>() })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// What the page exports reads back as the same workspace, and writing it again changes nothing.
    #[test]
    fn workspace_export_import_round_trip(ws in any_workspace()) {
        let parsed = overdue::workspace::parse_workspace(&ws.to_string()).unwrap();
        let text = overdue::workspace::to_text(&parsed.workspace).unwrap();
        let again = overdue::workspace::parse_workspace(&text).unwrap();
        prop_assert_eq!(&again.workspace, &parsed.workspace);
        prop_assert_eq!(overdue::workspace::to_text(&again.workspace).unwrap(), text);
        prop_assert_eq!(again.workspace.invoices.len(), ws["invoices"].as_array().unwrap().len());
    }
}

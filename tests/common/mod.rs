//! Builders shared by the native integration tests.
#![allow(dead_code)]

use serde_json::{json, Value};

/// An invoice as JSON: `inv("A", "c1", "GBP", "100.00", "2026-10-01", "2026-10-31")`.
pub fn inv(id: &str, customer: &str, currency: &str, amount: &str, issue: &str, due: &str) -> Value {
    json!({ "id": id, "customer": { "id": customer, "name": format!("Customer {customer}") },
            "currency": currency, "amount": amount, "issueDate": issue, "dueDate": due })
}

/// Adds `key: value` to an invoice.
pub fn with(mut v: Value, key: &str, value: Value) -> Value {
    v[key] = value;
    v
}

pub fn pay(date: &str, amount: &str) -> Value {
    json!({ "date": date, "amount": amount })
}

/// Decodes any overdue input from a JSON value through the same path as JSON text.
pub fn input<T: overdue::decode::Decode>(v: Value) -> Result<T, overdue::Error> {
    overdue::decode::decode_json(&v.to_string())
}

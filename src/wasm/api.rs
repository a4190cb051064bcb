//! The exported functions. Each one: read the input object, call the core, write the result.

use super::convert::{from_js, js_error, to_js};
use crate::normalize::{normalize_invoices as normalize_core, NormalizeInput};
use wasm_bindgen::prelude::*;

/// Validates invoices and returns them normalised as of `asOf`: canonical amounts, the balance
/// outstanding (amount − payments − credits dated on or before `asOf`), days past due, a status
/// (`paid`, `current`, `overdue`, `credit`) and per-currency totals.
///
/// ```js
/// const { invoices, totals } = normalizeInvoices({ asOf: "2026-11-23", invoices: [{
///   id: "INV-7", customer: { id: "c1", name: "Acme Ltd" }, currency: "GBP", amount: "1200.00",
///   issueDate: "2026-10-01", dueDate: "2026-10-31", payments: [{ date: "2026-11-02", amount: "200" }] }] });
/// // invoices[0].outstanding === "1000.00", invoices[0].daysPastDue === 23
/// ```
///
/// # Errors
/// Throws an `OverdueError` with `code` and `path` for the first invalid field
/// (`invalid_date` at `invoices[0].dueDate`, `too_many_decimals` at `invoices[2].amount`, …).
#[wasm_bindgen(js_name = normalizeInvoices, unchecked_return_type = "NormalizeInvoicesOutput")]
pub fn normalize_invoices(
    #[wasm_bindgen(unchecked_param_type = "NormalizeInvoicesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: NormalizeInput = from_js(&input)?;
    let out = normalize_core(&input).map_err(js_error)?;
    to_js(&out)
}

/// The package version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Every error `code` overdue can throw, for exhaustive handling on the JavaScript side.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Vec<JsValue> {
    crate::error::ALL_CODES.iter().map(|c| JsValue::from_str(c.as_str())).collect()
}

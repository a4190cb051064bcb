//! Crossing the boundary: JS values into overdue's types with coded errors, results back out as
//! plain objects, and overdue's `Error` as a thrown JavaScript `Error`.

use crate::decode::decode;
use crate::error::{Error, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reads `T` from a JavaScript value, or returns the thrown-ready `OverdueError`.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    decode(|| serde_wasm_bindgen::Deserializer::from(value.clone())).map_err(js_error)
}

/// Writes a result as a plain JavaScript object (maps as objects, absent values as `null`).
///
/// The result is written as JSON text and handed to the engine's `JSON.parse` in one call: building
/// the same objects field by field across the boundary (serde-wasm-bindgen) took several times
/// longer for large reports.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let internal = |what: String| js_error(Error::new(ErrorCode::Internal, "", format!("overdue could not build its result: {what}")));
    let text = serde_json::to_string(value).map_err(|e| internal(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| internal("JSON.parse refused it".into()))
}

/// An `Error` with `name = "OverdueError"` and the `code` and `path` of the failure.
pub fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("OverdueError");
    // Setting a property on a fresh Error object cannot fail; there is nothing to do if it did.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code.as_str()));
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("path"), &JsValue::from_str(&e.path));
    err.into()
}

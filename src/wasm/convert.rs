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

// Maps become plain objects (not `Map`s) and absent values `null`, so results survive
// `JSON.stringify` unchanged and look the same in every runtime.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);

/// Writes a result as a plain JavaScript object.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&SERIALIZER).map_err(|e| {
        js_error(Error::new(ErrorCode::Internal, "", format!("overdue could not build its result: {e}")))
    })
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

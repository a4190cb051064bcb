//! Crossing the boundary: JS values into overdue's types with coded errors, results back out as
//! plain objects, and overdue's `Error` as a thrown JavaScript `Error`.
//!
//! Inputs are read in their JSON form: the engine's `JSON.stringify`, then overdue's own JSON reader
//! ([`crate::decode`]) inside WebAssembly. That is the exact form an edge worker receives as a request
//! body, so the JS API and the HTTP API read input identically (a `Date` becomes its ISO string,
//! `undefined` fields are absent), and it was 1.7× faster than walking the objects field by field with
//! serde-wasm-bindgen while keeping one reader in the module instead of two.

use crate::decode::decode_json;
use crate::error::{Error, ErrorCode};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads `T` from a JavaScript value, or returns the thrown-ready `OverdueError`.
///
/// Only the decoding is generic: the JavaScript side of the crossing lives in the helpers below,
/// once for every export (each export's own copy of it had cost about 3 KB of wasm).
pub fn from_js<T: crate::decode::Decode>(value: &JsValue) -> Result<T, JsValue> {
    // Both readings of the input run getters, so both are inside the guard.
    reading(|| {
        let text = input_text(value)?;
        match decode_json::<T>(&text) {
            Ok(v) => Ok(v),
            Err(first) => Err(js_error(
                precise_text(value)
                    .and_then(|t| decode_json::<T>(&t).err())
                    .unwrap_or(first),
            )),
        }
    })
}

#[inline(never)]
fn input_text(value: &JsValue) -> Result<String, JsValue> {
    match js_sys::JSON::stringify(value) {
        Ok(t) => text_of(&t.into()).ok_or_else(|| {
            // JSON.stringify(undefined) and of functions or symbols returns undefined.
            js_error(Error::new(ErrorCode::MissingField, "", "The input is required."))
        }),
        Err(e) => Err(js_error(unreadable(&e))),
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Object.assign` that reports a throwing getter as an `Err`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = assign)]
    fn assign(target: &js_sys::Object, source: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, which reads an input from JavaScript (and so may run the input's getters, `toJSON`
/// or Proxy traps), refusing any overdue call those make meanwhile. Such calls nested hundreds deep
/// had overrun the module's stack, and Node had died with a segmentation fault; refused, the inner
/// call throws `reentrant_call` inside the getter, and the outer call reports its input unreadable.
pub fn reading<R>(f: impl FnOnce() -> Result<R, JsValue>) -> Result<R, JsValue> {
    if READING.with(|r| r.replace(true)) {
        return Err(js_error(Error::new(
            ErrorCode::ReentrantCall,
            "",
            "overdue was called from inside the reading of another call's input (a getter, toJSON or Proxy); call it after that call returns.",
        )));
    }
    let out = f();
    READING.with(|r| r.set(false));
    out
}

#[wasm_bindgen]
extern "C" {
    /// The engine's `TextEncoder`, present in every runtime overdue supports.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, source: &js_sys::JsString, dest: &mut [u8]) -> Progress;
    type Progress;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Progress) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Progress) -> u32;
}

thread_local! {
    static ENCODER: Utf8Encoder = Utf8Encoder::new();
}

/// A JavaScript string as a Rust `String`, or `None` if `value` is not a string.
///
/// wasm-bindgen's own conversion copies the ASCII part one character at a time in JavaScript, which
/// took a quarter of ageing 100,000 invoice objects (their 17 MB of JSON) and more of the CSV paths;
/// `TextEncoder.encodeInto` writes straight into the module's memory.
pub fn text_of(value: &JsValue) -> Option<String> {
    let s: &js_sys::JsString = value.dyn_ref()?;
    let mut rest = s.clone();
    // Room for ASCII first; what does not fit is encoded again with room for the worst case.
    let mut buf = vec![0u8; s.length() as usize];
    let mut written = 0;
    loop {
        let progress = ENCODER.with(|e| e.encode_into(&rest, &mut buf[written..]));
        written += progress.written() as usize;
        let (read, total) = (progress.read(), rest.length());
        if read >= total {
            break;
        }
        rest = rest.slice(read, total);
        buf.resize(written + 3 * rest.length() as usize, 0);
    }
    buf.truncate(written);
    // The encoder writes valid UTF-8 (a lone surrogate becomes U+FFFD), so this only checks it.
    String::from_utf8(buf).ok()
}

/// JSON writes NaN and ±Infinity as `null`, so a NaN amount would be reported as missing. When the
/// input fails, it is read again with those numbers kept as the strings "NaN", "Infinity" and
/// "-Infinity", which every field rejects with its own code ("NaN is not an amount").
#[inline(never)]
fn precise_text(value: &JsValue) -> Option<String> {
    let keep = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, v: JsValue| match v.as_f64() {
        Some(n) if n.is_nan() => JsValue::from_str("NaN"),
        Some(n) if n.is_infinite() => JsValue::from_str(if n > 0.0 { "Infinity" } else { "-Infinity" }),
        _ => v,
    });
    text_of(
        &js_sys::JSON::stringify_with_replacer(value, keep.as_ref().unchecked_ref())
            .ok()?
            .into(),
    )
}

/// A large text field read apart from the rest of the input (through JSON it would be escaped,
/// copied and unescaped again: 70 MB for a million CSV rows): the text, and a shallow copy of the
/// input without it. `None` when the field is not a string (the JSON path then says what it is).
///
/// # Errors
/// `invalid_text` at `key[LINE]` for a lone surrogate; `reentrant_call` (see [`reading`]).
pub fn text_field(input: &JsValue, key: &str) -> Result<Option<(String, JsValue)>, JsValue> {
    reading(|| {
        let value = js_sys::Reflect::get(input, &JsValue::from_str(key)).map_err(|e| js_error(unreadable(&e)))?;
        let Some(text) = whole_text(&value).map_err(|line| js_error(lone_surrogate(&format!("{key}[{line}]"))))? else {
            return Ok(None);
        };
        Ok(Some((text, without_key(input, key)?)))
    })
}

/// A file's bytes given as a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`, read apart
/// from the rest of the input, which JSON would turn into an object of a million keys: the bytes,
/// and a shallow copy of the input without them. `None` when the field holds neither.
///
/// # Errors
/// `reentrant_call` (see [`reading`]); an input that cannot be read.
pub fn bytes_field(input: &JsValue, key: &str) -> Result<Option<(Vec<u8>, JsValue)>, JsValue> {
    reading(|| {
        let value = js_sys::Reflect::get(input, &JsValue::from_str(key)).map_err(|e| js_error(unreadable(&e)))?;
        let bytes = if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
            a.to_vec()
        } else if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
            js_sys::Uint8Array::new(b).to_vec()
        } else {
            return Ok(None);
        };
        Ok(Some((bytes, without_key(input, key)?)))
    })
}

/// The error for a lone surrogate found at `path`.
pub fn lone_surrogate(path: &str) -> Error {
    Error::new(
        ErrorCode::InvalidText,
        path,
        "This text holds half of a UTF-16 character pair (a lone surrogate), which is not Unicode text; the file or value was damaged before it reached overdue.",
    )
}

/// Like [`text_of`], but a lone surrogate is an error (`Err` with its 1-based line) instead of a
/// silent U+FFFD: the encoder replaces one, so only a text whose UTF-8 holds U+FFFD is searched.
pub fn whole_text(value: &JsValue) -> Result<Option<String>, usize> {
    let Some(text) = text_of(value) else { return Ok(None) };
    if !text.contains('\u{FFFD}') {
        return Ok(Some(text));
    }
    let s: &js_sys::JsString = value.unchecked_ref();
    // With the u flag a well-formed pair is one code point; only a lone half is in \p{Cs}.
    let lone = js_sys::RegExp::new("\\p{Cs}", "u");
    match s.search(&lone) {
        at if at < 0 => Ok(Some(text)),
        at => Err(String::from(s.slice(0, at as u32)).matches('\n').count() + 1),
    }
}

/// A shallow copy of an object without one key, for inputs whose large text field is read apart.
pub fn without_key(value: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    // `Object.assign` runs getters; a throw must come back as a value, not unwind through the
    // module past the guard of `reading`.
    let copy = assign(&js_sys::Object::new(), value).map_err(|e| js_error(unreadable(&e)))?;
    js_sys::Reflect::delete_property(copy.unchecked_ref::<js_sys::Object>(), &JsValue::from_str(key))
        .map_err(|e| js_error(unreadable(&e)))?;
    Ok(copy)
}

fn unreadable(e: &JsValue) -> Error {
    let why = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    if too_long_for_a_string(e) {
        return Error::new(
            ErrorCode::TooLarge,
            "",
            format!("The input is too large for JavaScript to write as one JSON text ({why}): split it into several calls, or give a large ledger to ageReceivablesCsv as CSV text."),
        );
    }
    Error::new(
        ErrorCode::InvalidType,
        "",
        format!("The input cannot be read as JSON (a cycle, a BigInt or a throwing getter?): {why}"),
    )
}

/// Whether `e` is the engine refusing to make a string longer than it can hold (V8's limit is
/// 2^29 − 24 UTF-16 units, about 512 MB), as opposed to a stack overflow, also a RangeError.
fn too_long_for_a_string(e: &JsValue) -> bool {
    let Some(e) = e.dyn_ref::<js_sys::Error>() else {
        return false;
    };
    let message = String::from(e.message()).to_ascii_lowercase();
    let name = String::from(e.name());
    (name == "RangeError" || message.contains("string")) && !message.contains("stack") && !message.contains("recursion")
}

/// Writes a result as a plain JavaScript object (maps as objects, absent values as `null`), as
/// JSON text handed to the engine's `JSON.parse`: building the objects field by field across the
/// boundary took several times longer for large reports.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    parse_output(crate::encode::to_json(value))
}

/// V8's longest string, in UTF-16 units (at least as many UTF-8 bytes).
const MAX_JS_STRING: usize = (1 << 29) - 24;

#[inline(never)]
fn parse_output(text: Result<String, crate::encode::EncodeError>) -> Result<JsValue, JsValue> {
    let internal = |what: String| {
        js_error(Error::new(
            ErrorCode::Internal,
            "",
            format!("overdue could not build its result: {what}"),
        ))
    };
    let text = text.map_err(|e| internal(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|e| {
        // Past the engine's longest string the result cannot cross in one piece.
        if too_long_for_a_string(&e) || text.len() >= MAX_JS_STRING {
            js_error(Error::new(
                ErrorCode::TooLarge,
                "",
                format!(
                    "The result would be {} MB of JSON, more than JavaScript can hold in one string: split the invoices into several calls, or ask for less (detail \"customers\" or \"summary\" where the function has it).",
                    text.len() / 1_000_000
                ),
            ))
        } else {
            internal("JSON.parse refused it".into())
        }
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

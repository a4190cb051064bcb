//! Reading input objects with errors that say where: any serde `Deserializer` (serde-wasm-bindgen for
//! JavaScript objects, serde_json for JSON text) into overdue's types, with failures turned into an
//! [`Error`] whose `path` names the field (`invoices[3].dueDate`).
//!
//! The fast path deserialises without tracking where it is. Only when that fails is the input read a
//! second time through `serde_path_to_error` to find the path, so valid input pays nothing for it.

use crate::error::{join_path, Error, ErrorCode};
use serde::de::DeserializeOwned;

// Field-level checks inside `Deserialize` impls (dates, amounts, currencies) report through serde's
// string-only error channel; the code travels in front of the message between these markers.
const MARK: char = '\u{1f}';

/// Wraps a coded [`Error`] as a serde error; [`decode`] takes the code back out.
pub fn coded<E: serde::de::Error>(e: Error) -> E {
    E::custom(format_args!("{MARK}{}{MARK}{}", e.code.as_str(), e.message))
}

/// Deserialises `T` from the deserialiser `make` returns. `make` is called a second time only when
/// the first attempt fails, to find the path of the failure.
///
/// # Errors
/// The first invalid field, as an [`Error`] with its code and path.
pub fn decode<'de, T, D, F>(make: F) -> Result<T, Error>
where
    T: DeserializeOwned,
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
    F: Fn() -> D,
{
    match T::deserialize(make()) {
        Ok(v) => Ok(v),
        Err(first) => match serde_path_to_error::deserialize::<_, T>(make()) {
            Err(e) => Err(from_serde_message(&path_string(e.path()), &e.inner().to_string())),
            // Only a deserialiser that does not read the same input twice gets here; keep its first
            // answer, without a path.
            Ok(_) => Err(from_serde_message("", &first.to_string())),
        },
    }
}

/// Deserialises `T` from JSON text, with the same codes and paths as [`decode`]; a syntax error is
/// `invalid_json` with its line and column.
///
/// # Errors
/// The first invalid field, or the JSON syntax error.
pub fn decode_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let whole = |de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>| de.end();
    let mut de = serde_json::Deserializer::from_str(text);
    let first = match T::deserialize(&mut de) {
        Ok(v) => match whole(&mut de) {
            Ok(()) => return Ok(v),
            Err(e) => e,
        },
        Err(e) => e,
    };
    if first.is_syntax() || first.is_eof() {
        return Err(Error::new(
            ErrorCode::InvalidJson,
            "",
            format!("The text is not valid JSON: {first}."),
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => {
            let raw = e.inner().to_string();
            // serde_json appends the position; the path says more, and the message should not repeat it.
            let msg = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
            Err(from_serde_message(&path_string(e.path()), msg))
        }
        Ok(_) => Err(from_serde_message("", &first.to_string())),
    }
}

fn path_string(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in p.iter() {
        match seg {
            Segment::Seq { index } => {
                s.push('[');
                s.push_str(&index.to_string());
                s.push(']');
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                s = join_path(&s, key);
            }
            Segment::Unknown => s = join_path(&s, "?"),
        }
    }
    s
}

/// Turns a serde error message into an [`Error`], recognising overdue's coded messages and serde's
/// standard ones ("missing field `x`", "invalid type: …, expected …").
pub fn from_serde_message(path: &str, raw: &str) -> Error {
    // serde-wasm-bindgen's errors are JavaScript `Error`s and print as "Error: …".
    let msg = raw.strip_prefix("Error: ").unwrap_or(raw);
    if let Some(start) = msg.find(MARK) {
        let rest = &msg[start + MARK.len_utf8()..];
        if let Some(end) = rest.find(MARK) {
            if let Some(code) = ErrorCode::from_name(&rest[..end]) {
                return Error::new(code, path, &rest[end + MARK.len_utf8()..]);
            }
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return Error::new(ErrorCode::MissingField, join_path(path, field), format!("`{field}` is required."));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, "another type"));
        // JavaScript's undefined and null both arrive as "unit"/"null": for a required value that is
        // a missing field, whatever the deserialiser calls it.
        if matches!(got, "unit value" | "null" | "none" | "option") {
            let what = if path.is_empty() { "The input".to_string() } else { format!("`{path}`") };
            return Error::new(ErrorCode::MissingField, path, format!("{what} is required."));
        }
        let what = if path.is_empty() { "The input".to_string() } else { format!("`{path}`") };
        return Error::new(
            ErrorCode::InvalidType,
            path,
            format!("{what} should be {}, not {}.", plain_expected(expected), plain_got(got)),
        );
    }
    if msg.starts_with("invalid length ") && msg.contains("expected struct") {
        let what = if path.is_empty() { "The input".to_string() } else { format!("`{path}`") };
        return Error::new(ErrorCode::InvalidType, path, format!("{what} should be an object, not a list."));
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        return Error::new(ErrorCode::InvalidValue, path, format!("Unknown value {rest}."));
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ").or_else(|| msg.strip_prefix("invalid length ")) {
        return Error::new(ErrorCode::InvalidValue, path, format!("Invalid value: {rest}."));
    }
    // serde-wasm-bindgen reports some shape mismatches (a string where a list belongs) with the
    // JavaScript TypeError it ran into.
    if msg.starts_with("TypeError") {
        let what = if path.is_empty() { "The input".to_string() } else { format!("`{path}`") };
        return Error::new(ErrorCode::InvalidType, path, format!("{what} has the wrong type."));
    }
    Error::new(ErrorCode::InvalidValue, path, msg)
}

fn plain_expected(expected: &str) -> String {
    if expected.starts_with("struct ") || expected.starts_with("a map") {
        "an object".to_string()
    } else if expected.starts_with("a sequence") {
        "a list (array)".to_string()
    } else {
        expected.to_string()
    }
}

fn plain_got(got: &str) -> String {
    for prefix in ["floating point ", "integer "] {
        if let Some(n) = got.strip_prefix(prefix) {
            let n = n.trim_matches('`');
            let n = n.strip_suffix(".0").unwrap_or(n);
            return format!("the number {n}");
        }
    }
    match got {
        "map" => "an object".to_string(),
        "sequence" => "a list".to_string(),
        g => g.replace('`', ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Inner {
        due_date: crate::money::Amount,
        #[serde(with = "crate::date::ymd")]
        when: chrono::NaiveDate,
    }
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        flag: bool,
    }

    fn run(json: &str) -> Result<Outer, Error> {
        decode_json(json)
    }

    #[test]
    fn paths_name_the_field() {
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1","when":"2024-01-01"},{"dueDate":"x","when":"2024-01-01"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidAmount, "items[1].dueDate"));
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1","when":"2024-02-30"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDate, "items[0].when"));
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "items[0].when"));
        let e = run(r#"{"flag":"yes","items":[]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, "flag"));
        assert!(e.message.contains("boolean"), "{}", e.message);
        let e = run(r#"[1,2]"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidType);
        let e = run(r#"{"flag":true,"items":[}"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidJson);
        let e = run(r#"{"flag":true,"items":[]} x"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidJson);
    }

    #[test]
    fn owned_deserializers_get_codes_too() {
        use serde::de::IntoDeserializer;
        let make = || -> serde::de::value::StrDeserializer<'static, serde::de::value::Error> { "12,50".into_deserializer() };
        let e = decode::<crate::money::Amount, _, _>(make).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidAmount, ""));
    }
}

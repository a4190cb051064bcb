//! Reading input with errors that say where: JSON text into overdue's types, with failures turned
//! into an [`Error`] whose `path` names the field (`invoices[3].dueDate`).
//!
//! Deserialisation does not track where it is. When it fails, serde_json says at which byte, and
//! [`path_at`] reads the JSON up to that byte to name the field. Valid input pays nothing for paths,
//! and the module carries one deserialiser per type instead of a second, path-tracking copy of each
//! (26 KB of gzipped wasm).

use crate::error::{join_path, Error, ErrorCode};
use serde::de::DeserializeOwned;

// Field-level checks inside `Deserialize` impls (dates, amounts, currencies) report through serde's
// string-only error channel; the code travels in front of the message between these markers.
const MARK: char = '\u{1f}';

/// Wraps a coded [`Error`] as a serde error; [`decode`] takes the code back out.
pub fn coded<E: serde::de::Error>(e: Error) -> E {
    E::custom(format_args!("{MARK}{}{MARK}{}", e.code.as_str(), e.message))
}

/// Deserialises `T` from JSON text, with the same codes and paths as [`decode`]; a syntax error is
/// `invalid_json` with its line and column.
///
/// # Errors
/// The first invalid field, or the JSON syntax error.
pub fn decode_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut de).and_then(|v| de.end().map(|()| v)) {
        Ok(v) => Ok(v),
        Err(e) => Err(json_error(text, &e)),
    }
}

/// The coded error for a serde_json failure on `text`. Kept out of the generic [`decode_json`] so
/// that every input type shares one copy.
#[inline(never)]
fn json_error(text: &str, first: &serde_json::Error) -> Error {
    if first.is_syntax() || first.is_eof() {
        return Error::new(ErrorCode::InvalidJson, "", format!("The text is not valid JSON: {first}."));
    }
    let offset = byte_offset(text, first.line(), first.column());
    let raw = first.to_string();
    // serde_json appends the position; the path says more, and the message should not repeat it.
    let msg = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
    let (container, last) = path_at(text, offset);
    // A missing field is reported at the end of the object that lacks it. serde_json has usually
    // consumed its `}` by then (the path is the object just closed); if not, the innermost
    // container is that object.
    let closed = text.as_bytes()[..offset.min(text.len())].iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b'}');
    let path = if msg.starts_with("missing field") && !closed { container } else { last };
    from_serde_message(&path, msg)
}

fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column).min(text.len())
}

/// The JSON path at byte `offset` of `text`: `(path of the innermost container, path of the value
/// last entered)`, e.g. `("invoices[0]", "invoices[0].amount")`.
pub fn path_at(text: &str, offset: usize) -> (String, String) {
    enum Frame {
        Object { key: Option<String>, in_key: bool },
        Array { index: usize },
    }
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match b[i] {
            b'{' => stack.push(Frame::Object { key: None, in_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { in_key, .. }) => *in_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_key, .. }) = stack.last_mut() {
                    *in_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, in_key: true }) = stack.last_mut() {
                    *key = Some(text.get(start..i.min(text.len())).unwrap_or("").to_string());
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut container = String::new();
    let mut last = String::new();
    let n = stack.len();
    for (depth, f) in stack.iter().enumerate() {
        let seg = match f {
            Frame::Object { key: Some(k), .. } => Some(join_path("", k)),
            Frame::Object { key: None, .. } => None,
            Frame::Array { index } => Some(format!("[{index}]")),
        };
        if let Some(seg) = seg {
            last = join_path(&last, &seg);
            if depth + 1 < n {
                container = last.clone();
            }
        }
    }
    (container, last)
}

/// Turns a serde error message into an [`Error`], recognising overdue's coded messages and serde's
/// standard ones ("missing field `x`", "invalid type: …, expected …").
pub fn from_serde_message(path: &str, msg: &str) -> Error {
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
    fn paths_at_offsets() {
        let t = r#"{"invoices":[{"id":"a"},{"id":"b","amount":"x","c":{"d":[1,2,3]}}]}"#;
        let at = |needle: &str| path_at(t, t.find(needle).unwrap() + needle.len());
        assert_eq!(at(r#""x""#).1, "invoices[1].amount");
        assert_eq!(at("[1,2").1, "invoices[1].c.d[1]");
        assert_eq!(at(r#""a""#), ("invoices[0]".to_string(), "invoices[0].id".to_string()));
        assert_eq!(path_at(t, 0).1, "");
        assert_eq!(path_at(r#"{"a\"b":1}"#, 9).1, r#"a\"b"#);
    }
}

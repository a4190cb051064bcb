//! Reading input with errors that say where: JSON text into overdue's types, with failures turned
//! into an [`Error`] whose `path` names the field (`invoices[3].dueDate`).
//!
//! Every input type implements [`Decode`], written with [`decode_struct!`](crate::decode_struct) and [`decode_enum!`](crate::decode_enum)
//! rather than serde's derive: one small reader shared by all types instead of a deserialiser per
//! type (serde's derived code was about a quarter of the module's size), and each type reads its
//! values straight from the text (an amount from the number's digits, not through an `f64`).
//!
//! Paths cost nothing on valid input: a failing field returns its error and each level it passes
//! through on the way out puts its key or index in front.

mod impls;
mod reader;

pub use reader::Reader;

use crate::error::{Error, ErrorCode, Result};

/// A type read from JSON with [`decode_json`].
pub trait Decode: Sized {
    /// Reads one value. Errors carry the path below this value; callers add theirs.
    ///
    /// # Errors
    /// The first invalid field, or the JSON syntax error.
    fn decode(r: &mut Reader<'_>) -> Result<Self>;
}

/// A JSON object read as its key/value pairs in the order written, for objects keyed by the caller
/// (an import's field → column choices). A `BTreeMap` would bring its own copy of the tree's code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pairs<T>(pub Vec<(String, T)>);

/// What a value turned out to be, for messages that say what was found instead.
pub enum Got<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    Str,
    List,
    Object,
}

// Stands for the field in a message until the whole path is known: "`invoices[3].amount` should be…".
const FIELD: char = '\u{1f}';

/// A type error: `null` is a missing value, anything else is the wrong kind of value.
#[cold]
#[inline(never)]
pub fn type_error(expected: &str, got: &Got<'_>) -> Error {
    let got = match got {
        Got::Null => return Error::new(ErrorCode::MissingField, "", format!("{FIELD} is required.")),
        Got::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        Got::Number(n) => format!("the number {n}"),
        Got::Str => "a string".to_string(),
        Got::List => "a list".to_string(),
        Got::Object => "an object".to_string(),
    };
    Error::new(
        ErrorCode::InvalidType,
        "",
        format!("{FIELD} should be {expected}, not {got}."),
    )
}

/// Deserialises `T` from JSON text; a syntax error is `invalid_json` with its line and column.
///
/// # Errors
/// The first invalid field, or the JSON syntax error.
pub fn decode_json<T: Decode>(text: &str) -> Result<T> {
    let mut out = None;
    read_all(text, &mut |r| {
        out = Some(T::decode(r)?);
        Ok(())
    })?;
    out.ok_or_else(|| Error::new(ErrorCode::Internal, "", "The reader returned no value."))
}

/// The part of [`decode_json`] that does not depend on the type: one copy in the module.
#[inline(never)]
fn read_all(text: &str, read: &mut dyn FnMut(&mut Reader<'_>) -> Result<()>) -> Result<()> {
    let mut r = Reader::new(text);
    read(&mut r).and_then(|()| r.end()).map_err(name_field)
}

#[inline(never)]
fn name_field(mut e: Error) -> Error {
    if e.message.contains(FIELD) {
        let what = if e.path.is_empty() {
            "The input".to_string()
        } else {
            format!("`{}`", e.path)
        };
        e.message = e.message.replace(FIELD, &what);
    }
    e
}

/// Reads one field's value; `null` is `None`, as an absent field is.
pub fn field<T: Decode>(r: &mut Reader<'_>, key: &str) -> Result<Option<T>> {
    if r.null()? {
        return Ok(None);
    }
    match T::decode(r) {
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e.within(key)),
    }
}

/// Reads one field's value into its slot (the last of repeated keys wins, as in `JSON.parse`).
/// Out of line so that each struct's reader is a list of calls, not a copy of every field type's
/// reading and dropping code.
#[inline(never)]
pub fn set<T: Decode>(slot: &mut Option<T>, r: &mut Reader<'_>, key: &str) -> Result<()> {
    *slot = field(r, key)?;
    Ok(())
}

/// Where `key` is in `keys`, or `usize::MAX`.
#[inline(never)]
pub fn key_index(keys: &[&str], key: &str) -> usize {
    keys.iter().position(|k| *k == key).unwrap_or(usize::MAX)
}

/// The error for the first of `keys` whose value is not `present`.
#[cold]
#[inline(never)]
pub fn missing_of(present: &[bool], keys: &[&str]) -> Error {
    let at = present.iter().position(|p| !p).unwrap_or(0);
    missing(keys.get(at).copied().unwrap_or(""))
}

#[cold]
#[inline(never)]
fn missing(key: &str) -> Error {
    Error::new(ErrorCode::MissingField, key, format!("{FIELD} is required."))
}

/// An unknown word for an enum: `invalid_value`, listing the words accepted.
#[cold]
#[inline(never)]
pub fn unknown_word(word: &str, words: &[&str]) -> Error {
    let shown: String = word.chars().take(40).collect();
    let list = words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ");
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format!("Unknown value `{shown}` for {FIELD}: use one of {list}."),
    )
}

/// `impl Decode` for a struct read from a JSON object: each field with its JSON key; `= default`
/// marks a field that may be absent or `null` (then `Default::default()`). Unknown keys are skipped,
/// so records from other systems pass straight through.
///
/// ```ignore
/// decode_struct!(Customer { id: "id", name: "name", email: "email" = default });
/// ```
#[macro_export]
macro_rules! decode_struct {
    ($ty:ident { $($field:ident : $key:literal $(= $dflt:ident)?),* $(,)? }) => {
        impl $crate::decode::Decode for $ty {
            #[inline(never)]
            fn decode(r: &mut $crate::decode::Reader<'_>) -> $crate::error::Result<Self> {
                const KEYS: &[&str] = &[$($key),*];
                $( let mut $field = None; )*
                r.object(&mut |r, key| {
                    // The key's position, then one call per field: a jump table rather than a
                    // string comparison and an error path per field in every struct.
                    let at = $crate::decode::key_index(KEYS, key);
                    let mut n = 0usize;
                    $(
                        if at == n {
                            return $crate::decode::set(&mut $field, r, $key);
                        }
                        n += 1;
                    )*
                    let _ = n;
                    r.skip()
                })?;
                // One exit for a missing field, not one per required field: each `?` would have
                // dropped every field read so far, a copy of that code per field.
                let present = [$( $crate::decode_struct!(@present $field $(, $dflt)?) ),*];
                match ($( $crate::decode_struct!(@some $field $(, $dflt)?), )*) {
                    ($( Some($field), )*) => Ok($ty { $( $field, )* }),
                    _ => Err($crate::decode::missing_of(&present, KEYS)),
                }
            }
        }
    };
    (@present $f:ident) => { $f.is_some() };
    (@present $f:ident, default) => { true };
    (@some $f:ident) => { $f };
    (@some $f:ident, default) => { Some($f.unwrap_or_default()) };
}

/// `impl Decode` and `impl Serialize` (and `word()`) for an enum of words, from one list: `decode_enum!(Basis { DueDate = "dueDate", IssueDate = "issueDate" })`.
#[macro_export]
macro_rules! decode_enum {
    ($ty:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        impl $crate::decode::Decode for $ty {
            fn decode(r: &mut $crate::decode::Reader<'_>) -> $crate::error::Result<Self> {
                const WORDS: &[&str] = &[$($word),*];
                let word = r.str()?;
                match &*word {
                    $( $word => Ok($ty::$variant), )*
                    other => Err($crate::decode::unknown_word(other, WORDS)),
                }
            }
        }
        // Written back with the same words: a wire name is defined once, for both directions.
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.word())
            }
        }
        impl $ty {
            /// Every value, in the order of the list.
            #[allow(dead_code)]
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// This value's word on the wire.
            pub fn word(self) -> &'static str {
                match self {
                    $( $ty::$variant => $word, )*
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Amount;
    use chrono::NaiveDate;

    #[derive(Debug)]
    #[allow(dead_code)]
    struct Inner {
        due_date: Amount,
        when: NaiveDate,
        note: Option<String>,
    }
    decode_struct!(Inner {
        due_date: "dueDate",
        when: "when",
        note: "note" = default
    });

    #[derive(Debug)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        flag: bool,
    }
    decode_struct!(Outer {
        items: "items",
        flag: "flag"
    });

    fn run(json: &str) -> Result<Outer> {
        decode_json(json)
    }

    #[test]
    fn paths_name_the_field() {
        let e =
            run(r#"{"flag":true,"items":[{"dueDate":"1","when":"2024-01-01"},{"dueDate":"x","when":"2024-01-01"}]}"#)
                .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidAmount, "items[1].dueDate")
        );
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1","when":"2024-02-30"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDate, "items[0].when"));
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1"}]}"#).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.message.as_str()),
            (ErrorCode::MissingField, "items[0].when", "`items[0].when` is required.")
        );
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1","when":null}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "items[0].when"));
        let e = run(r#"{"flag":"yes","items":[]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, "flag"));
        assert_eq!(e.message, "`flag` should be a boolean (true or false), not a string.");
        let e = run(r#"{"flag":true,"items":{}}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidType, "items"));
        let e = run(r#"[1,2]"#).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::InvalidType, "The input should be an object, not a list.")
        );
        let e = run("null").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::MissingField, "The input is required.")
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        for (bad, at) in [
            (r#"{"flag":true,"items":[}"#, "line 1, column 23"),
            (r#"{"flag":true,"items":[]} x"#, "line 1, column 26"),
            ("{\n\"flag\":tru}", "line 2, column 8"),
            (r#"{"flag":true,"items":[],}"#, "line 1, column 25"),
            (r#"{"flag":true,"items":[], "x": 01}"#, "line 1, column 31"),
            ("nope", "expected a value at line 1, column 1"),
            (r#"{"flag":true,"items":[], "x": "a"#, "the text ends too early"),
            ("{\"flag\":true,\"items\":[], \"x\": \"\u{1}\"}", "control character"),
            (r#"{"flag":true,"items":[], "x": "\ud8"}"#, "four hex digits"),
            (r#"{"flag":true,"items":[], "x": "\q"}"#, "unknown escape"),
            (r#"{"flag":true,"items":[], "x": [1,{"a":[2,]}]}"#, "line 1, column 42"),
            (r#"{"flag":true,"items":[], "x": {"a" 1}}"#, "expected `:`"),
            ("", "the text ends too early"),
        ] {
            let e = run(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidJson, "{bad}");
            assert!(e.message.contains(at), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn unknown_fields_of_any_shape_are_skipped() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let text = format!(
            r#"{{"x":{deep},"flag":false,"y":{{"a":[1,-2.5e3,"s\"\\u00e9",true,null,{{}}]}},"items":[{{"dueDate":12.5,"when":"2024-01-01","note":"caf\u00e9 \ud83d\ude00"}}]}}"#
        );
        let o = run(&text).unwrap();
        // A lone surrogate read is not text: invalid_text with its path (as on the CSV path).
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1","when":"2024-01-01","note":"a\udc00"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidText, "items[0].note"));
        let e = run(r#"{"flag":true,"items":[{"dueDate":"1","when":"2024-01-01","note":"\ud800x"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidText, "items[0].note"));
        // Unread strings are not decoded: a lone surrogate there is harmless.
        assert!(run(r#"{"x":"\ud800","flag":true,"items":[]}"#).is_ok());
        assert!(!o.flag);
        assert_eq!(o.items[0].due_date.0.to_string(), "12.5");
        assert_eq!(o.items[0].note.as_deref(), Some("café 😀"));
        let unclosed = format!(r#"{{"x":{}}}"#, "[".repeat(100_000));
        assert_eq!(run(&unclosed).unwrap_err().code, ErrorCode::InvalidJson);
    }

    #[test]
    fn escapes_are_decoded() {
        let mut r = Reader::new(r#""a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\ud83d\ude00z""#);
        assert_eq!(r.str().unwrap(), "a\"b\\c/d\u{8}\u{c}\n\r\tAé😀z");
    }
}

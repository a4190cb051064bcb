//! Results written as compact JSON text, byte for byte what `serde_json::to_string` writes.
//!
//! serde_json wrote every key, quote and separator as its own copy into the output; in WebAssembly a
//! copy of unknown length is a `memory.copy`, which the engine runs as a call out of the module, and a
//! late-charges report of 75,000 invoices made some four million of them (a fifth of the call). Here
//! pieces of up to 16 bytes are copied as fixed-size 4- and 8-byte blocks, which are plain loads and
//! stores, and a string is scanned once for the bytes JSON must escape.

use serde::ser::{self, Serialize};
use std::fmt;

/// Why a value could not be written: only a map key that is not a string or a number, or a
/// `Serialize` implementation's own error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError(pub String);

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

impl ser::Error for EncodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        EncodeError(msg.to_string())
    }
}

/// The newtype name that marks a string which needs no escaping (see [`plain_str`]).
const PLAIN: &str = "$overdue::encode::Plain";

/// Serializes `text`, which the caller knows has no quote, backslash or control character (digits
/// of an amount, a date), as a string this writer copies without scanning it. Any other
/// serializer sees a newtype around the string and writes the string.
pub fn plain_str<S: ser::Serializer>(s: S, text: &str) -> Result<S::Ok, S::Error> {
    debug_assert!(text.bytes().all(|b| ESCAPE[b as usize] == 0), "{text:?} needs escaping");
    s.serialize_newtype_struct(PLAIN, text)
}

/// `value` as compact JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, EncodeError> {
    let mut w = Writer::new();
    value.serialize(&mut w)?;
    w.finish()
}

/// The text so far is `buf[..len]`; the rest of `buf` is zeroed room, so that a short piece can be
/// written as whole 4- or 8-byte blocks at fixed offsets (the opt-level "s" build does not inline
/// `Vec::extend_from_slice`, so its length would never be a constant).
struct Writer {
    buf: Vec<u8>,
    len: usize,
    /// The next string was marked by [`plain_str`].
    plain: bool,
}

/// For each byte, what JSON writes instead of it: 0 for itself, `u` for `\u00XX`, else the letter
/// after the backslash.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

#[inline(always)]
fn load<const N: usize>(s: &[u8], at: usize) -> [u8; N] {
    match <&[u8; N]>::try_from(&s[at..at + N]) {
        Ok(b) => *b,
        Err(_) => [0; N],
    }
}

#[inline(always)]
fn store<const N: usize>(buf: &mut [u8], at: usize, v: [u8; N]) {
    if let Ok(d) = <&mut [u8; N]>::try_from(&mut buf[at..at + N]) {
        *d = v;
    }
}

// Out of line, as is everything below that does not depend on the value's type: `to_json` and
// the serialize calls are compiled once per result type.
impl Writer {
    #[inline(never)]
    fn new() -> Writer {
        Writer {
            buf: vec![0; 256],
            len: 0,
            plain: false,
        }
    }

    #[inline(never)]
    fn finish(mut self) -> Result<String, EncodeError> {
        self.buf.truncate(self.len);
        // Only whole UTF-8 strings and ASCII were written, so this cannot fail; it is checked
        // anyway because the crate has no unsafe code.
        String::from_utf8(self.buf).map_err(|_| EncodeError("the result was not UTF-8".into()))
    }

    /// Makes room for `n` more bytes and 16 to spare.
    #[inline(always)]
    fn room(&mut self, n: usize) {
        if self.buf.len() - self.len < n + 16 {
            self.grow(n + 16);
        }
    }

    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let want = (self.buf.len() * 2).max(self.len + n);
        self.buf.resize(want, 0);
    }

    #[inline(always)]
    fn byte(&mut self, b: u8) {
        self.room(1);
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// Appends `s`; a piece of up to 16 bytes as two overlapping fixed-size blocks.
    #[inline(always)]
    fn put(&mut self, s: &[u8]) {
        let n = s.len();
        self.room(n);
        let at = self.len;
        if n > 16 {
            self.buf[at..at + n].copy_from_slice(s);
        } else if n >= 8 {
            let (head, tail): ([u8; 8], [u8; 8]) = (load(s, 0), load(s, n - 8));
            store(&mut self.buf, at, head);
            store(&mut self.buf, at + n - 8, tail);
        } else if n >= 4 {
            let (head, tail): ([u8; 4], [u8; 4]) = (load(s, 0), load(s, n - 4));
            store(&mut self.buf, at, head);
            store(&mut self.buf, at + n - 4, tail);
        } else if n > 0 {
            // 1–3 bytes: first, middle and last (the same byte more than once when shorter).
            self.buf[at] = s[0];
            self.buf[at + n / 2] = s[n / 2];
            self.buf[at + n - 1] = s[n - 1];
        }
        self.len = at + n;
    }

    fn string(&mut self, s: &str) {
        self.byte(b'"');
        let bytes = s.as_bytes();
        if std::mem::take(&mut self.plain) {
            self.put(bytes);
            self.byte(b'"');
            return;
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let e = ESCAPE[b as usize];
            if e == 0 {
                continue;
            }
            self.put(&bytes[start..i]);
            start = i + 1;
            if e == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.put(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
            } else {
                self.put(&[b'\\', e]);
            }
        }
        self.put(&bytes[start..]);
        self.byte(b'"');
    }

    #[inline(never)]
    fn unsigned(&mut self, i: u64) {
        self.put(itoa::Buffer::new().format(i).as_bytes());
    }

    #[inline(never)]
    fn signed(&mut self, i: i64) {
        self.put(itoa::Buffer::new().format(i).as_bytes());
    }

    fn wide<I: itoa::Integer>(&mut self, i: I) {
        self.put(itoa::Buffer::new().format(i).as_bytes());
    }
}

/// A struct's, map's or list's state: whether a separator comes before the next entry.
pub struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    /// The byte that closes it: `}` or `]`; a variant wrapper adds a second `}` at the end.
    close: u8,
    variant: bool,
}

impl Compound<'_> {
    #[inline(never)]
    fn comma(&mut self) {
        if !self.first {
            self.w.byte(b',');
        }
        self.first = false;
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        self.w.string(key);
        self.w.byte(b':');
    }

    #[inline(never)]
    fn finish(self) {
        self.w.byte(self.close);
        if self.variant {
            self.w.byte(b'}');
        }
    }
}

impl<'a> Writer {
    fn open(&'a mut self, open: u8, close: u8, variant: Option<&str>) -> Compound<'a> {
        if let Some(v) = variant {
            self.byte(b'{');
            self.string(v);
            self.byte(b':');
        }
        self.byte(open);
        Compound {
            w: self,
            first: true,
            close,
            variant: variant.is_some(),
        }
    }
}

type R = Result<(), EncodeError>;

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.put(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.signed(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> R {
        self.wide(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> R {
        self.wide(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(v as f64)
    }
    #[inline(never)]
    fn serialize_f64(self, v: f64) -> R {
        // JSON has no NaN or infinity; serde_json writes them as null.
        if v.is_finite() {
            self.put(zmij::Buffer::new().format_finite(v).as_bytes());
        } else {
            self.put(b"null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        let mut seq = self.open(b'[', b']', None);
        for &b in v {
            seq.comma();
            seq.w.unsigned(b.into());
        }
        seq.finish();
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.put(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, v: &T) -> R {
        self.plain = name == PLAIN;
        v.serialize(&mut *self)?;
        self.plain = false;
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        self.byte(b'{');
        self.string(variant);
        self.byte(b':');
        v.serialize(&mut *self)?;
        self.byte(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'[', b']', None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'[', b']', None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'[', b']', None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'[', b']', Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'{', b'}', None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'{', b'}', None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, EncodeError> {
        Ok(self.open(b'{', b'}', Some(variant)))
    }
}

macro_rules! elements {
    ($($t:ident :: $f:ident),*) => {$(
        impl ser::$t for Compound<'_> {
            type Ok = ();
            type Error = EncodeError;
            fn $f<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
                self.comma();
                v.serialize(&mut *self.w)
            }
            fn end(self) -> R {
                self.finish();
                Ok(())
            }
        }
    )*};
}
elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        self.comma();
        key.serialize(KeyWriter(&mut *self.w))?;
        self.w.byte(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> R {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
        self.key(key);
        v.serialize(&mut *self.w)
    }
    fn end(self) -> R {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> R {
        self.finish();
        Ok(())
    }
}

/// A map key: JSON keys are strings, so numbers are quoted, as serde_json does.
struct KeyWriter<'a>(&'a mut Writer);

fn key_error() -> EncodeError {
    EncodeError("a map key must be a string or a number".into())
}

macro_rules! quoted_integers {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> R {
            self.0.byte(b'"');
            self.0.wide(v);
            self.0.byte(b'"');
            Ok(())
        }
    )*};
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = ser::Impossible<(), EncodeError>;
    type SerializeTuple = ser::Impossible<(), EncodeError>;
    type SerializeTupleStruct = ser::Impossible<(), EncodeError>;
    type SerializeTupleVariant = ser::Impossible<(), EncodeError>;
    type SerializeMap = ser::Impossible<(), EncodeError>;
    type SerializeStruct = ser::Impossible<(), EncodeError>;
    type SerializeStructVariant = ser::Impossible<(), EncodeError>;

    quoted_integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_str(self, v: &str) -> R {
        self.0.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.0.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.0.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> R {
        Err(key_error())
    }
    fn serialize_f32(self, _: f32) -> R {
        Err(key_error())
    }
    fn serialize_f64(self, _: f64) -> R {
        Err(key_error())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(key_error())
    }
    fn serialize_none(self) -> R {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> R {
        Err(key_error())
    }
    fn serialize_unit(self) -> R {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> R {
        Err(key_error())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, EncodeError> {
        Err(key_error())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, EncodeError> {
        Err(key_error())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, EncodeError> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, EncodeError> {
        Err(key_error())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, EncodeError> {
        Err(key_error())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, EncodeError> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, EncodeError> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize>(v: &T) {
        assert_eq!(to_json(v).unwrap(), serde_json::to_string(v).unwrap());
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Row {
        some_name: String,
        n: i64,
        u: u128,
        f: f64,
        list: Vec<Option<u8>>,
        empty: Vec<u8>,
        map: BTreeMap<String, f32>,
        by_number: BTreeMap<u32, bool>,
        unit: (),
        tuple: (char, &'static str),
        e: Vec<E>,
        #[serde(skip_serializing_if = "Option::is_none")]
        gone: Option<u8>,
        #[serde(flatten)]
        inner: Inner,
    }

    #[derive(Serialize)]
    struct Inner {
        deep: Option<Box<Inner>>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum E {
        UnitOne,
        New(i8),
        Tup(u8, u8),
        Fields { a: bool },
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut strings = vec![
            String::new(),
            "plain".into(),
            "\"q\" \\ /".into(),
            "tab\tnl\ncr\r\u{8}\u{c}".into(),
        ];
        // Every control character, and text around each escape at every length up to 40, so each
        // branch of the short copy (0–3, 4–7, 8–16, longer) meets an escape at each position.
        strings.push((0u8..0x20).map(char::from).collect());
        for n in 0..40 {
            let base: String = "abcdéfghijklmnopqrstuvwxyz€0123456789ABCDEFGH"
                .chars()
                .take(n)
                .collect();
            for at in 0..=base.chars().count() {
                let mut s = base.clone();
                let i = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                s.insert(i, if at % 2 == 0 { '"' } else { '\u{1}' });
                strings.push(s);
            }
            strings.push(base);
        }
        for s in &strings {
            same(s);
            same(&BTreeMap::from([(s.clone(), s.clone())]));
        }
        for f in [
            0.0,
            -0.0,
            0.1,
            1.5,
            -2.25e-7,
            1e21,
            1e15,
            123456789.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ] {
            same(&f);
        }
        same(&Row {
            some_name: "x".into(),
            n: i64::MIN,
            u: u128::MAX,
            f: 2.5,
            list: vec![Some(1), None, Some(255)],
            empty: vec![],
            map: BTreeMap::from([("a".into(), 0.5), ("b\"".into(), f32::NAN)]),
            by_number: BTreeMap::from([(7, true), (10, false)]),
            unit: (),
            tuple: ('é', "t"),
            e: vec![E::UnitOne, E::New(-3), E::Tup(1, 2), E::Fields { a: true }],
            gone: None,
            inner: Inner {
                deep: Some(Box::new(Inner { deep: None })),
            },
        });
        assert!(to_json(&BTreeMap::from([(vec![1u8], 1)])).is_err());
    }

    struct Plain(&'static str);
    impl Serialize for Plain {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            plain_str(s, self.0)
        }
    }

    #[test]
    fn a_plain_string_is_written_as_a_string() {
        let v = (
            Plain("123.45"),
            "a\"b",
            Plain(""),
            Some(Plain("2026-11-23")),
            vec![Plain("x"), Plain("-0.5")],
        );
        assert_eq!(to_json(&v).unwrap(), serde_json::to_string(&v).unwrap());
        assert_eq!(
            to_json(&v).unwrap(),
            r#"["123.45","a\"b","","2026-11-23",["x","-0.5"]]"#
        );
    }
}

//! A pull reader over JSON text: the caller asks for the value it expects (an object, a string, a
//! number's text) and the reader checks the syntax as it goes. Strings without escapes are borrowed
//! from the text, so reading an invoice allocates only the strings it keeps.
//!
//! Values nobody asked for are skipped without recursion, so no nesting depth overflows the stack;
//! the typed readers recurse only as deep as overdue's own types nest.

use super::{type_error, Got};
use crate::error::{Error, ErrorCode, Result};
use std::borrow::Cow;

pub struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            b: text.as_bytes(),
            pos: 0,
        }
    }

    #[inline]
    fn ws(&mut self) {
        while let Some(c) = self.b.get(self.pos) {
            if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// The first byte of the next value, after whitespace.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.pos).copied()
    }

    /// A syntax error at the current position, with line and column for people editing JSON by hand.
    #[cold]
    #[inline(never)]
    pub fn syntax(&self, what: &str) -> Error {
        let before = &self.b[..self.pos.min(self.b.len())];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let column = before.len() - before.iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1) + 1;
        let what = if self.pos >= self.b.len() {
            "the text ends too early"
        } else {
            what
        };
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format!("The text is not valid JSON: {what} at line {line}, column {column}."),
        )
    }

    /// Only whitespace may follow the value just read.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("unexpected characters after the value")),
        }
    }

    /// What kind of value comes next, without consuming it; a syntax error if none can start here.
    #[inline(never)]
    pub fn got(&mut self) -> Result<Got<'a>> {
        Ok(match self.peek() {
            Some(b'n') if self.b[self.pos..].starts_with(b"null") => Got::Null,
            Some(b't') if self.b[self.pos..].starts_with(b"true") => Got::Bool(true),
            Some(b'f') if self.b[self.pos..].starts_with(b"false") => Got::Bool(false),
            Some(b'"') => Got::Str,
            Some(b'[') => Got::List,
            Some(b'{') => Got::Object,
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                let text = self.number()?;
                self.pos = start;
                Got::Number(text)
            }
            _ => return Err(self.syntax("expected a value")),
        })
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.b[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected a value"))
        }
    }

    /// Consumes `null` when it comes next: absent and `null` mean the same for every field.
    #[inline(never)]
    pub fn null(&mut self) -> Result<bool> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    #[inline(never)]
    pub fn bool(&mut self) -> Result<bool> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.mismatch("a boolean (true or false)")),
        }
    }

    /// A type error naming what was found instead of `expected`.
    #[cold]
    #[inline(never)]
    pub fn mismatch(&mut self, expected: &str) -> Error {
        match self.got() {
            Ok(got) => type_error(expected, &got),
            Err(e) => e,
        }
    }

    /// Consumes the number [`Reader::got`] just returned as `Got::Number(text)`, without scanning it again.
    pub fn take(&mut self, peeked: &'a str) -> &'a str {
        self.pos += peeked.len();
        peeked
    }

    /// The text of a number, checked against JSON's grammar.
    #[inline(never)]
    fn number(&mut self) -> Result<&'a str> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.syntax("expected a number"));
        }
        let start = self.pos;
        let b = self.b;
        let digits = |mut i: usize| {
            let from = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            (i, i - from)
        };
        let mut i = start + usize::from(b[start] == b'-');
        let (next, n) = digits(i);
        if n == 0 || (n > 1 && b[i] == b'0') {
            self.pos = i;
            return Err(self.syntax("a number is malformed"));
        }
        i = next;
        if b.get(i) == Some(&b'.') {
            let (next, n) = digits(i + 1);
            if n == 0 {
                self.pos = i;
                return Err(self.syntax("a number is malformed"));
            }
            i = next;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let (next, n) = digits(i);
            if n == 0 {
                self.pos = i;
                return Err(self.syntax("a number is malformed"));
            }
            i = next;
        }
        self.pos = i;
        Ok(&self.text[start..i])
    }

    /// A string, borrowed from the text unless it has escapes.
    #[inline(never)]
    pub fn str(&mut self) -> Result<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.mismatch("a string"));
        }
        self.string()
    }

    #[inline(never)]
    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        let b = self.b;
        let mut i = start;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&self.text[start..i]));
                }
                b'\\' => break,
                c if c < 0x20 => {
                    self.pos = i;
                    return Err(self.syntax("a control character inside a string"));
                }
                _ => i += 1,
            }
        }
        self.pos = i;
        if i >= b.len() {
            return Err(self.syntax("a string is not closed"));
        }
        self.escaped(start).map(Cow::Owned)
    }

    /// The rest of a string from its first backslash, decoding escapes.
    #[inline(never)]
    fn escaped(&mut self, start: usize) -> Result<String> {
        let b = self.b;
        let mut out = String::with_capacity(self.pos - start + 16);
        out.push_str(&self.text[start..self.pos]);
        let mut run = self.pos;
        loop {
            let Some(&c) = b.get(self.pos) else {
                return Err(self.syntax("a string is not closed"));
            };
            match c {
                b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    let Some(&e) = b.get(self.pos + 1) else {
                        return Err(self.syntax("a string is not closed"));
                    };
                    self.pos += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let ch = self.unicode_escape()?;
                            out.push(ch);
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.syntax("an unknown escape in a string"));
                        }
                    }
                    run = self.pos;
                }
                c if c < 0x20 => return Err(self.syntax("a control character inside a string")),
                _ => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let hex = self
            .b
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.syntax("a string is not closed"))?;
        let mut v = 0;
        for &h in hex {
            let d = (h as char)
                .to_digit(16)
                .ok_or_else(|| self.syntax("a \\u escape needs four hex digits"))?;
            v = v * 16 + d;
        }
        self.pos += 4;
        Ok(v)
    }

    /// After `\u`: one code point, joining a surrogate pair. A lone surrogate is valid JSON (it is
    /// how `JSON.stringify` writes one) but not Unicode text, which Rust strings hold: `invalid_text`,
    /// the same code as on the CSV and storage paths, with the field's path added by the caller.
    fn unicode_escape(&mut self) -> Result<char> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.b.get(self.pos..self.pos + 2) != Some(b"\\u") {
                return Err(lone_surrogate());
            }
            self.pos += 2;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(lone_surrogate());
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(lone_surrogate)
    }

    /// Reads an object, calling `field` with each key; `field` must consume the value (or skip it).
    #[inline(never)]
    pub fn object(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Result<()>) -> Result<()> {
        if self.peek() != Some(b'{') {
            return Err(self.mismatch("an object"));
        }
        if self.enter(b'}') {
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.syntax("expected a key in quotes"));
            }
            let key = self.string()?;
            if self.peek() != Some(b':') {
                return Err(self.syntax("expected `:` after a key"));
            }
            self.pos += 1;
            field(self, &key)?;
            if !self.more(b'}')? {
                return Ok(());
            }
        }
    }

    /// Reads a list, calling `item` with each index; `item` must consume the value.
    #[inline(never)]
    pub fn list(&mut self, item: &mut dyn FnMut(&mut Self, usize) -> Result<()>) -> Result<()> {
        if self.peek() != Some(b'[') {
            return Err(self.mismatch("a list (array)"));
        }
        if self.enter(b']') {
            return Ok(());
        }
        let mut i = 0;
        loop {
            item(self, i)?;
            i += 1;
            if !self.more(b']')? {
                return Ok(());
            }
        }
    }

    /// Past a container's opening bracket: `true` if it closes at once with `close` (consumed too).
    fn enter(&mut self, close: u8) -> bool {
        self.pos += 1;
        let empty = self.peek() == Some(close);
        if empty {
            self.pos += 1;
        }
        empty
    }

    /// After a value inside a container: `true` at a `,` (another value follows), `false` at
    /// `close`; both are consumed.
    fn more(&mut self, close: u8) -> Result<bool> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.syntax(if close == b'}' {
                "expected `,` or `}`"
            } else {
                "expected `,` or `]`"
            })),
        }
    }

    /// Skips one value of any kind, checking its syntax, with an explicit stack instead of recursion.
    #[inline(never)]
    pub fn skip(&mut self) -> Result<()> {
        // One entry per open container: `true` for an object (whose next token is a key).
        let mut open: Vec<bool> = Vec::new();
        loop {
            // A value.
            match self.peek() {
                Some(b'{') => {
                    if !self.enter(b'}') {
                        open.push(true);
                        self.key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    if !self.enter(b']') {
                        open.push(false);
                        continue;
                    }
                }
                Some(b'"') => self.skip_string()?,
                Some(b'n') => self.literal("null")?,
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                _ => {
                    self.number()?;
                }
            }
            // After a value: close containers, or move to the next element.
            loop {
                let Some(&is_object) = open.last() else { return Ok(()) };
                if self.more(if is_object { b'}' } else { b']' })? {
                    if is_object {
                        self.key()?;
                    }
                    break;
                }
                open.pop();
            }
        }
    }

    /// A string nobody reads: its escapes are checked for syntax but not decoded, so a lone
    /// surrogate (which `JSON.stringify` writes as `\ud800`) in an unknown field does no harm.
    fn skip_string(&mut self) -> Result<()> {
        self.pos += 1;
        loop {
            let Some(&c) = self.b.get(self.pos) else {
                return Err(self.syntax("a string is not closed"));
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'\\' => match self.b.get(self.pos + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 2,
                    Some(b'u') => {
                        self.pos += 2;
                        self.hex4()?;
                    }
                    Some(_) => {
                        self.pos += 1;
                        return Err(self.syntax("an unknown escape in a string"));
                    }
                    None => return Err(self.syntax("a string is not closed")),
                },
                c if c < 0x20 => return Err(self.syntax("a control character inside a string")),
                _ => self.pos += 1,
            }
        }
    }

    /// A key and its colon, inside a skipped object.
    #[inline(never)]
    fn key(&mut self) -> Result<()> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax("expected a key in quotes"));
        }
        self.skip_string()?;
        if self.peek() != Some(b':') {
            return Err(self.syntax("expected `:` after a key"));
        }
        self.pos += 1;
        Ok(())
    }
}

/// A lone surrogate in a string overdue reads; the path is added on the way out.
#[cold]
fn lone_surrogate() -> Error {
    Error::new(
        ErrorCode::InvalidText,
        "",
        "This text holds half of a UTF-16 character pair (a lone surrogate), which is not Unicode text; the value was damaged before it reached overdue.",
    )
}

//! A small CSV reader: `,` `;` or tab delimited, RFC 4180 quoting (doubled quotes inside quoted
//! fields, line breaks inside quotes), a leading byte-order mark, LF or CRLF line ends. Fields are
//! borrowed from the text unless they contain escaped quotes, so large files are read without an
//! allocation per field.

use crate::error::{Error, ErrorCode, Result};
use std::borrow::Cow;

/// Guesses the delimiter: whichever of `,` `;` tab occurs most outside quotes in the first lines
/// (`,` when none does). More than one line is counted, since a report's title rows may have none.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut lines = 0;
    for &b in strip_bom(text).as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines == 30 {
                    break;
                }
            }
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads records one at a time.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    delimiter: u8,
    line: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Reader<'a> {
        Reader {
            text: strip_bom(text),
            pos: 0,
            delimiter,
            line: 1,
        }
    }

    /// Reads the next record into `fields` (cleared first) and returns the line it started on, or
    /// `None` at the end. Blank lines are skipped.
    ///
    /// # Errors
    /// `invalid_value` for a quoted field that is never closed or is followed by stray characters.
    pub fn next_record(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Result<Option<usize>> {
        fields.clear();
        let bytes = self.text.as_bytes();
        // Skip blank lines.
        while self.pos < bytes.len() && (bytes[self.pos] == b'\n' || bytes[self.pos] == b'\r') {
            if bytes[self.pos] == b'\n' {
                self.line += 1;
            }
            self.pos += 1;
        }
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        let start_line = self.line;
        loop {
            let (field, end) = self.field(bytes, start_line)?;
            fields.push(field);
            self.pos = end;
            match bytes.get(self.pos) {
                Some(&b) if b == self.delimiter => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line += 1;
                    return Ok(Some(start_line));
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return Ok(Some(start_line));
                }
                None => return Ok(Some(start_line)),
                Some(_) => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        "",
                        format!("Line {start_line}: unexpected text after a closing quote."),
                    ))
                }
            }
        }
    }

    fn field(&mut self, bytes: &[u8], start_line: usize) -> Result<(Cow<'a, str>, usize)> {
        let text = self.text;
        let start = self.pos;
        if bytes.get(start) != Some(&b'"') {
            let mut end = start;
            while end < bytes.len() && bytes[end] != self.delimiter && bytes[end] != b'\n' && bytes[end] != b'\r' {
                end += 1;
            }
            // Delimiters and line ends are ASCII, so `start..end` falls on character boundaries.
            return Ok((Cow::Borrowed(text.get(start..end).unwrap_or("")), end));
        }
        let mut i = start + 1;
        let mut owned: Option<String> = None;
        let mut chunk = i;
        loop {
            match bytes.get(i) {
                None => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        "",
                        format!("Line {start_line}: a quoted field is never closed."),
                    ))
                }
                Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(text.get(chunk..=i).unwrap_or(""));
                    i += 2;
                    chunk = i;
                }
                Some(b'"') => {
                    let value = match owned {
                        Some(mut s) => {
                            s.push_str(text.get(chunk..i).unwrap_or(""));
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(text.get(start + 1..i).unwrap_or("")),
                    };
                    return Ok((value, i + 1));
                }
                Some(b'\n') => {
                    self.line += 1;
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
    }
}

/// A header name's character in lower case, for matching header names: ASCII and Latin-1 letters
/// (every letter in the names overdue recognises), anything else as it is. `char::to_lowercase`
/// brought core's Unicode case tables into the module for this alone.
pub fn header_lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lower_is_unicode_lower_case_on_latin_1() {
        for c in (0u32..=0xff).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            assert_eq!(Some(header_lower(c)), lower.next(), "{c:?}");
            assert_eq!(lower.next(), None);
        }
    }

    fn all(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut r = Reader::new(text, detect_delimiter(text));
        let mut f = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = r.next_record(&mut f).unwrap() {
            out.push((line, f.iter().map(|c| c.to_string()).collect()));
        }
        out
    }

    #[test]
    fn reads_quotes_bom_crlf_and_blank_lines() {
        let rows = all("\u{feff}id;name;amount\r\n1;\"Smith; J\";\"1.234,50\"\r\n\r\n2;\"He said \"\"hi\"\"\";3\n3;\"two\nlines\";4");
        assert_eq!(rows[0], (1, vec!["id".into(), "name".into(), "amount".into()]));
        assert_eq!(rows[1], (2, vec!["1".into(), "Smith; J".into(), "1.234,50".into()]));
        assert_eq!(rows[2], (4, vec!["2".into(), "He said \"hi\"".into(), "3".into()]));
        assert_eq!(rows[3], (5, vec!["3".into(), "two\nlines".into(), "4".into()]));
    }

    #[test]
    fn detects_delimiters() {
        assert_eq!(detect_delimiter("a,b,c\n1;2"), b',');
        assert_eq!(detect_delimiter("a;b;c"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("\"a,b\";c"), b';');
        assert_eq!(detect_delimiter("single"), b',');
    }

    #[test]
    fn broken_quotes_are_errors() {
        let mut f = Vec::new();
        assert!(Reader::new("a,\"b", b',').next_record(&mut f).is_err());
        assert!(Reader::new("a,\"b\"x,c", b',').next_record(&mut f).is_err());
        assert_eq!(Reader::new("a,,c,", b',').next_record(&mut f).unwrap(), Some(1));
        assert_eq!(f.len(), 4, "empty fields are kept");
    }
}

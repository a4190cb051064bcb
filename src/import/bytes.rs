//! A file's bytes to text: the encodings spreadsheets and accounting programs write (UTF-8 with or
//! without a byte-order mark, Excel's "Unicode text" UTF-16, the Windows-1252 / ISO-8859 of DATEV
//! and older Excel), and a plain answer for files that are not text at all (workbooks, PDFs).

use crate::error::{Error, ErrorCode, Result};

/// How the file's text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    Iso8859_15,
}
crate::decode_enum!(Encoding {
    Utf8 = "utf-8",
    Utf16Le = "utf-16le",
    Utf16Be = "utf-16be",
    Windows1252 = "windows-1252",
    Iso8859_15 = "iso-8859-15",
});

// Windows-1252 at 0x80..=0x9F; the rest of the byte range is Latin-1. The five holes (0x81, 0x8D,
// 0x8F, 0x90, 0x9D) are read as the C1 controls of the same number, as browsers do.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
];

// The eight places where ISO-8859-15 differs from Latin-1.
const ISO15: [(u8, char); 8] = [
    (0xA4, '€'),
    (0xA6, 'Š'),
    (0xA8, 'š'),
    (0xB4, 'Ž'),
    (0xB8, 'ž'),
    (0xBC, 'Œ'),
    (0xBD, 'œ'),
    (0xBE, 'Ÿ'),
];

/// What a file that is not text is, from its first bytes, in words for the person who chose it.
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(if has(b"application/vnd.oasis.opendocument.spreadsheet") {
            "This is an OpenDocument spreadsheet (.ods), not a CSV file: open it and save it as CSV, then import that file."
        } else if has(b"Index/Document.iwa") || has(b"Metadata/") {
            "This is a Numbers spreadsheet, not a CSV file: in Numbers choose File › Export To › CSV, then import that file."
        } else if has(b"xl/") || has(b"[Content_Types].xml") {
            "This is an Excel workbook (.xlsx), not a CSV file: open it and save it as CSV (File › Save As › CSV UTF-8), then import that file."
        } else {
            "This is a ZIP archive, not a CSV file: unpack it and import the CSV file inside."
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(
            "This is an older Excel workbook (.xls), not a CSV file: open it and save it as CSV, then import that file.",
        );
    }
    if bytes.starts_with(b"%PDF") {
        return Some("This is a PDF document, not a CSV file: export the report from your accounting program as CSV (or Excel, then save that as CSV).");
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some("This is a Word (RTF) document, not a CSV file: export the list as CSV instead.");
    }
    None
}

/// The text of a file, and how it was written. `forced` reads it as the caller says.
///
/// # Errors
/// `unsupported_file` for a workbook, PDF or other binary file (the message says what it is and what
/// to do); `invalid_text` when `forced` is UTF-8 or UTF-16 and the bytes are not.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<(String, Encoding)> {
    if let Some(what) = not_text(bytes) {
        return Err(Error::new(ErrorCode::UnsupportedFile, "bytes", what));
    }
    let encoding = forced.unwrap_or_else(|| detect(bytes));
    let text = match encoding {
        Encoding::Utf8 => String::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).to_vec())
            .map_err(|e| bad_text("UTF-8", e.utf8_error().valid_up_to()))?,
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = encoding == Encoding::Utf16Le;
            let body = match bytes {
                [0xFF, 0xFE, rest @ ..] if le => rest,
                [0xFE, 0xFF, rest @ ..] if !le => rest,
                _ => bytes,
            };
            let units = body.chunks_exact(2).map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            });
            let mut out = String::with_capacity(body.len() / 2);
            for (i, c) in char::decode_utf16(units).enumerate() {
                out.push(c.map_err(|_| bad_text("UTF-16", i * 2))?);
            }
            out
        }
        Encoding::Windows1252 | Encoding::Iso8859_15 => {
            let iso = encoding == Encoding::Iso8859_15;
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F if !iso => {
                        char::from_u32(u32::from(CP1252_HIGH[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}')
                    }
                    _ if iso => ISO15.iter().find(|(at, _)| *at == b).map_or(char::from(b), |(_, c)| *c),
                    _ => char::from(b),
                })
                .collect()
        }
    };
    if text.contains('\0') {
        return Err(Error::new(
            ErrorCode::UnsupportedFile,
            "bytes",
            "This file is not text (it holds binary data): export the list from your accounting program as CSV.",
        ));
    }
    Ok((text, encoding))
}

fn bad_text(what: &str, at: usize) -> Error {
    Error::new(
        ErrorCode::InvalidText,
        "bytes",
        format!("The file is not valid {what} text (byte {at}): choose the file's encoding."),
    )
}

/// The encoding a file most likely has: a byte-order mark says it; UTF-16 without one shows as a NUL
/// byte beside most ASCII characters; bytes that are valid UTF-8 are UTF-8 (other encodings almost
/// never are, for text with accented letters); anything else is Windows-1252, unless the only
/// high bytes fit ISO-8859-15 better (a euro sign at 0xA4 beside a digit or space, no 0x80).
fn detect(bytes: &[u8]) -> Encoding {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return Encoding::Utf8,
        [0xFF, 0xFE, ..] => return Encoding::Utf16Le,
        [0xFE, 0xFF, ..] => return Encoding::Utf16Be,
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let (mut odd_zero, mut even_zero) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even_zero += usize::from(pair[0] == 0);
        odd_zero += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    if pairs > 0 && odd_zero * 10 > pairs * 3 && even_zero * 10 < pairs {
        return Encoding::Utf16Le;
    }
    if pairs > 0 && even_zero * 10 > pairs * 3 && odd_zero * 10 < pairs {
        return Encoding::Utf16Be;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Encoding::Utf8;
    }
    let euro_at_a4 = bytes.windows(2).any(|w| {
        (w[0] == 0xA4 && (w[1].is_ascii_digit() || w[1] == b' '))
            || (w[1] == 0xA4 && (w[0].is_ascii_digit() || w[0] == b' '))
    });
    if euro_at_a4 && !bytes.contains(&0x80) {
        Encoding::Iso8859_15
    } else {
        Encoding::Windows1252
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_reads_as_the_code_page_says() {
        // Bytes from the code page chart (unicode.org, MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT):
        // 0x80 EURO SIGN, 0x84 DOUBLE LOW-9 QUOTATION MARK, 0x9F Y WITH DIAERESIS, 0xFC u WITH DIAERESIS.
        let (text, enc) = decode(b"M\xFCller \x80 \x84x\x93 \x9F", None).unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "Müller € „x“ Ÿ");
    }

    #[test]
    fn iso_8859_15_when_the_euro_sits_at_a4() {
        let (text, enc) = decode(b"Caf\xE9;12,50 \xA4", None).unwrap();
        assert_eq!(enc, Encoding::Iso8859_15);
        assert_eq!(text, "Café;12,50 €");
    }

    #[test]
    fn utf_16_with_and_without_a_mark() {
        let le: Vec<u8> = "\u{feff}a;ü\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, None).unwrap(), ("a;ü\n".to_string(), Encoding::Utf16Le));
        let be: Vec<u8> = "id,x\n1,2\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&be, None).unwrap(),
            ("id,x\n1,2\n".to_string(), Encoding::Utf16Be)
        );
    }

    #[test]
    fn workbooks_and_pdfs_get_a_plain_answer() {
        let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
        let e = decode(xlsx, None).unwrap_err();
        assert_eq!(
            (e.code, e.message.starts_with("This is an Excel workbook")),
            (ErrorCode::UnsupportedFile, true)
        );
        let e = decode(b"%PDF-1.7\n%\xE2\xE3", None).unwrap_err();
        assert!(e.message.starts_with("This is a PDF"));
        let e = decode(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], None).unwrap_err();
        assert!(e.message.contains(".xls"));
    }
}

//! Calendar dates as `YYYY-MM-DD`, strictly: no times, no time zones, no other layouts.

use crate::error::{Error, ErrorCode};
use chrono::{Datelike, NaiveDate};

/// The earliest date overdue accepts. Ledgers hold nothing older, and a year of 0000 in input is a
/// data-entry accident worth reporting.
pub const MIN_YEAR: i32 = 1900;
/// The latest year accepted; date arithmetic beyond it (due date + 90 days …) still fits chrono.
pub const MAX_YEAR: i32 = 9999;

/// Parses a `YYYY-MM-DD` calendar date.
///
/// # Errors
/// `invalid_date` for any other layout, an impossible day (`2025-02-30`) or a year outside
/// 1900–9999.
///
/// ```
/// use overdue::date::parse_date;
/// assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
/// assert!(parse_date("2025-02-29").is_err());
/// assert!(parse_date("2025-2-28").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, Error> {
    let b = s.as_bytes();
    let digit = |i: usize| -> Option<u32> {
        let c = *b.get(i)?;
        c.is_ascii_digit().then(|| u32::from(c - b'0'))
    };
    let layout_ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let parts = if layout_ok {
        (|| {
            let y = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
            let m = digit(5)? * 10 + digit(6)?;
            let d = digit(8)? * 10 + digit(9)?;
            Some((y, m, d))
        })()
    } else {
        None
    };
    let shown = || s.chars().take(40).collect::<String>();
    let Some((y, m, d)) = parts else {
        return Err(Error::new(
            ErrorCode::InvalidDate,
            "",
            format!(
                "\"{}\" is not a date in the form YYYY-MM-DD (for example 2026-03-31).",
                shown()
            ),
        ));
    };
    let year = i32::try_from(y).unwrap_or(0);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("\"{}\" is outside the years {MIN_YEAR}–{MAX_YEAR}.", shown()),
        ));
    }
    NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("\"{}\" is not a real calendar date.", shown()),
        )
    })
}

/// `d` when it lies in the years overdue accepts, so that every date a result holds could be given
/// back as an input; otherwise `invalid_date` at `path`, the input it was worked out from.
///
/// # Errors
/// `invalid_date` at `path` when `d` is `None` (past chrono's range) or outside 1900–9999.
pub fn in_range(d: Option<NaiveDate>, path: &str, what: &str) -> Result<NaiveDate, Error> {
    match d {
        Some(d) if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) => Ok(d),
        _ => Err(Error::new(
            ErrorCode::InvalidDate,
            path,
            format!(
                "{what} would fall {}, outside the years {MIN_YEAR}–{MAX_YEAR} that overdue handles.",
                d.map_or_else(|| "too far away".to_string(), |d| format!("on {}", format_date(d)))
            ),
        )),
    }
}

/// The calendar date type overdue uses (re-exported so callers need not name chrono).
pub type Date = NaiveDate;

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: NaiveDate) -> String {
    DateText::new(d).as_str().to_string()
}

/// A date as `YYYY-MM-DD` in a stack buffer: results write tens of thousands of dates, and going
/// through `format!` and a heap string took longer than the interest they describe.
pub struct DateText {
    buf: [u8; 20],
    len: usize,
}

impl DateText {
    pub fn new(d: NaiveDate) -> DateText {
        let mut buf = [0u8; 20];
        let (y, m, day) = (d.year(), d.month(), d.day());
        if !(0..=9999).contains(&y) {
            // Only date arithmetic past the accepted years gets here; written as `format!` would.
            let s = format!("{y:04}-{m:02}-{day:02}");
            buf[..s.len()].copy_from_slice(s.as_bytes());
            return DateText { buf, len: s.len() };
        }
        let y = y as u32;
        let digits = [
            y / 1000,
            y / 100 % 10,
            y / 10 % 10,
            y % 10,
            10,
            m / 10,
            m % 10,
            10,
            day / 10,
            day % 10,
        ];
        for (b, v) in buf.iter_mut().zip(digits) {
            *b = if v == 10 { b'-' } else { b'0' + v as u8 };
        }
        DateText { buf, len: 10 }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII was written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// A date as it arrives on the wire: `YYYY-MM-DD`, or the `YYYY-MM-DDTHH:MM:SS.sssZ` text that
/// `JSON.stringify` makes of a JavaScript `Date`. Such a `Date` names a calendar day only at
/// midnight UTC (`new Date("2026-11-23")`, `Date.UTC(…)`); any other instant is refused rather than
/// read as a day, since which day it is depends on a time zone overdue is not told.
///
/// # Errors
/// `invalid_date` as for [`parse_date`], and for a `Date` at any time but midnight UTC.
pub fn parse_wire_date(s: &str) -> Result<NaiveDate, Error> {
    let b = s.as_bytes();
    let is_date_json =
        b.len() == 24 && b[10] == b'T' && b[13] == b':' && b[16] == b':' && b[19] == b'.' && b[23] == b'Z';
    if !is_date_json {
        return parse_date(s);
    }
    let (day, time) = s.split_at(10);
    let date = parse_date(day)?;
    if time != "T00:00:00.000Z" {
        return Err(Error::new(
            ErrorCode::InvalidDate,
            "",
            format!(
                "\"{s}\" is a moment in time (a JavaScript Date at {} UTC), not a calendar day: which day it is depends on the time zone. Pass \"{day}\" as text, or a Date at midnight UTC such as new Date(\"{day}\").",
                &time[1..9]
            ),
        ));
    }
    Ok(date)
}

impl crate::decode::Decode for NaiveDate {
    fn decode(r: &mut crate::decode::Reader<'_>) -> Result<Self, Error> {
        match r.got()? {
            crate::decode::Got::Str => parse_wire_date(&r.str()?),
            got => Err(crate::decode::type_error("a date as a \"YYYY-MM-DD\" string", &got)),
        }
    }
}

/// `#[serde(with = "overdue::date::ymd")]` for `NaiveDate` fields written as `YYYY-MM-DD`.
pub mod ymd {
    use super::*;
    pub fn serialize<S: serde::Serializer>(v: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        crate::encode::plain_str(s, DateText::new(*v).as_str())
    }
}

/// `#[serde(with = "overdue::date::ymd_opt")]` for `Option<NaiveDate>` fields: `null` when absent.
pub mod ymd_opt {
    use super::*;
    pub fn serialize<S: serde::Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => crate::encode::plain_str(s, DateText::new(*d).as_str()),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_text_is_what_format_writes() {
        let mut d = NaiveDate::from_ymd_opt(1899, 12, 25).unwrap();
        let end = NaiveDate::from_ymd_opt(2101, 1, 10).unwrap();
        while d < end {
            assert_eq!(
                DateText::new(d).as_str(),
                format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
            );
            d = d.succ_opt().unwrap();
        }
        for (y, m, day) in [
            (0, 1, 1),
            (9, 2, 3),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 3, 30),
            (-5, 6, 7),
            (262_142, 1, 1),
        ] {
            let d = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            assert_eq!(DateText::new(d).as_str(), format!("{y:04}-{m:02}-{day:02}"));
        }
    }

    #[test]
    fn accepts_real_dates_only() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("9999-12-31").is_ok());
        for bad in [
            "2025-02-29",
            "2025-02-30",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "0000-01-01",
            "1899-12-31",
            "2025/01/01",
            "2025-1-01",
            "20250101",
            "2025-01-01T00:00:00Z",
            "",
            " 2025-01-01",
            "2025-01-0１",
        ] {
            let e = parse_date(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidDate, "{bad}");
        }
    }

    #[test]
    fn formats_and_counts_days() {
        let a = parse_date("2024-02-28").unwrap();
        let b = parse_date("2024-03-01").unwrap();
        assert_eq!(days_between(a, b), 2, "2024 is a leap year");
        assert_eq!(days_between(b, a), -2);
        assert_eq!(format_date(parse_date("1999-01-05").unwrap()), "1999-01-05");
    }
}

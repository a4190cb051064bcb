//! Amounts and dates as spreadsheets write them: `1,234.56`, `1.234,56`, `1 234,56 €`, `CA$1,200.00`,
//! `(120.00)`, `100.00-`; `2026-11-23`, `23/11/2026`, `11/23/2026`, `23.11.2026`, `23 Nov 2026`,
//! `Nov 23, 2026`, `23. November 2026`.

use crate::currency::Currency;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A currency sign that names one currency, or a family that the file must settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    One(Currency),
    /// `$`: US, Canadian, Australian, New Zealand, Singapore or Hong Kong dollars.
    Dollar,
    /// `kr`: Swedish, Norwegian or Danish kronor/kroner.
    Krone,
    /// `¥`: yen or yuan.
    Yen,
}

impl Sign {
    /// The currencies an ambiguous sign may be.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Sign::One(_) => &[],
            Sign::Dollar => &["USD", "CAD", "AUD", "NZD", "SGD", "HKD"],
            Sign::Krone => &["SEK", "NOK", "DKK"],
            Sign::Yen => &["JPY", "CNY"],
        }
    }

    /// Whether `c` is a currency this sign can stand for.
    pub fn admits(self, c: Currency) -> bool {
        match self {
            Sign::One(x) => x == c,
            _ => self.choices().contains(&c.code()),
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Sign::One(_) => "",
            Sign::Dollar => "$",
            Sign::Krone => "kr",
            Sign::Yen => "¥",
        }
    }
}

// Signs written beside amounts, and what they stand for. Three-letter codes are read as codes.
const SIGNS: &[(&str, &str)] = &[
    ("$", "$"),
    ("us$", "USD"),
    ("usd$", "USD"),
    ("ca$", "CAD"),
    ("c$", "CAD"),
    ("cad$", "CAD"),
    ("a$", "AUD"),
    ("au$", "AUD"),
    ("nz$", "NZD"),
    ("hk$", "HKD"),
    ("s$", "SGD"),
    ("sg$", "SGD"),
    ("r$", "BRL"),
    ("mx$", "MXN"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "¥"),
    ("jp¥", "JPY"),
    ("cn¥", "CNY"),
    ("₹", "INR"),
    ("rs", "INR"),
    ("rs.", "INR"),
    ("zł", "PLN"),
    ("zl", "PLN"),
    ("kr", "kr"),
    ("kr.", "kr"),
    ("kč", "CZK"),
    ("ft", "HUF"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("fr.", "CHF"),
    ("fr", "CHF"),
    ("₪", "ILS"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("₦", "NGN"),
    ("lei", "RON"),
];

/// An amount read from a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub value: Decimal,
    pub sign: Option<Sign>,
    /// Exactly three digits after the decimal separator and no thousands separator (`1.250`): in a
    /// currency of two decimals that reads two ways.
    pub three_decimals: bool,
}

/// Why a cell is not an amount under the file's decimal separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bad {
    NotAmount,
    /// It is an amount only with the other separator: the value it would have.
    OtherSeparator(Decimal),
    UnknownSign(String),
}

/// Reads `s` with `decimal` (`.` or `,`) as the decimal separator.
pub fn amount(s: &str, decimal: u8) -> Result<Read, Bad> {
    let mut t = s.trim();
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    }
    let (Some(first), Some(last)) = (
        t.find(|c: char| c.is_ascii_digit()),
        t.rfind(|c: char| c.is_ascii_digit()),
    ) else {
        return Err(Bad::NotAmount);
    };
    let core = &t[first..=last];
    let mut sign_text = String::new();
    for c in t[..first].chars().chain(t[last + 1..].chars()) {
        match c {
            '-' | '−' => negative = true,
            '+' | ' ' | '\u{a0}' | '\u{202f}' => {}
            c => sign_text.push(crate::csv::header_lower(c)),
        }
    }
    // ".50" and "12." are not how a ledger writes money: better refused than read as 50 and 12.
    if sign_text == "." || sign_text == "," {
        return Err(Bad::NotAmount);
    }
    let sign = if sign_text.is_empty() {
        None
    } else if let Some((_, to)) = SIGNS.iter().find(|(from, _)| *from == sign_text) {
        Some(match *to {
            "$" => Sign::Dollar,
            "kr" => Sign::Krone,
            "¥" => Sign::Yen,
            code => Sign::One(Currency::from_code(code).map_err(|_| Bad::NotAmount)?),
        })
    } else if sign_text.len() == 3 && sign_text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Some(Sign::One(
            Currency::from_code(&sign_text).map_err(|_| Bad::UnknownSign(sign_text.clone()))?,
        ))
    } else {
        return Err(Bad::UnknownSign(sign_text));
    };
    let (mut value, three) = match number(core, decimal) {
        Some(v) => v,
        None => {
            let other = if decimal == b'.' { b',' } else { b'.' };
            return Err(number(core, other).map_or(Bad::NotAmount, |(v, _)| Bad::OtherSeparator(v)));
        }
    };
    if negative {
        value.set_sign_negative(true);
    }
    Ok(Read {
        value,
        sign,
        three_decimals: three,
    })
}

/// The digits of `core` (first and last characters digits) as a number, grouped in threes by a
/// thousands separator (the other of `.` `,`, a space or `'`) when it has one.
fn number(core: &str, decimal: u8) -> Option<(Decimal, bool)> {
    let group = if decimal == b'.' { b',' } else { b'.' };
    let bytes = core.as_bytes();
    let point = bytes.iter().position(|&b| b == decimal);
    let (int, frac) = match point {
        Some(p) => (&core[..p], &core[p + 1..]),
        None => (core, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = String::with_capacity(core.len());
    let mut run = 0usize;
    let mut grouped = false;
    for c in int.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            run += 1;
            continue;
        }
        let is_group = c == char::from(group) || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’');
        // Groups of three after the first, which has one to three digits.
        if !is_group || run == 0 || (grouped && run != 3) || (!grouped && run > 3) {
            return None;
        }
        grouped = true;
        run = 0;
    }
    if grouped && run != 3 {
        return None;
    }
    if digits.is_empty() {
        return None;
    }
    let three = !grouped && frac.len() == 3;
    if !frac.is_empty() {
        digits.push('.');
        digits.push_str(frac);
    }
    crate::money::parse_decimal(&digits).ok().map(|d| (d, three))
}

/// The decimal separator a caller gave (`"."` or `","`) as a byte; `None` when absent.
///
/// # Errors
/// `invalid_value` at `decimalSeparator` for anything else.
pub fn decimal_separator(given: Option<&str>) -> crate::error::Result<Option<u8>> {
    match given {
        None => Ok(None),
        Some(".") => Ok(Some(b'.')),
        Some(",") => Ok(Some(b',')),
        Some(other) => Err(crate::error::Error::new(
            crate::error::ErrorCode::InvalidValue,
            "decimalSeparator",
            format!("\"{other}\" is not \".\" or \",\"."),
        )),
    }
}

/// An amount for a message: at least two decimals (`1500.00`, not the `1500` the parser keeps).
pub fn shown(d: Decimal) -> String {
    if d.scale() < 2 {
        format!("{d:.2}")
    } else {
        d.to_string()
    }
}

/// The decimal separator the amounts of a file use. Evidence, cell by cell: both marks (the last is
/// the decimal), a mark followed by one, two or four or more final digits (a decimal), or a mark that
/// repeats (`1.234.567`: thousands). `1.250` alone says nothing. With no evidence, `.`.
pub fn guess_decimal<'a>(cells: impl Iterator<Item = &'a str>) -> u8 {
    let (mut dot, mut comma) = (0usize, 0usize);
    for v in cells.take(20_000) {
        let v = v.trim_end_matches(|c: char| !c.is_ascii_digit());
        let last_dot = v.rfind('.');
        let last_comma = v.rfind(',');
        match (last_dot, last_comma) {
            (Some(d), Some(c)) => {
                if d > c {
                    dot += 1
                } else {
                    comma += 1
                }
            }
            (Some(at), None) | (None, Some(at)) => {
                let mark = v.as_bytes()[at];
                let tail = v.len() - at - 1;
                let repeats = v.bytes().filter(|&b| b == mark).count() > 1;
                let is_decimal = match (repeats, tail) {
                    (true, _) => Some(false),
                    (false, 3) => None,
                    (false, _) => Some(true),
                };
                match (mark, is_decimal) {
                    (b'.', Some(true)) | (b',', Some(false)) => dot += 1,
                    (b',', Some(true)) | (b'.', Some(false)) => comma += 1,
                    _ => {}
                }
            }
            (None, None) => {}
        }
    }
    if comma > dot {
        b','
    } else {
        b'.'
    }
}

/// How the numeric dates of a file are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    Iso,
    Dmy,
    Mdy,
}
crate::decode_enum!(DateFormat { Iso = "YYYY-MM-DD", Dmy = "DD/MM/YYYY", Mdy = "MM/DD/YYYY" });

/// A date cell taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Year, month, day: ISO, or a month written in words.
    Clear(u32, u32, u32),
    /// First number, second number, year, and the separator (`23/11/2026`).
    Numeric(u32, u32, u32, u8),
}

// Month names and their usual short forms in English, German, French, Spanish and Dutch, folded as
// header keys are (accents dropped); matched on the first letters a cell gives, at least three.
const MONTHS: [&[&str]; 12] = [
    &["january", "januar", "janvier", "enero", "januari", "janv", "jan", "ene"],
    &[
        "february", "februar", "fevrier", "febrero", "februari", "fevr", "feb", "fev",
    ],
    &["march", "marz", "mars", "marzo", "maart", "mar", "maa"],
    &["april", "avril", "abril", "apr", "avr", "abr"],
    &["may", "mai", "mayo", "mei"],
    &["june", "juni", "juin", "junio", "jun"],
    &["july", "juli", "juillet", "julio", "juil", "jul"],
    &["august", "aout", "agosto", "augustus", "aug", "ago"],
    &["september", "septembre", "septiembre", "sept", "sep"],
    &["october", "oktober", "octobre", "octubre", "okt", "oct"],
    &["november", "novembre", "noviembre", "nov"],
    &["december", "dezember", "decembre", "diciembre", "dez", "dec", "dic"],
];

fn month_of(word: &str) -> Option<u32> {
    let k = super::vocab::key(word);
    if k.len() < 3 {
        return None;
    }
    (1..=12u32).find(|&m| {
        MONTHS[m as usize - 1]
            .iter()
            .any(|n| *n == k || (k.len() >= 3 && n.starts_with(&k) && n.len() > k.len()))
    })
}

/// The parts of a date cell, or `None` when it is not a date.
pub fn date_parts(s: &str) -> Option<Parts> {
    let s = s.trim();
    // An ISO date with a time after it (`2026-02-21T00:00:00.000+01:00`, `2026-02-21 09:30`).
    let s = match s.get(..10) {
        Some(head) if s.len() > 10 && head.as_bytes()[4] == b'-' && matches!(s.as_bytes()[10], b'T' | b' ') => head,
        _ => s,
    };
    if s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return worded(s);
    }
    let sep = s.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'))?;
    let mut parts = s.split(char::from(sep));
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || [a, b, c]
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if a.len() == 4 {
        return Some(Parts::Clear(n(a)?, n(b)?, n(c)?));
    }
    (c.len() == 4 && a.len() <= 2 && b.len() <= 2).then_some(())?;
    Some(Parts::Numeric(n(a)?, n(b)?, n(c)?, sep))
}

/// `23 Nov 2026`, `Nov 23, 2026`, `23-Nov-2026`, `23. November 2026`, `23 de noviembre de 2026`.
fn worded(s: &str) -> Option<Parts> {
    let (mut day, mut month, mut year) = (None, None, None);
    for token in s.split([' ', ',', '.', '-', '/', '\u{a0}']).filter(|t| !t.is_empty()) {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            match token.len() {
                1 | 2 if day.is_none() => day = token.parse().ok(),
                4 if year.is_none() => year = token.parse().ok(),
                _ => return None,
            }
        } else if matches!(super::vocab::key(token).as_str(), "de" | "of" | "the") {
        } else if month.is_none() {
            month = Some(month_of(token)?);
        } else {
            return None;
        }
    }
    Some(Parts::Clear(year?, month?, day?))
}

/// A date cell read in `format`.
///
/// # Errors
/// `invalid_date` naming the expected form, for a cell that is not a date, is not a calendar date or
/// falls outside 1900–9999.
pub fn date(s: &str, format: DateFormat) -> crate::error::Result<NaiveDate> {
    use crate::error::{Error, ErrorCode};
    let shown = || s.chars().take(30).collect::<String>();
    let bad = || {
        Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("\"{}\" is not a date in the form {}.", shown(), format.word()),
        )
    };
    let (y, m, d) = match date_parts(s).ok_or_else(bad)? {
        Parts::Clear(y, m, d) => (y, m, d),
        Parts::Numeric(a, b, c, _) => match format {
            DateFormat::Mdy => (c, a, b),
            _ => (c, b, a),
        },
    };
    if !(1900..=9999).contains(&y) {
        return Err(Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("{y} is outside the years 1900–9999 overdue accepts."),
        ));
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).map_err(|_| bad())?, m, d).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidDate,
            "",
            format!("\"{}\" is not a real calendar date.", shown()),
        )
    })
}

/// The date format of the date cells, or the choices when the file cannot tell.
pub fn guess_date_format<'a>(cells: impl Iterator<Item = &'a str>) -> (Option<DateFormat>, Vec<DateFormat>) {
    let (mut clear, mut day_first, mut month_first, mut either, mut dotted) = (0, 0, 0, 0, 0);
    for v in cells {
        match date_parts(v) {
            Some(Parts::Clear(..)) => clear += 1,
            Some(Parts::Numeric(a, b, _, sep)) => {
                if a > 12 {
                    day_first += 1;
                } else if b > 12 {
                    month_first += 1;
                } else {
                    either += 1;
                    dotted += usize::from(sep == b'.');
                }
            }
            None => {}
        }
    }
    match (day_first > 0, month_first > 0) {
        (true, false) => (Some(DateFormat::Dmy), vec![]),
        (false, true) => (Some(DateFormat::Mdy), vec![]),
        // Evidence both ways: the rows that disagree with the user's choice will be listed.
        (true, true) => (None, vec![DateFormat::Dmy, DateFormat::Mdy]),
        // `23.11.2026` is day first wherever dots are used.
        (false, false) if either > 0 && dotted == either => (Some(DateFormat::Dmy), vec![]),
        (false, false) if either > 0 => (None, vec![DateFormat::Dmy, DateFormat::Mdy]),
        (false, false) => (if clear > 0 { Some(DateFormat::Iso) } else { None }, vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str, d: u8) -> Result<(String, Option<Sign>), Bad> {
        amount(s, d).map(|r| (r.value.normalize().to_string(), r.sign))
    }

    #[test]
    fn amounts_in_every_common_form() {
        let gbp = Some(Sign::One(Currency::GBP));
        assert_eq!(v("1,234.56", b'.'), Ok(("1234.56".into(), None)));
        assert_eq!(v("1.234,56", b','), Ok(("1234.56".into(), None)));
        assert_eq!(v("£1,234.56", b'.'), Ok(("1234.56".into(), gbp)));
        assert_eq!(v("-£200.00", b'.'), Ok(("-200".into(), gbp)));
        assert_eq!(
            v("1 234,56 €", b','),
            Ok(("1234.56".into(), Some(Sign::One(Currency::EUR))))
        );
        assert_eq!(v("(120.00)", b'.'), Ok(("-120".into(), None)));
        assert_eq!(v("100.00-", b'.'), Ok(("-100".into(), None)));
        assert_eq!(v("$1,500.00", b'.'), Ok(("1500".into(), Some(Sign::Dollar))));
        let cad = Some(Sign::One(Currency::from_code("CAD").unwrap()));
        assert_eq!(v("CA$1,200.00", b'.'), Ok(("1200".into(), cad)));
        let chf = Some(Sign::One(Currency::from_code("CHF").unwrap()));
        assert_eq!(v("CHF 1'250.50", b'.'), Ok(("1250.5".into(), chf)));
        assert_eq!(
            v("1.250,00 zł", b','),
            Ok(("1250".into(), Some(Sign::One(Currency::from_code("PLN").unwrap()))))
        );
        assert_eq!(v("abc", b'.'), Err(Bad::NotAmount));
        assert_eq!(v("12/10/2026", b'.'), Err(Bad::NotAmount));
    }

    #[test]
    fn a_number_written_for_the_other_separator_is_not_rescaled() {
        // "1 250,00" in a file with "." decimals had become 125,000.00.
        assert_eq!(v("1 250,00", b'.'), Err(Bad::OtherSeparator(Decimal::new(125000, 2))));
        assert_eq!(v("1.250,00", b'.'), Err(Bad::OtherSeparator(Decimal::new(125000, 2))));
        assert_eq!(v("12,50", b'.'), Err(Bad::OtherSeparator(Decimal::new(1250, 2))));
        assert!(amount("1.250", b'.').unwrap().three_decimals);
        assert!(!amount("1,250.000", b'.').unwrap().three_decimals);
        assert_eq!(v("12,3456", b'.'), Err(Bad::OtherSeparator(Decimal::new(123456, 4))));
        assert_eq!(v("1,23,456.00", b'.'), Err(Bad::NotAmount));
    }

    #[test]
    fn the_decimal_separator_from_the_evidence() {
        assert_eq!(guess_decimal(["1.234,56", "12,00"].into_iter()), b',');
        assert_eq!(guess_decimal(["1,234.56", "12.00"].into_iter()), b'.');
        assert_eq!(guess_decimal(["1.234.567", "1.250"].into_iter()), b',');
        assert_eq!(guess_decimal(["1.250"].into_iter()), b'.', "no evidence");
        assert_eq!(guess_decimal(["64083", "100,18"].into_iter()), b',');
    }

    #[test]
    fn dates_in_numbers_and_in_words() {
        let d = |s: &str, f| date(s, f).map(|d| d.to_string()).unwrap_or_else(|e| e.message);
        assert_eq!(d("2026-11-23", DateFormat::Dmy), "2026-11-23");
        assert_eq!(d("23/11/2026", DateFormat::Dmy), "2026-11-23");
        assert_eq!(d("11/23/2026", DateFormat::Mdy), "2026-11-23");
        assert_eq!(d("23.11.2026", DateFormat::Dmy), "2026-11-23");
        assert_eq!(d("23 Nov 2026", DateFormat::Mdy), "2026-11-23");
        assert_eq!(d("Nov 23, 2026", DateFormat::Dmy), "2026-11-23");
        assert_eq!(d("23-Nov-2026", DateFormat::Iso), "2026-11-23");
        assert_eq!(d("23. März 2026", DateFormat::Dmy), "2026-03-23");
        assert_eq!(d("3 de marzo de 2026", DateFormat::Dmy), "2026-03-03");
        assert_eq!(d("1 juil. 2026", DateFormat::Dmy), "2026-07-01");
        assert_eq!(d("2020-02-21T00:00:00.000+01:00", DateFormat::Dmy), "2020-02-21");
        assert!(date("31/02/2026", DateFormat::Dmy).is_err());
        assert!(date("23/11/26", DateFormat::Dmy).is_err());
        assert!(date("Invoice", DateFormat::Dmy).is_err());
    }
}

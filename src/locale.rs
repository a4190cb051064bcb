//! Money and dates written as a reader in a given locale expects them: `£1,234.56`, `1.234,56 €`,
//! `1 234,56 €`, `23 November 2026`, `23. November 2026`.
//!
//! The rules follow CLDR as ICU applies it (what `Intl.NumberFormat` and `Intl.DateTimeFormat` print
//! in Node and in browsers), so a notice reads the same as the page around it. They are checked
//! against Intl's own output in `tests/fixtures/intl.json`.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::money::round_to_minor;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// A language a notice can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    En,
    De,
    Fr,
    Es,
    Nl,
}

impl Language {
    pub const ALL: [Language; 5] = [Language::En, Language::De, Language::Fr, Language::Es, Language::Nl];

    /// A language notices and statements are written in, by its ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Nl => "nl",
        }
    }

    /// Whether a count of `n` takes the singular: CLDR's plural category "one" for cardinals,
    /// which for English, German, Spanish and Dutch is n = 1 and for French n = 0 or 1 (CLDR
    /// plurals.xml: fr "one: i = 0,1"; en, de, nl "one: i = 1 and v = 0"; es "one: n = 1").
    pub fn singular(self, n: i64) -> bool {
        match self {
            Language::Fr => n == 0 || n == 1,
            _ => n == 1,
        }
    }

    /// `"en"`, `"de"`, …; a locale such as `"de-AT"` also names its language.
    pub fn parse(s: &str) -> Result<Language> {
        let lang = s.split(['-', '_']).next().unwrap_or("");
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(lang))
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidValue,
                    "",
                    format!(
                        "\"{}\" is not a language overdue writes in (en, de, fr, es, nl).",
                        shorten(s)
                    ),
                )
            })
    }

    /// The locale used when only the language is given.
    pub fn default_locale(self) -> Locale {
        match self {
            Language::En => Locale::EnGb,
            Language::De => Locale::DeDe,
            Language::Fr => Locale::FrFr,
            Language::Es => Locale::EsEs,
            Language::Nl => Locale::NlNl,
        }
    }
}

/// The language and locale a document is written in: `language` if given, else the locale's
/// language, else English; `locale` if given, else the language's default locale.
///
/// # Errors
/// `invalid_value` at `language` or `locale` for one overdue does not write in.
pub fn resolve(language: Option<&str>, locale: Option<&str>) -> Result<(Language, Locale)> {
    let lang = match (language, locale) {
        (Some(l), _) => Language::parse(l).map_err(|e| e.within("language"))?,
        (None, Some(l)) => Language::parse(l).map_err(|e| e.within("locale"))?,
        (None, None) => Language::En,
    };
    let loc = match locale {
        Some(l) => Locale::parse(l).map_err(|e| e.within("locale"))?,
        None => lang.default_locale(),
    };
    Ok((lang, loc))
}

/// A locale for figures and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    EnGb,
    EnUs,
    EnIe,
    DeDe,
    DeAt,
    FrFr,
    FrBe,
    EsEs,
    NlNl,
    NlBe,
}

/// Locales for money and dates, by their BCP 47 tags.
const LOCALES: [(Locale, &str); 10] = [
    (Locale::EnGb, "en-GB"),
    (Locale::EnUs, "en-US"),
    (Locale::EnIe, "en-IE"),
    (Locale::DeDe, "de-DE"),
    (Locale::DeAt, "de-AT"),
    (Locale::FrFr, "fr-FR"),
    (Locale::FrBe, "fr-BE"),
    (Locale::EsEs, "es-ES"),
    (Locale::NlNl, "nl-NL"),
    (Locale::NlBe, "nl-BE"),
];

const NBSP: char = '\u{a0}';
const NARROW_NBSP: char = '\u{202f}';

impl Locale {
    pub fn all_tags() -> impl Iterator<Item = &'static str> {
        LOCALES.iter().map(|(_, t)| *t)
    }

    /// A BCP 47 tag such as `"en-GB"` (case and `_` are forgiven). A bare language (`"de"`) gives
    /// its default locale.
    pub fn parse(s: &str) -> Result<Locale> {
        let norm = s.replace('_', "-");
        if let Some((l, _)) = LOCALES.iter().find(|(_, t)| t.eq_ignore_ascii_case(&norm)) {
            return Ok(*l);
        }
        if !norm.contains('-') {
            if let Ok(lang) = Language::parse(&norm) {
                return Ok(lang.default_locale());
            }
        }
        let known: Vec<&str> = Locale::all_tags().collect();
        Err(Error::new(
            ErrorCode::InvalidValue,
            "",
            format!(
                "\"{}\" is not a supported locale; use one of {}.",
                shorten(s),
                known.join(", ")
            ),
        ))
    }

    pub fn tag(self) -> &'static str {
        LOCALES.iter().find(|(l, _)| *l == self).map_or("en-GB", |(_, t)| t)
    }

    pub fn language(self) -> Language {
        match self {
            Locale::EnGb | Locale::EnUs | Locale::EnIe => Language::En,
            Locale::DeDe | Locale::DeAt => Language::De,
            Locale::FrFr | Locale::FrBe => Language::Fr,
            Locale::EsEs => Language::Es,
            Locale::NlNl | Locale::NlBe => Language::Nl,
        }
    }

    /// Grouping separator, decimal separator, and whether a four-digit integer is left ungrouped
    /// (CLDR's "minimum grouping digits" of 2, used by Spanish).
    fn separators(self) -> (char, char, bool) {
        match self.language() {
            Language::En => (',', '.', false),
            Language::De | Language::Nl => ('.', ',', false),
            Language::Fr => (NARROW_NBSP, ',', false),
            Language::Es => ('.', ',', true),
        }
    }

    /// The sign a currency is shown with in this locale (CLDR's narrow-enough "symbol" form).
    fn symbol(self, currency: Currency) -> &'static str {
        let lang = self.language();
        match (currency.code(), lang) {
            ("EUR", _) => "€",
            ("GBP", Language::Fr) => "£GB",
            ("GBP", Language::Es) => "GBP",
            ("GBP", _) => "£",
            ("USD", Language::De) => "$",
            ("USD", Language::Fr) => "$US",
            ("USD", _) if self == Locale::EnUs => "$",
            ("USD", _) => "US$",
            ("JPY", Language::Fr | Language::Es) => "JPY",
            ("JPY", Language::De) => "¥",
            ("JPY", _) if self == Locale::EnUs => "¥",
            ("JPY", _) => "JP¥",
            _ => "",
        }
    }

    /// `amount` rounded to the currency's minor unit (half away from zero) and written for this
    /// locale, e.g. `£1,234.56`, `1.234,56 €`, `€ -1.234,56`.
    pub fn money(self, amount: Decimal, currency: Currency) -> String {
        let r = round_to_minor(amount, currency);
        let negative = r.is_sign_negative() && !r.is_zero();
        let symbol = self.symbol(currency);
        let is_code = symbol.is_empty();
        let symbol = if is_code { currency.code() } else { symbol };
        let sign = if negative { "-" } else { "" };
        // The number is written straight into the result: a notice writes many amounts.
        let mut out = String::with_capacity(32);
        match (self, self.language()) {
            (Locale::DeAt, _) | (_, Language::Nl) => {
                // `€ 1.234,56`; Dutch puts the sign after the symbol, Austrian German before it.
                if self == Locale::DeAt {
                    out.push_str(sign);
                }
                out.push_str(symbol);
                out.push(NBSP);
                if self != Locale::DeAt {
                    out.push_str(sign);
                }
                self.number_into(r, &mut out);
            }
            (_, Language::En) => {
                out.push_str(sign);
                out.push_str(symbol);
                if is_code {
                    out.push(NBSP);
                }
                self.number_into(r, &mut out);
            }
            _ => {
                out.push_str(sign);
                self.number_into(r, &mut out);
                out.push(NBSP);
                out.push_str(symbol);
            }
        }
        out
    }

    /// A non-negative decimal with this locale's separators, keeping its digits after the point.
    pub fn number(self, value: Decimal) -> String {
        let mut out = String::with_capacity(24);
        self.number_into(value, &mut out);
        out
    }

    /// [`Locale::number`] of `value`'s magnitude, appended to `out`.
    fn number_into(self, value: Decimal, out: &mut String) {
        let (group, point, min2) = self.separators();
        // Decimal's Display is slow and notices write many numbers; DecimalText writes the same digits.
        let text = crate::money::DecimalText::new(value.abs());
        let digits = text.as_str();
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let grouping = int.len() > 4 || (int.len() == 4 && !min2);
        // Digits are ASCII, so the integer part splits into byte runs of three after the first.
        let first = if grouping { (int.len() - 1) % 3 + 1 } else { int.len() };
        out.push_str(&int[..first]);
        let mut at = first;
        while at < int.len() {
            out.push(group);
            out.push_str(&int[at..at + 3]);
            at += 3;
        }
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
        }
    }

    /// A date in the locale's long form: `23 November 2026`, `November 23, 2026`, `23. November 2026`,
    /// `23 novembre 2026`, `23 de noviembre de 2026`, `23 november 2026`.
    pub fn date(self, d: NaiveDate) -> String {
        let month = self.month_name(d.month());
        let (mut day_buf, mut year_buf) = (itoa::Buffer::new(), itoa::Buffer::new());
        let (day, year) = (day_buf.format(d.day()), year_buf.format(d.year()));
        // French writes the first of a month as an ordinal, "1er octobre" (Intl prints "1 octobre").
        let day = if self.language() == Language::Fr && d.day() == 1 {
            "1er"
        } else {
            day
        };
        let mut out = String::with_capacity(24);
        // Pieces pushed one by one: notices write many dates and `format!` is slow.
        let parts: [&str; 5] = match self.language() {
            Language::En if self == Locale::EnUs => [month, " ", day, ", ", year],
            Language::De => [day, ". ", month, " ", year],
            Language::Es => [day, " de ", month, " de ", year],
            _ => [day, " ", month, " ", year],
        };
        for p in parts {
            out.push_str(p);
        }
        out
    }

    fn month_name(self, m: u32) -> &'static str {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const DE: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const ES: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        let i = (m as usize).clamp(1, 12) - 1;
        match self.language() {
            Language::En => EN[i],
            Language::De if self == Locale::DeAt && i == 0 => "Jänner",
            Language::De => DE[i],
            Language::Fr => FR[i],
            Language::Es => ES[i],
            Language::Nl => NL[i],
        }
    }
}

fn shorten(s: &str) -> String {
    s.chars().take(20).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_from_the_issue() {
        let eur = Currency::from_code("EUR").unwrap();
        let gbp = Currency::from_code("GBP").unwrap();
        let d = Decimal::new(123456, 2);
        assert_eq!(Locale::EnGb.money(d, gbp), "£1,234.56");
        assert_eq!(Locale::DeDe.money(d, eur), "1.234,56\u{a0}€");
        assert_eq!(Locale::FrFr.money(d, eur), "1\u{202f}234,56\u{a0}€");
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(Locale::EnGb.date(day), "23 November 2026");
        assert_eq!(Locale::DeDe.date(day), "23. November 2026");
    }

    #[test]
    fn parsing() {
        assert_eq!(Locale::parse("de_at").unwrap(), Locale::DeAt);
        assert_eq!(Locale::parse("nl").unwrap(), Locale::NlNl);
        assert!(Locale::parse("xx-YY").is_err());
        assert_eq!(Language::parse("fr-BE").unwrap(), Language::Fr);
        assert!(Language::parse("it").is_err());
    }
}

//! ISO 4217 currencies and their minor units.

use crate::error::{Error, ErrorCode};
use std::fmt;

/// An active ISO 4217 currency: its three-letter code and the number of decimal places of its minor
/// unit (JPY 0, EUR 2, KWD 3, CLF 4).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

// Codes whose minor unit is not 2, from the ISO 4217 list (amendment 179, 2024). Every other code in
// `CODES` has 2.
const ZERO: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF",
    "XPF",
];
const THREE: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
const FOUR: &[&str] = &["CLF", "UYW"];

// Active ISO 4217 codes of currencies in use (funds codes, precious metals and testing codes left out,
// except the funds codes with their own minor unit that ledgers do carry: CLF, UYI, UYW).
const CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLF", "CLP", "CNY", "COP",
    "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
    "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN",
    "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC",
    "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYI", "UYU",
    "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

impl Currency {
    /// The euro, in which the Directive's fixed sums are set.
    pub const EUR: Currency = Currency {
        code: *b"EUR",
        minor_units: 2,
    };
    /// The pound sterling, in which the UK Act's fixed sums are set.
    pub const GBP: Currency = Currency {
        code: *b"GBP",
        minor_units: 2,
    };

    /// The currency for an ISO 4217 code, case-insensitive (`"usd"` is `USD`).
    ///
    /// # Errors
    /// `unknown_currency` when the code is not an active ISO 4217 currency code.
    ///
    /// ```
    /// use overdue::Currency;
    /// assert_eq!(Currency::from_code("jpy").unwrap().minor_units(), 0);
    /// assert_eq!(Currency::from_code("KWD").unwrap().minor_units(), 3);
    /// assert!(Currency::from_code("XYZ").is_err());
    /// ```
    pub fn from_code(code: &str) -> Result<Currency, Error> {
        let bytes = code.as_bytes();
        let unknown = || {
            let shown: String = code.chars().take(12).collect();
            Error::new(
                ErrorCode::UnknownCurrency,
                "",
                format!("\"{shown}\" is not an ISO 4217 currency code (such as EUR, GBP or USD)."),
            )
        };
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(unknown());
        }
        let upper = [
            bytes[0].to_ascii_uppercase(),
            bytes[1].to_ascii_uppercase(),
            bytes[2].to_ascii_uppercase(),
        ];
        // Sorted tables (a test checks), searched with codes as numbers: every amount read looks its
        // currency up here, and comparing strings made each probe a call to memcmp.
        let key = |c: &[u8]| (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
        let k = key(&upper);
        let has = |table: &[&str]| table.binary_search_by(|c| key(c.as_bytes()).cmp(&k)).is_ok();
        if !has(CODES) {
            return Err(unknown());
        }
        let minor_units = if has(ZERO) {
            0
        } else if has(THREE) {
            3
        } else if has(FOUR) {
            4
        } else {
            2
        };
        Ok(Currency {
            code: upper,
            minor_units,
        })
    }

    /// The three-letter upper-case code.
    pub fn code(&self) -> &str {
        // The bytes were checked to be ASCII letters on construction.
        std::str::from_utf8(&self.code).unwrap_or("XXX")
    }

    /// Decimal places of the minor unit: 0 for JPY, 2 for EUR, 3 for KWD.
    pub fn minor_units(&self) -> u32 {
        u32::from(self.minor_units)
    }

    /// Every supported currency code, sorted.
    pub fn all_codes() -> &'static [&'static str] {
        CODES
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl crate::decode::Decode for Currency {
    fn decode(r: &mut crate::decode::Reader<'_>) -> Result<Self, Error> {
        match r.got()? {
            crate::decode::Got::Str => Currency::from_code(&r.str()?),
            got => Err(crate::decode::type_error(
                "a three-letter ISO 4217 currency code such as \"EUR\"",
                &got,
            )),
        }
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::encode::plain_str(s, self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_consistent() {
        for table in [CODES, ZERO, THREE, FOUR] {
            assert!(
                table.windows(2).all(|w| w[0] < w[1]),
                "{table:?} must stay sorted for binary search"
            );
            assert!(
                table
                    .iter()
                    .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())),
                "{table:?}"
            );
        }
        // Every listed code is found, in any case, and its neighbours in the alphabet are not.
        for c in CODES {
            assert_eq!(Currency::from_code(&c.to_ascii_lowercase()).unwrap().code(), *c);
        }
        for c in ["AAA", "AEE", "GBQ", "ZZZ", "EUS", "USC"] {
            assert!(Currency::from_code(c).is_err(), "{c}");
        }
        for c in ZERO.iter().chain(THREE).chain(FOUR) {
            assert!(CODES.contains(c), "{c} has a special minor unit but is not in CODES");
        }
    }

    #[test]
    fn minor_units_follow_iso_4217() {
        for (code, mu) in [
            ("USD", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("KWD", 3),
            ("BHD", 3),
            ("TND", 3),
            ("CLF", 4),
            ("CHF", 2),
        ] {
            assert_eq!(Currency::from_code(code).unwrap().minor_units(), mu, "{code}");
        }
    }

    #[test]
    fn unknown_and_malformed_codes_are_refused() {
        for code in ["", "US", "USDD", "XYZ", "U$D", "€€€", "DEM", "HRK"] {
            let e = Currency::from_code(code).unwrap_err();
            assert_eq!(e.code, ErrorCode::UnknownCurrency, "{code}");
        }
        assert_eq!(Currency::from_code("gbp").unwrap().code(), "GBP");
    }
}

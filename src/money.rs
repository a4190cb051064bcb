//! Amounts of money: exact decimals in, decimal strings with exactly the currency's minor digits out.
//!
//! Inputs may be decimal strings (`"1854.02"`) or JavaScript numbers. A number is read through its
//! shortest round-trip decimal form, so `0.1 + 0.2` arrives as `0.30000000000000004` and is refused
//! for having more decimals than the currency allows, instead of being silently rounded.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode};
use rust_decimal::{Decimal, RoundingStrategy};

/// Every amount overdue accepts in one field is below this: 10^15 major units (999,999,999,999,999.99
/// is accepted, 1,000,000,000,000,000 is not), as the parser's 15 integer digits and the docs say.
/// Sums of a million such amounts and the interest on them stay far inside `Decimal`'s 28 digits.
pub const AMOUNT_LIMIT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0); // 1_000_000_000_000_000

/// Parses a decimal string: optional `-`, digits, optionally `.` and digits. No exponent, no thousands
/// separators, no surrounding spaces. Trailing zeros after the point are not counted as decimals
/// (`"12.50000"` is 12.5).
///
/// # Errors
/// `invalid_amount` for anything that is not such a number, `too_many_decimals` for more than 28
/// significant decimals, `amount_out_of_range` at ±[`AMOUNT_LIMIT`] or beyond.
///
/// ```
/// use overdue::money::parse_decimal;
/// assert_eq!(parse_decimal("1854.020").unwrap().to_string(), "1854.02");
/// assert!(parse_decimal("1,854.02").is_err());
/// ```
pub fn parse_decimal(s: &str) -> Result<Decimal, Error> {
    let invalid = || {
        let shown: String = s.chars().take(40).collect();
        Error::new(
            ErrorCode::InvalidAmount,
            "",
            format!(
                "\"{shown}\" is not an amount: write digits with an optional '.' and decimals, such as \"1234.50\"."
            ),
        )
    };
    let bytes = s.as_bytes();
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let (int_part, frac_part) = match body.iter().position(|&b| b == b'.') {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, &body[body.len()..]),
    };
    let has_point = int_part.len() != body.len();
    if int_part.is_empty()
        || !int_part.iter().all(u8::is_ascii_digit)
        || (has_point && frac_part.is_empty())
        || !frac_part.iter().all(u8::is_ascii_digit)
    {
        return Err(invalid());
    }
    let int_digits = {
        let first_nonzero = int_part.iter().position(|&b| b != b'0').unwrap_or(int_part.len());
        &int_part[first_nonzero..]
    };
    let frac_digits = {
        let last_nonzero = frac_part.iter().rposition(|&b| b != b'0').map_or(0, |i| i + 1);
        &frac_part[..last_nonzero]
    };
    if int_digits.len() > 15 {
        return Err(out_of_range());
    }
    if frac_digits.len() > 28 {
        return Err(Error::new(
            ErrorCode::TooManyDecimals,
            "",
            format!(
                "An amount has {} decimal places; no currency has more than 4.",
                frac_digits.len()
            ),
        ));
    }
    // At most 15 + 28 digits do not fit in 96 bits; build the mantissa with checked arithmetic and
    // report the rare overflow as too many decimals (it can only come from a long fraction).
    let mut mantissa: i128 = 0;
    if int_digits.len() + frac_digits.len() <= 18 {
        // Every amount in practice: 64-bit arithmetic, which cannot overflow at 18 digits.
        let mut m: u64 = 0;
        for &b in int_digits.iter().chain(frac_digits) {
            m = m * 10 + u64::from(b - b'0');
        }
        mantissa = i128::from(m);
    } else {
        for &b in int_digits.iter().chain(frac_digits) {
            mantissa = match mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
            {
                Some(m) => m,
                None => return Err(invalid()),
            };
        }
    }
    if negative {
        mantissa = -mantissa;
    }
    let scale = u32::try_from(frac_digits.len()).map_err(|_| invalid())?;
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| {
        Error::new(
            ErrorCode::TooManyDecimals,
            "",
            "An amount has more significant digits than overdue can hold exactly (28).",
        )
    })
}

fn out_of_range() -> Error {
    Error::new(
        ErrorCode::AmountOutOfRange,
        "",
        "An amount is too large: overdue accepts amounts below 1,000,000,000,000,000.",
    )
}

/// Reads a JavaScript number as the decimal it prints as (its shortest round-trip form).
///
/// # Errors
/// `invalid_amount` for NaN and ±Infinity; otherwise as [`parse_decimal`].
pub fn decimal_from_f64(v: f64) -> Result<Decimal, Error> {
    if !v.is_finite() {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            "",
            format!("{v} is not an amount: amounts must be finite numbers."),
        ));
    }
    if v.abs() >= 1e15 {
        return Err(out_of_range());
    }
    // Rust's `Display` for f64 prints the shortest string that reads back as the same number, with no
    // exponent: the same digits JavaScript's `String(x)` shows.
    let text = format!("{v}");
    parse_decimal(&text).map(|d| if d.is_zero() { Decimal::ZERO } else { d })
}

/// Checks that `amount` fits the currency: no more decimals than its minor unit, within range.
///
/// # Errors
/// `too_many_decimals` or `amount_out_of_range`.
pub fn check_for_currency(amount: Decimal, currency: Currency) -> Result<Decimal, Error> {
    let amount = amount.normalize();
    if amount.abs() >= AMOUNT_LIMIT {
        return Err(out_of_range());
    }
    if amount.scale() > currency.minor_units() {
        let allowed = match currency.minor_units() {
            0 => "no decimal places".to_string(),
            1 => "1 decimal place".to_string(),
            n => format!("{n} decimal places"),
        };
        return Err(Error::new(
            ErrorCode::TooManyDecimals,
            "",
            format!("{amount} has more decimals than {currency} allows ({allowed}); overdue never rounds an input silently."),
        ));
    }
    Ok(amount)
}

/// Rounds to the currency's minor unit, half away from zero, and fixes the scale so that the
/// string form always shows every minor digit (`"12.50"`, JPY `"1854"`, KWD `"1.500"`).
///
/// ```
/// use overdue::{money::round_to_minor, Currency};
/// use rust_decimal::Decimal;
/// let gbp = Currency::from_code("GBP").unwrap();
/// assert_eq!(round_to_minor(Decimal::new(9_8625, 4), gbp).to_string(), "9.86");
/// assert_eq!(round_to_minor(Decimal::new(125, 3), gbp).to_string(), "0.13");
/// ```
pub fn round_to_minor(amount: Decimal, currency: Currency) -> Decimal {
    round_dp(amount, currency.minor_units())
}

const POW10: [u128; 29] = {
    let mut t = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// Rounds half away from zero to `dp` places and pads to exactly `dp` places.
pub fn round_dp(amount: Decimal, dp: u32) -> Decimal {
    let mut r = match amount.scale().checked_sub(dp) {
        // One i128 division with remainder: rust_decimal's rounding removes one digit at a time,
        // which cost a third of a late-charges report (interest carries 28 decimals before rounding).
        // Unsigned, from a table of powers and with the remainder multiplied back: in wasm every
        // 128-bit division is a library call, and `pow`, `/` and `%` had made it six.
        Some(drop) if drop > 0 => {
            let m = amount.mantissa();
            let divisor = POW10[drop.min(28) as usize];
            let a = m.unsigned_abs();
            let q = a / divisor;
            let q = q + u128::from(2 * (a - q * divisor) >= divisor);
            // |q| < 2^96, so the sign fits back.
            let q = if m < 0 { -(q as i128) } else { q as i128 };
            Decimal::try_from_i128_with_scale(q, dp)
                .unwrap_or_else(|_| amount.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
        }
        _ => amount,
    };
    r.rescale(dp);
    if r.is_zero() {
        // Never print "-0.00".
        r.set_sign_positive(true);
    }
    r
}

/// An amount read from input: a decimal string or a number, checked for syntax and range but not yet
/// against a currency (see [`check_for_currency`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Amount(pub Decimal);

impl crate::decode::Decode for Amount {
    fn decode(r: &mut crate::decode::Reader<'_>) -> Result<Self, Error> {
        use crate::decode::Got;
        match r.got()? {
            Got::Str => parse_decimal(&r.str()?).map(Amount),
            Got::Number(n) => decimal_from_json(r.take(n)).map(Amount),
            got => Err(crate::decode::type_error(
                "an amount as a decimal string such as \"1234.50\" or a number",
                &got,
            )),
        }
    }
}

/// Reads a JSON number's text as the decimal it writes. JavaScript's `JSON.stringify` writes a
/// number's shortest round-trip form, so this is the decimal the number prints as
/// ([`decimal_from_f64`]) without going through a float; an exponent (`1.5e-7`) shifts the point.
///
/// # Errors
/// As [`parse_decimal`].
pub fn decimal_from_json(text: &str) -> Result<Decimal, Error> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let d = parse_decimal(mantissa)?;
    if d.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let Some(exponent) = exponent else { return Ok(d) };
    let e: i64 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .map_err(|_| out_of_range())?;
    let d = d.normalize();
    let scale = i64::from(d.scale()) - e;
    if scale > 28 {
        return Err(Error::new(
            ErrorCode::TooManyDecimals,
            "",
            format!("An amount has {scale} decimal places; no currency has more than 4."),
        ));
    }
    let mut m = d.mantissa();
    if scale < 0 {
        let shift = 10i128
            .checked_pow(u32::try_from(-scale).map_err(|_| out_of_range())?)
            .ok_or_else(out_of_range)?;
        m = m.checked_mul(shift).ok_or_else(out_of_range)?;
    }
    let v =
        Decimal::try_from_i128_with_scale(m, u32::try_from(scale.max(0)).unwrap_or(0)).map_err(|_| out_of_range())?;
    if v.abs() >= AMOUNT_LIMIT {
        return Err(out_of_range());
    }
    Ok(v)
}

/// A `Decimal` written as its `Display` writes it (digits, a `-` when negative, exactly its scale in
/// decimals) into a buffer on the stack. Results carry tens of thousands of amounts, and `Display`
/// through the formatting machinery was the largest single cost of writing them.
pub struct DecimalText {
    buf: [u8; 48],
    start: usize,
}

impl DecimalText {
    pub fn new(d: Decimal) -> DecimalText {
        let scale = d.scale() as usize;
        // Digits from the last, then at least one before the point.
        let mut digits = [0u8; 40];
        let mut k = 0;
        // Most amounts fit 64 bits, where division is one instruction instead of a library call.
        let mut u = d.mantissa().unsigned_abs();
        while u > u128::from(u64::MAX) {
            digits[k] = (u % 10) as u8;
            u /= 10;
            k += 1;
        }
        let mut v = u as u64;
        while v > 0 {
            digits[k] = (v % 10) as u8;
            v /= 10;
            k += 1;
        }
        k = k.max(scale + 1);
        let mut buf = [0u8; 48];
        let mut i = buf.len();
        for (j, digit) in digits[..k].iter().enumerate() {
            if j == scale && scale > 0 {
                i -= 1;
                buf[i] = b'.';
            }
            i -= 1;
            buf[i] = b'0' + digit;
        }
        if d.is_sign_negative() && !d.is_zero() {
            i -= 1;
            buf[i] = b'-';
        }
        DecimalText { buf, start: i }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '.' and '-' were written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or_default()
    }
}

/// Serialises a `Decimal` as its string form. Output structs hold amounts already rounded with
/// [`round_to_minor`], so the string shows exactly the currency's minor digits.
pub fn ser_decimal<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    crate::encode::plain_str(s, DecimalText::new(*d).as_str())
}

// A rate, a percentage, a ratio or a count of days: written as an amount is, named apart so that
// the TypeScript definitions (tests/typescript.rs) do not call it money.
pub use self::ser_decimal as ser_ratio;
pub use self::ser_opt_decimal as ser_opt_ratio;

/// [`ser_decimal`] for an optional value (`null` when absent).
pub fn ser_opt_decimal<S: serde::Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => ser_decimal(d, s),
        None => s.serialize_none(),
    }
}

/// [`ser_decimal`] for an amount as read from input.
pub fn ser_amount<S: serde::Serializer>(a: &Amount, s: S) -> Result<S::Ok, S::Error> {
    ser_decimal(&a.0, s)
}

/// [`ser_decimal`] for an optional amount as read from input.
pub fn ser_opt_amount<S: serde::Serializer>(v: &Option<Amount>, s: S) -> Result<S::Ok, S::Error> {
    ser_opt_decimal(&v.map(|a| a.0), s)
}

struct AsText(Decimal);

impl serde::Serialize for AsText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_decimal(&self.0, s)
    }
}

/// [`ser_decimal`] for a list.
pub fn ser_decimals<S: serde::Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for d in v {
        seq.serialize_element(&AsText(*d))?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(c: &str) -> Currency {
        Currency::from_code(c).unwrap()
    }

    #[test]
    fn the_amount_limit_is_ten_to_the_fifteenth_and_just_below_it_is_accepted() {
        assert_eq!(AMOUNT_LIMIT, Decimal::from(1_000_000_000_000_000_i64));
        // Hardening round 2, finding 8: the documented bound "below 10^15" refused this.
        let gbp = cur("GBP");
        let below = parse_decimal("999999999999999.99").unwrap();
        assert_eq!(check_for_currency(below, gbp).unwrap(), below);
        let at = parse_decimal("1000000000000000").unwrap_err();
        assert_eq!(at.code, ErrorCode::AmountOutOfRange);
        assert_eq!(
            check_for_currency(Decimal::from(1_000_000_000_000_000_i64), gbp)
                .unwrap_err()
                .code,
            ErrorCode::AmountOutOfRange
        );
        assert_eq!(
            decimal_from_f64(999_999_999_999_999.0).unwrap(),
            Decimal::from(999_999_999_999_999_i64)
        );
        assert_eq!(decimal_from_f64(1e15).unwrap_err().code, ErrorCode::AmountOutOfRange);
    }

    #[test]
    fn parses_plain_decimals() {
        assert_eq!(parse_decimal("0").unwrap(), Decimal::ZERO);
        assert_eq!(parse_decimal("-12.5").unwrap(), Decimal::new(-125, 1));
        assert_eq!(parse_decimal("0012.500").unwrap().to_string(), "12.5");
        assert_eq!(
            parse_decimal("999999999999999.99").unwrap().to_string(),
            "999999999999999.99"
        );
    }

    #[test]
    fn refuses_malformed_amounts() {
        for s in [
            "", "-", ".5", "5.", "1,000", "1e5", " 1", "1 ", "+1", "--1", "NaN", "Infinity", "1.2.3", "١٢",
        ] {
            let e = parse_decimal(s).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidAmount, "{s:?}");
        }
        assert_eq!(
            parse_decimal("1000000000000000").unwrap_err().code,
            ErrorCode::AmountOutOfRange
        );
        let thirty = format!("0.{}1", "0".repeat(29));
        assert_eq!(parse_decimal(&thirty).unwrap_err().code, ErrorCode::TooManyDecimals);
    }

    #[test]
    fn numbers_are_read_as_they_print() {
        assert_eq!(decimal_from_f64(0.1 + 0.2).unwrap().to_string(), "0.30000000000000004");
        assert_eq!(decimal_from_f64(1854.02).unwrap().to_string(), "1854.02");
        assert_eq!(decimal_from_f64(-0.0).unwrap().to_string(), "0");
        assert_eq!(decimal_from_f64(f64::NAN).unwrap_err().code, ErrorCode::InvalidAmount);
        assert_eq!(
            decimal_from_f64(f64::INFINITY).unwrap_err().code,
            ErrorCode::InvalidAmount
        );
        assert_eq!(decimal_from_f64(1e308).unwrap_err().code, ErrorCode::AmountOutOfRange);
        assert_eq!(decimal_from_f64(5e-324).unwrap_err().code, ErrorCode::TooManyDecimals);
    }

    #[test]
    fn decimal_text_is_display() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..50_000 {
            let hi = match next() % 4 {
                0 => 0,
                1 => next() % 16,
                _ => next() as u32 as u64,
            };
            let m =
                (i128::from(hi) << 64 | i128::from(next() >> (next() % 64))) % 79_228_162_514_264_337_593_543_950_335;
            let m = if next() % 2 == 0 { -m } else { m };
            let d = Decimal::from_i128_with_scale(m, (next() % 29) as u32);
            assert_eq!(DecimalText::new(d).as_str(), d.to_string(), "{m} scale {}", d.scale());
            // And parse_decimal reads it back, through its 64-bit path or its 128-bit one.
            if d.abs() < AMOUNT_LIMIT {
                assert_eq!(
                    parse_decimal(DecimalText::new(d).as_str()).map(|p| (p, p.scale())),
                    Ok((d, d.normalize().scale())),
                    "{d}"
                );
            }
        }
        for d in [
            Decimal::ZERO,
            Decimal::new(0, 2),
            Decimal::new(-5, 1),
            Decimal::new(5, 3),
            Decimal::MAX,
            Decimal::MIN,
            round_dp(Decimal::new(-1, 3), 2),
        ] {
            assert_eq!(DecimalText::new(d).as_str(), d.to_string());
        }
    }

    #[test]
    fn json_numbers_read_as_the_float_they_write() {
        // The same number in plain and exponent form reads as the decimal the float prints as.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x % 2_000_000_000_000) as f64 / [1.0, 100.0, 1e4, 1e7, 1e12][(x >> 59) as usize % 5]
                * if x & 1 == 0 { 1.0 } else { -1.0 };
            let want = decimal_from_f64(v).unwrap();
            assert_eq!(decimal_from_json(&format!("{v}")).unwrap(), want, "{v}");
            assert_eq!(decimal_from_json(&format!("{v:e}")).unwrap(), want, "{v:e}");
            assert_eq!(decimal_from_json(&format!("{v:E}")).unwrap(), want, "{v:E}");
        }
        assert_eq!(
            decimal_from_json("1e+21").unwrap_err().code,
            ErrorCode::AmountOutOfRange
        );
        assert_eq!(
            decimal_from_json("1e99999999999999999999").unwrap_err().code,
            ErrorCode::AmountOutOfRange
        );
        assert_eq!(
            decimal_from_json("5e-324").unwrap_err().code,
            ErrorCode::TooManyDecimals
        );
        assert_eq!(decimal_from_json("-0e5").unwrap().to_string(), "0");
        assert_eq!(decimal_from_json("0.000001e3").unwrap().to_string(), "0.001");
        assert_eq!(decimal_from_json("12.5e1").unwrap().to_string(), "125");
    }

    #[test]
    fn currency_minor_units_are_enforced() {
        let d = decimal_from_f64(0.1 + 0.2).unwrap();
        assert_eq!(
            check_for_currency(d, cur("USD")).unwrap_err().code,
            ErrorCode::TooManyDecimals
        );
        assert_eq!(
            check_for_currency(Decimal::new(1855, 1), cur("JPY")).unwrap_err().code,
            ErrorCode::TooManyDecimals
        );
        assert!(
            check_for_currency(Decimal::new(1500, 3), cur("JPY")).is_err(),
            "1.500 is 1.5, which JPY cannot hold"
        );
        assert!(
            check_for_currency(Decimal::new(1000, 3), cur("JPY")).is_ok(),
            "1.000 is 1"
        );
        assert!(check_for_currency(Decimal::new(1500, 3), cur("KWD")).is_ok());
        assert!(check_for_currency(Decimal::new(15001, 4), cur("KWD")).is_err());
    }

    #[test]
    fn rounding_is_half_away_from_zero_with_fixed_digits() {
        assert_eq!(round_to_minor(Decimal::new(125, 3), cur("EUR")).to_string(), "0.13");
        assert_eq!(round_to_minor(Decimal::new(-125, 3), cur("EUR")).to_string(), "-0.13");
        assert_eq!(round_to_minor(Decimal::new(135, 3), cur("EUR")).to_string(), "0.14");
        assert_eq!(round_to_minor(Decimal::new(18545, 1), cur("JPY")).to_string(), "1855");
        assert_eq!(round_to_minor(Decimal::new(15, 1), cur("KWD")).to_string(), "1.500");
        assert_eq!(round_to_minor(Decimal::new(-4, 3), cur("USD")).to_string(), "0.00");
    }
}

/// An amount written for an English sentence: the currency's symbol where it is unambiguous in
/// English business writing (£, $ for USD, €, ¥ for JPY), else the code; thousands separated by
/// commas; exactly the minor digits. `£4,200.00`, `¥185,400`, `CHF 1,250.50`, `-$12.00`.
/// This is US English as [`crate::locale::Locale`] writes it, with a plain space after a code so
/// that explanations stay plain ASCII spacing.
pub fn format_en(amount: Decimal, currency: Currency) -> String {
    crate::locale::Locale::EnUs
        .money(amount, currency)
        .replace('\u{a0}', " ")
}

// proptest is a native-only dev-dependency (Cargo.toml).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod round_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The fast rounding agrees with rust_decimal's half-away-from-zero rounding everywhere.
        #[test]
        fn fast_rounding_agrees(lo in any::<u64>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28, dp in 0u32..=6) {
            let d = Decimal::from_parts(lo as u32, (lo >> 32) as u32, hi, neg, scale);
            let mut expected = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            expected.rescale(dp);
            let got = round_dp(d, dp);
            prop_assert_eq!(got, expected);
            // Near Decimal's maximum the padding cannot fit (either way); amounts here stay < 10^15.
            if d.abs() < Decimal::from(10u64.pow(18)) {
                prop_assert_eq!(got.scale(), dp);
            }
        }
    }

    #[test]
    fn midpoints() {
        assert_eq!(round_dp(Decimal::new(12635, 3), 2).to_string(), "12.64");
        assert_eq!(round_dp(Decimal::new(-12635, 3), 2).to_string(), "-12.64");
        assert_eq!(round_dp(Decimal::new(12634999, 6), 2).to_string(), "12.63");
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn english_amounts() {
        let c = |s| Currency::from_code(s).unwrap();
        assert_eq!(format_en(Decimal::new(420000, 2), c("GBP")), "£4,200.00");
        assert_eq!(format_en(Decimal::from(185400), c("JPY")), "¥185,400");
        assert_eq!(format_en(Decimal::new(125050, 2), c("CHF")), "CHF 1,250.50");
        assert_eq!(format_en(Decimal::new(-1200, 2), c("USD")), "-$12.00");
        assert_eq!(format_en(Decimal::new(1500, 3), c("KWD")), "KWD 1.500");
        assert_eq!(
            format_en(Decimal::new(99999999999999, 2), c("EUR")),
            "€999,999,999,999.99"
        );
        assert_eq!(format_en(Decimal::ZERO, c("EUR")), "€0.00");
    }
}

//! `parseAmount`: an amount as a person types it into a form ("12,50", "1.250,00", "1,250.00",
//! "£12.50"), read with the same rules as the CSV import. The separator of the user's locale is
//! tried first; a text that only reads the other way is read that way; one that reads two ways in
//! the currency ("1.250" in euros: 1.25 or 1250) is refused, naming both. Never rescaled.

use super::values::{amount, Bad, Read, Sign};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{check_for_currency, round_to_minor};
use rust_decimal::Decimal;
use serde::Serialize;

/// Input of [`parse_amount`].
#[derive(Debug, Clone)]
pub struct ParseAmountInput {
    /// As typed: "12,50", "1.250,00", "1,250.00", "£12.50".
    pub text: String,
    pub currency: Currency,
    /// The decimal separator of the user's locale, `"."` (the default) or `","`.
    pub decimal_separator: Option<String>,
}
crate::decode_struct!(ParseAmountInput {
    text: "text",
    currency: "currency",
    decimal_separator: "decimalSeparator" = default,
});

/// Output of [`parse_amount`].
#[derive(Debug, Clone, Serialize)]
pub struct ParsedAmount {
    /// With exactly the currency's minor digits.
    #[serde(serialize_with = "crate::money::ser_decimal")]
    pub amount: Decimal,
    pub currency: Currency,
}

/// The amount typed in `text`.
///
/// # Errors
/// `invalid_amount` at `text` for a text that is not an amount, that reads two ways, or whose sign
/// is another currency; `too_many_decimals`, `amount_out_of_range` as for any amount;
/// `invalid_value` at `decimalSeparator`.
pub fn parse_amount(input: &ParseAmountInput) -> Result<ParsedAmount> {
    let currency = input.currency;
    let decimal = super::values::decimal_separator(input.decimal_separator.as_deref())?.unwrap_or(b'.');
    let other = if decimal == b'.' { b',' } else { b'.' };
    let text = input.text.trim();
    let bad = |message: String| Error::new(ErrorCode::InvalidAmount, "text", message);
    // A reading fits the currency when it has no more decimals than the currency's minor unit, and
    // is not three decimals standing for a thousands group.
    let fits =
        |r: &Read| !(r.three_decimals && currency.minor_units() != 3) && check_for_currency(r.value, currency).is_ok();
    let read = match (amount(text, decimal), amount(text, other)) {
        (Ok(here), _) if fits(&here) => here,
        (Ok(here), Ok(there)) if fits(&there) => {
            return Err(bad(format!(
                "\"{text}\" reads two ways: {} or {}. Write it with {} decimals.",
                here.value.normalize(),
                there.value.normalize(),
                currency.minor_units()
            )))
        }
        (Err(_), Ok(there)) if fits(&there) => there,
        (Ok(here), _) => here,
        (Err(Bad::UnknownSign(s)), _) => return Err(bad(format!("\"{s}\" is not a currency sign overdue knows."))),
        (Err(_), _) => {
            return Err(bad(format!(
                "\"{}\" is not an amount.",
                text.chars().take(30).collect::<String>()
            )))
        }
    };
    if let Some(sign) = read.sign.filter(|s| !s.admits(currency)) {
        let what = match sign {
            Sign::One(c) => c.code().to_string(),
            s => s.text().to_string(),
        };
        return Err(bad(format!(
            "\"{text}\" is in {what}, but the amount is in {}.",
            currency.code()
        )));
    }
    let value = check_for_currency(read.value, currency).map_err(|e| e.within("text"))?;
    Ok(ParsedAmount {
        amount: round_to_minor(value, currency),
        currency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str, currency: &str, decimal: &str) -> std::result::Result<String, String> {
        parse_amount(&ParseAmountInput {
            text: text.into(),
            currency: Currency::from_code(currency).unwrap(),
            decimal_separator: Some(decimal.into()),
        })
        .map(|p| p.amount.to_string())
        .map_err(|e| e.message)
    }

    #[test]
    fn amounts_as_people_type_them() {
        // The page's old reading dropped every comma: "12,50" became 1,250.00 and "1.250,00" 1.25.
        assert_eq!(typed("12,50", "EUR", "."), Ok("12.50".into()));
        assert_eq!(typed("1.250,00", "EUR", "."), Ok("1250.00".into()));
        assert_eq!(typed("1,250.00", "EUR", ","), Ok("1250.00".into()));
        assert_eq!(typed("£12.50", "GBP", "."), Ok("12.50".into()));
        assert_eq!(
            typed("1,250", "GBP", "."),
            Ok("1250.00".into()),
            "thousands in an English locale"
        );
        assert_eq!(
            typed("1.250", "EUR", ","),
            Ok("1250.00".into()),
            "thousands in a German locale"
        );
        assert_eq!(typed("12.5", "EUR", ","), Ok("12.50".into()), "only reads one way");
        assert_eq!(typed("1 250,5", "EUR", ","), Ok("1250.50".into()));
        assert_eq!(
            typed("1.250", "KWD", "."),
            Ok("1.250".into()),
            "three decimals are the dinar's own"
        );
    }

    #[test]
    fn what_reads_two_ways_is_refused_in_words() {
        assert_eq!(
            typed("1.250", "EUR", "."),
            Err("\"1.250\" reads two ways: 1.25 or 1250. Write it with 2 decimals.".into())
        );
        assert_eq!(
            typed("1,250", "EUR", ","),
            Err("\"1,250\" reads two ways: 1.25 or 1250. Write it with 2 decimals.".into())
        );
        assert_eq!(
            typed("£12.50", "EUR", "."),
            Err("\"£12.50\" is in GBP, but the amount is in EUR.".into())
        );
        assert_eq!(typed("twelve", "EUR", "."), Err("\"twelve\" is not an amount.".into()));
        assert!(typed("12.345", "EUR", ".").is_err());
    }
}

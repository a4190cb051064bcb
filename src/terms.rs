//! `paymentTerms` and `earlyPaymentDiscount`: reading terms such as "2/10 net 30" and what taking or
//! forgoing the discount means.
//!
//! Accepted forms (case, spaces and commas are free): `net 30`, `n30`, `due on receipt`,
//! `upon receipt`, `EOM` (due at the end of the invoice's month), `net 30 EOM` (30 days after the end
//! of the month), `2/10 net 30`, `2/10 n30`, `2% 10 net 30`, `1.5/15 net 45`, `2/10 EOM net 30`.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{check_for_currency, round_dp, round_to_minor, ser_decimal, Amount};
use chrono::{Datelike, Duration, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Payment terms read from text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Terms {
    /// Percent off for paying early (e.g. "2"), or null.
    #[serde(serialize_with = "crate::money::ser_opt_decimal")]
    pub discount_percent: Option<Decimal>,
    /// Days from the invoice date (or from month end, with `endOfMonth`) to take the discount.
    pub discount_days: Option<i64>,
    /// Days to pay in full.
    pub net_days: i64,
    /// Days count from the end of the invoice's month instead of from the invoice date.
    pub end_of_month: bool,
    /// The terms in a canonical spelling: "2/10 net 30", "net 30 EOM", "due on receipt".
    pub canonical: String,
}

fn bad(text: &str) -> Error {
    let shown: String = text.chars().take(60).collect();
    Error::new(
        ErrorCode::InvalidTerms,
        "",
        format!("\"{shown}\" is not payment terms overdue can read; write them like \"net 30\", \"2/10 net 30\", \"net 30 EOM\" or \"due on receipt\"."),
    )
}

/// Reads payment terms.
///
/// # Errors
/// `invalid_terms` for anything else, or a discount period not shorter than the net period.
///
/// ```
/// use overdue::terms::parse_terms;
/// let t = parse_terms("2/10 Net 30").unwrap();
/// assert_eq!((t.discount_days, t.net_days, t.canonical.as_str()), (Some(10), 30, "2/10 net 30"));
/// assert!(parse_terms("pay whenever").is_err());
/// ```
pub fn parse_terms(text: &str) -> Result<Terms> {
    if text.len() > 100 {
        return Err(bad(text));
    }
    let lower = text.to_ascii_lowercase().replace([',', ';'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    if matches!(
        joined.as_str(),
        "due on receipt"
            | "upon receipt"
            | "on receipt"
            | "due upon receipt"
            | "receipt"
            | "cod"
            | "cash on delivery"
            | "net 0"
            | "n0"
    ) {
        return Ok(Terms {
            discount_percent: None,
            discount_days: None,
            net_days: 0,
            end_of_month: false,
            canonical: "due on receipt".into(),
        });
    }
    let mut discount: Option<(Decimal, i64)> = None;
    let mut net: Option<i64> = None;
    let mut eom = false;
    let days = |s: &str| -> Option<i64> { s.parse::<i64>().ok().filter(|d| (0..=3650).contains(d)) };
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w == "eom" || w == "e.o.m." || w == "e.o.m" {
            eom = true;
        } else if w == "net" || w == "n" {
            if net.is_some() {
                return Err(bad(text));
            }
            net = Some(words.get(i + 1).and_then(|n| days(n)).ok_or_else(|| bad(text))?);
            i += 1;
        } else if let Some(n) = w.strip_prefix("net").or_else(|| w.strip_prefix('n')).and_then(days) {
            if net.is_some() {
                return Err(bad(text));
            }
            net = Some(n);
        } else if let Some((pct, d)) = w.split_once('/') {
            if discount.is_some() {
                return Err(bad(text));
            }
            let pct = crate::money::parse_decimal(pct.trim_end_matches('%')).map_err(|_| bad(text))?;
            discount = Some((pct, days(d).ok_or_else(|| bad(text))?));
        } else if let Some(pct) = w.strip_suffix('%') {
            // "2% 10 net 30"
            let pct = crate::money::parse_decimal(pct).map_err(|_| bad(text))?;
            let d = words.get(i + 1).and_then(|n| days(n)).ok_or_else(|| bad(text))?;
            discount = Some((pct, d));
            i += 1;
        } else if let Some(n) = days(w) {
            // "30 EOM"
            if net.is_some() {
                return Err(bad(text));
            }
            net = Some(n);
        } else {
            return Err(bad(text));
        }
        i += 1;
    }
    let net_days = match (net, eom) {
        (Some(n), _) => n,
        (None, true) => 0,
        (None, false) => return Err(bad(text)),
    };
    if let Some((pct, d)) = discount {
        if pct <= Decimal::ZERO || pct >= Decimal::ONE_HUNDRED {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                "",
                format!("A discount of {pct}% is not a discount."),
            ));
        }
        if d >= net_days {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                "",
                format!("The discount period ({d} days) must be shorter than the net period ({net_days} days)."),
            ));
        }
    }
    let mut canonical = String::new();
    if let Some((pct, d)) = discount {
        canonical.push_str(&format!("{}/{d} ", pct.normalize()));
    }
    if net_days == 0 && eom {
        canonical.push_str("EOM");
    } else {
        canonical.push_str(&format!("net {net_days}"));
        if eom {
            canonical.push_str(" EOM");
        }
    }
    Ok(Terms {
        discount_percent: discount.map(|d| d.0),
        discount_days: discount.map(|d| d.1),
        net_days,
        end_of_month: eom,
        canonical,
    })
}

/// Input of [`early_payment_discount`].
#[derive(Debug, Clone)]
pub struct DiscountInput {
    pub terms: String,
    pub issue_date: NaiveDate,
    pub amount: Amount,
    pub currency: Currency,
    pub as_of: NaiveDate,
}
crate::decode_struct!(DiscountInput {
    terms: "terms",
    issue_date: "issueDate",
    amount: "amount",
    currency: "currency",
    as_of: "asOf",
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Discount {
    pub terms: Terms,
    pub currency: Currency,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    #[serde(with = "crate::date::ymd_opt")]
    pub discount_deadline: Option<NaiveDate>,
    #[serde(serialize_with = "ser_decimal")]
    pub discount_amount: Decimal,
    /// Whether asOf is on or before the discount deadline.
    pub discount_available: bool,
    /// What settles the invoice if paid on asOf.
    #[serde(serialize_with = "ser_decimal")]
    pub amount_payable_now: Decimal,
    /// d / (1 − d) × 360 / (net − discount days), percent, two decimals (a simple 360-day year).
    #[serde(serialize_with = "crate::money::ser_opt_decimal")]
    pub annual_cost_simple_360: Option<Decimal>,
    /// (1 + d / (1 − d))^(365 / (net − discount days)) − 1, percent, two decimals (compounded).
    #[serde(serialize_with = "crate::money::ser_opt_decimal")]
    pub annual_cost_compound_365: Option<Decimal>,
}

fn counted_from(issue: NaiveDate, eom: bool) -> Option<NaiveDate> {
    if !eom {
        return Some(issue);
    }
    issue.with_day(1)?.checked_add_months(Months::new(1))?.pred_opt()
}

/// The discount's deadline, amounts and the annual cost of forgoing it.
///
/// # Errors
/// `invalid_terms` at `terms`; invalid amounts or dates.
///
/// ```
/// use overdue::{decode::decode_json, terms::early_payment_discount};
/// let d = early_payment_discount(&decode_json(r#"{"terms":"2/10 net 30","issueDate":"2026-11-01",
///   "amount":"1000","currency":"USD","asOf":"2026-11-05"}"#).unwrap()).unwrap();
/// assert_eq!(d.amount_payable_now.to_string(), "980.00");
/// assert_eq!(d.annual_cost_simple_360.unwrap().to_string(), "36.73");
/// ```
pub fn early_payment_discount(input: &DiscountInput) -> Result<Discount> {
    let terms = parse_terms(&input.terms).map_err(|e| e.within("terms"))?;
    let c = input.currency;
    let amount = check_for_currency(input.amount.0, c).map_err(|e| e.within("amount"))?;
    if amount <= Decimal::ZERO {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            "amount",
            "The amount must be greater than zero.",
        ));
    }
    let base = counted_from(input.issue_date, terms.end_of_month).unwrap_or(input.issue_date);
    let due_date = crate::date::in_range(
        base.checked_add_signed(Duration::days(terms.net_days)),
        "issueDate",
        "The due date",
    )?;
    let (deadline, discount, simple, compound) = match (terms.discount_percent, terms.discount_days) {
        (Some(pct), Some(days)) => {
            let d = pct / Decimal::ONE_HUNDRED;
            let ratio = d / (Decimal::ONE - d);
            let span = Decimal::from(terms.net_days - days);
            let simple = round_dp(ratio * Decimal::from(360) / span * Decimal::ONE_HUNDRED, 2);
            // A reported rate, so floating point is fine for the fractional power.
            let r = ratio.mantissa() as f64 / 10f64.powi(ratio.scale() as i32);
            let compound = ((1.0 + r).powf(365.0 / (terms.net_days - days) as f64) - 1.0) * 10_000.0;
            let compound = compound
                .is_finite()
                .then(|| round_dp(Decimal::new(compound.round().min(1e15) as i64, 2), 2));
            (
                Some(base + Duration::days(days)),
                round_to_minor(amount * d, c),
                Some(simple),
                compound,
            )
        }
        _ => (None, round_to_minor(Decimal::ZERO, c), None, None),
    };
    let available = deadline.is_some_and(|dl| input.as_of <= dl);
    Ok(Discount {
        currency: c,
        due_date,
        discount_deadline: deadline,
        discount_amount: discount,
        discount_available: available,
        amount_payable_now: round_to_minor(if available { amount - discount } else { amount }, c),
        annual_cost_simple_360: simple,
        annual_cost_compound_365: compound,
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_forms() {
        let t = |s: &str| parse_terms(s).unwrap();
        assert_eq!(t("Net 30").net_days, 30);
        assert_eq!(t("n45").net_days, 45);
        assert_eq!(t("NET30").net_days, 30);
        assert_eq!(t("Due on receipt").canonical, "due on receipt");
        assert_eq!(t("EOM").canonical, "EOM");
        let e = t("net 30 EOM");
        assert!(e.end_of_month && e.net_days == 30);
        assert_eq!(t("1/15 n45").canonical, "1/15 net 45");
        assert_eq!(t("2% 10, Net 30").canonical, "2/10 net 30");
        assert_eq!(t("1.5/10 net 60").discount_percent.unwrap().to_string(), "1.5");
    }

    #[test]
    fn refuses_the_rest() {
        for s in [
            "",
            "net",
            "net thirty",
            "2/10",
            "2/30 net 30",
            "0/10 net 30",
            "100/10 net 30",
            "net 30 net 45",
            "30 60",
            "pay soon",
            "2/x net 30",
        ] {
            assert_eq!(parse_terms(s).unwrap_err().code, ErrorCode::InvalidTerms, "{s:?}");
        }
    }
}

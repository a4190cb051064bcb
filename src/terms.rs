//! `paymentTerms` and `earlyPaymentDiscount`: reading terms such as "2/10 net 30" and what taking or
//! forgoing the discount means.
//!
//! Accepted forms (case, spaces and commas are free; "days" after a number is allowed): `net 30`,
//! `n30`, `net 30 days`, `30 days`, `due on receipt`, `upon receipt`, `EOM` (due at the end of the
//! invoice's month), `net 30 EOM` (30 days after the end of the month), `2/10 net 30`, `2/10 n30`,
//! `2% 10 net 30`, `2% 10 days net 30`, `1.5/15 net 45`, `2/10 EOM net 30`, `2/10 EOM` (the
//! discount 10 days after the month's end and the net 20 days after that: the American Marketing
//! Association's example of EOM dating, an order of 16 June with the discount through 10 July and
//! the net due 30 July), `net 10th prox` / `10th prox` (the 10th of the next month).

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
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub discount_percent: Option<Decimal>,
    /// Days from the invoice date (or from month end, with `endOfMonth`) to take the discount.
    pub discount_days: Option<i64>,
    /// Days to pay in full.
    pub net_days: i64,
    /// Days count from the end of the invoice's month instead of from the invoice date.
    pub end_of_month: bool,
    /// Due on this day of the month after the invoice's (`net 10th prox`), instead of `netDays`.
    pub proximo_day: Option<u32>,
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
            proximo_day: None,
            canonical: "due on receipt".into(),
        });
    }
    let mut discount: Option<(Decimal, i64)> = None;
    let mut net: Option<i64> = None;
    let mut eom = false;
    let mut prox: Option<u32> = None;
    let days = |s: &str| -> Option<i64> { s.parse::<i64>().ok().filter(|d| (0..=3650).contains(d)) };
    // "days" after a number says nothing more; "10th prox" names a day of the next month.
    let words: Vec<&str> = words.into_iter().filter(|w| !matches!(*w, "days" | "day")).collect();
    let day_of_month = |s: &str| -> Option<u32> {
        let n = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &s[n.len()..];
        let n: u32 = n.parse().ok()?;
        ((1..=31).contains(&n) && matches!(suffix, "" | "st" | "nd" | "rd" | "th")).then_some(n)
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let (Some(d), Some(&("prox" | "proximo" | "prox."))) = (day_of_month(w), words.get(i + 1)) {
            if prox.is_some() || net.is_some() {
                return Err(bad(text));
            }
            prox = Some(d);
            i += 2;
            continue;
        }
        if w == "net"
            && words
                .get(i + 2)
                .is_some_and(|p| matches!(*p, "prox" | "proximo" | "prox."))
        {
            i += 1;
            continue;
        }
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
    if let Some(day) = prox {
        if eom || discount.is_some() {
            return Err(bad(text));
        }
        return Ok(Terms {
            discount_percent: None,
            discount_days: None,
            net_days: 0,
            end_of_month: false,
            proximo_day: Some(day),
            canonical: format!("net {day}{} prox", ordinal_suffix(day)),
        });
    }
    let net_days = match (net, eom, discount) {
        (Some(n), _, _) => n,
        // "2/10 EOM": the net 20 days after the discount period.
        (None, true, Some((_, d))) => d + 20,
        (None, true, None) => 0,
        (None, false, _) => return Err(bad(text)),
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
        proximo_day: None,
        canonical,
    })
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
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
    /// d / (1 − d) × 360 / (net − discount days), percent, two decimals: the textbook figure, on a
    /// 360-day year (36.73 for 2/10 net 30).
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub annual_cost_simple_360: Option<Decimal>,
    /// The same on a 365-day year (37.24 for 2/10 net 30), to set beside the compounded figure.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub annual_cost_simple_365: Option<Decimal>,
    /// (1 + d / (1 − d))^(365 / (net − discount days)) − 1, percent, two decimals: compounded on a
    /// 365-day year (44.59 for 2/10 net 30).
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub annual_cost_compound_365: Option<Decimal>,
}

/// Day `day` of the month after `issue`'s, or that month's last day when it is shorter.
fn proximo(issue: NaiveDate, day: u32) -> Option<NaiveDate> {
    let next = issue.with_day(1)?.checked_add_months(Months::new(1))?;
    let last = next.checked_add_months(Months::new(1))?.pred_opt()?.day();
    next.with_day(day.min(last))
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
    let due = match terms.proximo_day {
        Some(day) => proximo(input.issue_date, day),
        None => base.checked_add_signed(Duration::days(terms.net_days)),
    };
    let due_date = crate::date::in_range(due, "issueDate", "The due date")?;
    let (deadline, discount, simple, simple_365, compound) = match (terms.discount_percent, terms.discount_days) {
        (Some(pct), Some(days)) => {
            let d = pct / Decimal::ONE_HUNDRED;
            let ratio = d / (Decimal::ONE - d);
            let span = Decimal::from(terms.net_days - days);
            let simple = round_dp(ratio * Decimal::from(360) / span * Decimal::ONE_HUNDRED, 2);
            let simple_365 = round_dp(ratio * Decimal::from(365) / span * Decimal::ONE_HUNDRED, 2);
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
                Some(simple_365),
                compound,
            )
        }
        _ => (None, round_to_minor(Decimal::ZERO, c), None, None, None),
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
        annual_cost_simple_365: simple_365,
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
    fn reads_the_forms_invoices_really_carry() {
        // Hardening round 2 / statutory issue, point 9: these had been refused.
        let t = |s: &str| parse_terms(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
        assert_eq!(t("net 30 days").canonical, "net 30");
        assert_eq!(t("30 days").canonical, "net 30");
        assert_eq!(t("2% 10 days net 30").canonical, "2/10 net 30");
        let e = t("2/10 EOM");
        assert_eq!(
            (e.discount_days, e.net_days, e.end_of_month, e.canonical.as_str()),
            (Some(10), 30, true, "2/10 net 30 EOM")
        );
        assert_eq!(t("8/10 EOM").discount_percent.unwrap().to_string(), "8");
        let p = t("net 10th prox");
        assert_eq!((p.proximo_day, p.canonical.as_str()), (Some(10), "net 10th prox"));
        assert_eq!(t("21st prox").canonical, "net 21st prox");
    }

    #[test]
    fn eom_and_proximo_dates() {
        let d = |s: &str| crate::date::parse_date(s).unwrap();
        let run = |terms: &str, issue: &str| {
            early_payment_discount(&DiscountInput {
                terms: terms.into(),
                issue_date: d(issue),
                amount: Amount(Decimal::from(1000)),
                currency: Currency::from_code("USD").unwrap(),
                as_of: d(issue),
            })
            .unwrap()
        };
        // monash.edu marketing dictionary, "End of Month Dating (EOM)" (source: AMA): an order filled
        // on June 16 under EOM terms: "the cash discount may be taken any time through July 10 and the
        // net amount is due on July 30".
        let e = run("2/10 EOM", "2026-06-16");
        assert_eq!(
            (e.discount_deadline.map(|x| x.to_string()), e.due_date.to_string()),
            (Some("2026-07-10".into()), "2026-07-30".into())
        );
        // The 10th of the month after the invoice's; the 31st prox of a February invoice is 31 March,
        // of a January one the last day of February.
        assert_eq!(run("net 10th prox", "2026-01-31").due_date.to_string(), "2026-02-10");
        assert_eq!(run("31st prox", "2026-01-15").due_date.to_string(), "2026-02-28");
        // GUIDE §5: the cost of forgoing 2/10 net 30 is 36.73 % simple on 360 days and 44.59 %
        // compounded on 365; on 365 days simple it is 2/98 × 365/20 = 37.24 %.
        let c = run("2/10 net 30", "2026-06-16");
        assert_eq!(
            (
                c.annual_cost_simple_360.unwrap().to_string(),
                c.annual_cost_simple_365.unwrap().to_string(),
                c.annual_cost_compound_365.unwrap().to_string()
            ),
            ("36.73".into(), "37.24".into(), "44.59".into())
        );
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
            "net 32nd prox",
            "2/10 net 10th prox",
        ] {
            assert_eq!(parse_terms(s).unwrap_err().code, ErrorCode::InvalidTerms, "{s:?}");
        }
    }
}

//! `paymentPlan`: instalment schedules exact to the cent.
//!
//! Rules:
//! - periodic rate r = annual rate / periods per year (weekly 52, biweekly 26, semimonthly 24,
//!   monthly 12, quarterly 4);
//! - each period's interest = balance × r, rounded to the minor unit half away from zero (computed
//!   as balance × annual rate / (100 × periods per year), so exact midpoints stay exact);
//! - `level` (annuity): the instalment P·r / (1 − (1+r)^−n), rounded the same way (P / n when r = 0);
//!   `equalPrincipal`: P / n of principal each period (rounded), plus that period's interest;
//! - the final instalment takes whatever balance is left, so the balance ends at exactly zero and the
//!   principal parts add up exactly to the amount financed;
//! - a down payment is paid on its date (default: the start date) and is not financed;
//! - a setup fee is added to the first instalment (not financed, no interest on it), which keeps
//!   the customer's first outlay visible in one place; it counts in the APR;
//! - dates: monthly and quarterly keep the first due date's day and clamp to month end (31 Jan →
//!   28/29 Feb → 31 Mar); semimonthly falls on that day and the day 15 days from it within the month
//!   (the 5th and 20th for an anchor of 5 or 20; the 16th and the month end for an anchor of 31);
//!   weekly and biweekly every 7 and 14 days.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{check_for_currency, round_dp, round_to_minor, ser_decimal, Amount};
use chrono::{Datelike, Duration, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Most instalments in one plan.
pub const MAX_COUNT: u32 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Biweekly,
    Semimonthly,
    Monthly,
    Quarterly,
}
crate::decode_enum!(Frequency {
    Weekly = "weekly",
    Biweekly = "biweekly",
    Semimonthly = "semimonthly",
    Monthly = "monthly",
    Quarterly = "quarterly",
});

impl Frequency {
    pub fn periods_per_year(self) -> u32 {
        match self {
            Frequency::Weekly => 52,
            Frequency::Biweekly => 26,
            Frequency::Semimonthly => 24,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Equal instalments (annuity).
    #[default]
    Level,
    /// Equal principal parts; instalments fall as the interest does.
    EqualPrincipal,
}
crate::decode_enum!(Method { Level = "level", EqualPrincipal = "equalPrincipal" });

#[derive(Debug, Clone)]
pub struct DownPaymentInput {
    pub amount: Amount,
    pub date: Option<NaiveDate>,
}
crate::decode_struct!(DownPaymentInput {
    amount: "amount",
    date: "date" = default
});

/// Input of [`payment_plan`].
#[derive(Debug, Clone)]
pub struct PlanInput {
    /// What is to be repaid, e.g. the outstanding balance plus agreed charges.
    pub principal: Amount,
    pub currency: Currency,
    /// Percent a year: `"7.5"` is 7.5 %; 0 for an interest-free split.
    pub annual_rate: Amount,
    pub frequency: Frequency,
    pub first_due_date: NaiveDate,
    /// The day the plan is agreed; default one period before the first due date.
    pub start_date: Option<NaiveDate>,
    pub down_payment: Option<DownPaymentInput>,
    pub setup_fee: Option<Amount>,
    pub method: Option<Method>,
    /// The number of instalments (1–600) …
    pub count: Option<i64>,
    /// … or the most any instalment may be: the fewest instalments that keep to it.
    pub max_instalment: Option<Amount>,
}
crate::decode_struct!(PlanInput {
    principal: "principal",
    currency: "currency",
    annual_rate: "annualRate",
    frequency: "frequency",
    first_due_date: "firstDueDate",
    start_date: "startDate" = default,
    down_payment: "downPayment" = default,
    setup_fee: "setupFee" = default,
    method: "method" = default,
    count: "count" = default,
    max_instalment: "maxInstalment" = default,
});

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub number: u32,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    /// principal + interest + fee.
    #[serde(serialize_with = "ser_decimal")]
    pub payment: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub principal: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub fee: Decimal,
    /// Balance after this instalment.
    #[serde(serialize_with = "ser_decimal")]
    pub balance: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DownPayment {
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Down payment + every instalment (fees included).
    #[serde(serialize_with = "ser_decimal")]
    pub paid: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub fees: Decimal,
    /// Principal repaid by the instalments: equals `financed`.
    #[serde(serialize_with = "ser_decimal")]
    pub principal: Decimal,
}

/// Output of [`payment_plan`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub currency: Currency,
    pub method: Method,
    pub frequency: Frequency,
    pub periods_per_year: u32,
    #[serde(serialize_with = "ser_decimal")]
    pub principal: Decimal,
    pub down_payment: Option<DownPayment>,
    /// principal − down payment: what the instalments repay.
    #[serde(serialize_with = "ser_decimal")]
    pub financed: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub setup_fee: Decimal,
    #[serde(with = "crate::date::ymd")]
    pub start_date: NaiveDate,
    /// Annual rate / periods per year, as a fraction (not a percentage), unrounded.
    pub periodic_rate: String,
    pub count: u32,
    /// The level instalment (for `equalPrincipal`: the first instalment without the fee).
    #[serde(serialize_with = "ser_decimal")]
    pub regular_instalment: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub final_instalment: Decimal,
    pub schedule: Vec<Row>,
    pub totals: Totals,
    /// Annual percentage rate including the setup fee (actuarial method: the periodic rate at which
    /// the instalments' present value equals the amount financed, × periods per year), two decimals.
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub apr: Decimal,
    /// (1 + APR / periods per year)^(periods per year) − 1, as a percentage, two decimals.
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub effective_annual_rate: Decimal,
}

fn invalid(path: &str, msg: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidValue, path, msg)
}

/// The due date of instalment `k` (0-based).
pub fn due_date(first: NaiveDate, frequency: Frequency, k: u32) -> Option<NaiveDate> {
    match frequency {
        Frequency::Weekly => first.checked_add_signed(Duration::days(7 * i64::from(k))),
        Frequency::Biweekly => first.checked_add_signed(Duration::days(14 * i64::from(k))),
        Frequency::Monthly => first.checked_add_months(Months::new(k)),
        Frequency::Quarterly => first.checked_add_months(Months::new(3 * k)),
        Frequency::Semimonthly => {
            let d = first.day();
            let (low, first_is_low) = if d <= 15 { (d, true) } else { (d - 15, false) };
            // Instalments alternate between the low and high day, starting from the anchor's.
            let step = k + u32::from(!first_is_low);
            let month_start = first.with_day(1)?.checked_add_months(Months::new(step / 2))?;
            let day = if step % 2 == 0 { low } else { low + 15 };
            let last = last_day_of_month(month_start)?;
            month_start.with_day(day.min(last))
        }
    }
}

fn last_day_of_month(d: NaiveDate) -> Option<u32> {
    let next = d.with_day(1)?.checked_add_months(Months::new(1))?;
    Some(next.pred_opt()?.day())
}

/// (1 + r)^n by squaring, in Decimal.
fn pow(base: Decimal, mut n: u32) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    let mut b = base;
    while n > 0 {
        if n & 1 == 1 {
            result = result.checked_mul(b)?;
        }
        n >>= 1;
        if n > 0 {
            b = b.checked_mul(b)?;
        }
    }
    Some(result)
}

struct Terms {
    currency: Currency,
    financed: Decimal,
    /// The periodic rate as a fraction (for the annuity factor only).
    rate: Decimal,
    /// The annual rate in percent and 100 × periods per year: interest is balance × annual / per,
    /// multiplied before dividing so that an exact midpoint (1,516.20 × 10 / 1,200 = 12.635) stays
    /// exact and rounds up, instead of coming out as 12.63499… through a truncated 0.008333… rate.
    annual: Decimal,
    per: Decimal,
    method: Method,
    fee: Decimal,
}

impl Terms {
    fn interest(&self, balance: Decimal) -> Option<Decimal> {
        Some(round_to_minor(
            balance.checked_mul(self.annual)?.checked_div(self.per)?,
            self.currency,
        ))
    }
}

/// The schedule for `n` instalments, or `None` if `Decimal` overflowed (absurd inputs only).
fn schedule(t: &Terms, n: u32, first: NaiveDate, frequency: Frequency) -> Option<(Vec<Row>, Decimal)> {
    let c = t.currency;
    let regular = match t.method {
        Method::Level if t.rate.is_zero() => round_to_minor(t.financed / Decimal::from(n), c),
        Method::Level => {
            let growth = pow(Decimal::ONE + t.rate, n)?;
            let factor = Decimal::ONE - Decimal::ONE.checked_div(growth)?;
            round_to_minor(t.financed.checked_mul(t.rate)?.checked_div(factor)?, c)
        }
        Method::EqualPrincipal => round_to_minor(t.financed / Decimal::from(n), c),
    };
    let mut rows = Vec::with_capacity(n as usize);
    let mut balance = t.financed;
    for k in 0..n {
        let interest = t.interest(balance)?;
        let last = k + 1 == n;
        let principal = if last {
            balance
        } else {
            let p = match t.method {
                Method::Level => regular - interest,
                Method::EqualPrincipal => regular,
            };
            // Rounding can never make an early instalment repay more than is left.
            p.min(balance).max(Decimal::ZERO)
        };
        balance -= principal;
        let fee = if k == 0 { t.fee } else { Decimal::ZERO };
        rows.push(Row {
            number: k + 1,
            due_date: due_date(first, frequency, k)?,
            payment: round_to_minor(principal + interest + fee, c),
            interest,
            principal: round_to_minor(principal, c),
            fee: round_to_minor(fee, c),
            balance: round_to_minor(balance, c),
        });
    }
    let regular = match t.method {
        Method::Level => regular,
        Method::EqualPrincipal => rows.first().map_or(regular, |r| r.payment - r.fee),
    };
    Some((rows, regular))
}

/// Builds the plan.
///
/// # Errors
/// `invalid_value` for a count outside 1–600, a rate outside 0–100 %, neither or both of `count`
/// and `maxInstalment`, or a plan with less than one minor unit per instalment; `invalid_amount` for
/// a non-positive principal or a down payment of the whole principal or more;
/// `instalment_too_small` when `maxInstalment` cannot even cover the first period's interest (the
/// debt would never be paid down) or no count up to 600 keeps to it.
///
/// ```
/// use overdue::{decode::decode_json, plan::payment_plan};
/// // numpy-financial: pmt(0.08/12, 60, 15000) = 304.145914… → 304.15 a month.
/// let p = payment_plan(&decode_json(r#"{"principal":"15000","currency":"USD","annualRate":"8",
///   "frequency":"monthly","firstDueDate":"2026-01-31","count":60}"#).unwrap()).unwrap();
/// assert_eq!(p.regular_instalment.to_string(), "304.15");
/// assert_eq!(p.schedule[1].due_date.to_string(), "2026-02-28");
/// assert_eq!(p.schedule[59].balance.to_string(), "0.00");
/// ```
pub fn payment_plan(input: &PlanInput) -> Result<Plan> {
    let c = input.currency;
    let principal = check_for_currency(input.principal.0, c).map_err(|e| e.within("principal"))?;
    if principal <= Decimal::ZERO {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            "principal",
            "The amount to repay must be greater than zero.",
        ));
    }
    let annual = input.annual_rate.0;
    if annual < Decimal::ZERO || annual > Decimal::ONE_HUNDRED {
        return Err(invalid(
            "annualRate",
            format!("The rate is a percentage a year from 0 to 100 (got {annual})."),
        ));
    }
    let ppy = input.frequency.periods_per_year();
    let rate = annual / Decimal::ONE_HUNDRED / Decimal::from(ppy);
    let method = input.method.unwrap_or_default();
    let first = input.first_due_date;
    let start = match input.start_date {
        Some(s) => s,
        None => crate::date::in_range(
            one_period_before(first, input.frequency),
            "firstDueDate",
            "The plan's start, one period before the first instalment,",
        )?,
    };
    if start > first {
        return Err(Error::new(
            ErrorCode::InvalidDateOrder,
            "firstDueDate",
            format!("The first instalment ({first}) is due before the plan starts ({start})."),
        ));
    }
    let down = match &input.down_payment {
        Some(d) => {
            let amount = check_for_currency(d.amount.0, c).map_err(|e| e.within("downPayment.amount"))?;
            if amount < Decimal::ZERO {
                return Err(Error::new(
                    ErrorCode::InvalidAmount,
                    "downPayment.amount",
                    "A down payment cannot be negative.",
                ));
            }
            if amount >= principal {
                return Err(Error::new(
                    ErrorCode::InvalidAmount,
                    "downPayment.amount",
                    "A down payment of the whole amount or more leaves nothing to pay in instalments.",
                ));
            }
            Some(DownPayment {
                amount: round_to_minor(amount, c),
                date: d.date.unwrap_or(start),
            })
        }
        None => None,
    };
    let fee = match input.setup_fee {
        Some(f) => {
            let f = check_for_currency(f.0, c).map_err(|e| e.within("setupFee"))?;
            if f < Decimal::ZERO {
                return Err(Error::new(
                    ErrorCode::InvalidAmount,
                    "setupFee",
                    "A setup fee cannot be negative.",
                ));
            }
            f
        }
        None => Decimal::ZERO,
    };
    let financed = principal - down.as_ref().map_or(Decimal::ZERO, |d| d.amount);
    let terms = Terms {
        currency: c,
        financed,
        rate,
        annual,
        per: Decimal::from(100 * ppy),
        method,
        fee,
    };
    let minor = Decimal::new(1, c.minor_units());
    let overflow = || invalid("principal", "These terms are outside what overdue can compute exactly.");

    let (count, (rows, regular)) = match (input.count, input.max_instalment) {
        (Some(n), None) => {
            if !(1..=i64::from(MAX_COUNT)).contains(&n) {
                return Err(invalid(
                    "count",
                    format!("The number of instalments must be from 1 to {MAX_COUNT} (got {n})."),
                ));
            }
            let n = n as u32;
            if financed < minor * Decimal::from(n) {
                return Err(invalid(
                    "count",
                    "There is less than one minor unit (a cent) to pay per instalment.",
                ));
            }
            (n, schedule(&terms, n, first, input.frequency).ok_or_else(overflow)?)
        }
        (None, Some(max)) => {
            let max = check_for_currency(max.0, c).map_err(|e| e.within("maxInstalment"))?;
            let first_interest = terms.interest(financed).ok_or_else(overflow)?;
            if max <= first_interest {
                return Err(Error::new(
                    ErrorCode::InstalmentTooSmall,
                    "maxInstalment",
                    format!("{max} does not even cover the first period's interest ({first_interest}): the debt would never be paid down."),
                ));
            }
            solve_count(&terms, max, first, input.frequency)?
        }
        (Some(_), Some(_)) => {
            return Err(invalid(
                "maxInstalment",
                "Give either `count` or `maxInstalment`, not both.",
            ))
        }
        (None, None) => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "count",
                "Give the number of instalments (`count`) or the most one may be (`maxInstalment`).",
            ))
        }
    };

    if let Some(last) = rows.last() {
        crate::date::in_range(
            Some(last.due_date),
            "firstDueDate",
            &format!("Instalment {}", last.number),
        )?;
    }
    let interest: Decimal = rows.iter().map(|r| r.interest).sum();
    let instalments: Decimal = rows.iter().map(|r| r.payment).sum();
    let down_amount = down.as_ref().map_or(Decimal::ZERO, |d| d.amount);
    let final_instalment = rows.last().map_or(Decimal::ZERO, |r| r.payment);
    let (apr, ear) = apr(financed, &rows, ppy);
    Ok(Plan {
        currency: c,
        method,
        frequency: input.frequency,
        periods_per_year: ppy,
        principal: round_to_minor(principal, c),
        down_payment: down,
        financed: round_to_minor(financed, c),
        setup_fee: round_to_minor(fee, c),
        start_date: start,
        periodic_rate: rate.normalize().to_string(),
        count,
        regular_instalment: round_to_minor(regular, c),
        final_instalment,
        totals: Totals {
            paid: round_to_minor(down_amount + instalments, c),
            interest: round_to_minor(interest, c),
            fees: round_to_minor(fee, c),
            principal: round_to_minor(rows.iter().map(|r| r.principal).sum(), c),
        },
        schedule: rows,
        apr,
        effective_annual_rate: ear,
    })
}

fn one_period_before(first: NaiveDate, f: Frequency) -> Option<NaiveDate> {
    match f {
        Frequency::Weekly => first.checked_sub_signed(Duration::days(7)),
        Frequency::Biweekly => first.checked_sub_signed(Duration::days(14)),
        Frequency::Semimonthly => first.checked_sub_signed(Duration::days(15)),
        Frequency::Monthly => first.checked_sub_months(Months::new(1)),
        Frequency::Quarterly => first.checked_sub_months(Months::new(3)),
    }
}

/// The fewest instalments whose every payment is at most `max` (payments fall as the count grows).
fn solve_count(t: &Terms, max: Decimal, first: NaiveDate, f: Frequency) -> Result<(u32, (Vec<Row>, Decimal))> {
    let fits = |n: u32| -> Option<(Vec<Row>, Decimal)> {
        let s = schedule(t, n, first, f)?;
        s.0.iter().all(|r| r.payment <= max).then_some(s)
    };
    let minor = Decimal::new(1, t.currency.minor_units());
    let most = (t.financed / minor).min(Decimal::from(MAX_COUNT)).floor();
    let most = u32::try_from(most.mantissa()).unwrap_or(MAX_COUNT).clamp(1, MAX_COUNT);
    if fits(most).is_none() {
        return Err(Error::new(
            ErrorCode::InstalmentTooSmall,
            "maxInstalment",
            format!("No plan of up to {most} instalments keeps every payment at or below {max}."),
        ));
    }
    let (mut lo, mut hi) = (1u32, most);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fits(mid).is_some() {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let s = fits(lo).ok_or_else(|| invalid("maxInstalment", "No plan keeps to this instalment."))?;
    Ok((lo, s))
}

/// APR by the actuarial method and the effective annual rate, as percentages with two decimals.
/// Solved in floating point: they are reported rates, not amounts of money.
fn apr(financed: Decimal, rows: &[Row], ppy: u32) -> (Decimal, Decimal) {
    // Through integers, not strings: parsing floats from text linked in tens of KB of tables.
    let to_f = |d: Decimal| d.mantissa() as f64 / 10f64.powi(d.scale() as i32);
    let pv = to_f(financed);
    let pays: Vec<f64> = rows.iter().map(|r| to_f(r.payment)).collect();
    let npv = |i: f64| {
        pays.iter()
            .enumerate()
            .map(|(k, p)| p / (1.0 + i).powi(k as i32 + 1))
            .sum::<f64>()
            - pv
    };
    // npv falls as i rises; bisect on [0, 1] a period (100 % a period is far beyond any plan here).
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    if npv(lo) <= 0.0 {
        return (round_dp(Decimal::ZERO, 2), round_dp(Decimal::ZERO, 2));
    }
    for _ in 0..200 {
        let mid = (lo + hi) / 2.0;
        // Once lo and hi are neighbouring floats the midpoint is one of them and nothing changes
        // any more (after about 60 halvings): stopping there gives the same answer without the
        // other 140 rounds, which had been a sixth of making a plan.
        if mid == lo || mid == hi {
            break;
        }
        if npv(mid) > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let i = (lo + hi) / 2.0;
    let from = |x: f64| {
        let hundredths = (x * 10_000.0).round();
        let v = if hundredths.is_finite() && hundredths.abs() < 1e15 {
            hundredths as i64
        } else {
            0
        };
        round_dp(Decimal::new(v, 2), 2)
    };
    (from(i * f64::from(ppy)), from((1.0 + i).powi(ppy as i32) - 1.0))
}

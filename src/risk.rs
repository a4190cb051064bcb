//! `paymentRisk`: who is sliding, and how fast.
//!
//! Each payment is an *experience*: days beyond terms (DBT) = payment date − due date (negative when
//! early), weighted by the amount paid, so a large late payment counts for more than a small prompt
//! one (D&B's "dollar-weighted"). An open invoice past due is evidence too: it is at least asOf −
//! due date days beyond terms today, weighted by what is still owed. Experiences dated within the
//! window (default 12 months before asOf) count. Customers are taken per currency, so amounts in
//! different currencies are never weighed against each other.
//!
//! - Score: D&B's PAYDEX key (100 = 30 days early, 90 = 20 early, 80 = prompt, 70 = 15 days beyond
//!   terms, 60 = 22, 50 = 30, 40 = 60, 30 = 90, 20 = 120), interpolated linearly between its points
//!   and continued from 20 at 120 days to 1 at 180 days or more; unavailable below 3 experiences.
//! - Trend: the slope of DBT against time (days per month, weighted least squares over the window)
//!   and the weighted DBT of the last 3 months against the months before. *Deteriorating* when the
//!   slope is at least +2 days a month **and** the recent DBT is at least 5 days above the prior:
//!   requiring both keeps one late payment from raising the flag (it moves the average, rarely both),
//!   while a customer drifting from prompt to a month late over half a year (≈ 5 days a month) is
//!   caught within two or three payments. *Improving* is the mirror image; anything else is stable;
//!   fewer than 3 experiences, or none in one of the two periods, is unknown. Override with
//!   `thresholds`.
//! - Grade: A (score ≥ 80, pays on time), B (≥ 70, within about 2 weeks), C (≥ 50, within a month),
//!   D (≥ 30, within three months), E (below); one grade lower while deteriorating, as an early
//!   warning.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::money::{round_dp, round_to_minor, ser_decimal};
use crate::order::{arrange, by_currency, order, Groups, SmallMap};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Overrides of the trend rules.
#[derive(Debug, Clone, Default)]
pub struct Thresholds {
    /// Days per month of slope that counts as drifting (default 2; 0.1–60).
    /// Slope that counts as drifting, days per month (default 2).
    pub slope_days_per_month: Option<f64>,
    /// Days by which the last 3 months must differ from the months before (default 5; 0–365).
    /// How much later the last 3 months must be than before, days (default 5).
    pub recent_vs_prior_days: Option<f64>,
    /// Experiences needed for a score and a trend (default 3; 1–100).
    /// Experiences needed for a score and a trend (default 3).
    pub min_experiences: Option<u32>,
}
crate::decode_struct!(Thresholds {
    slope_days_per_month: "slopeDaysPerMonth" = default,
    recent_vs_prior_days: "recentVsPriorDays" = default,
    min_experiences: "minExperiences" = default,
});

/// Input of [`payment_risk`].
#[derive(Debug, Clone)]
pub struct RiskInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// Months of history (default 12; 1–60).
    pub window_months: Option<i64>,
    pub thresholds: Option<Thresholds>,
}
crate::decode_struct!(RiskInput {
    as_of: "asOf",
    invoices: "invoices",
    window_months: "windowMonths" = default,
    thresholds: "thresholds" = default,
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Trend {
    Deteriorating,
    Improving,
    Stable,
    Unknown,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthPoint {
    /// `YYYY-MM`.
    pub month: String,
    /// Weighted DBT of the month's experiences, one decimal; null when there were none.
    pub dbt: Option<f64>,
    /// Paid in the month.
    #[serde(serialize_with = "ser_decimal")]
    pub amount_paid: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRisk {
    pub customer_id: Id,
    pub name: String,
    pub currency: Currency,
    pub experiences: usize,
    /// Weighted days beyond terms over the window, one decimal (negative: pays early).
    pub dbt: Option<f64>,
    /// PAYDEX-style 1–100; null with fewer experiences than needed.
    pub score: Option<u32>,
    /// "A" … "E"; null without a score.
    pub grade: Option<&'static str>,
    pub trend: Trend,
    pub slope_days_per_month: Option<f64>,
    pub recent_dbt: Option<f64>,
    pub prior_dbt: Option<f64>,
    /// What the customer owes on asOf.
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    pub explanation: String,
    /// One point per month of the window, for charts.
    pub monthly: Vec<MonthPoint>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyRisk {
    pub currency: Currency,
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub deteriorating_outstanding: Decimal,
    /// Percent of `outstanding` owed by deteriorating customers, two decimals.
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub deteriorating_share: Decimal,
}

/// Output of [`payment_risk`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RiskReport {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub window_start: NaiveDate,
    pub window_months: i64,
    /// Riskiest first: deteriorating, then by score (lowest first; no score last), then by amount owed.
    pub customers: Vec<CustomerRisk>,
    pub currencies: Vec<CurrencyRisk>,
}

/// D&B's key: (days beyond terms, score), continued to 1 at 180 days.
const KEY: [(f64, f64); 11] = [
    (-30.0, 100.0),
    (-20.0, 90.0),
    (0.0, 80.0),
    (15.0, 70.0),
    (22.0, 60.0),
    (30.0, 50.0),
    (60.0, 40.0),
    (90.0, 30.0),
    (120.0, 20.0),
    (180.0, 1.0),
    (f64::MAX, 1.0),
];

/// The PAYDEX-style score for a weighted DBT, interpolated linearly between the key's points.
pub fn score_for_dbt(dbt: f64) -> f64 {
    if !dbt.is_finite() || dbt <= KEY[0].0 {
        return if dbt.is_nan() {
            1.0
        } else if dbt <= KEY[0].0 {
            100.0
        } else {
            1.0
        };
    }
    for w in KEY.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if dbt <= x1 {
            if x1 == f64::MAX {
                return y0;
            }
            return y0 + (y1 - y0) * (dbt - x0) / (x1 - x0);
        }
    }
    1.0
}

fn grade(score: u32, deteriorating: bool) -> &'static str {
    const GRADES: [&str; 5] = ["A", "B", "C", "D", "E"];
    let base = if score >= 80 {
        0
    } else if score >= 70 {
        1
    } else if score >= 50 {
        2
    } else if score >= 30 {
        3
    } else {
        4
    };
    GRADES[(base + usize::from(deteriorating)).min(4)]
}

fn to_f64(d: Decimal) -> f64 {
    d.mantissa() as f64 / 10f64.powi(d.scale() as i32)
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

struct Experience {
    date: NaiveDate,
    dbt: f64,
    weight: f64,
}

fn weighted(xs: &[&Experience]) -> Option<f64> {
    let w: f64 = xs.iter().map(|e| e.weight).sum();
    (w > 0.0).then(|| xs.iter().map(|e| e.weight * e.dbt).sum::<f64>() / w)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_label(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.year())
}

fn range_label(from: NaiveDate, to: NaiveDate) -> String {
    if (from.year(), from.month()) == (to.year(), to.month()) {
        month_label(from)
    } else if from.year() == to.year() {
        format!(
            "{}–{} {}",
            MONTHS[from.month0() as usize],
            MONTHS[to.month0() as usize],
            to.year()
        )
    } else {
        format!("{}–{}", month_label(from), month_label(to))
    }
}

fn lateness(d: f64) -> String {
    let n = d.abs().round();
    if n < 1.0 {
        "on time".to_string()
    } else {
        let days = if n == 1.0 {
            "1 day".to_string()
        } else {
            format!("{} days", n as i64)
        };
        if d > 0.0 {
            format!("{days} late")
        } else {
            format!("{days} early")
        }
    }
}

/// The risk report as of `asOf`.
///
/// # Errors
/// Invalid invoices (a payment dated before the invoice's issue date is `invalid_date_order`);
/// `invalid_value` for a window outside 1–60 months or thresholds out of range.
pub fn payment_risk(input: &RiskInput) -> Result<RiskReport> {
    validate_invoices(&input.invoices, "invoices")?;
    let window = input.window_months.unwrap_or(12);
    if !(1..=60).contains(&window) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "windowMonths",
            format!("The window must be from 1 to 60 months (got {window})."),
        ));
    }
    let t = input.thresholds.clone().unwrap_or_default();
    let slope_t = t.slope_days_per_month.unwrap_or(2.0);
    if !(0.1..=60.0).contains(&slope_t) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "thresholds.slopeDaysPerMonth",
            "The slope threshold must be from 0.1 to 60 days a month.",
        ));
    }
    let recent_t = t.recent_vs_prior_days.unwrap_or(5.0);
    if !(0.0..=365.0).contains(&recent_t) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "thresholds.recentVsPriorDays",
            "The recent-versus-prior threshold must be from 0 to 365 days.",
        ));
    }
    let min_exp = t.min_experiences.unwrap_or(3);
    if !(1..=100).contains(&min_exp) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "thresholds.minExperiences",
            "The experiences needed must be from 1 to 100.",
        ));
    }
    let as_of = input.as_of;
    let months = u32::try_from(window).unwrap_or(12);
    let window_start = as_of
        .checked_sub_months(Months::new(months))
        .and_then(|d| d.succ_opt())
        .unwrap_or(as_of);
    let recent_start = as_of
        .checked_sub_months(Months::new(3))
        .and_then(|d| d.succ_opt())
        .unwrap_or(as_of);

    struct Acc<'a> {
        first: &'a Invoice,
        exps: Vec<Experience>,
        outstanding: Decimal,
        paid_by_month: SmallMap<(i32, u32), Decimal>,
    }
    let mut groups: Groups<Acc> = Groups::new();
    for inv in &input.invoices {
        if inv.issue_date > as_of {
            continue;
        }
        let acc = groups.slot(inv.currency, inv.customer.id.as_str(), || Acc {
            first: inv,
            exps: Vec::new(),
            outstanding: Decimal::ZERO,
            paid_by_month: SmallMap::new(),
        });
        // A payment without a date says nothing about how late this customer pays.
        for (date, p) in inv
            .payments
            .iter()
            .filter_map(|p| Some((p.date?, p)))
            .filter(|(d, _)| *d >= window_start && *d <= as_of)
        {
            acc.exps.push(Experience {
                date,
                dbt: (date - inv.due_date).num_days() as f64,
                weight: to_f64(p.amount.0),
            });
            *acc.paid_by_month.entry((date.year(), date.month()), || Decimal::ZERO) += p.amount.0;
        }
        let out = inv.outstanding_as_of(as_of);
        if out > Decimal::ZERO {
            acc.outstanding += out;
            let late = (as_of - inv.due_date).num_days();
            if late > 0 {
                acc.exps.push(Experience {
                    date: as_of,
                    dbt: late as f64,
                    weight: to_f64(out),
                });
            }
        }
    }

    let mut customers = Vec::new();
    for acc in groups.items {
        let c = acc.first.currency;
        let all: Vec<&Experience> = acc.exps.iter().collect();
        let enough = all.len() >= min_exp as usize;
        let dbt = weighted(&all);
        let recent: Vec<&Experience> = all.iter().copied().filter(|e| e.date >= recent_start).collect();
        let prior: Vec<&Experience> = all.iter().copied().filter(|e| e.date < recent_start).collect();
        let (recent_dbt, prior_dbt) = (weighted(&recent), weighted(&prior));
        let slope = if enough { slope(&all, window_start) } else { None };
        let trend = match (enough, slope, recent_dbt, prior_dbt) {
            (true, Some(s), Some(r), Some(p)) if s >= slope_t && r - p >= recent_t => Trend::Deteriorating,
            (true, Some(s), Some(r), Some(p)) if s <= -slope_t && p - r >= recent_t => Trend::Improving,
            (true, Some(_), Some(_), Some(_)) => Trend::Stable,
            _ => Trend::Unknown,
        };
        let score = if enough {
            dbt.map(|d| score_for_dbt(d).round().clamp(1.0, 100.0) as u32)
        } else {
            None
        };
        let explanation = explain(
            all.len(),
            min_exp,
            dbt,
            &recent,
            &prior,
            recent_dbt,
            prior_dbt,
            slope,
            trend,
            recent_start,
            as_of,
        );
        let mut monthly = Vec::with_capacity(months as usize);
        let mut m = window_start.with_day(1).unwrap_or(window_start);
        while m <= as_of {
            let in_month: Vec<&Experience> = all
                .iter()
                .copied()
                .filter(|e| (e.date.year(), e.date.month()) == (m.year(), m.month()))
                .collect();
            monthly.push(MonthPoint {
                month: format!("{:04}-{:02}", m.year(), m.month()),
                dbt: weighted(&in_month).map(r1),
                amount_paid: round_to_minor(
                    acc.paid_by_month
                        .get(&(m.year(), m.month()))
                        .copied()
                        .unwrap_or_default(),
                    c,
                ),
            });
            m = match m.checked_add_months(Months::new(1)) {
                Some(n) => n,
                None => break,
            };
        }
        customers.push(CustomerRisk {
            customer_id: acc.first.customer.id.clone(),
            name: acc.first.customer.name.clone(),
            currency: c,
            experiences: all.len(),
            dbt: dbt.map(r1),
            score,
            grade: score.map(|s| grade(s, trend == Trend::Deteriorating)),
            trend,
            slope_days_per_month: slope.map(r1),
            recent_dbt: recent_dbt.map(r1),
            prior_dbt: prior_dbt.map(r1),
            outstanding: round_to_minor(acc.outstanding, c),
            explanation,
            monthly,
        });
    }

    let mut currencies: SmallMap<Currency, (Decimal, Decimal)> = SmallMap::new();
    for cu in &customers {
        let e = currencies.entry(cu.currency, || (Decimal::ZERO, Decimal::ZERO));
        e.0 += cu.outstanding;
        if cu.trend == Trend::Deteriorating {
            e.1 += cu.outstanding;
        }
    }
    let currencies = by_currency(currencies)
        .into_iter()
        .map(|(c, (out, det))| CurrencyRisk {
            currency: c,
            outstanding: round_to_minor(out, c),
            deteriorating_outstanding: round_to_minor(det, c),
            deteriorating_share: round_dp(
                if out.is_zero() {
                    Decimal::ZERO
                } else {
                    det * Decimal::ONE_HUNDRED / out
                },
                2,
            ),
        })
        .collect();
    let keys = customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let group = u64::from(c.trend != Trend::Deteriorating) * 1000 + u64::from(c.score.unwrap_or(999));
            (group, -c.outstanding.mantissa(), i as u32)
        })
        .collect();
    let customers = arrange(customers, &order(keys));
    Ok(RiskReport {
        as_of,
        window_start,
        window_months: window,
        customers,
        currencies,
    })
}

/// Weighted least-squares slope of DBT over time, in days per month (30.4375 days).
fn slope(xs: &[&Experience], start: NaiveDate) -> Option<f64> {
    let w: f64 = xs.iter().map(|e| e.weight).sum();
    if w <= 0.0 {
        return None;
    }
    let x = |e: &Experience| (e.date - start).num_days() as f64 / 30.4375;
    let mx = xs.iter().map(|e| e.weight * x(e)).sum::<f64>() / w;
    let my = xs.iter().map(|e| e.weight * e.dbt).sum::<f64>() / w;
    let sxx: f64 = xs.iter().map(|e| e.weight * (x(e) - mx).powi(2)).sum();
    if sxx <= 1e-9 * w {
        return None;
    }
    let sxy: f64 = xs.iter().map(|e| e.weight * (x(e) - mx) * (e.dbt - my)).sum();
    Some(sxy / sxx)
}

#[allow(clippy::too_many_arguments)]
fn explain(
    n: usize,
    min: u32,
    dbt: Option<f64>,
    recent: &[&Experience],
    prior: &[&Experience],
    r: Option<f64>,
    p: Option<f64>,
    slope: Option<f64>,
    trend: Trend,
    recent_start: NaiveDate,
    as_of: NaiveDate,
) -> String {
    let Some(all) = dbt else {
        return "No payments or overdue invoices in the period: nothing to judge by.".to_string();
    };
    if n < min as usize {
        let what = if n == 1 {
            "1 payment or overdue invoice".to_string()
        } else {
            format!("{n} payments or overdue invoices")
        };
        return format!("Only {what} on record ({}): not enough for a score.", lateness(all));
    }
    let span = |xs: &[&Experience], fallback: (NaiveDate, NaiveDate)| {
        let from = xs.iter().map(|e| e.date).min().unwrap_or(fallback.0);
        let to = xs.iter().map(|e| e.date).max().unwrap_or(fallback.1);
        range_label(from, to)
    };
    match (trend, r, p) {
        (Trend::Deteriorating | Trend::Improving, Some(r), Some(p)) => {
            let per = slope.map(|s| s.abs().round()).unwrap_or(0.0);
            let change = if trend == Trend::Deteriorating {
                "getting later"
            } else {
                "getting earlier"
            };
            let rate = if per >= 1.0 {
                format!(
                    " by about {} day{} a month",
                    per as i64,
                    if per == 1.0 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            format!(
                "Paid on average {} in {} and {} in {}: {change}{rate}.",
                lateness(p),
                span(prior, (recent_start, recent_start)),
                lateness(r),
                span(recent, (recent_start, as_of))
            )
        }
        (Trend::Unknown, _, _) => format!(
            "Pays on average {}; too little history yet to see a trend.",
            lateness(all)
        ),
        _ => format!("Pays on average {}; no clear change.", lateness(all)),
    }
}

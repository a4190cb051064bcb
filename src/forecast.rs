//! `cashForecast` and `cashForecastBacktest`: when the money still owed will come in, from each
//! customer's own payment habits.
//!
//! **The habit.** For every invoice the ledger knows how many days after its due date it was
//! settled (the day its dated payments and credits first covered it), or, while it is open, that
//! it has not been settled so far (asOf − due date days). overdue turns these into a curve per
//! customer: the share of invoices still unpaid *d* days after the due date, with invoices still open
//! counted as unpaid up to today and no further (the Kaplan–Meier estimate, so a customer's slow
//! invoices that are still open are not forgotten just because they have no payment yet). Each
//! invoice counts once; an invoice settled longer ago counts less, halving every `halfLifeDays`
//! (default 180), so recent behaviour weighs more.
//!
//! **Little history.** A customer's curve is blended with the whole ledger's: with *n* settled
//! invoices (recency-weighted) the customer's curve has the weight n / (n + `priorWeight`) (default
//! 3), the ledger's the rest. A customer with one paid invoice leans on the ledger; one with thirty
//! stands on its own.
//!
//! **An open invoice** that is *a* days past due (negative: not due yet) has, by definition, not
//! been paid in those *a* days, so its forecast comes from the blended curve beyond *a*: the
//! expected date is the day by which half the remaining chance of payment has passed (the
//! conditional median), the range runs from the 20th to the 80th percentile. No forecast is ever
//! on or before asOf. An invoice already later than (almost) every payment on record gets no date:
//! history says nothing about it, and the report says so rather than guessing. A promise to pay on
//! a future day is the expected date; a promise already broken is said and ignored. A disputed
//! invoice is forecast as if undisputed, then pushed back `disputeDelayDays` (default 30) and
//! flagged. With no settled invoice anywhere in the ledger, invoices are expected on their due date
//! (or tomorrow, if that has passed).
//!
//! **Totals** per currency, for weeks (Monday to Sunday; the first and last cut at the horizon) and
//! calendar months from the day after asOf to asOf + `horizonDays` (default 91): what is expected
//! in the period (the invoices whose expected date falls in it, which the period lists), and by the
//! period's end, cumulatively, what is expected, what is likely at least (invoices whose 80th
//! percentile has passed) and what is possible at most (whose 20th percentile has passed).
//!
//! **The backtest** replays the ledger: at each past date it forecasts the invoices then open from
//! what was known then (invoices issued, payments and credits dated up to that day; promises and
//! disputes are today's and so left out), and compares each forecast with the day the invoice was
//! in fact settled. It reports the mean and median absolute error in days, the bias, and the share
//! of settlements inside the forecast range, beside the same error for the plain rule "paid on the
//! due date".

use crate::currency::Currency;
use crate::date::days_between;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::locale::Locale;
use crate::money::{round_dp, round_to_minor, ser_decimal};
use crate::order::{arrange, by_currency, order, SmallMap};
use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// The options both functions share.
#[derive(Debug, Clone, Default)]
pub struct Habits {
    /// Days after which a settled invoice counts half as much (default 180; 7–3650).
    pub half_life_days: Option<i64>,
    /// How many settled invoices the ledger's habits count as (default 3; 0–100).
    pub prior_weight: Option<u32>,
    /// Days a dispute pushes the forecast back (default 30; 0–365).
    pub dispute_delay_days: Option<i64>,
}

/// Input of [`cash_forecast`].
#[derive(Debug, Clone)]
pub struct ForecastInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// Days ahead to total (default 91; 7–730).
    pub horizon_days: Option<i64>,
    pub half_life_days: Option<i64>,
    pub prior_weight: Option<u32>,
    /// Days a dispute pushes an invoice's forecast back, 0–365 (default 30).
    pub dispute_delay_days: Option<i64>,
    /// `summary` leaves out the per-invoice rows (default `invoices`).
    pub detail: Option<Detail>,
}

/// How much of the forecast to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Invoices,
    Summary,
}
crate::decode_enum!(Detail {
    Invoices = "invoices",
    Summary = "summary",
});

crate::decode_struct!(ForecastInput {
    as_of: "asOf",
    invoices: "invoices",
    horizon_days: "horizonDays" = default,
    half_life_days: "halfLifeDays" = default,
    prior_weight: "priorWeight" = default,
    dispute_delay_days: "disputeDelayDays" = default,
    detail: "detail" = default,
});

/// Where an invoice's expected date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The customer's promise to pay on a future day.
    Promise,
    /// The customer's own paid invoices, blended with the ledger's.
    Customer,
    /// The ledger's habits alone: this customer has no paid invoice on record.
    Ledger,
    /// No paid invoice anywhere: the due date.
    Terms,
    /// Later already than (almost) every payment on record: no date.
    BeyondHistory,
}
crate::decode_enum!(Basis {
    Promise = "promise",
    Customer = "customer",
    Ledger = "ledger",
    Terms = "terms",
    BeyondHistory = "beyondHistory",
});

/// One open invoice's forecast.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceForecast {
    pub invoice_id: Id,
    pub customer_id: Id,
    pub customer_name: String,
    pub currency: Currency,
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    /// Negative while not yet due.
    pub days_past_due: i64,
    /// The conditional median; null for `beyondHistory`.
    #[serde(with = "crate::date::ymd_opt")]
    pub expected_date: Option<NaiveDate>,
    /// The 20th percentile.
    #[serde(with = "crate::date::ymd_opt")]
    pub earliest_date: Option<NaiveDate>,
    /// The 80th percentile; null when history does not reach it (the range is open-ended).
    #[serde(with = "crate::date::ymd_opt")]
    pub latest_date: Option<NaiveDate>,
    pub basis: Basis,
    /// The customer's invoices settled on record (before the recency weighting).
    pub paid_on_record: u32,
    /// The customer's share of the blended habits, percent, whole.
    pub customer_weight: u32,
    pub disputed: bool,
    /// A promised date has passed unpaid (and was ignored).
    pub broken_promise: bool,
    pub explanation: String,
}

/// One week or month of one currency.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    #[serde(with = "crate::date::ymd")]
    pub start: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub end: NaiveDate,
    /// Outstanding of the invoices expected in the period.
    #[serde(serialize_with = "ser_decimal")]
    pub expected: Decimal,
    /// How many invoices that is (the rows with their `expectedDate` in the period).
    pub invoice_count: u32,
    /// From the day after asOf to the period's end: expected.
    #[serde(serialize_with = "ser_decimal")]
    pub cumulative_expected: Decimal,
    /// By the period's end: invoices whose latest date has passed.
    #[serde(serialize_with = "ser_decimal")]
    pub cumulative_low: Decimal,
    /// By the period's end: invoices whose earliest date has passed.
    #[serde(serialize_with = "ser_decimal")]
    pub cumulative_high: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyForecast {
    pub currency: Currency,
    /// Everything open on asOf.
    #[serde(serialize_with = "ser_decimal")]
    pub open: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub expected_in_horizon: Decimal,
    /// Expected after the horizon.
    #[serde(serialize_with = "ser_decimal")]
    pub later: Decimal,
    /// With no date (`beyondHistory`).
    /// With no date (`beyondHistory`).
    #[serde(serialize_with = "ser_decimal")]
    pub unforecast: Decimal,
    /// Of `open`, what is disputed.
    #[serde(serialize_with = "ser_decimal")]
    pub disputed: Decimal,
    /// Monday to Sunday; the first and last cut at asOf + 1 and the horizon's end.
    pub weeks: Vec<Period>,
    pub months: Vec<Period>,
}

/// Output of [`cash_forecast`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Forecast {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub horizon_end: NaiveDate,
    /// Settled invoices the habits were learnt from.
    pub paid_on_record: u32,
    /// Open invoices, soonest expected first (no date last), then largest first; empty with
    /// `detail: "summary"`.
    pub invoices: Vec<InvoiceForecast>,
    pub currencies: Vec<CurrencyForecast>,
    /// The method in a few sentences.
    pub method: String,
}

const METHOD: &str = "Each customer's habit is the share of its invoices still unpaid each day after the due \
date, open invoices counting as unpaid so far (Kaplan–Meier), recent invoices weighing more. It is blended with \
the whole ledger's habit, more so the fewer invoices the customer has paid. An open invoice is expected on the day \
by which half its remaining chance of payment has passed; the range runs from 20 % to 80 %. Promises to pay are \
taken at their word, disputes pushed back.";

struct Options {
    half_life: f64,
    prior: f64,
    dispute_delay: i64,
}

fn check_range(v: Option<i64>, default: i64, lo: i64, hi: i64, path: &str, what: &str) -> Result<i64> {
    let v = v.unwrap_or(default);
    if !(lo..=hi).contains(&v) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("{what} must be from {lo} to {hi} days (got {v})."),
        ));
    }
    Ok(v)
}

fn options(h: &Habits) -> Result<Options> {
    let half_life = check_range(h.half_life_days, 180, 7, 3650, "halfLifeDays", "The half-life")?;
    let prior = h.prior_weight.unwrap_or(3);
    if prior > 100 {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "priorWeight",
            format!("The ledger's weight must be from 0 to 100 invoices (got {prior})."),
        ));
    }
    let dispute_delay = check_range(
        h.dispute_delay_days,
        30,
        0,
        365,
        "disputeDelayDays",
        "The dispute delay",
    )?;
    Ok(Options {
        half_life: half_life as f64,
        prior: f64::from(prior),
        dispute_delay,
    })
}

/// The day an invoice was settled: when its dated payments and credits (and any undated payment,
/// which counts from the start) first covered the amount. `None` while open, or when only undated
/// payments settled it.
fn settled_on(inv: &Invoice) -> Option<NaiveDate> {
    let mut left = inv.amount.0;
    let mut dated: Vec<(NaiveDate, Decimal)> = Vec::new();
    for p in &inv.payments {
        match p.date {
            Some(d) => dated.push((d, p.amount.0)),
            None => left -= p.amount.0,
        }
    }
    if left <= Decimal::ZERO {
        return None;
    }
    dated.extend(inv.credits.iter().map(|c| (c.date, c.amount.0)));
    crate::order::sort_by_key(&mut dated, &|d| i128::from(d.0.num_days_from_ce()));
    for (d, amount) in dated {
        left -= amount;
        if left <= Decimal::ZERO {
            return Some(d);
        }
    }
    None
}

/// A survival curve on days after the due date: `surv[i]` is the share still unpaid after day
/// `times[i]` (the days on which someone paid), 1 before the first.
#[derive(Default)]
struct Curve {
    times: Vec<i64>,
    surv: Vec<f64>,
}

impl Curve {
    /// From subjects `(day, settled, weight)` sorted by day.
    fn build(subjects: &[(i64, bool, f64)]) -> Curve {
        let mut at_risk: f64 = subjects.iter().map(|s| s.2).sum();
        let mut c = Curve::default();
        let mut s = 1.0;
        let mut i = 0;
        while i < subjects.len() {
            let t = subjects[i].0;
            let (mut paid, mut leaving) = (0.0, 0.0);
            while i < subjects.len() && subjects[i].0 == t {
                let (_, ev, w) = subjects[i];
                paid += if ev { w } else { 0.0 };
                leaving += w;
                i += 1;
            }
            if paid > 0.0 && at_risk > 0.0 {
                s *= (1.0 - paid / at_risk).max(0.0);
                c.times.push(t);
                c.surv.push(s);
            }
            at_risk -= leaving;
        }
        c
    }

    fn at(&self, t: i64) -> f64 {
        match self.times.partition_point(|&x| x <= t) {
            0 => 1.0,
            i => self.surv[i - 1],
        }
    }

    fn last(&self) -> Option<i64> {
        self.times.last().copied()
    }
}

/// The blend of a customer's curve (weight `lam`) and the ledger's.
struct Blend<'a> {
    own: &'a Curve,
    lam: f64,
    ledger: &'a Curve,
}

// Survival below this is "no chance left": float sums of weights never land exactly on zero.
const EPS: f64 = 1e-9;

impl Blend<'_> {
    fn at(&self, t: i64) -> f64 {
        let own = if self.lam > 0.0 { self.lam * self.own.at(t) } else { 0.0 };
        own + (1.0 - self.lam) * self.ledger.at(t)
    }

    /// The first day after `a` by which a share `q` of the chance left after day `a` has passed.
    fn quantile_after(&self, a: i64, q: f64) -> Option<i64> {
        let base = self.at(a);
        if base <= EPS {
            return None;
        }
        let target = base * (1.0 - q) + EPS * base;
        let last = match (self.lam > 0.0, self.own.last(), self.ledger.last()) {
            (true, Some(x), Some(y)) => x.max(y),
            (true, Some(x), None) => x,
            (_, _, y) => y?,
        };
        if last <= a || self.at(last) > target {
            return None;
        }
        let (mut lo, mut hi) = (a + 1, last);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.at(mid) <= target {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Some(lo)
    }
}

/// What the forecast needs of an invoice at a cut date.
struct Open<'a> {
    inv: &'a Invoice,
    index: usize,
    group: usize,
    outstanding: Decimal,
}

/// Customers' curves and the ledger's, as known at `at`.
struct Habitat {
    own: Vec<Curve>,
    /// Recency-weighted settled invoices per customer group, and their plain count.
    settled: Vec<(f64, u32)>,
    ledger: Curve,
    ledger_count: u32,
}

/// The habits as known at `at`, and the invoices open then (what is owed on them is worked out
/// once, here, for both).
fn learn<'a>(
    invoices: &'a [Invoice],
    groups: &[usize],
    settled: &[Option<NaiveDate>],
    n_groups: usize,
    at: NaiveDate,
    o: &Options,
) -> (Habitat, Vec<Open<'a>>) {
    // (group, day, settled, weight) for every invoice issued by `at` that was settled by then or is open.
    let mut subjects: Vec<(usize, i64, bool, f64)> = Vec::new();
    let mut opens = Vec::new();
    for (i, inv) in invoices.iter().enumerate() {
        if inv.issue_date > at {
            continue;
        }
        match settled[i] {
            Some(d) if d <= at => {
                let age = days_between(d, at) as f64;
                subjects.push((
                    groups[i],
                    days_between(inv.due_date, d),
                    true,
                    half_power(age / o.half_life),
                ));
            }
            _ => {
                let outstanding = inv.outstanding_as_of(at);
                if outstanding > Decimal::ZERO {
                    subjects.push((groups[i], days_between(inv.due_date, at), false, 1.0));
                    opens.push(Open {
                        inv,
                        index: i,
                        group: groups[i],
                        outstanding,
                    });
                }
            }
        }
    }
    let by_group = order(
        subjects
            .iter()
            .enumerate()
            .map(|(i, s)| (s.0 as u64, i128::from(s.1), i as u32))
            .collect(),
    );
    let by_day = order(
        subjects
            .iter()
            .enumerate()
            .map(|(i, s)| (0, i128::from(s.1), i as u32))
            .collect(),
    );
    let pick = |idx: &[u32]| -> Vec<(i64, bool, f64)> {
        idx.iter()
            .map(|&i| {
                let s = subjects[i as usize];
                (s.1, s.2, s.3)
            })
            .collect()
    };
    let ledger = Curve::build(&pick(&by_day));
    let mut own: Vec<Curve> = (0..n_groups).map(|_| Curve::default()).collect();
    let mut count: Vec<(f64, u32)> = vec![(0.0, 0); n_groups];
    let mut start = 0;
    while start < by_group.len() {
        let g = subjects[by_group[start] as usize].0;
        let mut end = start;
        while end < by_group.len() && subjects[by_group[end] as usize].0 == g {
            let s = subjects[by_group[end] as usize];
            if s.2 {
                count[g].0 += s.3;
                count[g].1 += 1;
            }
            end += 1;
        }
        own[g] = Curve::build(&pick(&by_group[start..end]));
        start = end;
    }
    let ledger_count = count.iter().map(|c| c.1).sum();
    let habits = Habitat {
        own,
        settled: count,
        ledger,
        ledger_count,
    };
    (habits, opens)
}

/// One invoice's dates, before promises and disputes: (expected, earliest, latest, basis, lam).
fn from_history(h: &Habitat, group: usize, a: i64, prior: f64) -> (Option<i64>, Option<i64>, Option<i64>, Basis, f64) {
    if h.ledger.times.is_empty() {
        // Nobody has paid anything yet: the terms are all there is (the due date, or tomorrow).
        let d = (a + 1).max(0);
        return (Some(d), Some(d), Some(d), Basis::Terms, 0.0);
    }
    let (w, _) = h.settled[group];
    let lam = if w + prior > 0.0 { w / (w + prior) } else { 0.0 };
    let blend = Blend {
        own: &h.own[group],
        lam,
        ledger: &h.ledger,
    };
    let mid = blend.quantile_after(a, 0.5);
    let basis = match (mid, lam > 0.0) {
        (None, _) => Basis::BeyondHistory,
        (Some(_), true) => Basis::Customer,
        (Some(_), false) => Basis::Ledger,
    };
    if mid.is_none() {
        return (None, None, None, basis, lam);
    }
    (
        mid,
        blend.quantile_after(a, 0.2),
        blend.quantile_after(a, 0.8),
        basis,
        lam,
    )
}

/// 0.5^x for x ≥ 0, without the standard library's `powf`: in wasm that brings libm's `exp2` with a
/// 4 KB table. The whole halvings exactly, the rest by the series of e^(−f·ln 2), f < 1, to 1e-15.
fn half_power(x: f64) -> f64 {
    let whole = x.floor();
    let f = (x - whole) * core::f64::consts::LN_2;
    let (mut term, mut sum) = (1.0, 1.0);
    for k in 1..=18 {
        term *= -f / f64::from(k);
        sum += term;
    }
    let mut out = sum;
    for _ in 0..(whole.min(1100.0) as u32) {
        out *= 0.5;
    }
    out
}

fn plus(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    let out = if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    out.filter(|d| (1900..=9999).contains(&d.year()))
}

/// The forecast of each open invoice at `at`, unsorted.
fn forecast_open(
    opens: &[Open<'_>],
    h: &Habitat,
    at: NaiveDate,
    o: &Options,
    with_promises: bool,
) -> Vec<InvoiceForecast> {
    let en = Locale::EnGb;
    opens
        .iter()
        .map(|op| {
            let inv = op.inv;
            let a = days_between(inv.due_date, at);
            let (mid, low, high, mut basis, lam) = from_history(h, op.group, a, o.prior);
            let due = inv.due_date;
            let mut expected = mid.and_then(|x| plus(due, x));
            let mut earliest = low.and_then(|x| plus(due, x));
            let mut latest = high.and_then(|x| plus(due, x));
            if expected.is_none() && basis != Basis::BeyondHistory {
                basis = Basis::BeyondHistory;
            }
            let (paid_n, weight) = (h.settled[op.group].1, (lam * 100.0).round() as u32);
            let mut why = match basis {
                Basis::Terms => {
                    "No paid invoice on record anywhere in the ledger: expected on its due date.".to_string()
                }
                Basis::Ledger => {
                    "No paid invoice of this customer's on record: from the whole ledger's habits.".to_string()
                }
                Basis::Customer => format!(
                    "From this customer's {} paid invoice{} (weighing {weight} %) and the whole ledger's habits.",
                    paid_n,
                    if paid_n == 1 { "" } else { "s" }
                ),
                _ => format!(
                    "{} past due, later than almost every payment on record: history gives no date.",
                    days(a)
                ),
            };
            let mut broken = false;
            if with_promises {
                if let Some(p) = inv.promised_date {
                    if p > at {
                        basis = Basis::Promise;
                        expected = Some(p);
                        earliest = Some(p);
                        latest = Some(latest.map_or(p, |l| l.max(p)));
                        why = format!("Promised for {}.", en.date(p));
                    } else {
                        broken = true;
                        why = format!("The promise to pay by {} was not kept. {why}", en.date(p));
                    }
                }
            }
            let disputed = with_promises && inv.disputed;
            if disputed && o.dispute_delay > 0 && basis != Basis::Promise {
                let push = |d: Option<NaiveDate>| d.and_then(|d| plus(d, o.dispute_delay));
                expected = push(expected);
                earliest = push(earliest);
                latest = push(latest);
                if expected.is_some() {
                    why.push_str(&format!(" Disputed: pushed back {} days.", o.dispute_delay));
                }
            }
            if expected.is_none() {
                earliest = None;
                latest = None;
            }
            InvoiceForecast {
                invoice_id: inv.id.clone(),
                customer_id: inv.customer.id.clone(),
                customer_name: inv.customer.name.clone(),
                currency: inv.currency,
                outstanding: round_to_minor(op.outstanding, inv.currency),
                due_date: due,
                days_past_due: a,
                expected_date: expected,
                earliest_date: earliest,
                latest_date: latest,
                basis,
                paid_on_record: paid_n,
                customer_weight: weight,
                disputed,
                broken_promise: broken,
                explanation: why,
            }
        })
        .collect()
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// Customer groups (per currency and customer id) and settlement days, computed once per call.
fn prepare(invoices: &[Invoice]) -> (Vec<usize>, Vec<Option<NaiveDate>>, usize) {
    let mut index: crate::order::Groups<usize> = crate::order::Groups::new();
    let groups: Vec<usize> = invoices
        .iter()
        .map(|inv| {
            let n = index.items.len();
            *index.slot(inv.currency, inv.customer.id.as_str(), || n)
        })
        .collect();
    let settled = invoices.iter().map(settled_on).collect();
    (groups, settled, index.items.len())
}

fn periods(
    first: NaiveDate,
    last: NaiveDate,
    next_start: impl Fn(NaiveDate) -> Option<NaiveDate>,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut start = first;
    while start <= last {
        let next = next_start(start);
        let end = next.and_then(|n| n.pred_opt()).map_or(last, |e| e.min(last));
        out.push((start, end));
        match next {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

fn next_monday(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(7 - u64::from(d.weekday().num_days_from_monday())))
}

fn next_month(d: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn totals(spans: &[(NaiveDate, NaiveDate)], rows: &[&InvoiceForecast], c: Currency) -> Vec<Period> {
    spans
        .iter()
        .map(|&(start, end)| {
            let mut p = Period {
                start,
                end,
                expected: Decimal::ZERO,
                invoice_count: 0,
                cumulative_expected: Decimal::ZERO,
                cumulative_low: Decimal::ZERO,
                cumulative_high: Decimal::ZERO,
            };
            for r in rows {
                if let Some(e) = r.expected_date {
                    if e >= start && e <= end {
                        p.expected += r.outstanding;
                        p.invoice_count += 1;
                    }
                    if e <= end {
                        p.cumulative_expected += r.outstanding;
                    }
                }
                if r.latest_date.is_some_and(|d| d <= end) {
                    p.cumulative_low += r.outstanding;
                }
                if r.earliest_date.is_some_and(|d| d <= end) {
                    p.cumulative_high += r.outstanding;
                }
            }
            for v in [
                &mut p.expected,
                &mut p.cumulative_expected,
                &mut p.cumulative_low,
                &mut p.cumulative_high,
            ] {
                *v = round_to_minor(*v, c);
            }
            p
        })
        .collect()
}

/// The forecast as of `asOf`.
///
/// # Errors
/// Invalid invoices; `invalid_value` for an option out of its range.
pub fn cash_forecast(input: &ForecastInput) -> Result<Forecast> {
    validate_invoices(&input.invoices, "invoices")?;
    let o = options(&Habits {
        half_life_days: input.half_life_days,
        prior_weight: input.prior_weight,
        dispute_delay_days: input.dispute_delay_days,
    })?;
    let horizon = check_range(input.horizon_days, 91, 7, 730, "horizonDays", "The horizon")?;
    let as_of = input.as_of;
    let horizon_end = crate::date::in_range(plus(as_of, horizon), "horizonDays", "The horizon's end")?;
    let first = crate::date::in_range(as_of.succ_opt(), "asOf", "The day after asOf")?;
    let (groups, settled, n_groups) = prepare(&input.invoices);
    let (habits, opens) = learn(&input.invoices, &groups, &settled, n_groups, as_of, &o);
    let rows = forecast_open(&opens, &habits, as_of, &o, true);
    let keys = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let day = r.expected_date.map_or(u64::MAX, |d| d.num_days_from_ce() as u64);
            // Amounts are rounded to their currency's minor units, so mantissas compare.
            (day, -r.outstanding.mantissa(), i as u32)
        })
        .collect();
    let rows = arrange(rows, &order(keys));

    let weeks = periods(first, horizon_end, next_monday);
    let months = periods(first, horizon_end, next_month);
    let mut by_cur: SmallMap<Currency, Vec<&InvoiceForecast>> = SmallMap::new();
    for r in &rows {
        by_cur.entry(r.currency, Vec::new).push(r);
    }
    let currencies = by_currency(by_cur)
        .into_iter()
        .map(|(c, rs)| {
            let sum = |f: &dyn Fn(&InvoiceForecast) -> bool| {
                round_to_minor(rs.iter().filter(|r| f(r)).map(|r| r.outstanding).sum(), c)
            };
            CurrencyForecast {
                currency: c,
                open: sum(&|_| true),
                expected_in_horizon: sum(&|r| r.expected_date.is_some_and(|d| d <= horizon_end)),
                later: sum(&|r| r.expected_date.is_some_and(|d| d > horizon_end)),
                unforecast: sum(&|r| r.expected_date.is_none()),
                disputed: sum(&|r| r.disputed),
                weeks: totals(&weeks, &rs, c),
                months: totals(&months, &rs, c),
            }
        })
        .collect();
    let mut rows = rows;
    if input.detail == Some(Detail::Summary) {
        rows.clear();
    }
    Ok(Forecast {
        as_of,
        horizon_end,
        paid_on_record: habits.ledger_count,
        invoices: rows,
        currencies,
        method: METHOD.to_string(),
    })
}

/// Input of [`cash_forecast_backtest`].
#[derive(Debug, Clone)]
pub struct BacktestInput {
    /// The ledger's date: settlements up to it are known.
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// The first past date to forecast from.
    pub from: NaiveDate,
    /// The last (default asOf − 91 days, so most forecasts have had time to come true).
    pub to: Option<NaiveDate>,
    /// Days between forecast dates (default 30; 1–365).
    pub every_days: Option<i64>,
    pub half_life_days: Option<i64>,
    pub prior_weight: Option<u32>,
}
crate::decode_struct!(BacktestInput {
    as_of: "asOf",
    invoices: "invoices",
    from: "from",
    to: "to" = default,
    every_days: "everyDays" = default,
    half_life_days: "halfLifeDays" = default,
    prior_weight: "priorWeight" = default,
});

/// Most forecast dates one backtest replays.
pub const MAX_CUTS: i64 = 120;

/// Errors of one set of forecasts.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// Forecasts compared with a settlement.
    pub scored: u32,
    /// Mean of |expected − settled| in days, two decimals; null when nothing was scored.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub mean_absolute_error_days: Option<Decimal>,
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub median_absolute_error_days: Option<Decimal>,
    /// Mean of expected − settled: positive when forecasts come too late.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub bias_days: Option<Decimal>,
    /// Percent of settlements inside [earliest, latest], two decimals.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub inside_range_percent: Option<Decimal>,
    /// The same mean absolute error for "paid on the due date (or tomorrow, if past)".
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub due_date_rule_mae_days: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cut {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    /// Invoices open then.
    pub open: u32,
    /// Of those, forecast with no date.
    pub no_date: u32,
    /// Of those, not settled by the ledger's date.
    pub unsettled: u32,
    #[serde(flatten)]
    pub score: Score,
}

/// Output of [`cash_forecast_backtest`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backtest {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    pub forecasts: u32,
    pub no_date: u32,
    /// Forecasts of invoices not settled by asOf (not scored).
    pub unsettled: u32,
    /// Of the unsettled, those expected on or before the ledger's date: forecasts already wrong.
    pub unsettled_expected_by_as_of: u32,
    #[serde(flatten)]
    pub score: Score,
    pub cuts: Vec<Cut>,
}

#[derive(Default)]
struct Tally {
    errors: Vec<i64>,
    naive: Vec<i64>,
    inside: u32,
}

impl Tally {
    fn score(&self) -> Score {
        let n = self.errors.len();
        let dec = |x: i64| Decimal::from(x);
        let mean = |xs: &[i64], f: fn(i64) -> i64| {
            (!xs.is_empty()).then(|| round_dp(dec(xs.iter().map(|&x| f(x)).sum()) / dec(xs.len() as i64), 2))
        };
        // The middle one, or the mean of the middle two, through the shared sort of indices.
        let abs = |i: u32| self.errors[i as usize].abs();
        let by_size = order((0..n as u32).map(|i| (0, i128::from(abs(i)), i)).collect());
        let median = (n > 0).then(|| round_dp(dec(abs(by_size[(n - 1) / 2]) + abs(by_size[n / 2])) / dec(2), 2));
        Score {
            scored: n as u32,
            mean_absolute_error_days: mean(&self.errors, i64::abs),
            median_absolute_error_days: median,
            bias_days: mean(&self.errors, |x| x),
            inside_range_percent: (n > 0).then(|| round_dp(dec(i64::from(self.inside) * 100) / dec(n as i64), 2)),
            due_date_rule_mae_days: mean(&self.naive, i64::abs),
        }
    }

    fn add(&mut self, other: &Tally) {
        self.errors.extend_from_slice(&other.errors);
        self.naive.extend_from_slice(&other.naive);
        self.inside += other.inside;
    }
}

/// Forecasts replayed from past dates and compared with what happened.
///
/// # Errors
/// Invalid invoices; `invalid_date_order` when `from` is after `to` or `to` after `asOf`;
/// `invalid_value` for more than [`MAX_CUTS`] forecast dates or an option out of range.
pub fn cash_forecast_backtest(input: &BacktestInput) -> Result<Backtest> {
    validate_invoices(&input.invoices, "invoices")?;
    let o = options(&Habits {
        half_life_days: input.half_life_days,
        prior_weight: input.prior_weight,
        dispute_delay_days: None,
    })?;
    let every = check_range(input.every_days, 30, 1, 365, "everyDays", "The step")?;
    let as_of = input.as_of;
    let to = match input.to {
        Some(t) => t,
        None => plus(as_of, -91).unwrap_or(as_of),
    };
    if to > as_of {
        return Err(Error::new(
            ErrorCode::InvalidDateOrder,
            "to",
            format!("The last forecast date {to} is after the ledger's date {as_of}."),
        ));
    }
    if input.from > to {
        return Err(Error::new(
            ErrorCode::InvalidDateOrder,
            "from",
            format!("The first forecast date {} is after the last, {to}.", input.from),
        ));
    }
    let n_cuts = days_between(input.from, to) / every + 1;
    if n_cuts > MAX_CUTS {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "everyDays",
            format!("That makes {n_cuts} forecast dates; at most {MAX_CUTS} are replayed in one call."),
        ));
    }
    let (groups, settled, n_groups) = prepare(&input.invoices);
    let mut all = Tally::default();
    let (mut forecasts, mut no_date, mut unsettled, mut wrong_already) = (0u32, 0u32, 0u32, 0u32);
    let mut cuts = Vec::new();
    for k in 0..n_cuts {
        let Some(at) = plus(input.from, k * every) else { break };
        let (habits, opens) = learn(&input.invoices, &groups, &settled, n_groups, at, &o);
        let rows = forecast_open(&opens, &habits, at, &o, false);
        let mut t = Tally::default();
        let (mut nd, mut un) = (0u32, 0u32);
        for (r, op) in rows.iter().zip(&opens) {
            let actual = settled[op.index].filter(|d| *d <= as_of);
            let Some(expected) = r.expected_date else {
                nd += 1;
                continue;
            };
            let Some(actual) = actual else {
                un += 1;
                if expected <= as_of {
                    wrong_already += 1;
                }
                continue;
            };
            t.errors.push(days_between(actual, expected));
            let naive = r.due_date.max(at.succ_opt().unwrap_or(at));
            t.naive.push(days_between(actual, naive));
            let after_start = r.earliest_date.map_or(true, |e| e <= actual);
            let before_end = r.latest_date.map_or(true, |l| actual <= l);
            if after_start && before_end {
                t.inside += 1;
            }
        }
        forecasts += rows.len() as u32;
        no_date += nd;
        unsettled += un;
        all.add(&t);
        cuts.push(Cut {
            as_of: at,
            open: rows.len() as u32,
            no_date: nd,
            unsettled: un,
            score: t.score(),
        });
    }
    Ok(Backtest {
        as_of,
        forecasts,
        no_date,
        unsettled,
        unsettled_expected_by_as_of: wrong_already,
        score: all.score(),
        cuts,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn half_power_matches_the_standard_library() {
        for x in [0.0, 0.25, 0.5, 0.999, 1.0, 1.5, 2.9, 10.0, 20.3, 100.7] {
            let (a, b) = (super::half_power(x), 0.5f64.powf(x));
            assert!((a - b).abs() <= 1e-14 * b, "{x}: {a} against {b}");
        }
    }
}

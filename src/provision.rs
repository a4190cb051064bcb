//! `provisionMatrix`: the expected credit loss on today's receivables under IFRS 9's simplified
//! approach (IFRS 9 §5.5.15 and B5.5.35: a provision matrix of loss rates by days past due), with
//! the loss rates learnt from the ledger's own history by roll rates.
//!
//! - **Snapshots**: the receivables at each month end over the last `months` (default 12) before
//!   asOf, each invoice in an ageing bucket by days past due (the ageing report's buckets: not yet
//!   due, 1–30, 31–60, 61–90, 91–120, over 120 by default).
//! - **Roll rate** of a bucket: of the money in it at one month end that would be in a later
//!   bucket at the next if unpaid, the share still owed then, over every pair of month ends.
//! - **The last bucket** does not roll on: each month part of it is written off (a credit marked
//!   `writeOff`), part paid or credited, the rest stays. The share that ends written off rather than
//!   cleared otherwise is written off ÷ (written off + cleared).
//! - **Loss rate** of a bucket: its roll rate × the next bucket's … × the last bucket's eventual
//!   loss share. Applied to what is owed in each bucket on asOf, times (1 + `adjustmentPercent` /
//!   100) for forward-looking information the history does not hold (IFRS 9 B5.5.52), it gives the
//!   expected credit loss.
//!
//! Each currency is taken on its own. A bucket with nothing in it over the history has no rate of
//! its own; it is said, and the bucket takes the rate of the chain from the next one (rolling on
//! in full), which is the prudent reading. When nothing in the last bucket was ever paid or
//! written off there is no chain at all: the rates and the loss are null and `notes` says why,
//! rather than a guess of 0 % or 100 %.

use crate::aging::{bucket_defs, check_limits, Basis};
use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{validate_invoices, Invoice};
use crate::money::{round_dp, round_to_minor, ser_decimal, ser_opt_decimal, Amount};
use crate::order::{by_currency, SmallMap};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Input of [`provision_matrix`].
#[derive(Debug, Clone)]
pub struct ProvisionInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// Months of history (default 12; 1–60).
    pub months: Option<i64>,
    /// Upper limits of the past-due buckets, as in `ageReceivables` (default 30, 60, 90, 120).
    pub buckets: Option<Vec<i64>>,
    /// Forward-looking adjustment of every loss rate, percent (default 0; −100 to 1000).
    pub adjustment_percent: Option<Amount>,
}
crate::decode_struct!(ProvisionInput {
    as_of: "asOf",
    invoices: "invoices",
    months: "months" = default,
    buckets: "buckets" = default,
    adjustment_percent: "adjustmentPercent" = default,
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisionBucket {
    pub label: String,
    /// Owed on asOf.
    #[serde(serialize_with = "ser_decimal")]
    pub balance: Decimal,
    /// Percent rolling on to a later bucket within a month, two decimals; null for the last
    /// bucket, or with no history in the bucket.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub roll_rate: Option<Decimal>,
    /// Percent of the bucket expected to be lost, after the adjustment, four decimals; null when
    /// the history cannot tell (see `notes`).
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub loss_rate: Option<Decimal>,
    #[serde(serialize_with = "ser_opt_decimal")]
    pub expected_loss: Option<Decimal>,
    /// The amount the rate was learnt from: the bucket's money summed over the month ends.
    #[serde(serialize_with = "ser_decimal")]
    pub history: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LastBucket {
    /// Percent of the last bucket written off within a month, two decimals.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub written_off_per_month: Option<Decimal>,
    /// Percent paid or credited within a month.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub cleared_per_month: Option<Decimal>,
    /// Percent that ends written off: written off ÷ (written off + cleared).
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub eventual_loss: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyProvision {
    pub currency: Currency,
    pub buckets: Vec<ProvisionBucket>,
    pub last_bucket: LastBucket,
    #[serde(serialize_with = "ser_decimal")]
    pub balance: Decimal,
    /// Null when no bucket's rate could be learnt (see `notes`).
    /// Null when nothing in the oldest bucket was ever paid or written off: no rate can be learnt.
    #[serde(serialize_with = "ser_opt_decimal")]
    pub expected_loss: Option<Decimal>,
    /// Expected loss ÷ balance, percent, two decimals.
    #[serde(serialize_with = "crate::money::ser_opt_ratio")]
    pub coverage_percent: Option<Decimal>,
    /// What the history could not tell, in words (empty when it told everything).
    /// What the history could not tell, in words.
    pub notes: Vec<String>,
}

/// Output of [`provision_matrix`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provision {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    /// The month ends the rates were learnt from, oldest first.
    pub snapshots: Vec<String>,
    pub currencies: Vec<CurrencyProvision>,
    /// The method in words.
    pub method: String,
}

const METHOD: &str = "IFRS 9 simplified approach, provision matrix (IFRS 9 5.5.15, B5.5.35). At each month end in the \
history, every invoice is placed in a bucket by days past due. A bucket's roll rate is the share of its money still owed \
a month later and further behind. The last bucket's loss share is what was written off from it over what was written off \
or cleared. A bucket's loss rate is its roll rate times each later bucket's, times the last bucket's loss share; applied \
to what is owed in each bucket today, with the forward-looking adjustment, it gives the expected credit loss.";

fn bucket_of(limits: &[i64], days_past_due: i64) -> usize {
    crate::aging::bucket_index(days_past_due, limits, Basis::DueDate)
}

fn month_end(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    first
        .checked_add_months(Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

fn written_off_between(inv: &Invoice, after: NaiveDate, upto: NaiveDate) -> Decimal {
    inv.credits
        .iter()
        .filter(|c| c.write_off && c.date > after && c.date <= upto)
        .map(|c| c.amount.0)
        .sum()
}

#[derive(Default, Clone)]
struct Tally {
    /// Per bucket: money at the first month end of a pair, and of it, what rolled on.
    start: Vec<Decimal>,
    rolled: Vec<Decimal>,
    /// Of the last bucket: written off, and cleared otherwise.
    written_off: Decimal,
    cleared: Decimal,
    today: Vec<Decimal>,
}

fn pct(part: Decimal, whole: Decimal) -> Option<Decimal> {
    (!whole.is_zero()).then(|| part * Decimal::ONE_HUNDRED / whole)
}

/// The provision matrix as of `asOf`.
///
/// # Errors
/// Invalid invoices; `invalid_value` at `months`, `buckets[i]` or `adjustmentPercent` out of range.
pub fn provision_matrix(input: &ProvisionInput) -> Result<Provision> {
    validate_invoices(&input.invoices, "invoices")?;
    let months = input.months.unwrap_or(12);
    if !(1..=60).contains(&months) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "months",
            format!("The history must be from 1 to 60 months (got {months})."),
        ));
    }
    let limits = match &input.buckets {
        Some(b) => {
            check_limits(b)?;
            b.clone()
        }
        None => vec![30, 60, 90, 120],
    };
    let adjustment = input.adjustment_percent.map_or(Decimal::ZERO, |a| a.0);
    if adjustment < Decimal::from(-100) || adjustment > Decimal::from(1000) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "adjustmentPercent",
            format!("The adjustment must be from −100 to 1000 percent (got {adjustment})."),
        ));
    }
    let as_of = input.as_of;
    let n = limits.len() + 2;
    let last = n - 1;
    // Month ends: the last on or before asOf, and `months` before it.
    let newest = if month_end(as_of) == as_of {
        as_of
    } else {
        as_of.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(as_of)
    };
    let snaps: Vec<NaiveDate> = (0..=months as u32)
        .rev()
        .filter_map(|k| newest.checked_sub_months(Months::new(k)).map(month_end))
        .collect();

    let mut tallies: SmallMap<Currency, Tally> = SmallMap::new();
    let fresh = || Tally {
        start: vec![Decimal::ZERO; n],
        rolled: vec![Decimal::ZERO; n],
        today: vec![Decimal::ZERO; n],
        ..Tally::default()
    };
    for inv in &input.invoices {
        let t = tallies.entry(inv.currency, fresh);
        for w in snaps.windows(2) {
            let (a, b) = (w[0], w[1]);
            if inv.issue_date > a {
                continue;
            }
            let owed = inv.outstanding_as_of(a);
            if owed <= Decimal::ZERO {
                continue;
            }
            let from = bucket_of(&limits, inv.days_from_due(a));
            let later = inv.outstanding_as_of(b).max(Decimal::ZERO);
            if from == last {
                t.start[from] += owed;
                let off = written_off_between(inv, a, b).min(owed);
                t.written_off += off;
                t.cleared += (owed - later - off).max(Decimal::ZERO);
            } else if bucket_of(&limits, inv.days_from_due(b)) > from {
                // Only money that would have moved on by the next month end if unpaid counts:
                // an invoice due in seven weeks stays current either way, and February is short.
                t.start[from] += owed;
                t.rolled[from] += later.min(owed);
            }
        }
        if inv.issue_date <= as_of {
            let owed = inv.outstanding_as_of(as_of);
            if owed > Decimal::ZERO {
                t.today[bucket_of(&limits, inv.days_from_due(as_of))] += owed;
            }
        }
    }

    let names: Vec<String> = bucket_defs(&limits, Basis::DueDate)
        .into_iter()
        .map(|d| d.label)
        .collect();
    let factor = Decimal::ONE + adjustment / Decimal::ONE_HUNDRED;
    let currencies = by_currency(tallies)
        .into_iter()
        .map(|(c, t)| {
            let mut notes = Vec::new();
            let eventual = match (t.written_off.is_zero(), t.cleared.is_zero()) {
                (true, true) => None,
                _ => Some(t.written_off / (t.written_off + t.cleared)),
            };
            // From the last bucket back: each bucket's rate is its roll rate times the next one's.
            // Without a last bucket that ever cleared or was written off there is nothing to
            // chain from: no rate is given rather than a guess.
            let rates: Option<Vec<Decimal>> = match eventual {
                None => {
                    notes.push(format!(
                        "Nothing in the {} bucket was paid or written off over the history, so no loss can be estimated from it yet.",
                        names[last]
                    ));
                    None
                }
                Some(e) => {
                    let mut rates = vec![Decimal::ZERO; n];
                    let mut chain = e;
                    rates[last] = chain;
                    for b in (0..last).rev() {
                        let roll = if t.start[b].is_zero() {
                            notes.push(format!(
                                "Nothing was in the {} bucket over the history: it is taken to roll on in full.",
                                names[b]
                            ));
                            Decimal::ONE
                        } else {
                            t.rolled[b] / t.start[b]
                        };
                        chain *= roll;
                        rates[b] = chain;
                    }
                    Some(rates)
                }
            };
            let mut balance = Decimal::ZERO;
            let mut loss = Decimal::ZERO;
            let buckets = (0..n)
                .map(|b| {
                    let rate = rates.as_ref().map(|r| (r[b] * factor).min(Decimal::ONE));
                    let el = rate.map(|r| round_to_minor(t.today[b] * r, c));
                    balance += t.today[b];
                    loss += el.unwrap_or_default();
                    ProvisionBucket {
                        label: names[b].clone(),
                        balance: round_to_minor(t.today[b], c),
                        roll_rate: if b == last {
                            None
                        } else {
                            pct(t.rolled[b], t.start[b]).map(|p| round_dp(p, 2))
                        },
                        loss_rate: rate.map(|r| round_dp(r * Decimal::ONE_HUNDRED, 4)),
                        expected_loss: el,
                        history: round_to_minor(t.start[b], c),
                    }
                })
                .collect();
            let month_total = t.start[last];
            CurrencyProvision {
                currency: c,
                buckets,
                last_bucket: LastBucket {
                    written_off_per_month: pct(t.written_off, month_total).map(|p| round_dp(p, 2)),
                    cleared_per_month: pct(t.cleared, month_total).map(|p| round_dp(p, 2)),
                    eventual_loss: eventual.map(|e| round_dp(e * Decimal::ONE_HUNDRED, 2)),
                },
                balance: round_to_minor(balance, c),
                expected_loss: rates.is_some().then(|| round_to_minor(loss, c)),
                coverage_percent: rates.is_some().then(|| round_dp(pct(loss, balance).unwrap_or(Decimal::ZERO), 2)),
                notes,
            }
        })
        .collect();
    Ok(Provision {
        as_of,
        snapshots: snaps.iter().map(|d| crate::date::format_date(*d)).collect(),
        currencies,
        method: METHOD.to_string(),
    })
}

//! One invoice's interest, day by day in stretches: the balance, the rate and the basis are constant
//! inside a stretch, and it ends where any of them changes.
//!
//! The day-count rule: interest runs on each day after the due date up to and including the
//! payment date, at the balance before that payment: a payment (or credit) dated d lowers the
//! balance from d + 1, so a payment on day d is charged the days to d, like an unpaid invoice on
//! asOf = d. A payment is applied by the regime's rule ([`Allocation`]): to the invoice first, or to
//! costs, then interest, then the invoice. Compounding adds unpaid interest to the principal at its
//! boundaries. Interest is exact; only what a payment pays is in whole minor units, because money
//! is.

use super::law::{Compounding, Law};
use super::Allocation;
use crate::currency::Currency;
use crate::money::round_to_minor;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;

/// `[from, until)` charged at a rate, percent a year.
pub(crate) type Stretch = (NaiveDate, NaiveDate, Decimal);

/// A change to the balance: a payment (allocated) or a credit (off the invoice itself).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Change {
    pub date: NaiveDate,
    pub amount: Decimal,
    pub payment: bool,
}

/// One stretch of days as reported.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    pub days: i64,
    pub balance: Decimal,
    pub rate: Decimal,
    pub interest: Decimal,
}

/// What one payment paid, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Applied {
    pub date: NaiveDate,
    pub amount: Decimal,
    pub costs: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
}

/// The state at the end.
#[derive(Debug, Clone, Default)]
pub(crate) struct Accrued {
    /// All interest accrued, exact (capitalised interest included).
    pub interest: Decimal,
    /// What is left of the balance, capitalised interest included.
    pub principal: Decimal,
    /// Interest moved into the principal by compounding.
    pub capitalised: Decimal,
    pub interest_paid: Decimal,
    pub costs_paid: Decimal,
    /// The balance on the last day charged, for a day's interest.
    pub last_rate: Decimal,
    pub runs: Vec<Run>,
    pub applied: Vec<Applied>,
}

impl Accrued {
    /// Interest accrued and not yet paid or capitalised, exact.
    pub fn unpaid_interest(&self) -> Decimal {
        self.interest - self.capitalised - self.interest_paid
    }
}

/// Everything one invoice's accrual needs.
pub(crate) struct Invoice<'a> {
    pub amount: Decimal,
    pub currency: Currency,
    /// The first day of interest.
    pub start: NaiveDate,
    /// The day after the last day of interest.
    pub end: NaiveDate,
    /// Changes in date order (payment order kept for a date).
    pub changes: &'a [Change],
    /// Costs owed from the first day of default (the fixed sum in the invoice's currency, fees).
    pub costs: Decimal,
    pub stretches: &'a [Stretch],
    /// Whether to keep the runs and the payments for the report.
    pub detail: bool,
}

/// The boundaries of compounding after `start` and before `end`.
fn compounding_dates(c: Compounding, start: NaiveDate, end: NaiveDate, out: &mut Vec<NaiveDate>) {
    match c {
        Compounding::None => {}
        Compounding::Yearly => {
            let mut n = 1;
            // A year on from 29 February is 1 March.
            while let Some(d) = start
                .with_year(start.year() + n)
                .or_else(|| start.succ_opt().and_then(|s| s.with_year(start.year() + n)))
            {
                if d >= end {
                    break;
                }
                out.push(d);
                n += 1;
            }
        }
        Compounding::Every30Days => {
            // For up to one year: the twelve boundaries inside the first 365 days.
            for k in 1..=12 {
                let d = start + Duration::days(30 * k);
                if d >= end {
                    break;
                }
                out.push(d);
            }
        }
    }
}

fn year_days(y: i32) -> i64 {
    if NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// `cuts` is a buffer kept from invoice to invoice: a report of 100,000 invoices would otherwise
/// allocate one for each.
pub(crate) fn accrue(law: &Law, inv: &Invoice<'_>, cuts: &mut Vec<NaiveDate>) -> Accrued {
    let c = inv.currency;
    let mut acc = Accrued {
        principal: inv.amount,
        ..Accrued::default()
    };
    cuts.clear();
    cuts.push(inv.start);
    cuts.extend(
        inv.stretches
            .iter()
            .map(|s| s.0)
            .filter(|d| *d > inv.start && *d < inv.end),
    );
    cuts.extend(
        inv.changes
            .iter()
            .filter_map(|ch| ch.date.succ_opt())
            .filter(|d| *d > inv.start && *d < inv.end),
    );
    let mut compounds = Vec::new();
    compounding_dates(law.compounding, inv.start, inv.end, &mut compounds);
    cuts.extend(&compounds);
    if law.splits_years() {
        let mut y = inv.start.year() + 1;
        while let Some(ny) = NaiveDate::from_ymd_opt(y, 1, 1) {
            if ny >= inv.end {
                break;
            }
            cuts.push(ny);
            y += 1;
        }
    }
    // A handful of dates: the shared insertion sort, not another sort in the module.
    crate::order::sort_short(cuts, |a, b| a < b);
    cuts.dedup();

    let mut changes = inv.changes.iter().peekable();
    let apply = |acc: &mut Accrued, ch: &Change, costs_due: Decimal| {
        if !ch.payment {
            // A credit note takes the invoice itself down.
            acc.principal = (acc.principal - ch.amount).max(Decimal::ZERO);
            return;
        }
        let mut left = ch.amount;
        let take = |owed: Decimal, left: &mut Decimal| {
            let t = owed.max(Decimal::ZERO).min(*left);
            *left -= t;
            t
        };
        let interest_owed = round_to_minor(acc.unpaid_interest(), c);
        let costs_owed = costs_due - acc.costs_paid;
        let (costs, interest, principal) = match law.allocation {
            Allocation::CostsInterestPrincipal => {
                let k = take(costs_owed, &mut left);
                let i = take(interest_owed, &mut left);
                let p = take(acc.principal, &mut left);
                (k, i, p)
            }
            Allocation::PrincipalFirst => {
                let p = take(acc.principal, &mut left);
                let i = take(interest_owed, &mut left);
                let k = take(costs_owed, &mut left);
                (k, i, p)
            }
        };
        acc.costs_paid += costs;
        acc.interest_paid += interest;
        acc.principal -= principal;
        if inv.detail {
            acc.applied.push(Applied {
                date: ch.date,
                amount: ch.amount,
                costs,
                interest,
                principal,
            });
        }
    };
    // Changes before interest starts apply at once, with nothing but the invoice owed yet.
    while let Some(ch) = changes.next_if(|ch| ch.date < inv.start) {
        apply(&mut acc, ch, Decimal::ZERO);
    }
    let costs_due = inv.costs;
    for (i, from) in cuts.iter().enumerate() {
        let from = *from;
        let to = cuts.get(i + 1).copied().unwrap_or(inv.end);
        // Changes dated the day before this stretch lower its balance.
        while let Some(ch) = changes.next_if(|ch| ch.date < from) {
            apply(&mut acc, ch, costs_due);
        }
        if compounds.contains(&from) {
            let unpaid = acc.unpaid_interest();
            if unpaid > Decimal::ZERO {
                acc.principal += unpaid;
                acc.capitalised += unpaid;
            }
        }
        let rate = inv
            .stretches
            .iter()
            .find(|(f, u, _)| *f <= from && from < *u)
            .map_or(Decimal::ZERO, |s| s.2);
        acc.last_rate = rate;
        let days = (to - from).num_days();
        if days <= 0 || acc.principal <= Decimal::ZERO {
            continue;
        }
        let basis = Decimal::from(law.basis(year_days(from.year())));
        let part = if law.round_daily {
            round_to_minor(acc.principal * rate / (Decimal::ONE_HUNDRED * basis), c) * Decimal::from(days)
        } else {
            acc.principal * rate * Decimal::from(days) / (Decimal::ONE_HUNDRED * basis)
        };
        acc.interest += part;
        if !inv.detail {
            continue;
        }
        // Merge with the previous stretch when nothing but the calendar changed.
        match acc.runs.last_mut() {
            Some(r) if r.balance == acc.principal && r.rate == rate && r.to + Duration::days(1) == from => {
                r.to = to - Duration::days(1);
                r.days += days;
                r.interest += part;
            }
            _ => acc.runs.push(Run {
                from,
                to: to - Duration::days(1),
                days,
                balance: acc.principal,
                rate,
                interest: part,
            }),
        }
    }
    // Changes on the last day charged, or after it up to asOf, still pay what is owed.
    for ch in changes {
        apply(&mut acc, ch, costs_due);
    }
    acc
}

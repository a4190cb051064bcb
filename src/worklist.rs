//! `collectionWorklist`: who to chase today. One row per customer and currency with something past
//! due, ordered by a priority score that grows with the amount overdue, how late it is and, when a
//! payment-risk report is passed in, how risky the customer is.
//!
//! The score (0–100) is 100 × min(1, 0.55 × amount + 0.45 × age + risk), where
//! - amount = the customer's chaseable overdue amount / the currency's scale, capped at 1: a fixed
//!   scale (`amountScale`, default 10,000 in a currency with two decimals), so a customer's score
//!   does not move when another customer pays or falls behind;
//! - age = the amount-weighted average days past due of those invoices / 180, capped at 1;
//! - risk = 0.15 for a customer whose payments are deteriorating, plus 0.10 when its payment score is
//!   below 50; 0 without a risk report.
//!
//! Disputed invoices and invoices whose promised payment date has not passed are held: they are
//! listed but not chased, and a customer with only held invoices sinks to the bottom with score 0.

use crate::currency::Currency;
use crate::decode::Pairs;
use crate::error::Result;
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::money::{format_en, round_dp, round_to_minor, ser_decimal, Amount};
use crate::order::{arrange, order, Groups, Keyed, SmallMap};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// What the worklist reads from a payment-risk report: per customer, its score and trend.
#[derive(Debug, Clone, Default)]
pub struct RiskInput {
    pub customers: Vec<CustomerRisk>,
}
crate::decode_struct!(RiskInput {
    customers: "customers" = default
});

#[derive(Debug, Clone)]
pub struct CustomerRisk {
    pub customer_id: Id,
    /// A PAYDEX-style score 1–100, `null` when unavailable.
    pub score: Option<f64>,
    /// `"deteriorating"`, `"stable"` or `"improving"`.
    pub trend: Option<String>,
}
crate::decode_struct!(CustomerRisk {
    customer_id: "customerId",
    score: "score" = default,
    trend: "trend" = default
});

/// Input of [`collection_worklist`].
#[derive(Debug, Clone)]
pub struct WorklistInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// A paymentRisk report (only customers[].customerId, score and trend are read).
    pub risk: Option<RiskInput>,
    /// Per currency code, the overdue amount that earns all 55 of the amount's points
    /// (`{ "GBP": "25000" }`). Default: 10,000 in a currency with two decimals, 1,000,000 in one
    /// with none (yen), 1,000 in one with three (dinar).
    pub amount_scale: Pairs<Amount>,
}
crate::decode_struct!(WorklistInput {
    as_of: "asOf",
    invoices: "invoices",
    risk: "risk" = default,
    amount_scale: "amountScale" = default
});

/// The overdue amount that earns all of the amount's points when the caller names none: 10,000
/// units of a currency with cents, scaled by its decimals (a yen is worth about a cent).
pub fn default_scale(c: Currency) -> Decimal {
    Decimal::from(10u64.pow(6u32.saturating_sub(c.minor_units()).max(1)))
}

/// The callers' scales, checked: a known currency, a positive amount in its decimals.
fn scales(input: &WorklistInput) -> Result<SmallMap<Currency, Decimal>> {
    let mut out = SmallMap::new();
    for (code, amount) in &input.amount_scale.0 {
        let at = |e: crate::error::Error| e.within(code).within("amountScale");
        let c = Currency::from_code(code).map_err(at)?;
        let v = crate::invoice::positive(*amount, c, "A scale").map_err(at)?;
        *out.entry(c, || v) = v;
    }
    Ok(out)
}

/// Whether a customer is chased now or waits: on hold when everything overdue is disputed or
/// promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkStatus {
    Chase,
    OnHold,
}
crate::decode_enum!(WorkStatus { Chase = "chase", OnHold = "onHold" });

/// Why an invoice is not being chased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Hold {
    Disputed,
    Promised,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkInvoice {
    pub id: Id,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    pub days_past_due: i64,
    pub hold: Option<Hold>,
    #[serde(with = "crate::date::ymd_opt")]
    pub promised_date: Option<NaiveDate>,
}

/// One customer to chase (or on hold), in one currency.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkItem {
    pub customer_id: Id,
    pub name: String,
    pub email: Option<String>,
    pub currency: Currency,
    /// 0–100, one decimal; higher means chase sooner.
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub priority: Decimal,
    pub status: WorkStatus,
    /// One line for people: `"£4,200.00 over 60 days, oldest 74 days"`.
    pub reason: String,
    /// Overdue on invoices that are not held.
    #[serde(serialize_with = "ser_decimal")]
    pub chaseable: Decimal,
    /// Overdue on held invoices.
    #[serde(serialize_with = "ser_decimal")]
    pub held: Decimal,
    pub oldest_days_past_due: i64,
    /// The customer's past-due invoices, oldest first (same age: input order).
    pub invoices: Vec<WorkInvoice>,
}

/// Output of [`collection_worklist`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Worklist {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    pub items: Vec<WorkItem>,
}

struct Acc<'a> {
    first: &'a Invoice,
    invoices: Vec<WorkInvoice>,
    chaseable: Decimal,
    held: Decimal,
    weighted_days: Decimal,
    over_60: Decimal,
    oldest: i64,
    disputed: bool,
    promised: Option<NaiveDate>,
}

/// The prioritised worklist as of `asOf`.
///
/// # Errors
/// Invalid invoices, as [`crate::normalize::normalize_invoices`].
pub fn collection_worklist(input: &WorklistInput) -> Result<Worklist> {
    validate_invoices(&input.invoices, "invoices")?;
    let scale = scales(input)?;
    let as_of = input.as_of;
    let mut risk: Keyed<&CustomerRisk> = Keyed::new();
    for c in input.risk.iter().flat_map(|r| r.customers.iter()) {
        // The last entry for a customer wins, as a map built from the list would have it.
        *risk.entry(c.customer_id.as_str(), || c) = c;
    }
    let mut groups: Groups<Acc> = Groups::new();
    for inv in &input.invoices {
        let dpd = inv.days_from_due(as_of);
        if inv.issue_date > as_of || dpd <= 0 {
            continue;
        }
        let out = inv.outstanding_as_of(as_of);
        if out <= Decimal::ZERO {
            continue;
        }
        let hold = if inv.disputed {
            Some(Hold::Disputed)
        } else if inv.promised_date.is_some_and(|p| p >= as_of) {
            Some(Hold::Promised)
        } else {
            None
        };
        let acc = groups.slot(inv.currency, inv.customer.id.as_str(), || Acc {
            first: inv,
            invoices: Vec::new(),
            chaseable: Decimal::ZERO,
            held: Decimal::ZERO,
            weighted_days: Decimal::ZERO,
            over_60: Decimal::ZERO,
            oldest: 0,
            disputed: false,
            promised: None,
        });
        match hold {
            None => {
                acc.chaseable += out;
                acc.weighted_days += out * Decimal::from(dpd);
                if dpd > 60 {
                    acc.over_60 += out;
                }
                acc.oldest = acc.oldest.max(dpd);
            }
            Some(h) => {
                acc.held += out;
                acc.disputed |= h == Hold::Disputed;
                if h == Hold::Promised {
                    acc.promised = acc.promised.max(inv.promised_date);
                }
            }
        }
        acc.invoices.push(WorkInvoice {
            id: inv.id.clone(),
            due_date: inv.due_date,
            outstanding: round_to_minor(out, inv.currency),
            days_past_due: dpd,
            hold,
            promised_date: inv.promised_date,
        });
    }

    let items: Vec<WorkItem> = groups
        .items
        .into_iter()
        .map(|mut a| {
            let c = a.first.currency;
            let r = risk.get(a.first.customer.id.as_str());
            let full = scale.get(&c).copied().unwrap_or_else(|| default_scale(c));
            let priority = score(&a, full, r.copied());
            let keys = a
                .invoices
                .iter()
                .enumerate()
                .map(|(i, x)| (0, -i128::from(x.days_past_due), i as u32))
                .collect();
            a.invoices = arrange(std::mem::take(&mut a.invoices), &order(keys));
            let reason = reason(&a, c, r.copied());
            WorkItem {
                customer_id: a.first.customer.id.clone(),
                name: a.first.customer.name.clone(),
                email: a.first.customer.email.clone(),
                currency: c,
                priority,
                status: if a.chaseable.is_zero() {
                    WorkStatus::OnHold
                } else {
                    WorkStatus::Chase
                },
                reason,
                chaseable: round_to_minor(a.chaseable, c),
                held: round_to_minor(a.held, c),
                oldest_days_past_due: a.invoices.iter().map(|i| i.days_past_due).max().unwrap_or(0),
                invoices: a.invoices,
            }
        })
        .collect();
    // Held customers last; then priority (one decimal, so its mantissa orders it), then the oldest
    // invoice, both descending; ties by currency and customer id (the grouping order).
    let keys = items
        .iter()
        .enumerate()
        .map(|(i, w)| {
            (
                u64::from(w.status == WorkStatus::OnHold),
                -(w.priority.mantissa() * 10_000_000 + i128::from(w.oldest_days_past_due)),
                i as u32,
            )
        })
        .collect();
    let items = arrange(items, &order(keys));
    Ok(Worklist { as_of, items })
}

fn score(a: &Acc, full: Decimal, risk: Option<&CustomerRisk>) -> Decimal {
    if a.chaseable.is_zero() {
        return round_dp(Decimal::ZERO, 1);
    }
    let amount = (a.chaseable / full).min(Decimal::ONE);
    let avg_days = a.weighted_days / a.chaseable;
    let age = (avg_days / Decimal::from(180)).min(Decimal::ONE);
    let mut bonus = Decimal::ZERO;
    if let Some(r) = risk {
        if r.trend.as_deref() == Some("deteriorating") {
            bonus += Decimal::new(15, 2);
        }
        if r.score.is_some_and(|s| s.is_finite() && s < 50.0) {
            bonus += Decimal::new(10, 2);
        }
    }
    let raw = Decimal::new(55, 2) * amount + Decimal::new(45, 2) * age + bonus;
    round_dp(raw.min(Decimal::ONE) * Decimal::ONE_HUNDRED, 1)
}

fn reason(a: &Acc, c: Currency, risk: Option<&CustomerRisk>) -> String {
    if a.chaseable.is_zero() {
        let mut why = Vec::new();
        if a.disputed {
            why.push("disputed".to_string());
        }
        if let Some(p) = a.promised {
            why.push(format!("promised to pay by {p}"));
        }
        return format!("On hold: {} ({} overdue)", why.join(", "), format_en(a.held, c));
    }
    let mut s = if a.over_60 > Decimal::ZERO {
        format!("{} over 60 days, oldest {} days", format_en(a.over_60, c), a.oldest)
    } else {
        let days = if a.oldest == 1 {
            "1 day".to_string()
        } else {
            format!("{} days", a.oldest)
        };
        format!("{} overdue, oldest {days}", format_en(a.chaseable, c))
    };
    if a.over_60 > Decimal::ZERO && a.over_60 < a.chaseable {
        s.push_str(&format!(" ({} overdue in all)", format_en(a.chaseable, c)));
    }
    if risk.is_some_and(|r| r.trend.as_deref() == Some("deteriorating")) {
        s.push_str("; paying later and later");
    }
    if a.held > Decimal::ZERO {
        s.push_str(&format!("; {} more on hold", format_en(a.held, c)));
    }
    s
}

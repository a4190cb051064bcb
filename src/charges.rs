//! `lateCharges`: interest, fixed compensation and fees on late invoices, under a contract or a
//! statute.
//!
//! Interest is simple, accrues day by day on the running balance (a payment or credit reduces the
//! balance from its own date) from the day after the due date through `asOf`, and is computed
//! exactly; only reported figures are rounded, half away from zero. The daily figure shown is for
//! reading only; it is never multiplied up.
//!
//! Regimes (`regime.kind`):
//! - `contract`: `annualRate`, `dayCount` (`act/365` default, `act/360`, `act/act`), `graceDays`
//!   (interest starts after the grace period; an invoice paid within it is not charged),
//!   `fixedFee` and `percentFee` (of the balance outstanding on asOf) once per late invoice, and
//!   `cap` on the total charges of an invoice;
//! - `uk`: Late Payment of Commercial Debts (Interest) Act 1998 / SI 2002/1675: 8 % over the Bank
//!   of England Bank Rate in force on 30 June (interest starting 1 Jul–31 Dec) or 31 December
//!   (starting 1 Jan–30 Jun) before interest starts, fixed for the life of the debt; daily
//!   interest = balance × rate / 365; compensation £40 / £70 / £100 for debts under £1,000 /
//!   under £10,000 / above. GBP invoices only;
//! - `eu`: Directive 2011/7/EU: the ECB main refinancing rate in force on 1 January / 1 July of the
//!   half-year + `margin` (at least and by default 8 points); the rate of the half-year in which
//!   interest starts is fixed for the debt, or with `perHalfYear: true` each half-year's rate
//!   applies to its own days; ÷ 365; €40 compensation. EUR invoices only;
//! - `de`: § 288 BGB: the Basiszinssatz of each half-year + 9 points (+5 with `consumer: true`),
//!   ÷ 365; €40 (not for consumers). EUR invoices only;
//! - `us-prompt-payment`: the Prompt Payment Act: `annualRate` simple on a 360-day year.
//!
//! An explicit `referenceRate` (`uk`, `eu`) or `baseRate` (`de`) overrides the tables for every day.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::money::{check_for_currency, format_en, round_dp, round_to_minor, ser_decimal, Amount};
use crate::order::{arrange, by_currency, currency_group, order, Groups, SmallMap};
use crate::rates::{in_force, Table};
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Kind {
    #[serde(rename = "contract")]
    Contract,
    #[serde(rename = "uk")]
    Uk,
    #[serde(rename = "eu")]
    Eu,
    #[serde(rename = "de")]
    De,
    #[serde(rename = "us-prompt-payment")]
    UsPromptPayment,
}
crate::decode_enum!(Kind {
    Contract = "contract",
    Uk = "uk",
    Eu = "eu",
    De = "de",
    UsPromptPayment = "us-prompt-payment",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub enum DayCount {
    #[default]
    #[serde(rename = "act/365")]
    Act365,
    #[serde(rename = "act/360")]
    Act360,
    #[serde(rename = "act/act")]
    ActAct,
}
crate::decode_enum!(DayCount { Act365 = "act/365", Act360 = "act/360", ActAct = "act/act" });

/// The rules to charge by. Which fields apply depends on `kind` (see the module docs).
#[derive(Debug, Clone)]
pub struct Regime {
    pub kind: Kind,
    pub annual_rate: Option<Amount>,
    pub day_count: Option<DayCount>,
    pub grace_days: Option<i64>,
    pub fixed_fee: Option<Amount>,
    pub percent_fee: Option<Amount>,
    pub cap: Option<Amount>,
    pub reference_rate: Option<Amount>,
    pub margin: Option<Amount>,
    pub per_half_year: Option<bool>,
    pub base_rate: Option<Amount>,
    pub consumer: Option<bool>,
}
crate::decode_struct!(Regime {
    kind: "kind",
    annual_rate: "annualRate" = default,
    day_count: "dayCount" = default,
    grace_days: "graceDays" = default,
    fixed_fee: "fixedFee" = default,
    percent_fee: "percentFee" = default,
    cap: "cap" = default,
    reference_rate: "referenceRate" = default,
    margin: "margin" = default,
    per_half_year: "perHalfYear" = default,
    base_rate: "baseRate" = default,
    consumer: "consumer" = default,
});

/// Input of [`late_charges`].
#[derive(Debug, Clone)]
pub struct ChargesInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    pub regime: Regime,
    /// `"invoices"` (default), `"customers"` or `"summary"`, as for ageing.
    pub detail: Option<crate::aging::Detail>,
}
crate::decode_struct!(ChargesInput {
    as_of: "asOf",
    invoices: "invoices",
    regime: "regime",
    detail: "detail" = default,
});

/// One stretch of days charged at one rate on one balance.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    #[serde(with = "crate::date::ymd")]
    pub from: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub to: NaiveDate,
    pub days: i64,
    #[serde(serialize_with = "ser_decimal")]
    pub balance: Decimal,
    /// Percent a year.
    #[serde(serialize_with = "ser_decimal")]
    pub rate: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceCharges {
    pub id: Id,
    pub customer_id: Id,
    pub currency: Currency,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    /// Days from the due date to asOf (0 when not late).
    pub days_late: i64,
    /// The rate applied, percent a year (the first period's, when it changes by half-year).
    #[serde(serialize_with = "ser_decimal")]
    pub rate: Decimal,
    /// Interest for one more day on today's balance, for reading only.
    #[serde(serialize_with = "ser_decimal")]
    pub daily_interest: Decimal,
    /// Outstanding, interest, compensation, fees, total charges (interest + compensation + fees)
    /// and total claim (outstanding + total charges).
    #[serde(flatten)]
    pub totals: ChargeTotals,
    /// Whether the contract's cap reduced the charges.
    pub capped: bool,
    /// The rule, the rate and where it came from, in a sentence.
    pub explanation: String,
    pub periods: Vec<Period>,
}

#[derive(Debug, Clone, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ChargeTotals {
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub compensation: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub fees: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub total_charges: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub total_claim: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerCharges {
    pub customer_id: Id,
    pub name: String,
    pub currency: Currency,
    #[serde(flatten)]
    pub totals: ChargeTotals,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyCharges {
    pub currency: Currency,
    #[serde(flatten)]
    pub totals: ChargeTotals,
}

/// Output of [`late_charges`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargesReport {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    pub kind: Kind,
    /// Late invoices with something owed, most charges first. Empty unless `detail` is `"invoices"`.
    pub invoices: Vec<InvoiceCharges>,
    pub customers: Vec<CustomerCharges>,
    pub currencies: Vec<CurrencyCharges>,
}

fn percent(v: Option<Amount>, path: &str, what: &str, max: Decimal) -> Result<Option<Decimal>> {
    let Some(v) = v else { return Ok(None) };
    let r = v.0;
    if r < Decimal::ZERO || r > max {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("{what} must be from 0 to {max} (got {r})."),
        ));
    }
    Ok(Some(r))
}

fn required(v: Option<Decimal>, path: &str, kind: &str) -> Result<Decimal> {
    v.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            path,
            format!("`{path}` is required for the {kind} regime."),
        )
    })
}

/// Checked, normalised regime settings.
struct Rules {
    kind: Kind,
    annual: Option<Decimal>,
    day_count: DayCount,
    grace: i64,
    fixed_fee: Option<Amount>,
    percent_fee: Option<Decimal>,
    cap: Option<Amount>,
    reference: Option<Decimal>,
    margin: Decimal,
    per_half_year: bool,
    consumer: bool,
    /// The sentence for a contract or Prompt Payment rate, which is the same for every invoice.
    fixed_explanation: String,
}

fn rules(r: &Regime) -> Result<Rules> {
    let hundred = Decimal::ONE_HUNDRED;
    let annual = percent(r.annual_rate, "regime.annualRate", "An annual rate (percent)", hundred)?;
    let reference = percent(
        r.reference_rate.or(r.base_rate),
        if r.base_rate.is_some() {
            "regime.baseRate"
        } else {
            "regime.referenceRate"
        },
        "A reference rate (percent)",
        hundred,
    )?;
    let margin = percent(r.margin, "regime.margin", "The margin (points)", hundred)?.unwrap_or(Decimal::from(8));
    if r.kind == Kind::Eu && margin < Decimal::from(8) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "regime.margin",
            "Directive 2011/7/EU sets at least 8 points over the reference rate.",
        ));
    }
    let grace = r.grace_days.unwrap_or(0);
    if !(0..=3650).contains(&grace) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "regime.graceDays",
            "Grace days must be from 0 to 3,650.",
        ));
    }
    let day_count = r.day_count.unwrap_or_default();
    let fixed_explanation = match r.kind {
        Kind::Contract => {
            let rate = required(annual, "regime.annualRate", "contract")?;
            let basis = match day_count {
                DayCount::Act365 => "actual/365",
                DayCount::Act360 => "actual/360",
                DayCount::ActAct => "actual/actual",
            };
            let grace = if grace > 0 {
                format!(", from the end of a {grace}-day grace period")
            } else {
                String::new()
            };
            format!(
                "Contractual interest at {}% a year, simple, {basis}{grace}.",
                rate.normalize()
            )
        }
        Kind::UsPromptPayment => {
            let rate = required(annual, "regime.annualRate", "us-prompt-payment")?;
            format!(
                "Prompt Payment Act interest at {}% a year, simple, on a 360-day year.",
                rate.normalize()
            )
        }
        _ => String::new(),
    };
    Ok(Rules {
        kind: r.kind,
        annual,
        day_count,
        grace,
        fixed_fee: r.fixed_fee,
        percent_fee: percent(r.percent_fee, "regime.percentFee", "A percentage fee", hundred)?,
        cap: r.cap,
        reference,
        margin,
        per_half_year: r.per_half_year.unwrap_or(false),
        consumer: r.consumer.unwrap_or(false),
        fixed_explanation,
    })
}

fn half_year_start(d: NaiveDate) -> NaiveDate {
    let m = if d.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d)
}

fn next_half_year(d: NaiveDate) -> NaiveDate {
    let s = half_year_start(d);
    if s.month() == 1 {
        NaiveDate::from_ymd_opt(s.year(), 7, 1).unwrap_or(d)
    } else {
        NaiveDate::from_ymd_opt(s.year() + 1, 1, 1).unwrap_or(d)
    }
}

fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// The rate (percent a year) for each day from `start`, as stretches `[from, until)`; and the
/// sentence saying where it came from.
/// `[from, until)` charged at a rate in percent a year.
type Stretch = (NaiveDate, NaiveDate, Decimal);

fn rate_plan(r: &Rules, start: NaiveDate, end: NaiveDate) -> Result<(Vec<Stretch>, String)> {
    let whole = |rate: Decimal| vec![(start, end, rate)];
    match r.kind {
        Kind::Contract | Kind::UsPromptPayment => {
            Ok((whole(r.annual.unwrap_or_default()), r.fixed_explanation.clone()))
        }
        Kind::Uk => {
            // SI 2002/1675 art. 4: the rate in force on 30 June (interest starting Jul–Dec) or
            // 31 December (starting Jan–Jun) immediately before interest starts.
            let reference_date = if start.month() >= 7 {
                NaiveDate::from_ymd_opt(start.year(), 6, 30)
            } else {
                NaiveDate::from_ymd_opt(start.year() - 1, 12, 31)
            }
            .unwrap_or(start);
            let (base, source) = match r.reference {
                Some(b) => (b, format!("the reference rate of {}% you gave", b.normalize())),
                None => {
                    let f = in_force(Table::BoeBankRate, reference_date, "regime.referenceRate")?;
                    (
                        f.rate,
                        format!(
                            "the Bank of England Bank Rate of {}% in force on {} (set on {})",
                            f.rate.normalize(),
                            long_date(reference_date),
                            long_date(f.since)
                        ),
                    )
                }
            };
            let rate = base + Decimal::from(8);
            Ok((whole(rate), format!(
                "Statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998: 8% over {source}, so {}% a year, fixed for the life of the debt, simple, ÷ 365.",
                rate.normalize()
            )))
        }
        Kind::Eu => {
            let (stretches, source) = by_half_year(
                start,
                end,
                r.per_half_year,
                r.margin,
                r.reference,
                "reference rate",
                Table::EcbMro,
                "regime.referenceRate",
                |rate, hy, since| {
                    format!(
                        "the ECB main refinancing rate of {}% in force on {} (set on {})",
                        rate.normalize(),
                        long_date(hy),
                        long_date(since)
                    )
                },
            )?;
            let how = if r.per_half_year {
                "each half-year at its own reference rate"
            } else {
                "the rate of the half-year in which interest started, fixed for the debt"
            };
            let first = stretches.first().map_or(r.margin, |s| s.2);
            Ok((stretches, format!(
                "Statutory interest under Directive 2011/7/EU: {} points over {source}, so {}% a year; {how}; simple, ÷ 365.",
                r.margin.normalize(), first.normalize()
            )))
        }
        Kind::De => {
            let points = Decimal::from(if r.consumer { 5 } else { 9 });
            let (stretches, source) = by_half_year(
                start,
                end,
                true,
                points,
                r.reference,
                "base rate",
                Table::DeBasiszins,
                "regime.baseRate",
                |rate, _hy, since| {
                    format!(
                        "the Basiszinssatz of {}% for the half-year from {}",
                        rate.normalize(),
                        long_date(since)
                    )
                },
            )?;
            let who = if r.consumer {
                "with a consumer"
            } else {
                "between businesses"
            };
            let first = stretches.first().map_or(points, |s| s.2);
            Ok((stretches, format!(
                "Default interest under § 288 BGB {who}: {} points over {source}, so {}% a year; each half-year at its own Basiszinssatz; simple, ÷ 365.",
                points, first.normalize()
            )))
        }
    }
}

/// Stretches charged at a reference rate + `points`: one per half-year when `split`, else the first
/// half-year's rate for every day. The reference comes from `given` or from `table` in force on the
/// first day of each half-year; also returns `describe`'s words for the first reference used.
#[allow(clippy::too_many_arguments)]
fn by_half_year(
    start: NaiveDate,
    end: NaiveDate,
    split: bool,
    points: Decimal,
    given: Option<Decimal>,
    given_name: &str,
    table: Table,
    path: &str,
    describe: impl Fn(Decimal, NaiveDate, NaiveDate) -> String,
) -> Result<(Vec<Stretch>, String)> {
    let mut stretches = Vec::new();
    let mut first_source = String::new();
    let mut from = start;
    while from < end {
        let hy = half_year_start(from);
        let until = if split { next_half_year(from).min(end) } else { end };
        let (base, source) = match given {
            Some(b) => (b, format!("the {given_name} of {}% you gave", b.normalize())),
            None => {
                let f = in_force(table, hy, path)?;
                (f.rate, describe(f.rate, hy, f.since))
            }
        };
        if first_source.is_empty() {
            first_source = source;
        }
        stretches.push((from, until, base + points));
        from = until;
    }
    Ok((stretches, first_source))
}

fn year_days(d: NaiveDate) -> i64 {
    if NaiveDate::from_ymd_opt(d.year(), 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// The day-count denominator for a stretch inside one calendar year.
fn basis(r: &Rules, d: NaiveDate) -> i64 {
    match (r.kind, r.day_count) {
        (Kind::Contract, DayCount::Act360) | (Kind::UsPromptPayment, _) => 360,
        (Kind::Contract, DayCount::ActAct) => year_days(d),
        _ => 365,
    }
}

/// UK fixed compensation for a debt, in pounds.
pub fn uk_compensation(debt: Decimal) -> Decimal {
    if debt < Decimal::from(1000) {
        Decimal::from(40)
    } else if debt < Decimal::from(10000) {
        Decimal::from(70)
    } else {
        Decimal::from(100)
    }
}

/// Rate plans already made in this call, by the half-year interest starts in.
type Plans = SmallMap<NaiveDate, (Vec<Stretch>, String)>;

/// [`rate_plan`] for interest starting on `start`, made once per half-year: the rates, their
/// sources and the sentence depend only on the half-year interest starts in (and on `end`, the
/// same for every invoice of a call), and writing the statutory sentences with their dates was a
/// fifth of a UK or EU report. A call spanning more half-years than are kept makes the rest anew.
fn plan_for(
    r: &Rules,
    start: NaiveDate,
    end: NaiveDate,
    plans: &mut Plans,
    text: bool,
) -> Result<(Vec<Stretch>, String)> {
    const KEPT: usize = 64;
    let hy = half_year_start(start);
    if let Some((stretches, words)) = plans.get(&hy) {
        let mut stretches = stretches.clone();
        if let Some(first) = stretches.first_mut() {
            first.0 = start;
        }
        return Ok((stretches, if text { words.clone() } else { String::new() }));
    }
    let made = rate_plan(r, start, end)?;
    if plans.len() < KEPT {
        plans.entry(hy, || made.clone());
    }
    Ok(made)
}

/// One invoice's charges; with `row` false (a customer or summary report) only its totals are
/// worth making, not the periods and the sentence nobody will see.
fn charge_invoice(
    inv: &Invoice,
    as_of: NaiveDate,
    r: &Rules,
    plans: &mut Plans,
    row: bool,
) -> Result<Option<InvoiceCharges>> {
    let c = inv.currency;
    let needs = match r.kind {
        Kind::Uk => Some("GBP"),
        Kind::Eu | Kind::De => Some("EUR"),
        _ => None,
    };
    if let Some(code) = needs {
        if c.code() != code {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "currency",
                format!("This regime's fixed compensation is set in {code}; invoice {} is in {c}. Use the contract regime for other currencies.", inv.id),
            ));
        }
    }
    let outstanding = inv.outstanding_as_of(as_of);
    let days_late = inv.days_from_due(as_of);
    if days_late <= 0 || outstanding <= Decimal::ZERO || inv.issue_date > as_of {
        return Ok(None);
    }
    let start = inv.due_date + Duration::days(1 + if r.kind == Kind::Contract { r.grace } else { 0 });
    let end = as_of + Duration::days(1);
    if start >= end {
        return Ok(None);
    }
    let (stretches, mut explanation) = plan_for(r, start, end, plans, row)?;

    // Balance changes: payments and credits dated inside the charged days.
    let changes: Vec<(NaiveDate, Decimal)> = inv
        .payments
        .iter()
        .map(|p| (p.date, p.amount.0))
        .chain(inv.credits.iter().map(|x| (x.date, x.amount.0)))
        .filter(|(d, _)| *d <= as_of)
        .collect();
    let changes = by_date(changes, |c| c.0);
    let mut balance = inv.amount.0
        - changes
            .iter()
            .filter(|(d, _)| *d < start)
            .map(|(_, a)| *a)
            .sum::<Decimal>();
    // Where the balance, the rate or the year changes; the first stretch starts at `start`.
    let mut cuts: Vec<NaiveDate> = stretches.iter().map(|s| s.0).collect();
    cuts.extend(changes.iter().map(|(d, _)| *d).filter(|d| *d > start && *d < end));
    // Year ends matter for act/act.
    let mut y = start.year() + 1;
    while let Some(ny) = NaiveDate::from_ymd_opt(y, 1, 1) {
        if ny >= end {
            break;
        }
        cuts.push(ny);
        y += 1;
    }
    let mut cuts = by_date(cuts, |d| *d);
    cuts.dedup();

    let mut periods: Vec<Period> = Vec::new();
    let mut interest = Decimal::ZERO;
    let mut next_change = changes.iter().filter(|(d, _)| *d >= start).peekable();
    for (i, from) in cuts.iter().enumerate() {
        let to = cuts.get(i + 1).copied().unwrap_or(end);
        while let Some((d, a)) = next_change.peek() {
            if *d <= *from {
                balance -= *a;
                next_change.next();
            } else {
                break;
            }
        }
        let rate = stretches
            .iter()
            .find(|(f, u, _)| *f <= *from && *from < *u)
            .map_or(Decimal::ZERO, |s| s.2);
        let days = (to - *from).num_days();
        if days <= 0 || balance <= Decimal::ZERO {
            continue;
        }
        let part = balance * rate * Decimal::from(days) / (Decimal::ONE_HUNDRED * Decimal::from(basis(r, *from)));
        interest += part;
        if !row {
            continue;
        }
        // Merge with the previous stretch when nothing but the calendar changed.
        match periods.last_mut() {
            Some(p) if p.balance == balance && p.rate == rate && p.to + Duration::days(1) == *from => {
                p.to = to - Duration::days(1);
                p.days += days;
                p.interest += part;
            }
            _ => periods.push(Period {
                from: *from,
                to: to - Duration::days(1),
                days,
                balance,
                rate,
                interest: part,
            }),
        }
    }
    for p in &mut periods {
        p.interest = round_to_minor(p.interest, c);
        p.balance = round_to_minor(p.balance, c);
    }
    let last_rate = stretches.last().map_or(Decimal::ZERO, |s| s.2);
    let daily = outstanding * last_rate / (Decimal::ONE_HUNDRED * Decimal::from(basis(r, as_of)));

    let compensation = match r.kind {
        Kind::Uk => uk_compensation(inv.amount.0),
        Kind::Eu => Decimal::from(40),
        Kind::De if !r.consumer => Decimal::from(40),
        _ => Decimal::ZERO,
    };
    let mut fees = Decimal::ZERO;
    if r.kind == Kind::Contract {
        if let Some(f) = r.fixed_fee {
            fees += check_for_currency(f.0, c).map_err(|e| e.within("regime.fixedFee"))?;
        }
        if let Some(p) = r.percent_fee {
            fees += outstanding * p / Decimal::ONE_HUNDRED;
        }
    }
    let mut total = round_to_minor(interest, c) + round_to_minor(compensation, c) + round_to_minor(fees, c);
    let mut capped = false;
    let (mut interest_r, mut fees_r) = (round_to_minor(interest, c), round_to_minor(fees, c));
    if let Some(cap) = r.cap {
        let cap = check_for_currency(cap.0, c).map_err(|e| e.within("regime.cap"))?;
        if total > cap {
            capped = true;
            // Fees are cut first, then interest, so the claim never passes the cap.
            let over = total - cap;
            let cut_fees = over.min(fees_r);
            fees_r -= cut_fees;
            interest_r -= over - cut_fees;
            total = cap;
        }
    }
    if row && !compensation.is_zero() {
        explanation.push_str(&format!(" Fixed compensation: {}.", format_en(compensation, c)));
    }
    if row && capped {
        explanation.push_str(&format!(
            " Charges are capped at {} by the contract.",
            format_en(total, c)
        ));
    }
    Ok(Some(InvoiceCharges {
        id: inv.id.clone(),
        customer_id: inv.customer.id.clone(),
        currency: c,
        due_date: inv.due_date,
        days_late,
        rate: round_dp(stretches.first().map_or(Decimal::ZERO, |s| s.2), 4).normalize(),
        daily_interest: round_to_minor(daily, c),
        totals: ChargeTotals {
            outstanding: round_to_minor(outstanding, c),
            interest: interest_r,
            compensation: round_to_minor(compensation, c),
            fees: fees_r,
            total_charges: round_to_minor(total, c),
            total_claim: round_to_minor(outstanding + total, c),
        },
        capped,
        explanation,
        periods,
    }))
}

/// `items` in date order, keeping the given order among equal dates. Most invoices' lists are
/// already in order (or hold one entry), and then nothing is allocated.
fn by_date<T>(items: Vec<T>, date: impl Fn(&T) -> NaiveDate) -> Vec<T> {
    if items.windows(2).all(|w| date(&w[0]) <= date(&w[1])) {
        return items;
    }
    let keys = items
        .iter()
        .enumerate()
        .map(|(i, x)| (0, i128::from(date(x).num_days_from_ce()), i as u32))
        .collect();
    arrange(items, &order(keys))
}

fn add(t: &mut ChargeTotals, i: &InvoiceCharges) {
    let x = &i.totals;
    t.outstanding += x.outstanding;
    t.interest += x.interest;
    t.compensation += x.compensation;
    t.fees += x.fees;
    t.total_charges += x.total_charges;
    t.total_claim += x.total_claim;
}

/// Late charges on every late invoice as of `asOf`.
///
/// # Errors
/// Invalid invoices; `invalid_value` for a rate outside 0–100 or an EU margin under 8; a regime
/// missing what it needs (`missing_field`); `rate_unknown` when a reference date is past the
/// tables (pass the rate); `invalid_value` at `invoices[i].currency` for a statutory regime in
/// another currency.
///
/// ```
/// use overdue::{charges::late_charges, decode::decode_json};
/// // GUIDE §5: £1,000 at 12 % for 30 days → £9.86.
/// let r = late_charges(&decode_json(r#"{"asOf":"2026-03-31","regime":{"kind":"contract","annualRate":12},
///   "invoices":[{"id":"A","customer":{"id":"c","name":"C"},"currency":"GBP","amount":"1000",
///   "issueDate":"2026-02-01","dueDate":"2026-03-01"}]}"#).unwrap()).unwrap();
/// assert_eq!(r.invoices[0].totals.interest.to_string(), "9.86");
/// ```
pub fn late_charges(input: &ChargesInput) -> Result<ChargesReport> {
    validate_invoices(&input.invoices, "invoices")?;
    let r = rules(&input.regime)?;
    let mut rows = Vec::new();
    let mut plans = Plans::new();
    let detail = input.detail.unwrap_or_default();
    let rows_wanted = detail == crate::aging::Detail::Invoices;
    for (i, inv) in input.invoices.iter().enumerate() {
        if let Some(ch) = charge_invoice(inv, input.as_of, &r, &mut plans, rows_wanted).map_err(|e| {
            if e.path.starts_with("regime") {
                e
            } else {
                e.within(&format!("invoices[{i}]"))
            }
        })? {
            rows.push((inv.customer.name.as_str(), ch));
        }
    }
    let mut groups: Groups<CustomerCharges> = Groups::new();
    let mut currencies: SmallMap<Currency, ChargeTotals> = SmallMap::new();
    for (name, ch) in &rows {
        let cu = groups.slot(ch.currency, ch.customer_id.as_str(), || CustomerCharges {
            customer_id: ch.customer_id.clone(),
            name: (*name).to_owned(),
            currency: ch.currency,
            totals: ChargeTotals::default(),
        });
        add(&mut cu.totals, ch);
        add(currencies.entry(ch.currency, ChargeTotals::default), ch);
    }
    let fix = |t: &mut ChargeTotals, c: Currency| {
        for v in [
            &mut t.outstanding,
            &mut t.interest,
            &mut t.compensation,
            &mut t.fees,
            &mut t.total_charges,
            &mut t.total_claim,
        ] {
            *v = round_to_minor(*v, c);
        }
    };
    let customer_rows = groups.items;
    let invoices: Vec<InvoiceCharges> = if rows_wanted {
        rows.into_iter().map(|(_, c)| c).collect()
    } else {
        Vec::new()
    };
    let keys = invoices
        .iter()
        .enumerate()
        .map(|(i, x)| (currency_group(x.currency), -x.totals.total_charges.mantissa(), i as u32))
        .collect();
    let invoices = arrange(invoices, &order(keys));
    let customers: Vec<CustomerCharges> = customer_rows
        .into_iter()
        .map(|mut c| {
            fix(&mut c.totals, c.currency);
            c
        })
        .collect();
    let keys = customers
        .iter()
        .enumerate()
        .map(|(i, x)| (currency_group(x.currency), -x.totals.total_charges.mantissa(), i as u32))
        .collect();
    let customers = arrange(customers, &order(keys));
    let currencies = by_currency(currencies)
        .into_iter()
        .map(|(c, mut t)| {
            fix(&mut t, c);
            CurrencyCharges { currency: c, totals: t }
        })
        .collect();
    let customers = if detail == crate::aging::Detail::Summary {
        Vec::new()
    } else {
        customers
    };
    Ok(ChargesReport {
        as_of: input.as_of,
        kind: r.kind,
        invoices,
        customers,
        currencies,
    })
}

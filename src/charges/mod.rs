//! `lateCharges`: interest, fixed sums and fees on every invoice that was or is late, under a
//! contract or a statute, as of `asOf`: open invoices up to asOf, invoices paid late up to their
//! payment (the UK Act s.4 and s.5A, Directive 2011/7/EU arts. 3–6 and the Prompt Payment Act make
//! both owed for the lateness, also once the invoice is paid).
//!
//! **Days.** Interest runs on each day after the due date up to and including the payment date, at
//! the balance before that payment (days = payment date − due date, the same count as an unpaid
//! invoice with asOf on that date); a payment or credit lowers the balance from the day after it.
//!
//! **Part payments** are applied by the regime's rule, or by `allocation` when given:
//! `principalFirst` (contract, uk, eu, ie, us-prompt-payment) or `costsInterestPrincipal` (de
//! § 367 BGB, fr Code civil art. 1343-1, es Código civil art. 1173, nl BW 6:44, it Codice civile
//! art. 1194). Credit notes reduce the invoice itself.
//!
//! **Regimes** (`regime.kind`):
//! - `contract`: `annualRate`, `dayCount` (`act/365` default, `act/360`, `act/act`), `graceDays`,
//!   `fixedFee` and `percentFee` (of the balance on asOf) once per late invoice, `cap` on the charges;
//! - `uk`: Late Payment of Commercial Debts (Interest) Act 1998 / SI 2002/1675: 8 % over the Bank of
//!   England Bank Rate in force on 30 June (interest starting 1 Jul–31 Dec) or 31 December (starting
//!   1 Jan–30 Jun) before interest starts, fixed for the life of the debt; ÷ 365; a fixed sum of
//!   £40 / £70 / £100 set by the debt (after credit notes dated by the due date): under £1,000, under
//!   £10,000, above; none for contracts before 7 August 2002. Debts in any currency (the tier of a
//!   foreign one needs `exchangeRates`);
//! - `eu`: Directive 2011/7/EU: the ECB main refinancing rate in force on 1 January / 1 July of each
//!   half-year + `margin` (at least and by default 8 points), each half-year at its own rate (art.
//!   3(2)); `perHalfYear: false` fixes the first half-year's rate for the debt instead; €40;
//! - `de`: § 288 BGB: the Basiszinssatz of each half-year + 9 points (+5 with `consumer: true`, and
//!   no lump sum), €40 (§ 288(5)); debts that arose before 29 July 2014 keep 8 points and no €40
//!   (Art. 229 § 34 EGBGB); a due date on a Saturday, Sunday or public holiday moves to the next
//!   working day (§ 193; `holidays` adds a Land's own); `defaultStarts: "30DaysAfterInvoice"` when
//!   only the 30-day rule of § 286(3) puts the debtor in default;
//! - `fr`: Code de commerce L441-10 II: ECB + 10 points per half-year, €40 per invoice (D441-5);
//! - `es`: Ley 3/2004: ECB + 8 points per half-year (art. 7), €40 per invoice (art. 8);
//! - `nl`: BW 6:119a: ECB + 8 points per half-year, added to the principal each year (6:119(2)),
//!   €40 (6:96(4)); with `consumer: true` the statutory rate given as `annualRate` (6:119) and the
//!   collection-cost scale of the Besluit vergoeding voor buitengerechtelijke incassokosten, once the
//!   14-day letter of 6:96(6) has run out (`letterReceived`);
//! - `ie`: SI 580/2012: ECB + 8 points per half-year; €40 for a debt not exceeding €1,000, €70 not
//!   exceeding €10,000, €100 above;
//! - `it`: D.Lgs. 231/2002: ECB + 8 points per half-year (art. 5), €40 (art. 6);
//! - `us-prompt-payment`: 5 CFR 1315.10: the Treasury rate in force on the day after the due date
//!   (or `annualRate`), ÷ 360, unpaid interest added to the principal every 30 days, no interest
//!   after a year, and interest under $1 need not be paid.
//!
//! Every statutory rate comes from the built-in tables ([`crate::rates`]) or from the caller:
//! `referenceRates: [{ from, rate }]` replace the table from their first date on; `referenceRate`
//! (or `baseRate` for `de`) is one rate for every day. An invoice whose reference rate is unknown is
//! listed with `problem: { code: "rate_unknown", referenceDate }` and no charges; the others are
//! charged. Interest is exact and rounded once per reported figure, half away from zero;
//! `roundDaily: true` rounds each day's interest to the minor unit first, as some official
//! examples do.

mod accrue;
mod law;
pub mod workdays;

pub use law::nl_collection_costs;

use crate::currency::Currency;
use crate::error::{ErrorCode, Result};
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::money::{format_en, round_dp, round_to_minor, ser_decimal, Amount};
use crate::order::{arrange, by_currency, currency_group, order, Groups, SmallMap};
use crate::rates::{RateRow, Rates, Table};
use accrue::{accrue, Change, Stretch};
use chrono::{Datelike, Duration, NaiveDate};
use law::{Fixing, Law};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Contract,
    Uk,
    Eu,
    De,
    Fr,
    Es,
    Nl,
    Ie,
    It,
    UsPromptPayment,
}
crate::decode_enum!(Kind {
    Contract = "contract",
    Uk = "uk",
    Eu = "eu",
    De = "de",
    Fr = "fr",
    Es = "es",
    Nl = "nl",
    Ie = "ie",
    It = "it",
    UsPromptPayment = "us-prompt-payment",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayCount {
    #[default]
    Act365,
    Act360,
    ActAct,
}
crate::decode_enum!(DayCount { Act365 = "act/365", Act360 = "act/360", ActAct = "act/act" });

/// The order in which a part payment is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allocation {
    /// The invoice, then interest, then costs.
    PrincipalFirst,
    /// Costs, then interest, then the invoice (§ 367 BGB and its equivalents).
    CostsInterestPrincipal,
}
crate::decode_enum!(Allocation { PrincipalFirst = "principalFirst", CostsInterestPrincipal = "costsInterestPrincipal" });

/// When a German debtor is in default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DefaultStarts {
    /// After the due date, a date fixed by the contract (§ 286(2) no. 1 BGB).
    #[default]
    DueDate,
    /// 30 days after the invoice (§ 286(3) BGB), when the due date only appears on the invoice.
    ThirtyDaysAfterInvoice,
}
crate::decode_enum!(DefaultStarts { DueDate = "dueDate", ThirtyDaysAfterInvoice = "30DaysAfterInvoice" });

/// Which invoices a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Open invoices and those paid late.
    #[default]
    All,
    /// Open invoices only.
    Open,
}
crate::decode_enum!(Scope { All = "all", Open = "open" });

/// The value of one unit of `currency` in the fixed sum's currency (GBP for uk, EUR for ie).
#[derive(Debug, Clone, Copy)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub rate: Amount,
}
crate::decode_struct!(ExchangeRate {
    currency: "currency",
    rate: "rate"
});

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
    pub reference_rates: Option<Vec<RateRow>>,
    pub margin: Option<Amount>,
    pub per_half_year: Option<bool>,
    pub base_rate: Option<Amount>,
    pub consumer: Option<bool>,
    pub allocation: Option<Allocation>,
    pub round_daily: Option<bool>,
    pub holidays: Option<Vec<NaiveDate>>,
    pub default_starts: Option<DefaultStarts>,
    pub exchange_rates: Option<Vec<ExchangeRate>>,
    pub letter_received: Option<NaiveDate>,
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
    reference_rates: "referenceRates" = default,
    margin: "margin" = default,
    per_half_year: "perHalfYear" = default,
    base_rate: "baseRate" = default,
    consumer: "consumer" = default,
    allocation: "allocation" = default,
    round_daily: "roundDaily" = default,
    holidays: "holidays" = default,
    default_starts: "defaultStarts" = default,
    exchange_rates: "exchangeRates" = default,
    letter_received: "letterReceived" = default,
});

/// Input of [`late_charges`].
#[derive(Debug, Clone)]
pub struct ChargesInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    pub regime: Regime,
    /// `"invoices"` (default), `"customers"` or `"summary"`, as for ageing.
    pub detail: Option<crate::aging::Detail>,
    /// `"all"` (default: open and paid late) or `"open"`.
    pub scope: Option<Scope>,
    /// Credit notes and payments on account, allocated to the customer's invoices as ageing does
    /// (`documents::allocate`), each part charged from its own date: a payment on account is a
    /// payment (costs and interest first where the regime says so), a credit note a credit.
    pub documents: Vec<crate::documents::Document>,
    /// At most this many invoice rows: the first in the report's order (most charges first in each
    /// currency). Customers, currencies and their counts still cover every invoice. A page that
    /// shows the first hundred rows of a large ledger then writes and reads a hundred, not all.
    pub limit: Option<u32>,
}
crate::decode_struct!(ChargesInput {
    as_of: "asOf",
    invoices: "invoices",
    regime: "regime",
    detail: "detail" = default,
    scope: "scope" = default,
    documents: "documents" = default,
    limit: "limit" = default,
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
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub rate: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
}

/// What one payment paid: costs, interest and the invoice, by the regime's rule.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentApplied {
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub costs: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub principal: Decimal,
}

/// A sum in a currency other than the invoice's (a UK fixed sum on a dollar invoice).
#[derive(Debug, Clone, Serialize)]
pub struct Money {
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
    pub currency: Currency,
}

/// Why an invoice could not be charged in full.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargeProblem {
    /// `rate_unknown`, or `exchange_rate_needed` for a fixed sum whose tier needs one.
    pub code: &'static str,
    pub message: String,
    /// For `rate_unknown`: the table and the date whose rate is needed.
    pub table: Option<&'static str>,
    #[serde(with = "crate::date::ymd_opt")]
    pub reference_date: Option<NaiveDate>,
}

/// `open` (something of the invoice is still owed on asOf) or `paidLate` (settled after its due date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    #[serde(rename = "open")]
    Open,
    #[serde(rename = "paidLate")]
    PaidLate,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceCharges {
    pub id: Id,
    pub customer_id: Id,
    pub currency: Currency,
    #[serde(with = "crate::date::ymd")]
    pub due_date: NaiveDate,
    /// The first day of interest (after § 193 BGB, a grace period or the 30-day rule).
    #[serde(with = "crate::date::ymd")]
    pub interest_from: NaiveDate,
    pub status: Status,
    /// Days late: to asOf for an open invoice, to its settling payment for one paid late.
    pub days_late: i64,
    /// The rate applied, percent a year (the first period's, when it changes by half-year).
    #[serde(serialize_with = "crate::money::ser_ratio")]
    pub rate: Decimal,
    /// Interest for one more day on today's balance, for reading only (0 once paid).
    #[serde(serialize_with = "ser_decimal")]
    pub daily_interest: Decimal,
    #[serde(flatten)]
    pub totals: ChargeTotals,
    /// The fixed sum when it is in another currency than the invoice (then not in the totals);
    /// absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_sum: Option<Money>,
    /// Whether the contract's cap reduced the charges.
    pub capped: bool,
    /// The rule, the rate and where it came from, in a sentence.
    pub explanation: String,
    pub periods: Vec<Period>,
    /// What each payment paid, when any payment paid costs or interest (else every payment went to
    /// the invoice itself, as the invoice's own payments say).
    pub payments: Vec<PaymentApplied>,
    /// Why the invoice could not be charged in full; absent when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Box<ChargeProblem>>,
}

/// Outstanding (what is left of the invoice itself), interest, compensation, fees, total charges
/// (the three), charges paid (by payments applied to them), claimable (charges still owed) and the
/// total claim (outstanding + claimable).
#[derive(Debug, Clone, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ChargeTotals {
    /// what is left of the invoice itself
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub interest: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub compensation: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub fees: Decimal,
    /// interest + compensation + fees
    #[serde(serialize_with = "ser_decimal")]
    pub total_charges: Decimal,
    /// charges already paid by payments applied to them
    #[serde(serialize_with = "ser_decimal")]
    pub charges_paid: Decimal,
    /// charges still owed
    #[serde(serialize_with = "ser_decimal")]
    pub claimable: Decimal,
    /// outstanding + claimable
    #[serde(serialize_with = "ser_decimal")]
    pub total_claim: Decimal,
}

/// A status's share of a customer's or currency's totals.
#[derive(Debug, Clone, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct StatusTotals {
    pub invoices: u32,
    #[serde(serialize_with = "ser_decimal")]
    pub total_charges: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub claimable: Decimal,
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
    pub open: StatusTotals,
    pub paid_late: StatusTotals,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyCharges {
    pub currency: Currency,
    #[serde(flatten)]
    pub totals: ChargeTotals,
    pub open: StatusTotals,
    pub paid_late: StatusTotals,
    /// Fixed sums owed in another currency than these invoices'.
    pub fixed_sums: Vec<Money>,
    /// Late invoices not charged because a rate is unknown.
    pub unpriced: u32,
}

/// A reference rate the report needed and did not have.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownRate {
    pub table: &'static str,
    #[serde(with = "crate::date::ymd")]
    pub reference_date: NaiveDate,
    pub invoices: u32,
}

/// Output of [`late_charges`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargesReport {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    pub kind: Kind,
    /// The debtor is a consumer (de, nl): the law differs, and a notice cites the consumer's article.
    pub consumer: bool,
    pub allocation: Allocation,
    /// Late invoices, most charges first. Empty unless `detail` is `"invoices"`.
    pub invoices: Vec<InvoiceCharges>,
    pub customers: Vec<CustomerCharges>,
    pub currencies: Vec<CurrencyCharges>,
    /// reference rates the report needed and did not have; give them as regime.referenceRates
    pub unknown_rates: Vec<UnknownRate>,
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

/// A rate plan that could not be made: the table and the date it needs.
#[derive(Debug, Clone)]
struct Missing {
    table: Table,
    date: NaiveDate,
    message: String,
}

/// Reference rates and sentences already looked up in this call: a report of 100,000 invoices
/// asks the same few half-years again and again, and writing the statutory sentences with their
/// dates had been a fifth of a UK or EU report.
#[derive(Default)]
struct Plans {
    rates: SmallMap<NaiveDate, std::result::Result<crate::rates::Found, Missing>>,
    words: SmallMap<(NaiveDate, Decimal), String>,
}

/// Buffers kept from invoice to invoice in a call, so that each invoice does not allocate its own.
#[derive(Default)]
struct Scratch {
    changes: Vec<Change>,
    cuts: Vec<NaiveDate>,
}

/// The date whose reference rate sets the rate for the days from `day`.
fn reference_date(law: &Law, start: NaiveDate, day: NaiveDate) -> NaiveDate {
    match law.fixing {
        // SI 2002/1675 art. 4: 30 June (interest starting Jul–Dec) or 31 December before.
        Fixing::UkHalfYearBefore if start.month() >= 7 => NaiveDate::from_ymd_opt(start.year(), 6, 30).unwrap_or(start),
        Fixing::UkHalfYearBefore => NaiveDate::from_ymd_opt(start.year() - 1, 12, 31).unwrap_or(start),
        Fixing::StartHalfYear => half_year_start(start),
        Fixing::StartDay | Fixing::Given => start,
        Fixing::EachHalfYear => half_year_start(day),
    }
}

impl Plans {
    fn reference(&mut self, law: &Law, on: NaiveDate) -> std::result::Result<crate::rates::Found, Missing> {
        const KEPT: usize = 128;
        if let Some(found) = self.rates.get(&on) {
            return found.clone();
        }
        let table = law.table.unwrap_or(Table::EcbMro);
        let found = Rates {
            table,
            given: &law.given_rows,
        }
        .in_force(on, "regime.referenceRates")
        .map_err(|e| Missing {
            table,
            date: on,
            message: e.message,
        });
        if self.rates.len() < KEPT {
            self.rates.entry(on, || found.clone());
        }
        found
    }

    /// The base rate (before the margin) for the days from `day`, and the words for its source.
    fn base(
        &mut self,
        law: &Law,
        start: NaiveDate,
        day: NaiveDate,
    ) -> std::result::Result<(Decimal, Option<(crate::rates::Found, NaiveDate)>), Missing> {
        if let Some(b) = law.given {
            return Ok((b, None));
        }
        let on = reference_date(law, start, day);
        let f = self.reference(law, on)?;
        Ok((f.rate, Some((f, on))))
    }

    /// The rate (percent a year) for each day from `start` until `end`, as stretches: one for the
    /// whole span, or one per half-year.
    fn stretches(
        &mut self,
        law: &Law,
        start: NaiveDate,
        end: NaiveDate,
        margin: Decimal,
    ) -> std::result::Result<Vec<Stretch>, Missing> {
        if law.fixing != Fixing::EachHalfYear {
            let (base, _) = self.base(law, start, start)?;
            return Ok(vec![(start, end, base + margin)]);
        }
        let mut out = Vec::with_capacity(2);
        let mut from = start;
        while from < end {
            let until = next_half_year(from).min(end);
            let (base, _) = self.base(law, start, from)?;
            out.push((from, until, base + margin));
            from = until;
        }
        Ok(out)
    }

    /// The sentence naming the rule and where the first rate came from; the same for every invoice
    /// whose interest starts in the same half-year (or day, for a rate fixed by the day) at the same margin.
    fn words(
        &mut self,
        law: &Law,
        start: NaiveDate,
        margin: Decimal,
        issue: NaiveDate,
    ) -> std::result::Result<String, Missing> {
        let key = (
            if law.fixing == Fixing::StartDay {
                start
            } else {
                half_year_start(start)
            },
            margin,
        );
        if let Some(w) = self.words.get(&key) {
            return Ok(w.clone());
        }
        let (base, found) = self.base(law, start, start)?;
        let rate = (base + margin).normalize();
        let (statute, rule) = law.statute(issue);
        let name = law.table.map_or("reference rate", Table::name);
        let source = match found {
            None if matches!(law.kind, Kind::Contract | Kind::UsPromptPayment | Kind::Nl) => {
                format!("{}% a year you gave", base.normalize())
            }
            None => format!("the reference rate of {}% you gave", base.normalize()),
            Some((f, on)) if f.given => format!(
                "the {name} of {}% in force on {} (from the rates you gave)",
                f.rate.normalize(),
                crate::locale::Locale::EnGb.date(on)
            ),
            Some((f, on)) => format!(
                "the {name} of {}% in force on {} (set on {})",
                f.rate.normalize(),
                crate::locale::Locale::EnGb.date(on),
                crate::locale::Locale::EnGb.date(f.since)
            ),
        };
        let basis = match (law.kind, law.day_count) {
            (Kind::UsPromptPayment, _) | (_, DayCount::Act360) => "÷ 360",
            (_, DayCount::ActAct) => "÷ the days of each calendar year",
            _ => "÷ 365",
        };
        let words = match (law.kind, law.fixing) {
            (Kind::Contract, _) => {
                let b = match law.day_count {
                    DayCount::Act365 => "actual/365",
                    DayCount::Act360 => "actual/360",
                    DayCount::ActAct => "actual/actual",
                };
                let grace = if law.grace > 0 { format!(", from the end of a {}-day grace period", law.grace) } else { String::new() };
                format!("Contractual interest at {rate}% a year, simple, {b}{grace}.")
            }
            (Kind::UsPromptPayment, _) => format!("{statute} at {source}, the rate for the day after the due date, fixed for the debt: {rate}% a year, {basis}, {rule}."),
            (Kind::Nl, Fixing::Given) => format!("{statute} at {source}, {rule}, {basis}."),
            (_, Fixing::EachHalfYear) => {
                let simple = if law.compounding == law::Compounding::Yearly { "" } else { ", simple" };
                format!("{statute} {source}, so {rate}% a year to begin with; {rule}{simple}, {basis}.")
            }
            _ => format!("{statute} {source}, so {rate}% a year, {rule}, simple, {basis}."),
        };
        self.words.entry(key, || words.clone());
        Ok(words)
    }
}

/// The first day of interest for an invoice, and the due date it counts from.
fn interest_start(law: &Law, inv: &Invoice) -> (NaiveDate, NaiveDate) {
    let mut due = inv.due_date;
    if law.kind == Kind::De {
        if law.default_starts == DefaultStarts::ThirtyDaysAfterInvoice {
            due = due.max(inv.issue_date + Duration::days(30));
        }
        due = workdays::next_working_day(due, law.working_days.as_deref().unwrap_or(&[]));
    }
    (due + Duration::days(1 + law.grace), due)
}

/// One invoice's charges; with `row` false (a customer or summary report) only its totals are
/// worth making, not the periods and the sentence nobody will see.
#[allow(clippy::too_many_arguments)]
fn charge_invoice(
    inv: &Invoice,
    shares: &[crate::documents::Share<'_>],
    as_of: NaiveDate,
    law: &Law,
    plans: &mut Plans,
    scratch: &mut Scratch,
    row: bool,
    scope: Scope,
) -> Result<Option<InvoiceCharges>> {
    let c = inv.currency;
    if inv.issue_date > as_of {
        return Ok(None);
    }
    let (start, due) = interest_start(law, inv);
    let changes = &mut scratch.changes;
    changes.clear();
    changes.extend(
        inv.payments
            .iter()
            // A payment of unknown date is taken as made by the due date: the claim may be short,
            // never more than is owed.
            .map(|p| Change {
                date: p.date.unwrap_or(due),
                amount: p.amount.0,
                payment: true,
            })
            .chain(inv.credits.iter().map(|x| Change {
                date: x.date,
                amount: x.amount.0,
                payment: false,
            }))
            .filter(|ch| ch.date <= as_of),
    );
    if !changes.windows(2).all(|w| w[0].date <= w[1].date) {
        let keys = changes
            .iter()
            .enumerate()
            .map(|(i, ch)| (0, i128::from(ch.date.num_days_from_ce()), i as u32))
            .collect();
        *changes = arrange(std::mem::take(changes), &order(keys));
    }
    let changes: &[Change] = changes;
    let plain = inv.outstanding_as_of(as_of);
    // Settled: the day the plain balance (payments and credits, oldest first) reached zero.
    let settled_on = if plain > Decimal::ZERO {
        None
    } else {
        let mut left = inv.amount.0;
        changes.iter().find_map(|ch| {
            left -= ch.amount;
            (left <= Decimal::ZERO).then_some(ch.date)
        })
    };
    let status = if settled_on.is_some() {
        Status::PaidLate
    } else {
        Status::Open
    };
    let last_day = settled_on.unwrap_or(as_of);
    if last_day < start || (scope == Scope::Open && status == Status::PaidLate) {
        return Ok(None);
    }
    let days_late = (last_day - due).num_days();
    // Interest runs to asOf, or to the year's end for Prompt Payment; after a settling payment a
    // principal-first balance is zero, while costs-first leaves the part that paid charges.
    let mut end = as_of + Duration::days(1);
    if let Some(max) = law.max_days {
        end = end.min(start + Duration::days(max));
    }
    // The UK tier is set by the debt after credit notes dated by the due date.
    let debt = inv.amount.0
        - inv
            .credits
            .iter()
            .filter(|x| x.date <= inv.due_date)
            .map(|x| x.amount.0)
            .sum::<Decimal>();
    let mut problem = None;
    let fixed = match law.fixed_sum(debt, c, inv.issue_date) {
        Ok(f) => f,
        Err(message) => {
            problem = Some(Box::new(ChargeProblem {
                code: "exchange_rate_needed",
                message,
                table: None,
                reference_date: None,
            }));
            None
        }
    };
    // Dutch consumers owe collection costs only once the 14-day letter has run out.
    let fixed = match (law.fixed_sum, law.letter_received) {
        (law::FixedSum::NlScale, Some(received)) if as_of > received + Duration::days(14) => fixed,
        (law::FixedSum::NlScale, _) => None,
        _ => fixed,
    };
    let (compensation, fixed_sum) = match fixed {
        Some((amount, cur)) if cur == c => (amount, None),
        Some((amount, cur)) => (
            Decimal::ZERO,
            Some(Money {
                amount: round_to_minor(amount, cur),
                currency: cur,
            }),
        ),
        None => (Decimal::ZERO, None),
    };
    let fixed_fee = law.fixed_fee_for(c)?;
    // A principal-first invoice paid in full earns nothing after the payment: its rates are needed
    // only that far (a later half-year's unknown rate must not hold it up).
    let rates_end = match (settled_on, law.allocation) {
        (Some(d), Allocation::PrincipalFirst) => end.min(d + Duration::days(1)),
        _ => end,
    };
    let margin = law.margin_for(inv.issue_date);
    let plan = plans
        .stretches(law, start, rates_end.max(start + Duration::days(1)), margin)
        .and_then(|s| {
            Ok((
                s,
                if row {
                    plans.words(law, start, margin, inv.issue_date)?
                } else {
                    String::new()
                },
            ))
        });
    let (stretches, mut explanation) = match plan {
        Ok(p) => p,
        Err(m) => {
            return Ok(Some(unpriced(inv, start, status, days_late, plain, m)));
        }
    };
    let acc = accrue(
        law,
        &accrue::Invoice {
            amount: inv.amount.0,
            currency: c,
            start,
            end,
            changes,
            costs: compensation + fixed_fee,
            stretches: &stretches,
            detail: row,
        },
        &mut scratch.cuts,
    );
    let mut fees = fixed_fee;
    if let Some(p) = law.percent_fee {
        fees += plain.max(Decimal::ZERO) * p / Decimal::ONE_HUNDRED;
    }
    let mut interest_r = round_to_minor(acc.interest, c);
    // 5 CFR 1315.10(a)(7): interest under $1 need not be paid.
    let mut below_minimum = false;
    if law.kind == Kind::UsPromptPayment && interest_r < Decimal::ONE && interest_r > Decimal::ZERO {
        interest_r = round_to_minor(Decimal::ZERO, c);
        below_minimum = true;
    }
    let mut fees_r = round_to_minor(fees, c);
    let compensation_r = round_to_minor(compensation, c);
    let mut capped = false;
    if let Some(cap) = law.cap {
        let cap = crate::money::check_for_currency(cap, c).map_err(|e| e.within("regime.cap"))?;
        let total = interest_r + compensation_r + fees_r;
        if total > cap {
            capped = true;
            // Fees are cut first, then interest, so the claim never passes the cap.
            let over = total - cap;
            let cut_fees = over.min(fees_r);
            fees_r -= cut_fees;
            interest_r = (interest_r - (over - cut_fees)).max(Decimal::ZERO);
        }
    }
    let total_charges = interest_r + compensation_r + fees_r;
    // What of the invoice is still owed, apart from interest moved into the principal.
    let outstanding = round_to_minor((acc.principal - acc.capitalised).max(Decimal::ZERO), c);
    let charges_paid = (round_to_minor(acc.interest_paid + acc.costs_paid, c)).min(total_charges);
    let claimable = round_to_minor((total_charges - charges_paid).max(Decimal::ZERO), c);
    let daily = if status == Status::Open && end > as_of {
        acc.principal.max(Decimal::ZERO) * acc.last_rate / (Decimal::ONE_HUNDRED * Decimal::from(law.basis(365)))
    } else {
        Decimal::ZERO
    };
    if row {
        // Only the rule that surprises is spelt out: payments going to costs and interest first.
        if law.allocation == Allocation::CostsInterestPrincipal && acc.applied.iter().any(|a| a.date >= start) {
            explanation.push(' ');
            explanation.push_str(law.allocation_words());
        }
        if let Some((amount, cur)) = fixed {
            explanation.push_str(&format!(" {}: {}.", law.fixed_sum_words(), format_en(amount, cur)));
        }
        let undated: Decimal = inv
            .payments
            .iter()
            .filter(|p| p.date.is_none())
            .map(|p| p.amount.0)
            .sum();
        if undated > Decimal::ZERO {
            explanation.push_str(&format!(
                " {} was paid on a date the records do not give: it is taken as paid by the due date, so no interest is charged on it.",
                format_en(undated, c)
            ));
        }
        for s in shares {
            explanation.push(' ');
            explanation.push_str(&share_words(s, c));
        }
        if below_minimum {
            explanation.push_str(" The interest is under $1, which need not be paid (5 CFR 1315.10(a)(7)).");
        }
        if end < as_of + Duration::days(1) && law.max_days.is_some() {
            explanation.push_str(&format!(
                " Interest stopped after a year, on {}.",
                crate::locale::Locale::EnGb.date(end - Duration::days(1))
            ));
        }
        if capped {
            explanation.push_str(&format!(
                " Charges are capped at {} by the contract.",
                format_en(total_charges, c)
            ));
        }
        if let Some(p) = &problem {
            explanation.push(' ');
            explanation.push_str(&p.message);
        }
    }
    Ok(Some(InvoiceCharges {
        id: inv.id.clone(),
        customer_id: inv.customer.id.clone(),
        currency: c,
        due_date: inv.due_date,
        interest_from: start,
        status,
        days_late,
        rate: round_dp(stretches.first().map_or(Decimal::ZERO, |s| s.2), 4).normalize(),
        daily_interest: round_to_minor(daily, c),
        totals: ChargeTotals {
            outstanding,
            interest: interest_r,
            compensation: compensation_r,
            fees: fees_r,
            total_charges,
            charges_paid,
            claimable,
            total_claim: outstanding + claimable,
        },
        fixed_sum,
        capped,
        explanation,
        periods: acc
            .runs
            .into_iter()
            .map(|r| Period {
                from: r.from,
                to: r.to,
                days: r.days,
                balance: round_to_minor(r.balance, c),
                rate: r.rate.normalize(),
                interest: round_to_minor(r.interest, c),
            })
            .collect(),
        payments: (if acc.applied.iter().any(|a| !a.costs.is_zero() || !a.interest.is_zero()) {
            acc.applied
        } else {
            Vec::new()
        })
        .into_iter()
        .map(|a| PaymentApplied {
            date: a.date,
            amount: round_to_minor(a.amount, c),
            costs: round_to_minor(a.costs, c),
            interest: round_to_minor(a.interest, c),
            principal: round_to_minor(a.principal, c),
        })
        .collect(),
        problem,
    }))
}

/// What a customer's document paid of this invoice, in a sentence: the reader sees where a part
/// of the balance went that the invoice's own payments do not show.
fn share_words(s: &crate::documents::Share<'_>, c: Currency) -> String {
    let d = s.document;
    let mut name = crate::documents::describe(d);
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    let on = crate::locale::Locale::EnGb.date(d.date);
    let amount = format_en(s.amount, c);
    match d.kind {
        crate::documents::DocKind::PaymentOnAccount => format!("{name}, received {on}, paid {amount} of this invoice."),
        crate::documents::DocKind::CreditNote => format!("{name}, dated {on}, took {amount} off this invoice."),
    }
}

/// A late invoice that cannot be charged because a reference rate is unknown.
fn unpriced(
    inv: &Invoice,
    start: NaiveDate,
    status: Status,
    days_late: i64,
    plain: Decimal,
    m: Missing,
) -> InvoiceCharges {
    let c = inv.currency;
    let outstanding = round_to_minor(plain.max(Decimal::ZERO), c);
    InvoiceCharges {
        id: inv.id.clone(),
        customer_id: inv.customer.id.clone(),
        currency: c,
        due_date: inv.due_date,
        interest_from: start,
        status,
        days_late,
        rate: Decimal::ZERO,
        daily_interest: round_to_minor(Decimal::ZERO, c),
        totals: ChargeTotals {
            outstanding,
            total_claim: outstanding,
            ..zero_totals(c)
        },
        fixed_sum: None,
        capped: false,
        explanation: m.message.clone(),
        periods: Vec::new(),
        payments: Vec::new(),
        problem: Some(Box::new(ChargeProblem {
            code: ErrorCode::RateUnknown.as_str(),
            message: m.message,
            table: Some(m.table.word()),
            reference_date: Some(m.date),
        })),
    }
}

fn zero_totals(c: Currency) -> ChargeTotals {
    let z = round_to_minor(Decimal::ZERO, c);
    ChargeTotals {
        outstanding: z,
        interest: z,
        compensation: z,
        fees: z,
        total_charges: z,
        charges_paid: z,
        claimable: z,
        total_claim: z,
    }
}

fn add(t: &mut ChargeTotals, x: &ChargeTotals) {
    t.outstanding += x.outstanding;
    t.interest += x.interest;
    t.compensation += x.compensation;
    t.fees += x.fees;
    t.total_charges += x.total_charges;
    t.charges_paid += x.charges_paid;
    t.claimable += x.claimable;
    t.total_claim += x.total_claim;
}

fn add_status(open: &mut StatusTotals, paid_late: &mut StatusTotals, i: &InvoiceCharges) {
    let s = if i.status == Status::Open { open } else { paid_late };
    s.invoices += 1;
    s.total_charges += i.totals.total_charges;
    s.claimable += i.totals.claimable;
    s.total_claim += i.totals.total_claim;
}

fn fix(t: &mut ChargeTotals, c: Currency) {
    for v in [
        &mut t.outstanding,
        &mut t.interest,
        &mut t.compensation,
        &mut t.fees,
        &mut t.total_charges,
        &mut t.charges_paid,
        &mut t.claimable,
        &mut t.total_claim,
    ] {
        *v = round_to_minor(*v, c);
    }
}

fn fix_status(s: &mut StatusTotals, c: Currency) {
    for v in [&mut s.total_charges, &mut s.claimable, &mut s.total_claim] {
        *v = round_to_minor(*v, c);
    }
}

/// Late charges on every invoice that was or is late, as of `asOf`.
///
/// # Errors
/// Invalid invoices; `invalid_value` for a rate outside 0–100 or an EU margin under 8;
/// `invalid_amount` for a negative fee, cap or exchange rate; a regime missing what it needs
/// (`missing_field`). A rate the tables do not have is not an error: the invoice is listed with
/// its problem and the others are charged.
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
    crate::documents::validate_documents(&input.documents, "documents")?;
    let law = law::law(&input.regime)?;
    let (ledger, shares) = crate::documents::net_into(&input.invoices, &input.documents, input.as_of);
    let mut rows = Vec::with_capacity(input.invoices.len());
    let mut plans = Plans::default();
    let mut scratch = Scratch::default();
    let detail = input.detail.unwrap_or_default();
    let scope = input.scope.unwrap_or_default();
    let rows_wanted = detail == crate::aging::Detail::Invoices;
    for (i, inv) in ledger.iter().enumerate() {
        let theirs = crate::documents::shares_of(&shares, i);
        let ch = charge_invoice(
            inv,
            theirs,
            input.as_of,
            &law,
            &mut plans,
            &mut scratch,
            rows_wanted,
            scope,
        )
        .map_err(|e| {
            if e.path.starts_with("regime") {
                e
            } else {
                e.within(&format!("invoices[{i}]"))
            }
        })?;
        if let Some(ch) = ch {
            rows.push((inv.customer.name.as_str(), ch));
        }
    }
    let mut groups: Groups<CustomerCharges> = Groups::new();
    let mut currencies: SmallMap<Currency, CurrencyCharges> = SmallMap::new();
    let mut unknown: Vec<UnknownRate> = Vec::new();
    for (name, ch) in rows.iter() {
        let cu = groups.slot(ch.currency, ch.customer_id.as_str(), || CustomerCharges {
            customer_id: ch.customer_id.clone(),
            name: (*name).to_owned(),
            currency: ch.currency,
            totals: ChargeTotals::default(),
            open: StatusTotals::default(),
            paid_late: StatusTotals::default(),
        });
        add(&mut cu.totals, &ch.totals);
        add_status(&mut cu.open, &mut cu.paid_late, ch);
        let cc = currencies.entry(ch.currency, || CurrencyCharges {
            currency: ch.currency,
            totals: ChargeTotals::default(),
            open: StatusTotals::default(),
            paid_late: StatusTotals::default(),
            fixed_sums: Vec::new(),
            unpriced: 0,
        });
        add(&mut cc.totals, &ch.totals);
        add_status(&mut cc.open, &mut cc.paid_late, ch);
        if let Some(f) = &ch.fixed_sum {
            match cc.fixed_sums.iter_mut().find(|m| m.currency == f.currency) {
                Some(m) => m.amount += f.amount,
                None => cc.fixed_sums.push(f.clone()),
            }
        }
        if let Some(ChargeProblem {
            table: Some(table),
            reference_date: Some(date),
            ..
        }) = ch.problem.as_deref()
        {
            cc.unpriced += 1;
            match unknown
                .iter_mut()
                .find(|u| u.table == *table && u.reference_date == *date)
            {
                Some(u) => u.invoices += 1,
                None => unknown.push(UnknownRate {
                    table,
                    reference_date: *date,
                    invoices: 1,
                }),
            }
        }
    }
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
    let mut invoices = arrange(invoices, &order(keys));
    if let Some(n) = input.limit {
        invoices.truncate(n as usize);
    }
    let customers: Vec<CustomerCharges> = customer_rows
        .into_iter()
        .map(|mut c| {
            fix(&mut c.totals, c.currency);
            fix_status(&mut c.open, c.currency);
            fix_status(&mut c.paid_late, c.currency);
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
            fix(&mut t.totals, c);
            fix_status(&mut t.open, c);
            fix_status(&mut t.paid_late, c);
            t
        })
        .collect();
    let customers = if detail == crate::aging::Detail::Summary {
        Vec::new()
    } else {
        customers
    };
    crate::order::sort_short(&mut unknown, |a, b| {
        (a.reference_date, a.table) < (b.reference_date, b.table)
    });
    Ok(ChargesReport {
        as_of: input.as_of,
        kind: law.kind,
        consumer: law.consumer,
        allocation: law.allocation,
        invoices,
        customers,
        currencies,
        unknown_rates: unknown,
    })
}

//! The escalation ladder: `nextActions` (what to send to whom today) and `previewLadder` (the dated
//! plan for one invoice).
//!
//! A policy is an ordered list of stages, each `offsetDays` from the due date (negative: before
//! it). The state of each invoice is derived from `history` alone, so the answer is the same whether
//! the function runs every day or once after a gap of weeks:
//! - a stage already sent for an invoice is never sent again, and the ladder never goes down;
//! - after a gap it catches up to the highest stage now due, not a burst of every missed one, but
//!   never past an unsent stage marked `required` (in the default policy the final notice: a
//!   customer never hears first from an agency or a lawyer);
//! - `minGapDays` of the stage to send is counted from the last notice to that customer;
//! - disputed invoices are held, and a `promisedDate` not yet passed pauses escalation until the day
//!   after it.
//!
//! History entries name an invoice (`invoiceId`) or a whole customer (`customerId`); a customer entry
//! counts for each of that customer's invoices that had reached the stage by the entry's date.
//! Actions are consolidated per customer and currency, in the tone of the most advanced stage.

use crate::currency::Currency;
use crate::date::days_between;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{check_text, validate_invoices, Id, Invoice};
use crate::money::{check_for_currency, round_to_minor, ser_decimal, Amount};
use crate::order::{arrange, order, Groups, Keyed};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Most stages in one policy.
pub const MAX_STAGES: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Letter,
    Phone,
    Sms,
}
crate::decode_enum!(Channel { Email = "email", Letter = "letter", Phone = "phone", Sms = "sms" });

/// A fee a stage adds: a fixed amount, or a percentage of what is outstanding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StageFee {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::money::ser_opt_amount"
    )]
    pub fixed: Option<Amount>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::money::ser_opt_amount"
    )]
    pub percent: Option<Amount>,
    /// Charged on each invoice the notice asks for (the default), or once per notice, as ERPNext's
    /// dunning fee is: a percentage then applies to what the notice asks for.
    #[serde(default)]
    pub per: FeePer,
}
crate::decode_struct!(StageFee {
    fixed: "fixed" = default,
    percent: "percent" = default,
    per: "per" = default,
});

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FeePer {
    #[default]
    Invoice,
    Notice,
}
crate::decode_enum!(FeePer { Invoice = "invoice", Notice = "notice" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// Days from the due date; negative = before it.
    pub offset_days: i64,
    pub channel: Channel,
    /// Which notice text to use (the built-in ones are named after the default stages).
    pub template: String,
    /// A fee the stage adds: fixed, or a percentage of what is outstanding; on each invoice the
    /// notice asks for (default) or once per notice.
    #[serde(default)]
    pub fee: Option<StageFee>,
    /// Days that must pass since the last notice to the customer before this stage is sent.
    #[serde(default)]
    pub min_gap_days: Option<i64>,
    /// A stage that catching up may not skip.
    #[serde(default)]
    pub required: Option<bool>,
    /// Send a phone-call script with this stage.
    #[serde(default)]
    pub phone_script: Option<bool>,
}
crate::decode_struct!(Stage {
    id: "id",
    name: "name",
    offset_days: "offsetDays",
    channel: "channel",
    template: "template",
    fee: "fee" = default,
    min_gap_days: "minGapDays" = default,
    required: "required" = default,
    phone_script: "phoneScript" = default,
});

/// The default ladder, after the usual practice: courtesy reminder, friendly reminder, follow-up
/// with a call, final notice, payment-plan offer, hand-over to a collection agency, letter before
/// legal action.
pub fn default_policy() -> Vec<Stage> {
    let s = |id: &str, name: &str, offset: i64, channel: Channel, gap: i64, required: bool, call: bool| Stage {
        id: id.into(),
        name: name.into(),
        offset_days: offset,
        channel,
        template: id.into(),
        fee: None,
        min_gap_days: Some(gap),
        required: Some(required),
        phone_script: Some(call),
    };
    vec![
        s("courtesy", "Courtesy reminder", -3, Channel::Email, 0, false, false),
        s("friendly", "Friendly reminder", 1, Channel::Email, 3, false, false),
        s("followup", "Follow-up", 14, Channel::Email, 5, false, true),
        s("final", "Final notice", 30, Channel::Email, 7, true, false),
        s("plan", "Payment-plan offer", 45, Channel::Email, 7, false, false),
        s(
            "agency",
            "Hand-over to a collection agency",
            60,
            Channel::Letter,
            10,
            false,
            false,
        ),
        s(
            "legal",
            "Letter before legal action",
            90,
            Channel::Letter,
            14,
            false,
            false,
        ),
    ]
}

/// A notice already sent.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    #[serde(default)]
    pub invoice_id: Option<Id>,
    #[serde(default)]
    pub customer_id: Option<Id>,
    pub stage_id: String,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    /// How it went out, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}
crate::decode_struct!(Sent {
    invoice_id: "invoiceId" = default,
    customer_id: "customerId" = default,
    stage_id: "stageId",
    date: "date",
    channel: "channel" = default,
});

/// Input of [`next_actions`].
#[derive(Debug, Clone)]
pub struct NextActionsInput {
    pub as_of: NaiveDate,
    pub invoices: Vec<Invoice>,
    /// Default: courtesy −3, friendly +1, follow-up +14, final +30 (required), plan +45, agency
    /// +60, legal +90.
    pub policy: Option<Vec<Stage>>,
    pub history: Option<Vec<Sent>>,
}
crate::decode_struct!(NextActionsInput {
    as_of: "asOf",
    invoices: "invoices",
    policy: "policy" = default,
    history: "history" = default,
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionInvoice {
    pub id: Id,
    /// The stage this invoice has reached with this notice.
    pub stage_id: String,
    /// Its stage's built-in template: `renderNotice`'s `invoiceStages` takes these rows as they are,
    /// so an invoice at an earlier stage than the notice is listed, not demanded under its words.
    pub template: String,
    pub days_past_due: i64,
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub fee: Decimal,
}

/// The last notice to a customer, as the history records it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LastNotice {
    pub stage_id: String,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

/// One notice to send today.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub customer_id: Id,
    pub name: String,
    pub currency: Currency,
    /// The most advanced stage among the invoices: it sets the tone and the channel.
    pub stage_id: String,
    pub stage_name: String,
    pub channel: Channel,
    /// renderNotice's `stage`.
    pub template: String,
    pub phone_script: bool,
    /// Each invoice at its own stage; `template` is what renderNotice's `invoiceStages` takes. An
    /// invoice below the action's stage is listed in the notice, not demanded, and bears no fee.
    pub invoices: Vec<ActionInvoice>,
    #[serde(serialize_with = "ser_decimal")]
    pub outstanding: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub fees: Decimal,
    /// What the history holds for this customer, for the notice's words about the past: how many
    /// notices, the last one, and whether this is the first contact.
    pub previous_notices: usize,
    pub last_notice: Option<LastNotice>,
    pub first_contact: bool,
    /// The template of the policy's stage after this one (`"none"` after the last), which the
    /// notice announces as its consequence: `renderNotice`'s `nextStage`.
    pub next_stage: String,
}

/// Why a notice that is due waits: the invoice is disputed, under a promise to pay, or the last
/// notice to the customer was too recent (the stage's `minGapDays`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeferReason {
    Disputed,
    Promised,
    MinGap,
}
crate::decode_enum!(DeferReason { Disputed = "disputed", Promised = "promised", MinGap = "minGap" });

/// Whether a stage's day has gone by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlannedStatus {
    Past,
    Planned,
}
crate::decode_enum!(PlannedStatus { Past = "past", Planned = "planned" });

/// Something that is due but must wait, or is held.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deferred {
    pub customer_id: Id,
    pub invoice_id: Id,
    pub stage_id: Option<String>,
    pub reason: DeferReason,
    /// The first day it can go ahead (null while disputed).
    #[serde(with = "crate::date::ymd_opt")]
    pub until: Option<NaiveDate>,
}

/// The next stage coming for an invoice with nothing due today.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Upcoming {
    pub customer_id: Id,
    pub invoice_id: Id,
    pub stage_id: String,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
}

/// Output of [`next_actions`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextActions {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    /// Notices to send today, most advanced stage first.
    pub actions: Vec<Action>,
    /// Due but held (disputed), paused (promised) or waiting for the gap (minGap).
    pub deferred: Vec<Deferred>,
    /// The next stage for invoices with nothing due today.
    pub upcoming: Vec<Upcoming>,
}

/// Checks a policy: 1–20 stages, unique non-empty ids, built-in templates, offsets in order and
/// within −365…3650 days, gaps within 0…365 days, fees of at most one kind and never negative.
///
/// # Errors
/// `invalid_value`, `empty_text`, `duplicate_id` or `too_many` at `policy[i].field`.
pub fn check_policy(policy: &[Stage]) -> Result<()> {
    if policy.is_empty() || policy.len() > MAX_STAGES {
        return Err(Error::new(
            ErrorCode::TooMany,
            "policy",
            format!("A policy has 1 to {MAX_STAGES} stages."),
        ));
    }
    for (i, s) in policy.iter().enumerate() {
        let at = |f: &str| format!("policy[{i}].{f}");
        check_text(&s.id, 60).map_err(|e| e.within(&at("id")))?;
        check_text(&s.name, 200).map_err(|e| e.within(&at("name")))?;
        check_text(&s.template, 200).map_err(|e| e.within(&at("template")))?;
        if !crate::notice::STAGES.contains(&s.template.as_str()) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("template"),
                format!(
                    "\"{}\" is not a built-in notice template; use one of {}.",
                    s.template.chars().take(40).collect::<String>(),
                    crate::notice::STAGES.join(", ")
                ),
            ));
        }
        if policy[..i].iter().any(|p| p.id == s.id) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                at("id"),
                format!("The stage id \"{}\" appears twice.", s.id),
            ));
        }
        if !(-365..=3650).contains(&s.offset_days) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("offsetDays"),
                "A stage is from 365 days before to 3,650 days after the due date.",
            ));
        }
        if i > 0 && s.offset_days < policy[i - 1].offset_days {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("offsetDays"),
                "Stages must be in order of their offsets.",
            ));
        }
        if !(0..=365).contains(&s.min_gap_days.unwrap_or(0)) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("minGapDays"),
                "A gap is from 0 to 365 days.",
            ));
        }
        if let Some(f) = &s.fee {
            if f.fixed.is_some() == f.percent.is_some() {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    at("fee"),
                    "A fee is either `fixed` or `percent`.",
                ));
            }
            if f.fixed.is_some_and(|x| x.0 < Decimal::ZERO) {
                return Err(Error::new(
                    ErrorCode::InvalidAmount,
                    at("fee.fixed"),
                    "A fee cannot be negative.",
                ));
            }
            if let Some(p) = f.percent {
                if p.0 < Decimal::ZERO || p.0 > Decimal::ONE_HUNDRED {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        at("fee.percent"),
                        "A percentage fee is from 0 to 100.",
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The given policy, checked, or the default one.
fn policy_or_default(given: Option<&[Stage]>) -> Result<std::borrow::Cow<'_, [Stage]>> {
    let policy = match given {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => std::borrow::Cow::Owned(default_policy()),
    };
    check_policy(&policy)?;
    Ok(policy)
}

fn stage_index(policy: &[Stage], id: &str) -> Option<usize> {
    policy.iter().position(|s| s.id == id)
}

/// The history read once: the stages sent per invoice, the customer-wide notices per customer and
/// each customer's last notice, so that an invoice's state does not rescan the whole history.
struct HistoryIndex<'a> {
    /// (stage index, date) of entries naming the invoice.
    by_invoice: Keyed<'a, Vec<usize>>,
    /// (stage index, date) of entries naming only a customer.
    by_customer: Keyed<'a, Vec<(usize, NaiveDate)>>,
    /// Per customer: the number of notices and the latest entry (whose date the gap counts from).
    told: Keyed<'a, (usize, &'a Sent)>,
}

impl<'a> HistoryIndex<'a> {
    fn new(history: &'a [Sent], policy: &[Stage], invoices: &'a [Invoice]) -> Self {
        let mut customer_of: Keyed<&'a str> = Keyed::new();
        for inv in invoices {
            customer_of.entry(inv.id.as_str(), || inv.customer.id.as_str());
        }
        let mut ix = HistoryIndex {
            by_invoice: Keyed::new(),
            by_customer: Keyed::new(),
            told: Keyed::new(),
        };
        for h in history {
            let Some(stage) = stage_index(policy, &h.stage_id) else {
                continue;
            };
            match (&h.invoice_id, &h.customer_id) {
                (Some(id), _) => ix.by_invoice.entry(id.as_str(), Vec::new).push(stage),
                (None, Some(c)) => ix.by_customer.entry(c.as_str(), Vec::new).push((stage, h.date)),
                (None, None) => {}
            }
            // An entry naming a customer counts for that customer's gap; one naming only an invoice
            // counts for the invoice's customer.
            let customer = match (&h.invoice_id, &h.customer_id) {
                (_, Some(c)) => Some(c.as_str()),
                (Some(i), None) => customer_of.get(i.as_str()).copied(),
                (None, None) => None,
            };
            if let Some(c) = customer {
                let told = ix.told.entry(c, || (0, h));
                told.0 += 1;
                if h.date >= told.1.date {
                    told.1 = h;
                }
            }
        }
        ix
    }

    /// Highest stage index sent for the invoice: its own entries, and customer-wide notices sent
    /// after it was issued and once it had reached that stage.
    fn sent(&self, inv: &Invoice, policy: &[Stage]) -> Option<usize> {
        let own = self.by_invoice.get(inv.id.as_str()).into_iter().flatten().copied();
        let via_customer = self
            .by_customer
            .get(inv.customer.id.as_str())
            .into_iter()
            .flatten()
            .filter_map(|&(i, date)| {
                (date >= inv.issue_date && date >= inv.due_date + Duration::days(policy[i].offset_days)).then_some(i)
            });
        own.chain(via_customer).max()
    }

    fn last_notice(&self, customer: &Id) -> Option<NaiveDate> {
        self.told(customer).map(|(_, h)| h.date)
    }

    fn told(&self, customer: &Id) -> Option<(usize, &'a Sent)> {
        self.told.get(customer.as_str()).copied()
    }
}

fn fee_for(stage: &Stage, outstanding: Decimal, c: Currency) -> Result<Decimal> {
    Ok(match &stage.fee {
        // Written with the currency's minor digits, as every amount is ("10.00", not "10").
        Some(StageFee { fixed: Some(f), .. }) => round_to_minor(check_for_currency(f.0, c)?, c),
        Some(StageFee { percent: Some(p), .. }) => round_to_minor(outstanding * p.0 / Decimal::ONE_HUNDRED, c),
        _ => round_to_minor(Decimal::ZERO, c),
    })
}

/// The day a stage falls on for an invoice due on `due`, within the years overdue handles.
fn stage_date(due: NaiveDate, offset: i64, path: &str, stage: &str) -> Result<NaiveDate> {
    crate::date::in_range(
        due.checked_add_signed(Duration::days(offset)),
        path,
        &format!("The stage \"{stage}\""),
    )
}

/// What to send today.
///
/// # Errors
/// Invalid invoices, a bad policy (see [`check_policy`]), or a history entry naming an unknown stage
/// (`invalid_value` at `history[i].stageId`), neither an invoice nor a customer, or dated after
/// `asOf` (`invalid_date_order` at `history[i].date`: a notice not yet sent cannot move the ladder).
pub fn next_actions(input: &NextActionsInput) -> Result<NextActions> {
    validate_invoices(&input.invoices, "invoices")?;
    let policy = policy_or_default(input.policy.as_deref())?;
    let policy: &[Stage] = &policy;
    let history: &[Sent] = input.history.as_deref().unwrap_or(&[]);
    for (i, h) in history.iter().enumerate() {
        if stage_index(policy, &h.stage_id).is_none() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("history[{i}].stageId"),
                format!("\"{}\" is not a stage of the policy.", h.stage_id),
            ));
        }
        if h.date > input.as_of {
            return Err(Error::new(
                ErrorCode::InvalidDateOrder,
                format!("history[{i}].date"),
                format!(
                    "This notice is dated {}, after asOf ({}): history lists what was sent.",
                    h.date, input.as_of
                ),
            ));
        }
        if h.invoice_id.is_none() && h.customer_id.is_none() {
            return Err(Error::new(
                ErrorCode::MissingField,
                format!("history[{i}].invoiceId"),
                "A history entry names an invoice (`invoiceId`) or a customer (`customerId`).",
            ));
        }
    }
    let index = HistoryIndex::new(history, policy, &input.invoices);
    let as_of = input.as_of;
    let mut deferred = Vec::new();
    let mut upcoming = Vec::new();
    struct Group<'a> {
        first: &'a Invoice,
        rows: Vec<(usize, ActionInvoice)>,
    }
    let mut groups: Groups<Group> = Groups::new();
    for (inv_index, inv) in input.invoices.iter().enumerate() {
        let out = inv.outstanding_as_of(as_of);
        if inv.issue_date > as_of || out <= Decimal::ZERO {
            continue;
        }
        let sent = index.sent(inv, policy);
        let from_due = days_between(inv.due_date, as_of);
        let next = sent.map_or(0, |s| s + 1);
        // The highest stage now due, but not past the first unsent required one, nor past the stage
        // the last notice announced: a final notice or a plan offer names what follows it, and a
        // catch-up after a gap does not skip what was promised.
        let announced = sent.is_some_and(|s| matches!(policy[s].template.as_str(), "final" | "plan"));
        let mut target: Option<usize> = None;
        for (i, s) in policy.iter().enumerate().skip(next) {
            if s.offset_days > from_due {
                break;
            }
            target = Some(i);
            if s.required.unwrap_or(false) || announced {
                break;
            }
        }
        let Some(t) = target else {
            if let Some(s) = policy.get(next) {
                upcoming.push(Upcoming {
                    customer_id: inv.customer.id.clone(),
                    invoice_id: inv.id.clone(),
                    stage_id: s.id.clone(),
                    date: stage_date(
                        inv.due_date,
                        s.offset_days,
                        &format!("invoices[{}].dueDate", inv_index),
                        &s.name,
                    )?,
                });
            }
            continue;
        };
        let stage = &policy[t];
        if inv.disputed {
            deferred.push(Deferred {
                customer_id: inv.customer.id.clone(),
                invoice_id: inv.id.clone(),
                stage_id: Some(stage.id.clone()),
                reason: DeferReason::Disputed,
                until: None,
            });
            continue;
        }
        if let Some(p) = inv.promised_date.filter(|p| *p >= as_of) {
            deferred.push(Deferred {
                customer_id: inv.customer.id.clone(),
                invoice_id: inv.id.clone(),
                stage_id: Some(stage.id.clone()),
                reason: DeferReason::Promised,
                until: Some(crate::date::in_range(
                    p.succ_opt(),
                    &format!("invoices[{}].promisedDate", inv_index),
                    "The day after the promised date",
                )?),
            });
            continue;
        }
        let fee = fee_for(stage, out, inv.currency)?;
        let g = groups.slot(inv.currency, inv.customer.id.as_str(), || Group {
            first: inv,
            rows: Vec::new(),
        });
        g.rows.push((
            t,
            ActionInvoice {
                id: inv.id.clone(),
                stage_id: stage.id.clone(),
                template: stage.template.clone(),
                days_past_due: from_due.max(0),
                outstanding: round_to_minor(out, inv.currency),
                fee,
            },
        ));
    }
    let mut actions = Vec::new();
    for g in groups.items {
        let c = g.first.currency;
        let top = g.rows.iter().map(|(t, _)| *t).max().unwrap_or(0);
        let stage = &policy[top];
        // The gap is counted from the last notice to this customer, whatever it covered.
        if let Some(last) = index.last_notice(&g.first.customer.id) {
            let until = crate::date::in_range(
                last.checked_add_signed(Duration::days(stage.min_gap_days.unwrap_or(0))),
                "asOf",
                "The end of the gap after the last notice",
            )?;
            if until > as_of {
                for (_, r) in &g.rows {
                    deferred.push(Deferred {
                        customer_id: g.first.customer.id.clone(),
                        invoice_id: r.id.clone(),
                        stage_id: Some(r.stage_id.clone()),
                        reason: DeferReason::MinGap,
                        until: Some(until),
                    });
                }
                continue;
            }
        }
        let told = index.told(&g.first.customer.id);
        let outstanding = g.rows.iter().map(|(_, r)| r.outstanding).sum::<Decimal>();
        // Only what the notice asks for bears its stage's fee: an invoice at an earlier stage of its
        // own is listed, not demanded, so its fee waits for its own notice.
        let mut rows = g.rows;
        for (t, r) in rows.iter_mut() {
            if *t != top || stage.fee.as_ref().is_some_and(|f| f.per == FeePer::Notice) {
                r.fee = round_to_minor(Decimal::ZERO, c);
            }
        }
        let fees = match &stage.fee {
            Some(f) if f.per == FeePer::Notice => {
                let asked = rows
                    .iter()
                    .filter(|(t, _)| *t == top)
                    .map(|(_, r)| r.outstanding)
                    .sum::<Decimal>();
                fee_for(stage, asked, c)?
            }
            _ => rows.iter().map(|(_, r)| r.fee).sum::<Decimal>(),
        };
        let keys = rows
            .iter()
            .enumerate()
            .map(|(i, (_, r))| (0, -i128::from(r.days_past_due), i as u32))
            .collect();
        let rows: Vec<ActionInvoice> = arrange(rows.into_iter().map(|(_, r)| r).collect(), &order(keys));
        actions.push((
            top,
            Action {
                customer_id: g.first.customer.id.clone(),
                name: g.first.customer.name.clone(),
                currency: c,
                stage_id: stage.id.clone(),
                stage_name: stage.name.clone(),
                channel: stage.channel,
                template: stage.template.clone(),
                phone_script: stage.phone_script.unwrap_or(false),
                invoices: rows,
                outstanding: round_to_minor(outstanding, c),
                fees: round_to_minor(fees, c),
                previous_notices: told.map_or(0, |t| t.0),
                last_notice: told.map(|(_, h)| LastNotice {
                    stage_id: h.stage_id.clone(),
                    date: h.date,
                    channel: h.channel,
                }),
                first_contact: told.is_none(),
                next_stage: policy
                    .get(top + 1)
                    .map_or_else(|| String::from("none"), |n| n.template.clone()),
            },
        ));
    }
    let keys = actions
        .iter()
        .enumerate()
        .map(|(i, (t, a))| {
            // The stage and the amount in fields of their own: packed into one number, a large
            // enough amount spilled into the stage. Amounts compare at one scale (4 places covers
            // every currency's minor units) rather than by their digits at their own scales.
            let mut amount = a.outstanding;
            amount.rescale(4);
            ((MAX_STAGES - *t) as u64, -amount.mantissa(), i as u32)
        })
        .collect();
    let actions = arrange(actions, &order(keys)).into_iter().map(|(_, a)| a).collect();
    Ok(NextActions {
        as_of,
        actions,
        deferred,
        upcoming,
    })
}

/// Input of [`preview_ladder`].
#[derive(Debug, Clone)]
pub struct PreviewInput {
    pub as_of: NaiveDate,
    pub invoice: Invoice,
    pub policy: Option<Vec<Stage>>,
}
crate::decode_struct!(PreviewInput {
    as_of: "asOf",
    invoice: "invoice",
    policy: "policy" = default
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedStage {
    pub stage_id: String,
    pub name: String,
    pub channel: Channel,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    pub status: PlannedStatus,
    pub required: bool,
}

/// The dated plan of what will be sent when for one invoice, if it stays unpaid.
///
/// # Errors
/// An invalid invoice (paths under `invoice`) or policy; `invalid_date` at `invoice.dueDate` when a
/// stage would fall after 9999-12-31.
pub fn preview_ladder(input: &PreviewInput) -> Result<Vec<PlannedStage>> {
    input.invoice.validate().map_err(|e| e.within("invoice"))?;
    let policy = policy_or_default(input.policy.as_deref())?;
    let policy: &[Stage] = &policy;
    policy
        .iter()
        .map(|s| {
            let date = stage_date(input.invoice.due_date, s.offset_days, "invoice.dueDate", &s.name)?;
            Ok(PlannedStage {
                stage_id: s.id.clone(),
                name: s.name.clone(),
                channel: s.channel,
                date,
                status: if date < input.as_of {
                    PlannedStatus::Past
                } else {
                    PlannedStatus::Planned
                },
                required: s.required.unwrap_or(false),
            })
        })
        .collect()
}

//! The values a notice template sees (documented in [`super::vars`]), with money and dates already
//! written for the locale.

use super::builtin::{phrases, Phrases};
use super::vars::Needs;
use super::{NoticeInput, Settings, STAGES};
use crate::currency::Currency;
use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::locale::{Language, Locale};
use crate::money::{check_for_currency, round_to_minor, Amount};
use crate::order::Keyed;
use chrono::Duration;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;
use upon::Value;

pub(crate) struct Context {
    pub value: Value,
    pub reply_by: Option<Date>,
}

/// A template map whose keys are overdue's own names, borrowed rather than copied.
struct Map(BTreeMap<Cow<'static, str>, Value>);

impl Map {
    fn new() -> Map {
        Map(BTreeMap::new())
    }
    fn text(&mut self, k: &'static str, v: impl Into<String>) -> &mut Map {
        self.0.insert(Cow::Borrowed(k), Value::String(v.into()));
        self
    }
    fn put(&mut self, k: &'static str, v: Value) -> &mut Map {
        self.0.insert(Cow::Borrowed(k), v);
        self
    }
    fn done(&mut self) -> Value {
        Value::Map(std::mem::take(&mut self.0))
    }
}

/// A top-level variable's name and its [`Needs`] bit, the bit found when compiling.
macro_rules! top {
    ($name:literal) => {
        ($name, {
            const BIT: u64 = super::vars::top_bit($name);
            BIT
        })
    };
}

/// A `sender` or `customer` field's name and its [`Needs`] bit, likewise.
macro_rules! field {
    ($group:literal, $name:literal) => {
        ($name, {
            const BIT: u32 = super::vars::field_bit(concat!($group, ".", $name));
            BIT
        })
    };
}

/// The top-level values: only those the template reads (`needs`) are made at all. The rest had
/// been half of a notice's allocations.
struct Top {
    map: Map,
    needs: Needs,
}

impl Top {
    fn put(&mut self, (k, bit): (&'static str, u64), v: impl FnOnce() -> Value) {
        if self.needs.has_top(bit) {
            self.map.put(k, v());
        }
    }
}

/// The fields of `sender` or `customer`: likewise only those the template reads.
struct Group {
    map: Map,
    needs: Needs,
}

impl Group {
    fn put(&mut self, (k, bit): (&'static str, u32), v: impl FnOnce() -> Value) -> &mut Group {
        if self.needs.has_field_bit(bit) {
            self.map.put(k, v());
        }
        self
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn optional(v: Option<&str>) -> Value {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or(Value::None, |s| Value::String(s.to_string()))
}

fn lines(s: Option<&str>) -> Value {
    Value::List(
        s.unwrap_or("")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Value::String(l.to_string()))
            .collect(),
    )
}

/// Days after `as_of` a reply is asked for, by stage, when the caller gives no date: a week for
/// reminders, ten days for the final notice, two weeks to accept a plan, and the thirty days the
/// English pre-action protocol for debt claims asks a letter before claim to allow.
fn reply_days(stage: &str) -> Option<i64> {
    match stage {
        "courtesy" => None,
        "friendly" | "followup" | "agency" => Some(7),
        "final" => Some(10),
        "plan" => Some(14),
        _ => Some(30),
    }
}

/// `"A-1, A-2 and A-3"`.
fn numbers_phrase(numbers: &[&str], and: &str) -> String {
    match numbers {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Why an invoice is held: never asked for.
#[derive(Clone, Copy, PartialEq)]
enum Hold {
    Disputed,
    Promised(Date),
}

struct Row {
    number: String,
    issue: Date,
    due: Date,
    amount: Decimal,
    paid: Decimal,
    outstanding: Decimal,
    days: i64,
    hold: Option<Hold>,
    /// A promise to pay whose date has passed unpaid.
    lapsed: Option<Date>,
}

/// The invoices of a notice in their places: asked for under this stage's words, listed for
/// information (not yet due, or at an earlier stage of their own), or held (disputed, promised).
struct Places {
    asked: Vec<Row>,
    also: Vec<Row>,
    held: Vec<Row>,
}

/// Where each invoice goes. A courtesy reminder asks for what falls due (saying "falls due soon" of
/// an overdue invoice would be untrue; it is listed); every other stage asks for what is overdue and
/// not held, and not at an earlier stage of its own (`invoiceStages`).
fn places(input: &NoticeInput, s: &Settings, currency: Currency) -> Result<Places> {
    let stage_at = |name: &str| STAGES.iter().position(|x| *x == name);
    let this = stage_at(s.stage).unwrap_or(0);
    let courtesy = s.stage == "courtesy";
    let mut p = Places {
        asked: Vec::new(),
        also: Vec::new(),
        held: Vec::new(),
    };
    let mut by_days: Vec<(Row, usize)> = Vec::new();
    let offsets: Vec<i64> = crate::ladder::default_policy()
        .iter()
        .map(|st| st.offset_days)
        .collect();
    // With `invoiceStages` (a `nextActions` action's rows), each invoice's own stage, found by id;
    // an invoice not among them has no notice due today: it is listed, not demanded.
    // One map type (id → position) for every lookup in a notice, so each costs no new code.
    let staged = input.invoice_stages.as_deref().filter(|st| !st.is_empty()).map(|st| {
        let mut at: Keyed<usize> = Keyed::new();
        for (i, row) in st.iter().enumerate() {
            at.entry(row.id.as_str(), || i);
        }
        (st, at)
    });
    for inv in &input.invoices {
        let outstanding = round_to_minor(inv.outstanding_as_of(input.as_of), currency);
        if outstanding <= Decimal::ZERO {
            continue;
        }
        let promised = inv.promised_date;
        let hold = if inv.disputed {
            Some(Hold::Disputed)
        } else {
            promised.filter(|d| *d >= input.as_of).map(Hold::Promised)
        };
        let row = Row {
            number: inv.id.to_string(),
            issue: inv.issue_date,
            due: inv.due_date,
            amount: inv.amount.0,
            paid: inv.amount.0 - outstanding,
            outstanding,
            days: inv.days_from_due(input.as_of).max(0),
            hold,
            lapsed: promised.filter(|d| *d < input.as_of),
        };
        let own = staged.as_ref().map(|(st, at)| {
            at.get(inv.id.as_str())
                .and_then(|&i| st[i].template.as_deref().or(st[i].stage_id.as_deref()))
                .and_then(stage_at)
        });
        let is_due = if courtesy { row.days == 0 } else { row.days > 0 };
        if row.hold.is_some() {
            p.held.push(row);
        } else if !is_due {
            p.also.push(row);
        } else {
            match own {
                // Without the ladder's rows, each invoice's own stage is the default ladder's by its
                // days overdue (and the plan offer, an offer, takes in everything overdue).
                None => {
                    let o = if s.stage == "plan" {
                        STAGES.len()
                    } else {
                        default_stage(&offsets, row.days)
                    };
                    by_days.push((row, o));
                }
                Some(Some(o)) if o >= this => p.asked.push(row),
                Some(_) => p.also.push(row),
            }
        }
    }
    // The notice's stage applies to the most overdue invoices, and to others as far as their own
    // stage goes: a letter before action for an invoice 95 days late lists one 1 day late, never
    // reminded, rather than demanding it. A notice sent early (a final notice at 20 days) still asks
    // for its most overdue invoices.
    if let Some(top) = by_days.iter().map(|(_, o)| *o).max() {
        let threshold = this.min(top);
        for (row, o) in by_days {
            if o >= threshold {
                p.asked.push(row);
            } else {
                p.also.push(row);
            }
        }
    }
    if p.asked.is_empty() {
        let why = if !p.held.is_empty() && p.also.is_empty() {
            "Every invoice with something outstanding here is disputed or under a promise to pay: there is nothing to ask for now."
        } else if !p.also.is_empty() && courtesy {
            "Every invoice here is already overdue: a courtesy reminder is for invoices not yet due; use a reminder stage."
        } else if !p.also.is_empty() {
            "Nothing on these invoices is overdue at this stage: there is nothing to ask for under its words."
        } else {
            "Nothing is outstanding on these invoices on asOf: there is nothing to ask for."
        };
        return Err(Error::new(ErrorCode::InvalidValue, "invoices", why));
    }
    for rows in [&mut p.asked, &mut p.also, &mut p.held] {
        crate::order::sort_short(rows, |a, b| (a.due, &a.number) < (b.due, &b.number));
    }
    Ok(p)
}

/// The stage of the default ladder (whose stages are [`STAGES`] in order) an invoice `days`
/// overdue has reached.
fn default_stage(offsets: &[i64], days: i64) -> usize {
    offsets.iter().rposition(|o| *o <= days).unwrap_or(0)
}

/// What the history says about this customer before this notice: entries about an invoice not in
/// this notice, or addressed to another customer, are not this debt's history.
struct Past<'a> {
    count: usize,
    last: Option<&'a crate::ladder::Sent>,
    sent: [bool; 7],
}

fn past(input: &NoticeInput) -> Past<'_> {
    let history = input.history.as_deref().unwrap_or(&[]);
    let customer = &input.invoices[0].customer.id;
    let mut invoices: Keyed<usize> = Keyed::new();
    for (i, inv) in input.invoices.iter().enumerate() {
        invoices.entry(inv.id.as_str(), || i);
    }
    let ours = |h: &&crate::ladder::Sent| {
        h.date <= input.as_of
            && h.customer_id.as_ref().map_or(true, |c| c == customer)
            && h.invoice_id
                .as_ref()
                .map_or(true, |i| invoices.get(i.as_str()).is_some())
    };
    let mut p = Past {
        count: 0,
        last: None,
        sent: [false; 7],
    };
    for h in history.iter().filter(ours) {
        p.count += 1;
        if p.last.map_or(true, |l| h.date >= l.date) {
            p.last = Some(h);
        }
        if let Some(i) = STAGES.iter().position(|s| *s == h.stage_id) {
            p.sent[i] = true;
        }
    }
    p
}

/// The stage after `stage` on the default ladder.
fn default_next(stage: &str) -> &'static str {
    STAGES
        .iter()
        .position(|s| *s == stage)
        .and_then(|i| STAGES.get(i + 1))
        .copied()
        .unwrap_or("none")
}

/// The rows as the template's list items.
fn row_values(
    rows: &[Row],
    cells: &[[Cow<str>; 5]],
    date: &dyn Fn(Date) -> Value,
    money: &dyn Fn(Decimal) -> Value,
) -> Value {
    Value::List(
        rows.iter()
            .zip(cells)
            .map(|(r, c)| {
                Map::new()
                    .text("number", r.number.as_str())
                    .put("issueDate", date(r.issue))
                    .text("dueDate", &*c[1])
                    .text("amount", &*c[2])
                    .put("paid", money(r.paid))
                    .text("outstanding", &*c[3])
                    .put("daysOverdue", Value::Integer(r.days))
                    .put("overdue", Value::Bool(r.days > 0))
                    .done()
            })
            .collect(),
    )
}

/// Each figure of the rows written once, for the list and the table alike.
fn row_cells<'r>(rows: &'r [Row], loc: Locale, currency: Currency) -> Vec<[Cow<'r, str>; 5]> {
    rows.iter()
        .map(|r| {
            [
                Cow::Borrowed(r.number.as_str()),
                Cow::Owned(loc.date(r.due)),
                Cow::Owned(loc.money(r.amount, currency)),
                Cow::Owned(loc.money(r.outstanding, currency)),
                if r.days > 0 {
                    Cow::Owned(r.days.to_string())
                } else {
                    Cow::Borrowed("")
                },
            ]
        })
        .collect()
}

/// Builds the values; only the top-level ones in `needs` (those the template reads) are written,
/// but every input is checked whatever the template.
pub(crate) fn build(input: &NoticeInput, s: &Settings, needs: Needs) -> Result<Context> {
    let loc = s.locale;
    let p = phrases(s.language);
    let currency = input.invoices[0].currency;
    let money = |d: Decimal| Value::String(loc.money(d, currency));
    let date = |d: Date| Value::String(loc.date(d));
    let places = places(input, s, currency)?;
    let rows = &places.asked;
    let total: Decimal = rows.iter().map(|r| r.outstanding).sum();
    let past = past(input);

    let first = &input.invoices[0].customer;
    let none = super::Recipient::default();
    let given = input.customer.as_ref().unwrap_or(&none);
    let customer_name = given
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&first.name);
    let account = given.account_number.as_deref().or(first.account_number.as_deref());
    let email = given.email.as_deref().or(first.email.as_deref());
    let contact = given.contact_name.as_deref().map(str::trim).filter(|c| !c.is_empty());

    let reply_by = match input.reply_by {
        Some(d) => Some(d),
        // The Dutch final notice is the 14-day letter of art. 6:96(6) BW: fourteen days from its
        // receipt, taken as three days after it is sent.
        None if s.stage == "final" && s.language == Language::Nl => Some(crate::date::in_range(
            input.as_of.checked_add_signed(Duration::days(17)),
            "asOf",
            "The reply-by date",
        )?),
        None => reply_days(s.stage)
            .map(|d| {
                crate::date::in_range(
                    input.as_of.checked_add_signed(Duration::days(d)),
                    "asOf",
                    "The reply-by date",
                )
            })
            .transpose()?
            // A plan is accepted before its first payment (the down payment, or the first instalment)
            // is due, not after.
            .map(|d| {
                let first = input.plan.as_ref().and_then(|plan| {
                    let instalment = plan.schedule.first().map(|r| r.due_date);
                    let down = plan.down_payment.as_ref().map(|d| d.date);
                    instalment.into_iter().chain(down).min()
                });
                match first {
                    Some(first) if s.stage == "plan" && first <= d => first.pred_opt().unwrap_or(d).max(input.as_of),
                    _ => d,
                }
            }),
    };
    let payment_link = input.payment_link.as_deref().or(input.sender.payment_link.as_deref());

    let mut m = Top { map: Map::new(), needs };
    let want = |(_, bit): (&str, u64)| needs.has_top(bit);
    m.put(top!("asOf"), || date(input.as_of));
    m.put(top!("replyBy"), || reply_by.map_or(Value::None, date));
    // A follow-up is a "second reminder" only after a first one.
    let stage_name = if s.stage == "followup" && past.count == 0 {
        p.stage_name("friendly")
    } else {
        p.stage_name(s.stage)
    };
    m.put(top!("stage"), || {
        Map::new().text("id", s.stage).text("name", stage_name).done()
    });
    m.put(top!("byLetter"), || {
        Value::Bool(s.channel == crate::ladder::Channel::Letter)
    });
    m.put(top!("channel"), || text(s.channel.word()));
    let snd = &input.sender;
    m.put(top!("sender"), || {
        let mut g = Group { map: Map::new(), needs };
        g.put(field!("sender", "name"), || text(snd.name.trim()))
            .put(field!("sender", "address"), || optional(snd.address.as_deref()))
            .put(field!("sender", "addressLines"), || lines(snd.address.as_deref()))
            .put(field!("sender", "email"), || optional(snd.email.as_deref()))
            .put(field!("sender", "phone"), || optional(snd.phone.as_deref()))
            .put(field!("sender", "website"), || optional(snd.website.as_deref()))
            .put(field!("sender", "bankDetails"), || {
                optional(snd.bank_details.as_deref())
            })
            .put(field!("sender", "bankLines"), || lines(snd.bank_details.as_deref()))
            .put(field!("sender", "signatory"), || optional(snd.signatory.as_deref()))
            .put(field!("sender", "logoText"), || optional(snd.logo_text.as_deref()));
        g.map.done()
    });
    m.put(top!("customer"), || {
        let mut g = Group { map: Map::new(), needs };
        g.put(field!("customer", "name"), || text(customer_name.trim()))
            .put(field!("customer", "contactName"), || optional(contact))
            .put(field!("customer", "accountNumber"), || optional(account))
            .put(field!("customer", "email"), || optional(email))
            .put(field!("customer", "phone"), || optional(given.phone.as_deref()))
            .put(field!("customer", "address"), || optional(given.address.as_deref()))
            .put(field!("customer", "addressLines"), || lines(given.address.as_deref()));
        g.map.done()
    });
    let formal = matches!(s.stage, "final" | "agency" | "legal");
    let email_like = !matches!(s.channel, crate::ladder::Channel::Letter);
    m.put(top!("salutation"), || {
        text(p.salutation(contact, customer_name.trim(), formal, email_like))
    });
    m.put(top!("paymentLink"), || optional(payment_link));
    let cells = if !want(top!("invoices")) && !want(top!("invoiceTable")) {
        Vec::new()
    } else {
        row_cells(rows, loc, currency)
    };
    m.put(top!("invoices"), || row_values(rows, &cells, &date, &money));
    m.put(top!("invoiceCount"), || Value::Integer(rows.len() as i64));
    m.put(top!("several"), || Value::Bool(rows.len() > 1));
    m.put(top!("invoiceNumbers"), || {
        let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
        text(numbers_phrase(&numbers, p.and))
    });
    m.put(top!("invoiceTable"), || {
        text(invoice_table(cells, loc.money(total, currency), p))
    });
    m.put(top!("oldestDueDate"), || date(rows[0].due));
    let most = rows.iter().map(|r| r.days).max().unwrap_or(0);
    m.put(top!("mostDaysOverdue"), || Value::Integer(most));
    m.put(top!("oneDayOverdue"), || Value::Bool(s.language.singular(most)));
    m.put(top!("currency"), || text(currency.code()));
    m.put(top!("total"), || money(total));
    let also = &places.also;
    let also_total: Decimal = also.iter().map(|r| r.outstanding).sum();
    let also_cells = if also.is_empty() || (!want(top!("alsoOutstanding")) && !want(top!("alsoOutstandingTable"))) {
        Vec::new()
    } else {
        row_cells(also, loc, currency)
    };
    m.put(top!("alsoOutstanding"), || row_values(also, &also_cells, &date, &money));
    m.put(top!("alsoOutstandingTable"), || {
        if also.is_empty() {
            Value::None
        } else {
            text(invoice_table(also_cells.clone(), loc.money(also_total, currency), p))
        }
    });
    m.put(top!("alsoOutstandingTotal"), || {
        if also.is_empty() {
            Value::None
        } else {
            money(also_total)
        }
    });
    let held: &[Row] = if input.show_on_hold.unwrap_or(true) {
        &places.held
    } else {
        &[]
    };
    m.put(top!("onHold"), || {
        Value::List(
            held.iter()
                .map(|r| {
                    Map::new()
                        .text("number", r.number.as_str())
                        .put("outstanding", money(r.outstanding))
                        .put("disputed", Value::Bool(r.hold == Some(Hold::Disputed)))
                        .put(
                            "promisedDate",
                            match r.hold {
                                Some(Hold::Promised(d)) => date(d),
                                _ => Value::None,
                            },
                        )
                        .done()
                })
                .collect(),
        )
    });
    m.put(top!("previousNotices"), || Value::Integer(past.count as i64));
    m.put(top!("firstContact"), || Value::Bool(past.count == 0));
    m.put(top!("lastNotice"), || match past.last {
        None => Value::None,
        Some(h) => Map::new()
            .put("date", date(h.date))
            .text(
                "stage",
                if STAGES.contains(&h.stage_id.as_str()) {
                    p.stage_name(&h.stage_id)
                } else {
                    h.stage_id.as_str()
                },
            )
            .put("channel", h.channel.map_or(Value::None, |c| text(c.word())))
            .done(),
    });
    m.put(top!("sent"), || {
        let mut g = Map::new();
        for (i, st) in STAGES.iter().enumerate() {
            g.put(st, Value::Bool(past.sent[i]));
        }
        g.done()
    });
    let lapsed = rows.iter().filter_map(|r| r.lapsed).max();
    m.put(top!("lapsedPromise"), || lapsed.map_or(Value::None, date));
    let charged = charges(input, rows, s, currency)?;
    // The scale of the Besluit replaces the fixed sum of art. 6:96(4) BW; a notice already
    // claiming that sum does not announce the scale on top of it.
    let fixed_sum_claimed = charged.compensation > Decimal::ZERO;
    m.put(top!("collectionCosts"), || {
        if currency == Currency::EUR && !fixed_sum_claimed {
            money(round_to_minor(crate::charges::nl_collection_costs(total), currency))
        } else {
            Value::None
        }
    });

    let fees = match input.fees {
        Some(f) => check_for_currency(f.0, currency).map_err(|e| e.within("fees"))?,
        None => Decimal::ZERO,
    };
    if fees < Decimal::ZERO {
        return Err(Error::new(ErrorCode::InvalidAmount, "fees", "Fees cannot be negative."));
    }
    if fees > Decimal::ZERO && fixed_sum_claimed {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "fees",
            "The late-payment charges already claim the statutory fixed sum for the costs of recovery; a stage fee on top would claim those costs twice. Leave out the fee or the fixed sum.",
        ));
    }
    m.put(top!("fees"), || if fees.is_zero() { Value::None } else { money(fees) });
    let total_due = total + fees + charged.claimable;
    m.put(top!("charges"), || charged.value);
    m.put(top!("totalDue"), || money(total_due));
    match &input.plan {
        Some(plan) => {
            // Checked whatever the template reads, so a bad plan is an error everywhere.
            let (value, table) = plan_value(plan, loc, currency, p)?;
            m.put(top!("plan"), || value);
            m.put(top!("planTable"), || text(table));
        }
        None => {
            m.put(top!("plan"), || Value::None);
            m.put(top!("planTable"), || Value::None);
        }
    }
    let next = input.next_stage.as_deref().unwrap_or_else(|| default_next(s.stage));
    m.put(
        top!("nextStage"),
        || if next == "none" { Value::None } else { text(next) },
    );
    m.put(top!("consequence"), || {
        text(
            input
                .consequence
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| p.consequence(next)),
        )
    });
    Ok(Context {
        value: m.map.done(),
        reply_by,
    })
}

/// The charges on the invoices asked for: the template's `charges` group, what of them is still
/// claimable, and the fixed sums among them.
struct Charged {
    value: Value,
    claimable: Decimal,
    compensation: Decimal,
}

/// The charges on the invoices asked for, from a `lateCharges` result. Charges on invoices not
/// asked for are not claimed here.
fn charges(input: &NoticeInput, rows: &[Row], s: &Settings, currency: Currency) -> Result<Charged> {
    let none = Charged {
        value: Value::None,
        claimable: Decimal::ZERO,
        compensation: Decimal::ZERO,
    };
    let Some(ch) = &input.charges else {
        return Ok(none);
    };
    let mut row_at: Keyed<usize> = Keyed::new();
    for (i, r) in rows.iter().enumerate() {
        row_at.entry(r.number.as_str(), || i);
    }
    let loc = s.locale;
    let p = phrases(s.language);
    let money = |d: Decimal| Value::String(loc.money(d, currency));
    let (mut interest, mut compensation, mut ch_fees, mut claimable, mut daily) = (
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
    );
    let mut explanations = Vec::new();
    let mut basis = Vec::new();
    for (i, line) in ch.invoices.iter().enumerate() {
        let Some(&row) = row_at.get(line.id.as_str()) else {
            continue;
        };
        let at = |f: &str| format!("charges.invoices[{i}].{f}");
        let amount = |a: Amount, f: &str| -> Result<Decimal> {
            let v = check_for_currency(a.0, currency).map_err(|e| e.within(&at(f)))?;
            if v < Decimal::ZERO {
                return Err(Error::new(
                    ErrorCode::InvalidAmount,
                    at(f),
                    "A charge cannot be negative.",
                ));
            }
            Ok(v)
        };
        let (li, lc, lf) = (
            amount(line.interest, "interest")?,
            amount(line.compensation, "compensation")?,
            amount(line.fees, "fees")?,
        );
        interest += li;
        compensation += lc;
        ch_fees += lf;
        if let Some(d) = line.daily_interest {
            daily += amount(d, "dailyInterest")?;
        }
        claimable += match line.claimable {
            Some(c) => amount(c, "claimable")?,
            None => li + lc + lf,
        };
        if let Some(e) = line.explanation.as_deref().filter(|e| !e.trim().is_empty()) {
            crate::invoice::check_len(e, crate::invoice::MAX_LONG_TEXT)
                .map_err(|err| err.within(&at("explanation")))?;
            explanations.push(Value::String(format!("{}: {}", line.id, e.trim())));
        }
        if let (Some(rate), Some(from)) = (line.rate, line.interest_from) {
            if !li.is_zero() {
                basis.push((row, line.id.as_str(), rate.0, from));
            }
        }
    }
    // In the table's order; one sentence when every invoice bears the same rate from the day after
    // it fell due, as a reader would write it.
    basis.sort_by_key(|b| b.0);
    let same = basis.len() > 1
        && basis
            .iter()
            .all(|b| b.2 == basis[0].2 && rows[b.0].due.succ_opt() == Some(b.3));
    let basis: Vec<Value> = if same {
        vec![Value::String(p.charge_basis_all(
            &percent(loc, basis[0].2),
            ch.kind,
            ch.consumer,
        ))]
    } else {
        basis
            .iter()
            .map(|b| Value::String(p.charge_basis(b.1, &percent(loc, b.2), &loc.date(b.3), ch.kind, ch.consumer)))
            .collect()
    };
    let sum = interest + compensation + ch_fees;
    if sum.is_zero() && explanations.is_empty() {
        return Ok(none);
    }
    let opt_money = |d: Decimal| if d.is_zero() { Value::None } else { money(d) };
    let lines: Vec<Value> = [
        ("charges.interest", interest),
        ("charges.compensation", compensation),
        ("charges.fees", ch_fees),
    ]
    .into_iter()
    .filter(|(_, d)| !d.is_zero())
    .map(|(label, d)| {
        Map::new()
            .text("label", p.charge_label(label, ch.kind))
            .put("amount", money(d))
            .done()
    })
    .collect();
    let paid = sum - claimable;
    let value = Map::new()
        .put("lines", Value::List(lines))
        .put("interest", opt_money(interest))
        .put("compensation", opt_money(compensation))
        .put("fees", opt_money(ch_fees))
        .put("total", money(sum))
        .put("paid", opt_money(paid.max(Decimal::ZERO)))
        .put("claimable", money(claimable))
        .put("daily", opt_money(daily))
        .put("law", ch.kind.map_or(Value::None, |k| text(p.law(k, ch.consumer))))
        .put(
            "statement",
            ch.kind
                .map(|k| p.statement(k))
                .filter(|t| !t.is_empty())
                .map_or(Value::None, text),
        )
        .put("basis", Value::List(basis))
        .put("explanation", Value::List(explanations))
        .done();
    Ok(Charged {
        value,
        claimable,
        compensation,
    })
}

fn plan_value(plan: &super::PlanIn, loc: Locale, currency: Currency, p: &Phrases) -> Result<(Value, String)> {
    if plan.schedule.is_empty() {
        return Err(Error::new(
            ErrorCode::MissingField,
            "plan.schedule",
            "A payment plan needs at least one instalment.",
        ));
    }
    let mut rows = Vec::with_capacity(plan.schedule.len());
    let mut cells: Vec<[Cow<str>; 3]> = vec![[
        Cow::Borrowed(p.label("schedule.number")),
        Cow::Borrowed(p.label("schedule.date")),
        Cow::Borrowed(p.label("schedule.amount")),
    ]];
    for (i, r) in plan.schedule.iter().enumerate() {
        let amount =
            check_for_currency(r.payment.0, currency).map_err(|e| e.within(&format!("plan.schedule[{i}].payment")))?;
        cells.push([
            Cow::Owned(r.number.to_string()),
            Cow::Owned(loc.date(r.due_date)),
            Cow::Owned(loc.money(amount, currency)),
        ]);
        rows.push(
            Map::new()
                .put("number", Value::Integer(i64::from(r.number)))
                .text("date", loc.date(r.due_date))
                .text("amount", loc.money(amount, currency))
                .done(),
        );
    }
    let first = &plan.schedule[0];
    let last = &plan.schedule[plan.schedule.len() - 1];
    let paid = check_for_currency(plan.totals.paid.0, currency).map_err(|e| e.within("plan.totals.paid"))?;
    let mut m = Map::new();
    m.put("count", Value::Integer(plan.schedule.len() as i64))
        .put("single", Value::Bool(plan.schedule.len() == 1))
        .text("instalment", loc.money(first.payment.0, currency))
        // "6 instalments of £500.08" is untrue when the last is £500.09: the last is named.
        .put(
            "lastInstalment",
            if plan.schedule.len() > 1 && last.payment.0 != first.payment.0 {
                Value::String(loc.money(last.payment.0, currency))
            } else {
                Value::None
            },
        )
        .text("total", loc.money(paid, currency))
        .text("firstDate", loc.date(first.due_date))
        .text("lastDate", loc.date(last.due_date));
    match &plan.down_payment {
        Some(d) => {
            let amount = check_for_currency(d.amount.0, currency).map_err(|e| e.within("plan.downPayment.amount"))?;
            m.text("downPayment", loc.money(amount, currency))
                .text("downPaymentDate", loc.date(d.date));
        }
        None => {
            m.put("downPayment", Value::None).put("downPaymentDate", Value::None);
        }
    }
    // What the reader's law calls the APR: in the United States (Regulation Z) the nominal rate, in
    // the UK and the EU (CCA 1974, Directive 2008/48/EC) the effective annual rate: 10 % nominal
    // over 12 monthly periods is 10.47 %. Without the effective rate, a European notice prints none.
    let rate = if loc == Locale::EnUs {
        plan.apr
    } else {
        plan.effective_annual_rate
    };
    m.put(
        "apr",
        match rate {
            Some(a) if !a.0.is_zero() => Value::String(percent(loc, a.0)),
            _ => Value::None,
        },
    );
    m.put("instalments", Value::List(rows));
    if let Some(d) = &plan.down_payment {
        cells.insert(
            1,
            [
                Cow::Borrowed(p.label("schedule.down")),
                Cow::Owned(loc.date(d.date)),
                Cow::Owned(loc.money(d.amount.0, currency)),
            ],
        );
    }
    Ok((m.done(), table(&cells, &[false, false, true], None)))
}

/// `5.12%`, `5,12 %` (French, German and Spanish put a no-break space before the sign).
fn percent(loc: Locale, v: Decimal) -> String {
    // Two places as rates are published, and a third where the rate has one (Prompt Payment 4.625 %).
    let mut r = crate::money::round_dp(v.abs(), 3).normalize();
    if r.scale() < 2 {
        r.rescale(2);
    }
    let n = loc.number(r);
    let sign = if v.is_sign_negative() { "-" } else { "" };
    match loc.language() {
        Language::En | Language::Nl => format!("{sign}{n}%"),
        _ => format!("{sign}{n}\u{a0}%"),
    }
}

/// The invoices as an aligned plain-text table: number, due date, amount, outstanding, days
/// overdue, and a total line.
fn invoice_table(rows: Vec<[Cow<str>; 5]>, total: String, p: &Phrases) -> String {
    let h = &p.table;
    let mut cells: Vec<[Cow<str>; 5]> = Vec::with_capacity(rows.len() + 1);
    cells.push([
        Cow::Borrowed(h[0]),
        Cow::Borrowed(h[1]),
        Cow::Borrowed(h[2]),
        Cow::Borrowed(h[3]),
        Cow::Borrowed(h[4]),
    ]);
    cells.extend(rows);
    let total_row = [
        Cow::Borrowed(h[5]),
        Cow::Borrowed(""),
        Cow::Borrowed(""),
        Cow::Owned(total),
        Cow::Borrowed(""),
    ];
    table(&cells, &[false, false, true, true, true], Some(&total_row))
}

/// Columns padded to their widest cell, figures right-aligned, an optional total under a rule.
fn table<const N: usize>(cells: &[[Cow<str>; N]], right: &[bool; N], total: Option<&[Cow<str>; N]>) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|c| {
            cells
                .iter()
                .chain(total)
                .map(|row| row[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line_width: usize = widths.iter().sum::<usize>() + 2 * (N - 1);
    let mut out = String::with_capacity((cells.len() + 2) * (line_width + 8));
    // Spaces copied in runs: pushing them one `char` at a time was a visible part of a notice.
    let pad = |out: &mut String, mut n: usize| {
        const SPACES: &str = "                                ";
        while n > 0 {
            let k = n.min(SPACES.len());
            out.push_str(&SPACES[..k]);
            n -= k;
        }
    };
    let line = |row: &[Cow<str>; N], out: &mut String| {
        for (c, cell) in row.iter().enumerate() {
            let gap = widths[c] - cell.chars().count();
            if c > 0 {
                out.push_str("  ");
            }
            if right[c] {
                pad(out, gap);
                out.push_str(cell);
            } else {
                out.push_str(cell);
                pad(out, gap);
            }
        }
        out.truncate(out.trim_end_matches(' ').len());
        out.push('\n');
    };
    for row in cells {
        line(row, &mut out);
    }
    if let Some(t) = total {
        out.extend(std::iter::repeat('-').take(line_width));
        out.push('\n');
        line(t, &mut out);
    }
    out.pop();
    out
}

//! The values a notice template sees (documented in [`super::vars`]), with money and dates already
//! written for the locale.

use super::builtin::{phrases, Phrases};
use super::vars::Needs;
use super::{NoticeInput, Settings};
use crate::currency::Currency;
use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::locale::{Language, Locale};
use crate::money::{check_for_currency, round_to_minor};
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
            const BIT: u32 = super::vars::top_bit($name);
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
    fn put(&mut self, (k, bit): (&'static str, u32), v: impl FnOnce() -> Value) {
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

struct Row {
    number: String,
    issue: Date,
    due: Date,
    amount: Decimal,
    paid: Decimal,
    outstanding: Decimal,
    days: i64,
}

/// Builds the values; only the top-level ones in `needs` (those the template reads) are written,
/// but every input is checked whatever the template.
pub(crate) fn build(input: &NoticeInput, s: &Settings, needs: Needs) -> Result<Context> {
    let loc = s.locale;
    let p = phrases(s.language);
    let currency = input.invoices[0].currency;
    let money = |d: Decimal| Value::String(loc.money(d, currency));
    let date = |d: Date| Value::String(loc.date(d));

    let mut rows: Vec<Row> = input
        .invoices
        .iter()
        .map(|inv| {
            let outstanding = round_to_minor(inv.outstanding_as_of(input.as_of), currency);
            Row {
                number: inv.id.to_string(),
                issue: inv.issue_date,
                due: inv.due_date,
                amount: inv.amount.0,
                paid: inv.amount.0 - outstanding,
                outstanding,
                days: inv.days_from_due(input.as_of).max(0),
            }
        })
        .filter(|r| r.outstanding > Decimal::ZERO)
        .collect();
    if rows.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "invoices",
            "Nothing is outstanding on these invoices on asOf: there is nothing to ask for.",
        ));
    }
    crate::order::sort_short(&mut rows, |a, b| (a.due, &a.number) < (b.due, &b.number));
    let total: Decimal = rows.iter().map(|r| r.outstanding).sum();

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
        None => reply_days(s.stage)
            .map(|d| {
                crate::date::in_range(
                    input.as_of.checked_add_signed(Duration::days(d)),
                    "asOf",
                    "The reply-by date",
                )
            })
            .transpose()?,
    };
    let payment_link = input.payment_link.as_deref().or(input.sender.payment_link.as_deref());

    let mut m = Top { map: Map::new(), needs };
    let want = |(_, bit): (&str, u32)| needs.has_top(bit);
    m.put(top!("asOf"), || date(input.as_of));
    m.put(top!("replyBy"), || reply_by.map_or(Value::None, date));
    m.put(top!("stage"), || {
        Map::new()
            .text("id", s.stage)
            .text("name", p.stage_name(s.stage))
            .done()
    });
    m.put(top!("channel"), || text(channel_word(s.channel)));
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
    m.put(top!("salutation"), || text(p.salutation(contact)));
    m.put(top!("paymentLink"), || optional(payment_link));
    // Each figure is written once, for the list and the table alike.
    let cells: Vec<[Cow<str>; 5]> = if !want(top!("invoices")) && !want(top!("invoiceTable")) {
        Vec::new()
    } else {
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
    };
    m.put(top!("invoices"), || {
        Value::List(
            rows.iter()
                .zip(&cells)
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
    });
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
    m.put(top!("mostDaysOverdue"), || {
        Value::Integer(rows.iter().map(|r| r.days).max().unwrap_or(0))
    });
    m.put(top!("currency"), || text(currency.code()));
    m.put(top!("total"), || money(total));

    let fees = match input.fees {
        Some(f) => check_for_currency(f.0, currency).map_err(|e| e.within("fees"))?,
        None => Decimal::ZERO,
    };
    m.put(top!("fees"), || if fees.is_zero() { Value::None } else { money(fees) });
    let mut total_due = total + fees;
    let mut charges_value = Value::None;
    if let Some(ch) = &input.charges {
        let (mut interest, mut compensation, mut ch_fees) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut explanations = Vec::new();
        for (i, line) in ch.invoices.iter().enumerate() {
            if !rows.iter().any(|r| r.number == line.id.as_str()) {
                continue;
            }
            let at = |f: &str| format!("charges.invoices[{i}].{f}");
            interest += check_for_currency(line.interest.0, currency).map_err(|e| e.within(&at("interest")))?;
            compensation +=
                check_for_currency(line.compensation.0, currency).map_err(|e| e.within(&at("compensation")))?;
            ch_fees += check_for_currency(line.fees.0, currency).map_err(|e| e.within(&at("fees")))?;
            if let Some(e) = line.explanation.as_deref().filter(|e| !e.trim().is_empty()) {
                crate::invoice::check_len(e, crate::invoice::MAX_LONG_TEXT)
                    .map_err(|err| err.within(&at("explanation")))?;
                explanations.push(Value::String(format!("{}: {}", line.id, e.trim())));
            }
        }
        let sum = interest + compensation + ch_fees;
        if !sum.is_zero() || !explanations.is_empty() {
            total_due += sum;
            let opt_money = |d: Decimal| if d.is_zero() { Value::None } else { money(d) };
            let lines: Vec<Value> = [
                ("charges.interest", interest),
                ("charges.compensation", compensation),
                ("charges.fees", ch_fees),
            ]
            .into_iter()
            .filter(|(_, d)| !d.is_zero())
            .map(|(label, d)| Map::new().text("label", p.label(label)).put("amount", money(d)).done())
            .collect();
            charges_value = Map::new()
                .put("lines", Value::List(lines))
                .put("interest", opt_money(interest))
                .put("compensation", opt_money(compensation))
                .put("fees", opt_money(ch_fees))
                .put("total", money(sum))
                .put("explanation", Value::List(explanations))
                .done();
        }
    }
    m.put(top!("charges"), || charges_value);
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
    m.put(top!("consequence"), || {
        text(
            input
                .consequence
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .unwrap_or(p.consequence),
        )
    });
    Ok(Context {
        value: m.map.done(),
        reply_by,
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
        .text("instalment", loc.money(first.payment.0, currency))
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
    m.put(
        "apr",
        match plan.apr {
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
    let n = loc.number(crate::money::round_dp(v.abs(), 2));
    let sign = if v.is_sign_negative() { "-" } else { "" };
    match loc.language() {
        Language::En | Language::Nl => format!("{sign}{n}%"),
        _ => format!("{sign}{n}\u{a0}%"),
    }
}

fn channel_word(c: crate::ladder::Channel) -> &'static str {
    use crate::ladder::Channel::*;
    match c {
        Email => "email",
        Letter => "letter",
        Phone => "phone",
        Sms => "sms",
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

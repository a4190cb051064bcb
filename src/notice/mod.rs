//! Reminder notices: `renderNotice` writes the subject, plain text and HTML of one consolidated
//! notice to one customer, from a built-in template (every default stage × channel × language) or
//! from the user's own.
//!
//! Templates are [upon](https://docs.rs/upon) templates (`{{ customer.name }}`, `{% if %}`,
//! `{% for invoice in invoices %}`). upon was chosen over minijinja for size: measured alone on
//! wasm32 after wasm-opt, upon adds about 70 KB gzip and minijinja about 140 KB.
//!
//! Untrusted templates are checked before they run ([`check`]): unknown variables and syntax errors
//! are reported with line and column and the nearest known name; the work a render does is bounded
//! while it runs by a step budget ([`MAX_STEPS`]); output stops at [`MAX_OUTPUT`] bytes; what a
//! custom HTML template writes passes an allow-list ([`sanitize`]) into overdue's own document. Every
//! value inserted into HTML is escaped, the plain text gets no markup, and the subject never contains
//! a line break.

mod builtin;
pub mod check;
mod context;
pub(crate) mod engine;
pub mod sanitize;
mod validate;
pub mod vars;

use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{check_len, check_text, validate_invoices, Id, Invoice, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::ladder::Channel;
use crate::locale::{Language, Locale};
use crate::money::Amount;
use serde::Serialize;

pub use builtin::{builtin_source, STAGES};
pub use check::{Problem, TemplateCheck};
pub use validate::validate_template;

/// Longest template part (subject, text or html), in characters.
pub const MAX_TEMPLATE: usize = 100_000;
/// Longest rendered part, in bytes.
pub const MAX_OUTPUT: usize = 1 << 20;
/// Most template steps one part may take to render (every instruction, loop iteration and lookup,
/// and every value a template copies; counted by the vendored upon). The built-in templates take
/// under a tenth of it for the most invoices a notice may hold; a render stopped at the budget
/// costs a few milliseconds.
pub const MAX_STEPS: u64 = 2_000_000;
/// Most invoices in one notice.
pub const MAX_NOTICE_INVOICES: usize = 1_000;
/// Most rows of a payment-plan schedule shown in one notice.
pub const MAX_PLAN_ROWS: usize = 1_200;

/// The sender: who is owed, and how to pay them. The page keeps the same record in its workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sender {
    /// Required for a notice (`empty_text` when blank); may be empty in a workspace still being set up.
    #[serde(default)]
    pub name: String,
    /// Several lines allowed.
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// Bank details as they should appear, possibly on several lines.
    #[serde(default)]
    pub bank_details: Option<String>,
    #[serde(default)]
    pub payment_link: Option<String>,
    /// The person who signs.
    #[serde(default)]
    pub signatory: Option<String>,
    /// A line of text standing in for a logo at the top of letters.
    #[serde(default)]
    pub logo_text: Option<String>,
}
crate::decode_struct!(Sender {
    name: "name" = default,
    address: "address" = default,
    email: "email" = default,
    phone: "phone" = default,
    website: "website" = default,
    bank_details: "bankDetails" = default,
    payment_link: "paymentLink" = default,
    signatory: "signatory" = default,
    logo_text: "logoText" = default,
});

/// The longest link a sender may give: links and websites can be long, a name cannot.
const MAX_LINK: usize = 2_000;

impl Sender {
    /// Each field within its length limit (the name is checked by the caller: a notice requires
    /// it, a workspace being set up may leave it empty), errors at `{at}.field`.
    pub(crate) fn check_lengths(&self, at: &str) -> Result<()> {
        for (field, v, max) in [
            ("address", &self.address, MAX_LONG_TEXT),
            ("email", &self.email, MAX_SHORT_TEXT),
            ("phone", &self.phone, MAX_SHORT_TEXT),
            ("website", &self.website, MAX_LINK),
            ("bankDetails", &self.bank_details, MAX_LONG_TEXT),
            ("paymentLink", &self.payment_link, MAX_LINK),
            ("signatory", &self.signatory, MAX_SHORT_TEXT),
            ("logoText", &self.logo_text, MAX_SHORT_TEXT),
        ] {
            if let Some(v) = v {
                check_len(v, max).map_err(|e| e.within(&format!("{at}.{field}")))?;
            }
        }
        Ok(())
    }
}

/// The customer the notice goes to; by default the first invoice's customer.
#[derive(Debug, Clone, Default)]
pub struct Recipient {
    pub name: Option<String>,
    pub contact_name: Option<String>,
    pub account_number: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}
crate::decode_struct!(Recipient {
    name: "name" = default,
    contact_name: "contactName" = default,
    account_number: "accountNumber" = default,
    email: "email" = default,
    phone: "phone" = default,
    address: "address" = default,
});

/// One invoice's line of a `lateCharges` result (other fields are ignored).
#[derive(Debug, Clone)]
pub struct ChargeLine {
    pub id: Id,
    pub interest: Amount,
    pub compensation: Amount,
    pub fees: Amount,
    /// What of the charges is still claimable; the charges themselves when absent.
    /// What is still claimable; the charges themselves when absent.
    pub claimable: Option<Amount>,
    pub explanation: Option<String>,
    /// Percent a year, and the first day of interest: for the notice's own words on the law.
    pub rate: Option<Amount>,
    pub interest_from: Option<Date>,
    pub daily_interest: Option<Amount>,
}
crate::decode_struct!(ChargeLine {
    id: "id",
    interest: "interest" = default,
    compensation: "compensation" = default,
    fees: "fees" = default,
    claimable: "claimable" = default,
    explanation: "explanation" = default,
    rate: "rate" = default,
    interest_from: "interestFrom" = default,
    daily_interest: "dailyInterest" = default,
});

/// A `lateCharges` result with `detail: "invoices"`; lines for other invoices are ignored.
#[derive(Debug, Clone)]
pub struct ChargesIn {
    /// The regime, so the notice can name the law in its own language.
    pub kind: Option<crate::charges::Kind>,
    /// A consumer debtor: Dutch consumer interest is art. 6:119 BW, not 6:119a.
    pub consumer: bool,
    pub invoices: Vec<ChargeLine>,
}
crate::decode_struct!(ChargesIn {
    kind: "kind" = default,
    consumer: "consumer" = default,
    invoices: "invoices"
});

/// An invoice's own stage on the ladder, as `nextActions` gives it in `actions[].invoices[]`:
/// the built-in `template` of its stage (or a built-in `stageId`).
#[derive(Debug, Clone)]
pub struct InvoiceStage {
    pub id: Id,
    pub stage_id: Option<String>,
    pub template: Option<String>,
}
crate::decode_struct!(InvoiceStage {
    id: "id",
    stage_id: "stageId" = default,
    template: "template" = default
});

#[derive(Debug, Clone)]
pub struct PlanRowIn {
    pub number: u32,
    pub due_date: Date,
    pub payment: Amount,
}
crate::decode_struct!(PlanRowIn {
    number: "number",
    due_date: "dueDate",
    payment: "payment"
});

#[derive(Debug, Clone)]
pub struct DownPaymentIn {
    pub amount: Amount,
    pub date: Date,
}
crate::decode_struct!(DownPaymentIn {
    amount: "amount",
    date: "date"
});

#[derive(Debug, Clone)]
pub struct PlanTotalsIn {
    pub paid: Amount,
}
crate::decode_struct!(PlanTotalsIn { paid: "paid" });

/// A `paymentPlan` result (other fields are ignored).
#[derive(Debug, Clone)]
pub struct PlanIn {
    pub schedule: Vec<PlanRowIn>,
    pub down_payment: Option<DownPaymentIn>,
    pub totals: PlanTotalsIn,
    /// The nominal APR (periodic rate × periods a year), what US Regulation Z calls the APR.
    pub apr: Option<Amount>,
    /// The effective annual rate, what UK and EU consumer-credit law call the APR (APRC, effektiver
    /// Jahreszins, TAEG, TAE, jaarlijks kostenpercentage).
    pub effective_annual_rate: Option<Amount>,
}
crate::decode_struct!(PlanIn {
    schedule: "schedule",
    down_payment: "downPayment" = default,
    totals: "totals",
    apr: "apr" = default,
    effective_annual_rate: "effectiveAnnualRate" = default,
});

/// A user's own template. Without `subject` the built-in subject of the stage is used; without
/// `html` the HTML is the text in paragraphs.
#[derive(Debug, Clone)]
pub struct CustomTemplate {
    /// Default: the built-in subject of the stage.
    pub subject: Option<String>,
    pub text: String,
    /// Default: the text as escaped paragraphs. Every inserted value is HTML-escaped.
    pub html: Option<String>,
}
crate::decode_struct!(CustomTemplate {
    subject: "subject" = default,
    text: "text",
    html: "html" = default
});

/// Input of [`render_notice`].
#[derive(Debug, Clone)]
pub struct NoticeInput {
    pub as_of: Date,
    /// The built-in template: a default stage id (`nextActions` gives it as an action's `template`).
    pub stage: Option<String>,
    /// Default: the stage's channel in the default policy.
    pub channel: Option<Channel>,
    pub template: Option<CustomTemplate>,
    /// Default "en", or the locale's language.
    pub language: Option<String>,
    pub locale: Option<String>,
    pub sender: Sender,
    pub customer: Option<Recipient>,
    /// One customer's invoices in one currency, all of them: the notice asks for what is due at its
    /// stage (a courtesy reminder: what is not yet due), lists the rest for information, and holds
    /// what is disputed or under a promise to pay; paid invoices are left out.
    pub invoices: Vec<Invoice>,
    /// A lateCharges result (detail "invoices"); lines for invoices not asked for are ignored. Its
    /// `kind` names the law in the notice's language.
    pub charges: Option<ChargesIn>,
    /// A paymentPlan result. The notice prints the effective annual rate as the APR (the UK and EU
    /// meaning), the nominal `apr` for en-US (Regulation Z).
    pub plan: Option<PlanIn>,
    /// Fees the stage adds (an action's `fees`).
    pub fees: Option<Amount>,
    /// Overrides sender.paymentLink.
    pub payment_link: Option<String>,
    /// Default by stage: 7 days (friendly, follow-up, agency), 10 (final), 14 (plan), 30 (legal);
    /// none for courtesy.
    pub reply_by: Option<Date>,
    /// What happens if the final deadline passes, in the notice's language.
    pub consequence: Option<String>,
    /// `"both"` (default), `"text"` or `"html"`: the part left out is empty and costs nothing.
    pub output: Option<Output>,
    /// What was sent to this customer before (`nextActions` history entries): what the notice may
    /// say about the past.
    pub history: Option<Vec<crate::ladder::Sent>>,
    /// Each invoice's own stage (an action's `invoices`): one at an earlier stage than the notice
    /// is listed as also outstanding, not asked for under this stage's words.
    pub invoice_stages: Option<Vec<InvoiceStage>>,
    /// The built-in stage after this one on the ladder in use, or `"none"`: what the notice says
    /// will happen next. By default, the next stage of the default ladder.
    pub next_stage: Option<String>,
    /// List disputed invoices and those under a promise to pay (never asked for) as on hold.
    pub show_on_hold: Option<bool>,
    /// Attach the customer's statement of account (the UK Pre-Action Protocol asks for one with a
    /// letter before action).
    pub statement: Option<StatementAttachment>,
    /// The customer's credit notes and payments on account: set against the invoices as the
    /// statement sets them (`documents::allocate`), so the notice never asks for money already
    /// received or credited.
    pub documents: Vec<crate::documents::Document>,
}

/// What a notice's attached statement covers: by default the notice's own invoices; pass the
/// customer's whole ledger (`invoices`) and a `from` date for a complete account.
#[derive(Debug, Clone, Default)]
pub struct StatementAttachment {
    pub invoices: Option<Vec<Invoice>>,
    pub from: Option<Date>,
}
crate::decode_struct!(StatementAttachment {
    invoices: "invoices" = default,
    from: "from" = default,
});
crate::decode_struct!(NoticeInput {
    as_of: "asOf",
    stage: "stage" = default,
    channel: "channel" = default,
    template: "template" = default,
    language: "language" = default,
    locale: "locale" = default,
    sender: "sender",
    customer: "customer" = default,
    invoices: "invoices",
    charges: "charges" = default,
    plan: "plan" = default,
    fees: "fees" = default,
    payment_link: "paymentLink" = default,
    reply_by: "replyBy" = default,
    consequence: "consequence" = default,
    output: "output" = default,
    history: "history" = default,
    invoice_stages: "invoiceStages" = default,
    next_stage: "nextStage" = default,
    show_on_hold: "showOnHold" = default,
    statement: "statement" = default,
    documents: "documents" = default,
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Both,
    Text,
    Html,
}
crate::decode_enum!(Output { Both = "both", Text = "text", Html = "html" });

/// A rendered notice.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// One line, never a line break.
    pub subject: String,
    /// Empty when `output` is `"html"`.
    pub text: String,
    /// Empty when `output` is `"text"`.
    pub html: String,
    pub language: &'static str,
    pub locale: &'static str,
    pub stage: String,
    pub channel: Channel,
    #[serde(with = "crate::date::ymd_opt")]
    pub reply_by: Option<Date>,
}

/// What a render needs once the input is checked.
pub(crate) struct Settings {
    pub stage: &'static str,
    pub channel: Channel,
    pub locale: Locale,
    pub language: Language,
}

fn settings(input: &NoticeInput) -> Result<Settings> {
    resolve(
        input.stage.as_deref(),
        input.channel,
        input.language.as_deref(),
        input.locale.as_deref(),
    )
}

fn resolve(
    stage: Option<&str>,
    channel: Option<Channel>,
    language: Option<&str>,
    locale: Option<&str>,
) -> Result<Settings> {
    let stage_name = stage.unwrap_or("friendly");
    let stage = STAGES.iter().copied().find(|s| *s == stage_name).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidValue,
            "stage",
            format!(
                "\"{}\" is not a built-in stage; use one of {}.",
                short(stage_name),
                STAGES.join(", ")
            ),
        )
    })?;
    let (language, locale) = crate::locale::resolve(language, locale)?;
    let channel = channel.unwrap_or_else(|| builtin::default_channel(stage));
    Ok(Settings {
        stage,
        channel,
        locale,
        language,
    })
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

fn check_input(input: &NoticeInput) -> Result<()> {
    if input.invoices.is_empty() {
        return Err(Error::new(
            ErrorCode::MissingField,
            "invoices",
            "A notice needs at least one invoice.",
        ));
    }
    if input.invoices.len() > MAX_NOTICE_INVOICES {
        return Err(Error::new(
            ErrorCode::TooMany,
            "invoices",
            format!("A notice covers at most {MAX_NOTICE_INVOICES} invoices."),
        ));
    }
    validate_invoices(&input.invoices, "invoices")?;
    let first = &input.invoices[0];
    for (i, inv) in input.invoices.iter().enumerate().skip(1) {
        if inv.customer.id != first.customer.id {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("invoices[{i}].customer.id"),
                "A notice goes to one customer: every invoice must have the same customer id.",
            ));
        }
        if inv.currency != first.currency {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("invoices[{i}].currency"),
                "A notice covers one currency: send one notice per currency, as nextActions groups them.",
            ));
        }
    }
    check_text(&input.sender.name, MAX_SHORT_TEXT).map_err(|e| e.within("sender.name"))?;
    input.sender.check_lengths("sender")?;
    if let Some(link) = &input.payment_link {
        check_len(link, MAX_LINK).map_err(|e| e.within("paymentLink"))?;
    }
    if let Some(c) = &input.consequence {
        check_len(c, MAX_LONG_TEXT).map_err(|e| e.within("consequence"))?;
    }
    if let Some(c) = &input.customer {
        if let Some(a) = &c.address {
            check_len(a, MAX_LONG_TEXT).map_err(|e| e.within("customer.address"))?;
        }
        for (path, v) in [
            ("customer.name", &c.name),
            ("customer.contactName", &c.contact_name),
            ("customer.accountNumber", &c.account_number),
            ("customer.email", &c.email),
            ("customer.phone", &c.phone),
        ] {
            if let Some(v) = v {
                check_len(v, MAX_SHORT_TEXT).map_err(|e| e.within(path))?;
            }
        }
    }
    if let Some(t) = &input.template {
        for (part, v) in [("subject", &t.subject), ("html", &t.html)] {
            if let Some(v) = v {
                check_len(v, MAX_TEMPLATE).map_err(|e| e.within(&format!("template.{part}")))?;
            }
        }
        check_len(&t.text, MAX_TEMPLATE).map_err(|e| e.within("template.text"))?;
    }
    if let Some(plan) = &input.plan {
        if plan.schedule.len() > MAX_PLAN_ROWS {
            return Err(Error::new(
                ErrorCode::TooMany,
                "plan.schedule",
                format!("A notice shows at most {MAX_PLAN_ROWS} instalments."),
            ));
        }
    }
    for (i, h) in input.history.iter().flatten().enumerate() {
        if h.date > input.as_of {
            return Err(Error::new(
                ErrorCode::InvalidDateOrder,
                format!("history[{i}].date"),
                "A notice in the history is dated after asOf: history lists what was sent.",
            ));
        }
    }
    if let Some(n) = input.next_stage.as_deref() {
        if n != "none" && !STAGES.contains(&n) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "nextStage",
                format!(
                    "\"{}\" is not a built-in stage; use one of {} or \"none\".",
                    short(n),
                    STAGES.join(", ")
                ),
            ));
        }
    }
    for (i, st) in input.invoice_stages.iter().flatten().enumerate() {
        if !input.invoices.iter().any(|inv| inv.id == st.id) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("invoiceStages[{i}].id"),
                "This invoice is not among the notice's invoices.",
            ));
        }
    }
    if let Some(reply_by) = input.reply_by {
        if reply_by < input.as_of {
            return Err(Error::new(
                ErrorCode::InvalidDateOrder,
                "replyBy",
                "The reply-by date is before asOf.",
            ));
        }
    }
    Ok(())
}

/// Renders one notice.
///
/// # Errors
/// Input errors as everywhere (codes and paths); `template_error` for a custom template that does
/// not compile or names an unknown variable; `template_too_complex` when its loops would repeat too
/// much for this data; `output_too_large` past [`MAX_OUTPUT`].
pub fn render_notice(input: &NoticeInput) -> Result<Notice> {
    check_input(input)?;
    crate::documents::validate_documents(&input.documents, "documents")?;
    let settings = settings(input)?;
    let output = input.output.unwrap_or(Output::Both);
    let want = engine::Want {
        text: output != Output::Html,
        html: output != Output::Text,
    };
    let needs = match &input.template {
        None => engine::builtin_needs(&settings, want)?,
        Some(_) => vars::Needs::ALL,
    };
    let netted = net_documents(input);
    let ctx = context::build(netted.as_ref().unwrap_or(input), &settings, needs)?;
    let (subject, mut text, mut html) = match &input.template {
        None => engine::render_builtin(&settings, &ctx.value, want)?,
        Some(t) => engine::render_custom(t, &settings, &ctx, want)?,
    };
    if let Some(att) = &input.statement {
        let (st_text, st_html) = attach_statement(input, att, &settings).map_err(|e| e.within("statement"))?;
        if want.text {
            text.push_str("\n\n");
            text.push_str(&st_text);
        }
        if want.html {
            if let Some(at) = html.rfind("</body>") {
                html.insert_str(at, &st_html);
            }
        }
    }
    Ok(Notice {
        subject: engine::one_line(&subject),
        text,
        html,
        language: settings.language.code(),
        locale: settings.locale.tag(),
        stage: settings.stage.to_string(),
        channel: settings.channel,
        reply_by: ctx.reply_by,
    })
}

/// The notice's invoices with what the customer's documents cover taken off, as credits dated
/// asOf: allocated over the statement's ledger when one is attached (so the letter and its
/// statement agree invoice by invoice), else over the notice's own invoices. `None` without
/// documents.
fn net_documents(input: &NoticeInput) -> Option<NoticeInput> {
    if input.documents.is_empty() {
        return None;
    }
    let first = input.invoices.first()?;
    let ledger = input
        .statement
        .as_ref()
        .and_then(|s| s.invoices.as_deref())
        .unwrap_or(&input.invoices);
    let mut out = input.clone();
    let mut currencies: Vec<crate::currency::Currency> = Vec::new();
    for inv in &input.invoices {
        if !currencies.contains(&inv.currency) {
            currencies.push(inv.currency);
        }
    }
    for c in currencies {
        let invs: Vec<&Invoice> = ledger
            .iter()
            .filter(|i| i.customer.id == first.customer.id && i.currency == c && i.issue_date <= input.as_of)
            .collect();
        let docs: Vec<&crate::documents::Document> = input
            .documents
            .iter()
            .filter(|d| d.customer_id == first.customer.id && d.currency == c)
            .collect();
        let alloc = crate::documents::allocate(&invs, &docs, input.as_of);
        for (inv, owed) in invs.iter().zip(alloc.owed) {
            let cut = inv.outstanding_as_of(input.as_of).max(rust_decimal::Decimal::ZERO) - owed;
            if let Some(n) = out
                .invoices
                .iter_mut()
                .find(|n| n.id == inv.id)
                .filter(|_| cut > rust_decimal::Decimal::ZERO)
            {
                n.credits.push(crate::invoice::Credit {
                    date: input.as_of,
                    amount: Amount(cut),
                    write_off: false,
                });
            }
        }
    }
    Some(out)
}

fn attach_statement(input: &NoticeInput, att: &StatementAttachment, settings: &Settings) -> Result<(String, String)> {
    let first = input
        .invoices
        .first()
        .ok_or_else(|| Error::new(ErrorCode::MissingField, "invoices", "A notice needs an invoice."))?;
    let r = input.customer.clone().unwrap_or_default();
    let st = crate::statement::StatementInput {
        as_of: input.as_of,
        customer: crate::statement::StatementCustomer {
            id: first.customer.id.clone(),
            name: r.name.or_else(|| Some(first.customer.name.clone())),
            contact_name: r.contact_name,
            account_number: r.account_number.or_else(|| first.customer.account_number.clone()),
            address: r.address,
        },
        invoices: att.invoices.clone().unwrap_or_else(|| input.invoices.clone()),
        documents: input.documents.clone(),
        from: att.from,
        language: Some(settings.language.code().to_string()),
        locale: Some(settings.locale.tag().to_string()),
        sender: Some(input.sender.clone()),
        charges: input.charges.clone(),
        output: None,
    };
    crate::statement::attachment(&st)
}

/// Input of [`notice_template`].
#[derive(Debug, Clone, Default)]
pub struct TemplateQuery {
    pub stage: Option<String>,
    pub channel: Option<Channel>,
    pub language: Option<String>,
}
crate::decode_struct!(TemplateQuery {
    stage: "stage" = default,
    channel: "channel" = default,
    language: "language" = default,
});

/// A built-in template's source, to start a custom one from.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateSource {
    pub subject: String,
    pub text: String,
    /// `null` for phone scripts and text messages, whose HTML is made from the text.
    pub html: Option<String>,
}

/// The source of a built-in template: given back as a custom template, it renders the same notice.
pub fn notice_template(q: &TemplateQuery) -> Result<TemplateSource> {
    let s = resolve(q.stage.as_deref(), q.channel, q.language.as_deref(), None)?;
    let src = |part| builtin::source_for(&s, part);
    Ok(TemplateSource {
        subject: src(builtin::Part::Subject).unwrap_or_default(),
        text: src(builtin::Part::Text).unwrap_or_default(),
        html: match s.channel {
            Channel::Email | Channel::Letter => src(builtin::Part::Html),
            Channel::Phone | Channel::Sms => None,
        },
    })
}

/// Every variable a template can use, with its kind and a description.
pub fn list_template_variables() -> &'static [vars::Variable] {
    vars::VARIABLES
}

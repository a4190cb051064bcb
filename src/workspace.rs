//! The calculator page's workspace: one versioned document holding the invoices, the customers'
//! contact details, the sender, the settings, the notices sent and a communication log. It is read
//! through [`parse_workspace`] whether it comes from browser storage or from a file the user imports,
//! so both go through the same validation and migrations.
//!
//! Versions: 1 is the first. A document from a newer page is refused (never rewritten in an older
//! shape, which would lose what the newer page added); each future version adds one step to
//! `migrate`.

use crate::currency::Currency;
use crate::decode::decode_json;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{check_len, validate_invoices, Id, Invoice, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::ladder::Sent;
use crate::money::round_to_minor;
use crate::notice::Sender;
use chrono::NaiveDate;
use serde::Serialize;

/// The version this build writes.
pub const VERSION: u32 = 1;
/// Most log entries and notices-sent records kept.
pub const MAX_RECORDS: usize = 200_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The currency new invoices start with.
    #[serde(default)]
    pub currency: Option<Currency>,
    #[serde(default)]
    pub locale: Option<String>,
    /// Notice language.
    #[serde(default)]
    pub language: Option<String>,
    /// Ageing bucket limits in days.
    #[serde(default)]
    pub buckets: Option<Vec<i64>>,
    /// Late-charge regime: a `lateCharges` kind (`contract`, `uk`, `eu`, `de`, `fr`, `es`, `nl`, `ie`,
    /// `it`, `us-prompt-payment`).
    #[serde(default)]
    pub regime: Option<String>,
    /// For the contract regime: percent a year.
    #[serde(default)]
    pub contract_rate: Option<String>,
    /// The escalation ladder; the default policy when absent.
    #[serde(default)]
    pub policy: Option<Vec<crate::ladder::Stage>>,
    /// Reference rates the user typed in for dates the built-in tables do not reach yet, each with
    /// its table; passed whole to `lateCharges` as `referenceRates`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reference_rates: Vec<crate::rates::RateRow>,
    /// Who to chase: the overdue amount, in the home currency, that earns all of the priority's
    /// amount points (`collectionWorklist`'s `amountScale` for that currency); its default when
    /// absent.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::money::ser_opt_amount"
    )]
    pub priority_scale: Option<crate::money::Amount>,
}

crate::decode_struct!(Settings {
    currency: "currency" = default,
    locale: "locale" = default,
    language: "language" = default,
    buckets: "buckets" = default,
    regime: "regime" = default,
    contract_rate: "contractRate" = default,
    policy: "policy" = default,
    reference_rates: "referenceRates" = default,
    priority_scale: "priorityScale" = default,
});

impl Settings {
    /// The home currency: GBP until one is chosen, as the page starts.
    pub fn home(&self) -> Currency {
        self.currency.unwrap_or(Currency::GBP)
    }
}

/// What the page knows about a customer beyond what invoices carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerDetails {
    pub id: Id,
    #[serde(default)]
    pub contact_name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}
crate::decode_struct!(CustomerDetails {
    id: "id",
    contact_name: "contactName" = default,
    phone: "phone" = default,
    address: "address" = default,
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Call,
    Email,
    Letter,
    Promise,
    Note,
}
crate::decode_enum!(LogKind {
    Call = "call",
    Email = "email",
    Letter = "letter",
    Promise = "promise",
    Note = "note",
});

/// A dated note in a customer's communication log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    pub customer_id: Id,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    pub kind: LogKind,
    pub text: String,
}
crate::decode_struct!(LogEntry {
    customer_id: "customerId",
    date: "date",
    kind: "kind",
    text: "text"
});

/// A payment plan made for a customer on the page: the `paymentPlan` terms it was made with, so the
/// payment-plan notice can carry its schedule. One per customer and currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedPlan {
    pub customer_id: Id,
    pub currency: Currency,
    #[serde(with = "crate::date::ymd")]
    pub saved_on: NaiveDate,
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub principal: crate::money::Amount,
    /// Percent a year.
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub annual_rate: crate::money::Amount,
    pub frequency: crate::plan::Frequency,
    #[serde(with = "crate::date::ymd")]
    pub first_due_date: NaiveDate,
    pub count: i64,
}
crate::decode_struct!(SavedPlan {
    customer_id: "customerId",
    currency: "currency",
    saved_on: "savedOn",
    principal: "principal",
    annual_rate: "annualRate",
    frequency: "frequency",
    first_due_date: "firstDueDate",
    count: "count",
});

impl SavedPlan {
    /// The `paymentPlan` input it stands for.
    pub fn input(&self) -> crate::plan::PlanInput {
        crate::plan::PlanInput {
            principal: self.principal,
            currency: self.currency,
            annual_rate: self.annual_rate,
            frequency: self.frequency,
            first_due_date: self.first_due_date,
            start_date: None,
            down_payment: None,
            setup_fee: None,
            method: None,
            count: Some(self.count),
            max_instalment: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    /// 1; older documents are migrated on load, newer ones refused.
    #[serde(default)]
    pub version: u32,
    /// The made-up ledger shown on a first visit.
    #[serde(default)]
    pub demo: bool,
    #[serde(default)]
    pub sender: Sender,
    #[serde(default)]
    pub settings: Settings,
    pub invoices: Vec<Invoice>,
    #[serde(default)]
    pub customers: Vec<CustomerDetails>,
    /// Notices sent, as `nextActions` reads them.
    #[serde(default)]
    pub history: Vec<Sent>,
    #[serde(default)]
    pub log: Vec<LogEntry>,
    /// Credit notes and payments on account, not tied to one invoice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<crate::documents::Document>,
    /// Payment plans made for customers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<SavedPlan>,
}
crate::decode_struct!(Workspace {
    version: "version" = default,
    demo: "demo" = default,
    sender: "sender" = default,
    settings: "settings" = default,
    invoices: "invoices",
    customers: "customers" = default,
    history: "history" = default,
    log: "log" = default,
    documents: "documents" = default,
    plans: "plans" = default,
});

/// Input of `parseWorkspace`.
#[derive(Debug, Clone)]
pub struct ParseInput {
    pub text: String,
}
crate::decode_struct!(ParseInput { text: "text" });

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parsed {
    pub workspace: Workspace,
    /// The version the text was in, when it was older than this build's.
    pub migrated_from: Option<u32>,
}

/// The version a workspace text declares.
fn declared_version(text: &str) -> Result<u32> {
    /// `version`: absent, or what it holds when it is a whole number from 1 (`None` otherwise).
    struct Head {
        version: Option<Option<u32>>,
        invoices: bool,
    }
    impl crate::decode::Decode for Head {
        fn decode(r: &mut crate::decode::Reader<'_>) -> Result<Self> {
            let mut head = Head {
                version: None,
                invoices: false,
            };
            r.object(&mut |r, key| {
                match key {
                    "version" if !r.null()? => {
                        let n = match r.got()? {
                            crate::decode::Got::Number(n) => r.take(n).parse::<u32>().ok().filter(|v| *v >= 1),
                            _ => {
                                r.skip()?;
                                None
                            }
                        };
                        head.version = Some(n);
                    }
                    "invoices" if !r.null()? => {
                        head.invoices = true;
                        r.skip()?;
                    }
                    _ => r.skip()?,
                }
                Ok(())
            })?;
            Ok(head)
        }
    }
    let head: Head = decode_json(text)?;
    match (head.version, head.invoices) {
        (Some(v), _) => v.ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                "version",
                "The workspace version must be a whole number from 1.",
            )
        }),
        (None, true) => Ok(1),
        (None, false) => Err(Error::new(
            ErrorCode::MissingField,
            "version",
            "This is not an overdue workspace: it has neither a version nor invoices.",
        )),
    }
}

/// Brings an older document up to [`VERSION`], one version at a time. There is one version so far,
/// so no step yet; a new version adds `2 => …` here and a test with a saved version-1 document.
fn migrate(text: &str, from: u32) -> Result<String> {
    match from {
        VERSION => Ok(text.to_string()),
        _ => Err(Error::new(
            ErrorCode::InvalidValue,
            "version",
            format!("No migration from version {from}."),
        )),
    }
}

/// Reads a workspace document: checks its version, migrates an older one, validates everything.
///
/// # Errors
/// `invalid_value` at `version` for a document from a newer page; the usual codes with paths for
/// invalid content (`invoices[3].dueDate`, `log[0].date`, …).
pub fn parse_workspace(text: &str) -> Result<Parsed> {
    let version = declared_version(text)?;
    if version > VERSION {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "version",
            format!("This workspace was saved by a newer version of the page (version {version}); reload the page to update it."),
        ));
    }
    let current = migrate(text, version)?;
    let mut ws: Workspace = decode_json(&current)?;
    ws.version = VERSION;
    validate(&ws)?;
    canonicalize(&mut ws);
    Ok(Parsed {
        workspace: ws,
        migrated_from: (version < VERSION).then_some(version),
    })
}

/// Checks what serde could not.
pub fn validate(ws: &Workspace) -> Result<()> {
    validate_invoices(&ws.invoices, "invoices")?;
    crate::documents::validate_documents(&ws.documents, "documents")?;
    let s = &ws.sender;
    check_len(&s.name, MAX_SHORT_TEXT).map_err(|e| e.within("sender.name"))?;
    s.check_lengths("sender")?;
    if let Some(policy) = &ws.settings.policy {
        crate::ladder::check_policy(policy).map_err(|e| e.within("settings.policy"))?;
    }
    crate::rates::check_rows(&ws.settings.reference_rates, "settings.referenceRates")?;
    if let Some(scale) = ws.settings.priority_scale {
        crate::invoice::positive(scale, ws.settings.home(), "The amount that counts in full for priority")
            .map_err(|e| e.within("settings.priorityScale"))?;
    }
    for (i, c) in ws.customers.iter().enumerate() {
        for (field, v) in [
            ("contactName", &c.contact_name),
            ("phone", &c.phone),
            ("address", &c.address),
        ] {
            if let Some(v) = v {
                check_len(v, MAX_LONG_TEXT).map_err(|e| e.within(&format!("customers[{i}].{field}")))?;
            }
        }
    }
    for (name, len) in [("history", ws.history.len()), ("log", ws.log.len())] {
        if len > MAX_RECORDS {
            return Err(Error::new(
                ErrorCode::TooMany,
                name,
                format!("At most {MAX_RECORDS} entries are kept."),
            ));
        }
    }
    for (i, e) in ws.log.iter().enumerate() {
        check_len(&e.text, MAX_LONG_TEXT).map_err(|err| err.within(&format!("log[{i}].text")))?;
    }
    if ws.plans.len() > MAX_RECORDS {
        return Err(Error::new(
            ErrorCode::TooMany,
            "plans",
            format!("At most {MAX_RECORDS} plans are kept."),
        ));
    }
    let mut seen: crate::order::Groups<'_, ()> = Default::default();
    for (i, p) in ws.plans.iter().enumerate() {
        let at = format!("plans[{i}]");
        check_len(p.customer_id.as_str(), MAX_SHORT_TEXT).map_err(|e| e.within(&format!("{at}.customerId")))?;
        // The terms must make a plan: the same checks as paymentPlan, with their paths.
        crate::plan::payment_plan(&p.input()).map_err(|e| e.within(&at))?;
        if !seen.add(p.currency, p.customer_id.as_str(), || ()) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                at,
                format!(
                    "A second plan for customer {} in {}: one per customer and currency.",
                    p.customer_id,
                    p.currency.code()
                ),
            ));
        }
    }
    Ok(())
}

/// Writes every amount with exactly its currency's minor digits (`10` → `10.00`), as overdue writes
/// amounts everywhere. Amounts were validated, so nothing is rounded.
pub fn canonicalize(ws: &mut Workspace) {
    for inv in &mut ws.invoices {
        let c = inv.currency;
        inv.amount.0 = round_to_minor(inv.amount.0, c);
        for p in &mut inv.payments {
            p.amount.0 = round_to_minor(p.amount.0, c);
        }
        for cr in &mut inv.credits {
            cr.amount.0 = round_to_minor(cr.amount.0, c);
        }
    }
    for d in &mut ws.documents {
        d.amount.0 = round_to_minor(d.amount.0, d.currency);
    }
    for p in &mut ws.plans {
        p.principal.0 = round_to_minor(p.principal.0, p.currency);
    }
    let home = ws.settings.home();
    if let Some(s) = &mut ws.settings.priority_scale {
        s.0 = round_to_minor(s.0, home);
    }
}

/// The document as stored: compact JSON.
pub fn to_text(ws: &Workspace) -> Result<String> {
    crate::encode::to_json(ws).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            "",
            format!("The workspace could not be written: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = r#"{"version":1,"sender":{"name":"Ada"},"invoices":[{"id":"A","customer":{"id":"c","name":"N"},"currency":"GBP","amount":"10.00","issueDate":"2026-10-01","dueDate":"2026-10-31"}],
        "log":[{"customerId":"c","date":"2026-11-02","kind":"promise","text":"Will pay Friday"}],"history":[{"customerId":"c","stageId":"friendly","date":"2026-11-01"}]}"#;

    #[test]
    fn round_trips() {
        let p = parse_workspace(V1).unwrap();
        assert_eq!(p.migrated_from, None);
        let again = parse_workspace(&to_text(&p.workspace).unwrap()).unwrap();
        assert_eq!(again.workspace, p.workspace);
    }

    #[test]
    fn documents_are_kept_written_canonically_and_checked() {
        let with = V1.replace(
            r#""log":["#,
            r#""documents":[{"kind":"paymentOnAccount","customerId":"c","currency":"GBP","date":"2026-11-20","amount":"5","reference":"BACS 7"}],"log":["#,
        );
        let p = parse_workspace(&with).unwrap();
        let text = to_text(&p.workspace).unwrap();
        // Written back with the currency's two decimals, the optional fields only when present.
        assert!(
            text.contains(r#""documents":[{"kind":"paymentOnAccount","customerId":"c","currency":"GBP","date":"2026-11-20","amount":"5.00","reference":"BACS 7"}]"#),
            "{text}"
        );
        assert_eq!(parse_workspace(&text).unwrap().workspace, p.workspace);
        assert!(!to_text(&parse_workspace(V1).unwrap().workspace)
            .unwrap()
            .contains("documents"));
        let e = parse_workspace(&with.replace(r#""amount":"5""#, r#""amount":"5.001""#)).unwrap_err();
        assert_eq!(e.path, "documents[0].amount");
    }

    #[test]
    fn the_priority_scale_is_kept_and_checked_in_the_home_currency() {
        let with = |settings: &str| {
            V1.replace(
                r#""sender":{"name":"Ada"}"#,
                &format!(r#""sender":{{"name":"Ada"}},"settings":{settings}"#),
            )
        };
        let p = parse_workspace(&with(r#"{"currency":"EUR","priorityScale":"25000.00"}"#)).unwrap();
        let text = to_text(&p.workspace).unwrap();
        assert!(text.contains(r#""priorityScale":"25000.00""#), "{text}");
        assert!(!to_text(&parse_workspace(V1).unwrap().workspace)
            .unwrap()
            .contains("priorityScale"));
        for (settings, code) in [
            (r#"{"priorityScale":"0"}"#, ErrorCode::InvalidAmount),
            (r#"{"priorityScale":"-5"}"#, ErrorCode::InvalidAmount),
            // The home currency is GBP until chosen: two decimals; yen none.
            (r#"{"priorityScale":"10.001"}"#, ErrorCode::TooManyDecimals),
            (
                r#"{"currency":"JPY","priorityScale":"1000.5"}"#,
                ErrorCode::TooManyDecimals,
            ),
        ] {
            let e = parse_workspace(&with(settings)).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (code, "settings.priorityScale"),
                "{settings}"
            );
        }
    }

    #[test]
    fn typed_reference_rates_are_kept_and_checked() {
        let with = V1.replace(
            r#""sender":{"name":"Ada"}"#,
            r#""sender":{"name":"Ada"},"settings":{"referenceRates":[{"table":"boeBankRate","from":"2026-12-31","rate":"3.75"}]}"#,
        );
        let p = parse_workspace(&with).unwrap();
        let text = to_text(&p.workspace).unwrap();
        assert!(
            text.contains(r#""referenceRates":[{"table":"boeBankRate","from":"2026-12-31","rate":"3.75"}]"#),
            "{text}"
        );
        let e = parse_workspace(&with.replace(r#""rate":"3.75""#, r#""rate":"375""#)).unwrap_err();
        assert_eq!(e.path, "settings.referenceRates[0].rate");
        let e = parse_workspace(&with.replace("boeBankRate", "libor")).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
    }

    #[test]
    fn versions() {
        let e = parse_workspace(&V1.replace(r#""version":1"#, r#""version":7"#)).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "version"));
        assert!(e.message.contains("newer"));
        // A bare {invoices} document (what a user might write by hand) is version 1.
        assert!(parse_workspace(r#"{"invoices":[]}"#).is_ok());
        assert_eq!(
            parse_workspace(r#"{"hello":1}"#).unwrap_err().code,
            ErrorCode::MissingField
        );
        assert_eq!(parse_workspace("not json").unwrap_err().code, ErrorCode::InvalidJson);
    }

    #[test]
    fn content_is_validated_with_paths() {
        let e = parse_workspace(&V1.replace("2026-11-02", "2026-02-30")).unwrap_err();
        assert_eq!(e.path, "log[0].date");
        let e = parse_workspace(&V1.replace(r#""amount":"10.00""#, r#""amount":"10.001""#)).unwrap_err();
        assert_eq!(e.path, "invoices[0].amount");
    }

    #[test]
    fn plans_are_kept_checked_and_one_per_customer_and_currency() {
        let plan = r#"{"customerId":"c","currency":"GBP","savedOn":"2026-11-05","principal":"1200","annualRate":"8","frequency":"monthly","firstDueDate":"2026-12-05","count":6}"#;
        let with = V1.replace(r#""history":"#, &format!(r#""plans":[{plan}],"history":"#));
        let p = parse_workspace(&with).unwrap();
        let text = to_text(&p.workspace).unwrap();
        assert!(
            text.contains(r#""plans":[{"customerId":"c","currency":"GBP","savedOn":"2026-11-05","principal":"1200.00","annualRate":"8","frequency":"monthly","firstDueDate":"2026-12-05","count":6}]"#),
            "{text}"
        );
        assert_eq!(parse_workspace(&text).unwrap().workspace, p.workspace);
        let e = parse_workspace(&with.replace(r#""count":6"#, r#""count":0"#)).unwrap_err();
        assert_eq!(e.path, "plans[0].count");
        let e = parse_workspace(&with.replace(r#""principal":"1200""#, r#""principal":"12.345""#)).unwrap_err();
        assert_eq!(e.path, "plans[0].principal");
        let e = parse_workspace(&with.replace(plan, &format!("{plan},{plan}"))).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::DuplicateId, "plans[1]"));
        // The same customer in another currency is another plan.
        assert!(parse_workspace(&with.replace(plan, &format!("{plan},{}", plan.replace("GBP", "EUR")))).is_ok());
    }
}
